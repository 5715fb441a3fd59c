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

TEST(SourceFileTest, LoneCarriageReturnsEndLines) {
  SourceFile f("a.txt", "one\rtwo\r\nthree\nfour\r");
  EXPECT_EQ(f.line_count(), 5);  // the last CR ends line 4; line 5 is empty
  EXPECT_EQ(f.Line(1), "one");
  EXPECT_EQ(f.Line(2), "two");
  EXPECT_EQ(f.Line(3), "three");
  EXPECT_EQ(f.Line(4), "four");
  EXPECT_EQ(f.Locate(4).line, 2);
  EXPECT_EQ(f.Locate(4).column, 1);
}

TEST(SourceFileTest, AByteOrderMarkIsNoColumn) {
  SourceFile f("a.txt", "\xEF\xBB\xBF" "ab\ncd");
  EXPECT_EQ(f.Locate(3).column, 1);  // "a"
  EXPECT_EQ(f.Locate(4).column, 2);
  EXPECT_EQ(f.Locate(7).column, 2);  // "d": line 2 is not shifted
}

TEST(SourceFileTest, ColumnsOnALongLineCountEveryCodePoint) {
  // Across several 4 KiB blocks, with multi-byte characters straddling them.
  std::string line;
  for (int i = 0; i < 5000; ++i) line += i % 3 == 0 ? "\u00e9" : "x";  // é is 2 bytes
  SourceFile f("a.txt", "head\n" + line + "!");
  const uint32_t bang = static_cast<uint32_t>(5 + line.size());
  EXPECT_EQ(f.Locate(bang).line, 2);
  EXPECT_EQ(f.Locate(bang).column, 5001);
  uint32_t mid = 5 + 4096;
  while ((static_cast<unsigned char>(f.bytes()[mid]) & 0xC0) == 0x80) ++mid;
  int expected = 1;
  for (uint32_t i = 5; i < mid; ++i) expected += (static_cast<unsigned char>(f.bytes()[i]) & 0xC0) != 0x80;
  EXPECT_EQ(f.Locate(mid).column, expected);
}

TEST(SourceFileTest, ColumnsAtEveryOffsetMatchACountByteByByte) {
  // Bytes of every kind (ASCII, lead bytes, continuation bytes, invalid ones;
  // no line ends) in a pseudo-random order over several blocks, located at
  // every offset: the column is one more than the code points before it.
  std::string bytes;
  uint32_t state = 12345;
  const unsigned char kinds[] = {'a', ' ', 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF, 0x7F, 0x40};
  for (int i = 0; i < 3000; ++i) {
    state = state * 1103515245u + 12345u;
    bytes += static_cast<char>(kinds[(state >> 16) % sizeof kinds]);
  }
  SourceFile f("a.bin", bytes);
  uint32_t expected = 0;
  for (uint32_t offset = 0; offset <= bytes.size(); ++offset) {
    ASSERT_EQ(f.Locate(offset).column, static_cast<int>(expected) + 1) << "at offset " << offset;
    if (offset < bytes.size()) expected += (static_cast<unsigned char>(bytes[offset]) & 0xC0) != 0x80 ? 1 : 0;
  }
}

TEST(SourceFileTest, ReadRefusesDevicesAndFilesOverTheCap) {
  auto dev = SourceFile::Read("/dev/null");
  ASSERT_FALSE(dev.ok());
  EXPECT_NE(dev.status().message().find("/dev/null: error: not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace citelint
