// Span: a half-open byte range [begin, end) into a SourceFile's bytes. Every
// position inside citelint is a byte offset; line and column appear only when
// a report is written.
#pragma once

#include <cstdint>

namespace citelint {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  [[nodiscard]] uint32_t size() const { return end - begin; }
  [[nodiscard]] bool empty() const { return end <= begin; }
  [[nodiscard]] bool Contains(uint32_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace citelint
