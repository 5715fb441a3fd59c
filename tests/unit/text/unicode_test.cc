// The inline ASCII answers of checker/text/unicode.h against ICU's own, for
// every ASCII code point: the fast paths must not change what a rule sees.
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

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
    EXPECT_EQ(IsAsciiAlnum(static_cast<char>(c)), u_isalpha(c) || u_isdigit(c));
    EXPECT_EQ(AsciiLower(static_cast<char>(c)), static_cast<char>(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
  }
}

TEST(UnicodeTest, WhitespaceBeyondAscii) {
  EXPECT_TRUE(IsWhitespace(0x00A0));   // no-break space
  EXPECT_TRUE(IsWhitespace(0x2003));   // em space
  EXPECT_TRUE(IsWhitespace(0xFEFF));   // byte-order mark
  EXPECT_FALSE(IsWhitespace(0x00E9));  // é
  EXPECT_FALSE(IsWhitespace(-1));      // not a code point
}

// The first ill-formed byte, wherever it falls among runs of ASCII (which
// are passed over eight bytes at a time) and well-formed sequences that
// straddle those eight-byte steps.
TEST(UnicodeTest, FindInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("plain ASCII, longer than eight bytes"), std::nullopt);
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string ascii(pad, 'a');
    // Well formed: a two-, a three- and a four-byte sequence after `pad` bytes, then more ASCII.
    EXPECT_EQ(FindInvalidUtf8(ascii + "\xC3\xA9 \xE2\x80\x9D \xF0\x9F\x98\x80 and more text"), std::nullopt) << pad;
    // A stray continuation byte, a truncated sequence, an overlong encoding.
    EXPECT_EQ(FindInvalidUtf8(ascii + "\x80tail of ascii text"), pad) << pad;
    EXPECT_EQ(FindInvalidUtf8(ascii + "\xE2\x80"), pad) << pad;
    EXPECT_EQ(FindInvalidUtf8(ascii + "\xC0\xAF and text"), pad) << pad;
    EXPECT_EQ(FindInvalidUtf8(ascii + "\xC3\xA9" + ascii + "\xFF"), 2 * pad + 2) << pad;
  }
}

TEST(UnicodeTest, FoldCase) {
  EXPECT_EQ(FoldCase("Harbour GAZETTE 42"), "harbour gazette 42");
  EXPECT_EQ(FoldCase(""), "");
  // Past ASCII, ICU's full folding: the whole string, not only the rest.
  EXPECT_EQ(FoldCase("ÉCOLE Straße"), "école strasse");
  EXPECT_EQ(FoldCase("Ab\xC3\x89"), "ab\xC3\xA9");
  // Into a buffer: written over, and right when the text is a view of it.
  std::string out = "left over from before";
  FoldCase("ÉCOLE", out);
  EXPECT_EQ(out, "école");
  out = "Harbour GAZETTE Straße";
  FoldCase(std::string_view(out).substr(8), out);
  EXPECT_EQ(out, "gazette strasse");
  // Appended: what is there stays, ASCII and not.
  out = "kept|";
  AppendFoldCase("Mixed ÉCOLE", out);
  AppendFoldCase("|STRASSE Straße", out);
  AppendFoldCase("", out);
  EXPECT_EQ(out, "kept|mixed école|strasse strasse");
  AppendFoldCase("|ALL ASCII, Longer Than Eight Bytes", out);  // all ASCII, onto what is there
  EXPECT_EQ(out, "kept|mixed école|strasse strasse|all ascii, longer than eight bytes");
}

}  // namespace
}  // namespace citelint::text

namespace citelint::text {
namespace {

// ICU's full case folding of the whole string, as FoldCase once did it.
std::string IcuFold(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Every code point, alone and between ASCII letters, folds as ICU folds it.
TEST(UnicodeTest, FoldCaseIsIcusFoldingForEveryCodePoint) {
  int differ = 0;
  for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are no UTF-8
    char buffer[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, c);
    const std::string one(buffer, static_cast<size_t>(n));
    const std::string framed = "Ab" + one + "Cd" + one + one;
    if (FoldCase(one) != IcuFold(one) || FoldCase(framed) != IcuFold(framed)) ++differ;
    if (differ == 1 && FoldCase(framed) != IcuFold(framed)) ADD_FAILURE() << "U+" << std::hex << c;
  }
  EXPECT_EQ(differ, 0);
}

// Ill-formed UTF-8 comes out as ICU makes it (U+FFFD where ICU puts one).
TEST(UnicodeTest, FoldCaseOfIllFormedUtf8IsIcus) {
  for (const std::string& s : {std::string("a\xC3"), std::string("\xC3" "A"), std::string("\xE2\x80" "B\x80"),
                              std::string("X\xF0\x9F\x98"), std::string("\xFF\xFE" "Q"), std::string("\xC3\xA9\xE2")}) {
    EXPECT_EQ(FoldCase(s), IcuFold(s));
  }
}

}  // namespace
}  // namespace citelint::text
