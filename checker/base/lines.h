// Line ends found a line at a time (memchr), not a byte at a time: the one
// definition of a line the source map and the loaders share.
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>

namespace citelint {

// Calls each(end, next) for every line end of `s`, in order: a line feed, a
// CR LF pair, or a lone carriage return (old Mac files), as cmark-gfm ends
// lines. `end` is where the line's content ends (the terminator's first
// byte), `next` where the next line starts.
template <class F>
void ForEachLineEnd(std::string_view s, const F& each) {
  const char* const data = s.data();
  const size_t n = s.size();
  auto find = [&](char c, size_t from) -> size_t {
    if (from >= n) return n;
    const void* p = std::memchr(data + from, c, n - from);
    return p == nullptr ? n : static_cast<size_t>(static_cast<const char*>(p) - data);
  };
  size_t cr = find('\r', 0);
  size_t lf = find('\n', 0);
  while (cr < n || lf < n) {
    if (lf < cr) {
      each(lf, lf + 1);
      lf = find('\n', lf + 1);
    } else if (lf < n && cr + 1 == lf) {  // CR LF: one line end
      each(cr, lf + 1);
      cr = find('\r', lf + 1);
      lf = find('\n', lf + 1);
    } else {  // a lone CR
      each(cr, cr + 1);
      cr = find('\r', cr + 1);
    }
  }
}

}  // namespace citelint
