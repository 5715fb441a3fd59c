#include "checker/base/source_file.h"

#include <gtest/gtest.h>

namespace citelint {
namespace {

TEST(SourceFileTest, LocatesLinesAndCodePointColumns) {
  SourceFile f("a.txt", "ab\n“é”x\r\nlast");
  EXPECT_EQ(f.line_count(), 3);
  EXPECT_EQ(f.Locate(0).line, 1);
  EXPECT_EQ(f.Locate(1).column, 2);
  // Line 2 starts at byte 3; “ is 3 bytes, é is 2 bytes.
  const LineCol x = f.Locate(3 + 3 + 2 + 3);
  EXPECT_EQ(x.line, 2);
  EXPECT_EQ(x.column, 4);  // “ é ” then x
  EXPECT_EQ(f.Line(2), "“é”x");  // CR stripped
  EXPECT_EQ(f.Line(3), "last");
  EXPECT_EQ(f.Locate(static_cast<uint32_t>(f.bytes().size())).line, 3);
}

TEST(SourceFileTest, ReadNamesTheMissingFile) {
  auto r = SourceFile::Read("/nonexistent/citelint/file.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/citelint/file.txt"), std::string::npos);
}

}  // namespace
}  // namespace citelint
