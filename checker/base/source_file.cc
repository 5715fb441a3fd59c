#include "checker/base/source_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "checker/base/lines.h"

namespace citelint {

namespace {
uint64_t g_max_bytes = 256ull << 20;

// The continuation bytes (10xxxxxx) among `length` bytes. Eight bytes at a
// time: a continuation byte has its top bit set and the next one clear, so
// `x & ~(x << 1)` keeps the top bit of exactly those (the shift carries
// nothing into another byte's top bit); the multiply sums the eight flags
// into the top byte.
uint32_t Continuations(const char* p, size_t length) {
  uint32_t count = 0;
  constexpr uint64_t kTop = 0x8080808080808080ull;
  size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    count += static_cast<uint32_t>((((x & ~(x << 1) & kTop) >> 7) * 0x0101010101010101ull) >> 56);
  }
  for (; i < length; ++i) count += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80 ? 1 : 0;
  return count;
}
}  // namespace

uint64_t SourceFile::MaxBytes() { return g_max_bytes; }
void SourceFile::SetMaxBytes(uint64_t bytes) { g_max_bytes = std::min<uint64_t>(bytes, UINT32_MAX - 1); }

SourceFile::SourceFile(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
  if (bytes_.size() >= UINT32_MAX) bytes_.resize(UINT32_MAX - 1);  // Read never gets here: it caps first
  const uint32_t n = static_cast<uint32_t>(bytes_.size());
  line_starts_.push_back(0);
  ForEachLineEnd(bytes_, [&](size_t, size_t next) { line_starts_.push_back(static_cast<uint32_t>(next)); });
  code_points_.reserve(n / kBlock + 1);
  uint32_t cps = 0;
  for (size_t block = 0; block <= n; block += kBlock) {
    code_points_.push_back(cps);
    if (block + kBlock <= n) cps += kBlock - Continuations(bytes_.data() + block, kBlock);
  }
}

uint32_t SourceFile::CodePointsBefore(uint32_t offset) const {
  const size_t block = std::min<size_t>(offset / kBlock, code_points_.size() - 1);
  // Every byte that is not a continuation byte starts a code point.
  const auto from = static_cast<uint32_t>(block * kBlock);
  return code_points_[block] + (offset - from) - Continuations(bytes_.data() + from, offset - from);
}

Expected<SourceFile> SourceFile::Read(const std::string& path) {
  const uint64_t cap = MaxBytes();
  auto too_big = [&](const std::string& name) {
    return Status::Error(fmt::format("{}: error: larger than {} bytes (--max-file-size)", name, cap));
  };
  // Reads a stream up to the cap (plus one byte, to know it went over).
  auto slurp = [&](std::istream& in, std::string& out) {
    char buffer[1 << 16];
    while (in && out.size() <= cap) {
      in.read(buffer, sizeof buffer);
      out.append(buffer, static_cast<size_t>(in.gcount()));
    }
    return out.size() <= cap;
  };
  if (path == "-") {
    std::string bytes;
    if (!slurp(std::cin, bytes)) return too_big("<stdin>");
    return SourceFile("<stdin>", std::move(bytes));
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    return Status::Error(path + ": error: " + (ec && ec != std::errc::no_such_file_or_directory ? ec.message()
                                                                                                 : "no such file or directory"));
  }
  if (fs::is_directory(st)) return Status::Error(path + ": error: is a directory");
  if (fs::is_character_file(st) || fs::is_block_file(st) || fs::is_socket(st)) {
    return Status::Error(path + ": error: not a regular file (a device or socket)");
  }
  std::string bytes;
  if (fs::is_regular_file(st)) {
    const auto size = fs::file_size(path, ec);
    if (!ec && size > cap) return too_big(path);
    // Read into a string of the right size, not one that doubled its way there.
    if (!ec) bytes.reserve(static_cast<size_t>(size) + 1);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const char* why = errno != 0 ? std::strerror(errno) : "cannot open file";
    return Status::Error(path + ": error: " + why);
  }
  if (!slurp(in, bytes)) return too_big(path);
  if (in.bad()) return Status::Error(path + ": error: read failed");
  return SourceFile(path, std::move(bytes));
}

LineCol SourceFile::Locate(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(bytes_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const int line = static_cast<int>(it - line_starts_.begin());
  uint32_t start = line_starts_[static_cast<size_t>(line - 1)];
  // A byte-order mark at the start of the file is no column.
  if (start == 0 && offset >= 3 && bytes_.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  return {line, static_cast<int>(CodePointsBefore(offset) - CodePointsBefore(start)) + 1};
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
  uint32_t end = line < line_count() ? line_starts_[line] : static_cast<uint32_t>(bytes_.size());
  // Without its terminator: LF, CRLF or a lone CR.
  if (end > begin && bytes_[end - 1] == '\n') --end;
  if (end > begin && bytes_[end - 1] == '\r') --end;
  return std::string_view(bytes_).substr(begin, end - begin);
}

}  // namespace citelint
