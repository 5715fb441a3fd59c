#include "checker/base/source_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checker/document/document.h"

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

TEST(SourceFileTest, LinesOfEveryKindOfLineEndMatchAByteByByteScan) {
  // LF, CR LF, lone CR (also last), blank lines and a byte-order mark, in a
  // pseudo-random order: every offset's line, every line's start, and
  // SourceLines' content spans, against the definition applied byte by byte.
  const char* const kPieces[] = {"a", "b c", "\n", "\r\n", "\r", "\n\n", "\r\r\n", "\u00e9", "\xEF\xBB\xBF"};
  uint32_t state = 99;
  for (int doc = 0; doc < 200; ++doc) {
    std::string bytes;
    const int pieces = doc % 40;
    for (int k = 0; k < pieces; ++k) {
      state = state * 1103515245u + 12345u;
      bytes += kPieces[(state >> 16) % (sizeof kPieces / sizeof *kPieces)];
    }
    std::vector<uint32_t> starts = {0};
    for (uint32_t i = 0; i < bytes.size(); ++i) {
      const bool lone_cr = bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n');
      if (bytes[i] == '\n' || lone_cr) starts.push_back(i + 1);
    }
    const SourceFile f("a.txt", bytes);
    ASSERT_EQ(f.line_count(), static_cast<int>(starts.size())) << "document " << doc;
    for (size_t line = 0; line < starts.size(); ++line) {
      ASSERT_EQ(f.LineStart(static_cast<int>(line) + 1), starts[line]) << "document " << doc << " line " << line + 1;
    }
    for (uint32_t offset = 0; offset <= bytes.size(); ++offset) {
      const int line = static_cast<int>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
      ASSERT_EQ(f.LineOf(offset), line) << "document " << doc << " offset " << offset;
    }
    // SourceLines: each line's content (without its terminator), after a
    // byte-order mark; a last line only when it has bytes.
    std::vector<Span> lines;
    const uint32_t bom = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    uint32_t begin = bom;
    for (uint32_t i = bom; i < bytes.size(); ++i) {
      const bool lone_cr = bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n');
      if (bytes[i] != '\n' && !lone_cr) continue;
      lines.push_back({begin, bytes[i] == '\n' && i > begin && bytes[i - 1] == '\r' ? i - 1 : i});
      begin = i + 1;
    }
    if (begin < bytes.size()) lines.push_back({begin, static_cast<uint32_t>(bytes.size())});
    const std::vector<Span> got = SourceLines(bytes);
    ASSERT_EQ(got.size(), lines.size()) << "document " << doc;
    for (size_t k = 0; k < lines.size(); ++k) {
      ASSERT_EQ(got[k].begin, lines[k].begin) << "document " << doc << " line " << k;
      ASSERT_EQ(got[k].end, lines[k].end) << "document " << doc << " line " << k;
    }
  }
}

TEST(SourceFileTest, ReadRefusesDevicesAndFilesOverTheCap) {
  auto dev = SourceFile::Read("/dev/null");
  ASSERT_FALSE(dev.ok());
  EXPECT_NE(dev.status().message().find("/dev/null: error: not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace citelint
