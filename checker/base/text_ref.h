// TextRef and TextArena: the short strings a document keeps by the
// thousand (every marker's and note's label, every note's text and URLs)
// read through a view, 16 bytes a string where a std::string took 32 and,
// past 15 bytes, a heap block of its own: a view of the source where it has
// the string as written (Document::KeepWritten), else of a copy kept once,
// one after another, in the document's arena.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace citelint {

// A view of text kept by something that outlives it: a TextArena, a
// document's source, or a string literal. It reads like std::string_view (it is one); it cannot be
// made from a std::string, so a temporary's bytes are never kept by mistake:
// a string is kept with TextArena::Keep.
class TextRef : public std::string_view {
 public:
  constexpr TextRef() = default;
  template <size_t N>
  constexpr TextRef(const char (&literal)[N])  // NOLINT(google-explicit-constructor): a literal lives forever
      : std::string_view(literal, N - 1) {}
  // Read as a std::string where one is wanted (a copy).
  operator std::string() const { return std::string(data(), size()); }  // NOLINT(google-explicit-constructor)

 private:
  friend class TextArena;
  friend struct Document;  // reads a label or a note where its source has it
  constexpr explicit TextRef(std::string_view kept) : std::string_view(kept) {}
};

// Concatenation, as with the std::string a TextRef stands for.
inline std::string operator+(std::string a, TextRef b) { return std::move(a.append(b)); }
inline std::string operator+(TextRef a, const std::string& b) { return std::string(a).append(b); }
inline std::string operator+(const char* a, TextRef b) { return std::string(a).append(b); }
inline std::string operator+(TextRef a, const char* b) { return std::string(a).append(b); }
inline std::string operator+(char a, TextRef b) { return std::string(1, a).append(b); }
inline std::string operator+(TextRef a, char b) { return std::string(a) + b; }

// Append-only storage for TextRefs: chunks that never move, so every view
// stays valid as long as the arena. A chunk is at least twice the last (256
// bytes first, 64 KiB at most), so a small document takes little and a large
// one few allocations.
class TextArena {
 public:
  TextArena() = default;
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;

  TextRef Keep(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > left_) NewChunk(s.size());
    char* at = next_;
    s.copy(at, s.size());
    next_ += s.size();
    left_ -= s.size();
    return TextRef(std::string_view(at, s.size()));
  }

  // Keeps each string and a list of their TextRefs, read as a span (valid
  // as long as the arena): a note's URLs in 16 bytes and their own.
  std::span<const TextRef> KeepAll(const std::vector<std::string>& strings) {
    if (strings.empty()) return {};
    std::vector<TextRef> refs;
    refs.reserve(strings.size());
    for (const std::string& s : strings) refs.push_back(Keep(s));
    const size_t bytes = refs.size() * sizeof(TextRef);
    // Aligned for TextRefs (a chunk starts aligned; strings may have left it odd).
    const size_t pad = (alignof(TextRef) - reinterpret_cast<uintptr_t>(next_) % alignof(TextRef)) % alignof(TextRef);
    if (next_ == nullptr || pad + bytes > left_) {
      NewChunk(bytes);
    } else {
      next_ += pad;
      left_ -= pad;
    }
    TextRef* out = reinterpret_cast<TextRef*>(next_);
    std::uninitialized_copy(refs.begin(), refs.end(), out);
    next_ += bytes;
    left_ -= bytes;
    return {out, refs.size()};
  }

 private:
  void NewChunk(size_t need) {
    chunk_ = chunk_ == 0 ? 256 : std::min<size_t>(2 * chunk_, 64 * 1024);
    const size_t size = std::max(chunk_, need);
    chunks_.push_back(std::make_unique<char[]>(size));
    next_ = chunks_.back().get();
    left_ = size;
  }

  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t chunk_ = 0;
};

}  // namespace citelint
