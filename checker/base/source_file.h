// SourceFile: the bytes of one input exactly as read, with a line table that
// turns byte offsets into 1-based line and column (columns count Unicode code
// points). citelint never writes to the files it reads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/base/status.h"

namespace citelint {

struct LineCol {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in code points
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string bytes);

  // Reads a file (or standard input when path is "-"). Fails with a message
  // naming the path when the file is missing, unreadable, a directory, a
  // device or socket, or larger than MaxBytes(). A FIFO is read up to the cap.
  static Expected<SourceFile> Read(const std::string& path);
  // The largest input read (--max-file-size); 256 MiB unless set. Offsets
  // are 32-bit, so never more than 4 GiB - 1.
  static uint64_t MaxBytes();
  static void SetMaxBytes(uint64_t bytes);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string_view bytes() const { return bytes_; }
  [[nodiscard]] int line_count() const { return static_cast<int>(line_starts_.size()); }

  // Line and column of a byte offset (offset may equal size()). Lines end at
  // LF, CRLF or a lone CR (as cmark-gfm counts them); a byte-order mark is
  // no column. O(log lines + 4 KiB), however long the line.
  [[nodiscard]] LineCol Locate(uint32_t offset) const;
  // The 1-based line of a byte offset (without the column's code-point count).
  [[nodiscard]] int LineOf(uint32_t offset) const;
  // Byte offset of the start of a 1-based line.
  [[nodiscard]] uint32_t LineStart(int line) const;
  // The text of a 1-based line, without its line terminator.
  [[nodiscard]] std::string_view Line(int line) const;

 private:
  [[nodiscard]] uint32_t CodePointsBefore(uint32_t offset) const;

  std::string path_;
  std::string bytes_;
  std::vector<uint32_t> line_starts_;
  std::vector<uint32_t> code_points_;  // code points before each kBlock-byte block
  static constexpr uint32_t kBlock = 512;  // 4 bytes of table per 512 of text
};

}  // namespace citelint
