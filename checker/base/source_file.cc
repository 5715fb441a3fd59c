#include "checker/base/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace citelint {

SourceFile::SourceFile(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < bytes_.size(); ++i) {
    if (bytes_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

Expected<SourceFile> SourceFile::Read(const std::string& path) {
  if (path == "-") {
    std::ostringstream out;
    out << std::cin.rdbuf();
    return SourceFile("<stdin>", out.str());
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::Error(path + ": error: is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const char* why = errno != 0 ? std::strerror(errno) : "cannot open file";
    return Status::Error(path + ": error: " + why);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": error: read failed");
  std::string bytes = std::move(buffer).str();
  return SourceFile(path, std::move(bytes));
}

LineCol SourceFile::Locate(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(bytes_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const int line = static_cast<int>(it - line_starts_.begin());
  int column = 1;
  for (uint32_t i = line_starts_[line - 1]; i < offset; ++i) {
    // Count code points: every byte that is not a UTF-8 continuation byte.
    if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

int SourceFile::LineOf(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(bytes_.size()));
  return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin());
}

uint32_t SourceFile::LineStart(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return static_cast<uint32_t>(bytes_.size());
  return line_starts_[line - 1];
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_count() ? line_starts_[line] - 1 : static_cast<uint32_t>(bytes_.size());
  if (end > begin && bytes_[end - 1] == '\r') --end;
  return std::string_view(bytes_).substr(begin, end - begin);
}

}  // namespace citelint
