// The inline ASCII answers of checker/text/unicode.h against ICU's own, for
// every ASCII code point: the fast paths must not change what a rule sees.
#include <unicode/uchar.h>

#include <gtest/gtest.h>

#include <string>

#include "checker/text/unicode.h"

namespace citelint::text {
namespace {

TEST(UnicodeTest, AsciiFastPathsAgreeWithIcu) {
  for (int32_t c = 0; c < 0x80; ++c) {
    SCOPED_TRACE(c);
    EXPECT_EQ(IsLetter(c), static_cast<bool>(u_isalpha(c)));
    EXPECT_EQ(IsUpper(c), static_cast<bool>(u_isupper(c)));
    EXPECT_EQ(IsLower(c), static_cast<bool>(u_islower(c)));
    EXPECT_EQ(IsWhitespace(c), static_cast<bool>(u_isUWhiteSpace(c)));
  }
}

TEST(UnicodeTest, WhitespaceBeyondAscii) {
  EXPECT_TRUE(IsWhitespace(0x00A0));   // no-break space
  EXPECT_TRUE(IsWhitespace(0x2003));   // em space
  EXPECT_TRUE(IsWhitespace(0xFEFF));   // byte-order mark
  EXPECT_FALSE(IsWhitespace(0x00E9));  // é
  EXPECT_FALSE(IsWhitespace(-1));      // not a code point
}

TEST(UnicodeTest, FoldCase) {
  EXPECT_EQ(FoldCase("Harbour GAZETTE 42"), "harbour gazette 42");
  EXPECT_EQ(FoldCase(""), "");
  // Past ASCII, ICU's full folding: the whole string, not only the rest.
  EXPECT_EQ(FoldCase("ÉCOLE Straße"), "école strasse");
  EXPECT_EQ(FoldCase("Ab\xC3\x89"), "ab\xC3\xA9");
}

}  // namespace
}  // namespace citelint::text
