// TextRef and TextArena: the short strings a document keeps by the
// thousand (every marker's and note's label, every note's text, URLs, id
// and backlink, every quote's normalized words) read through a view, 16
// bytes a string where a std::string took 32 and, past 15 bytes, a heap
// block of its own: a view of the source where it has the string as written
// (Document::KeepWritten), else of a copy kept once, one after another, in
// the document's arena.
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
// document's source, or a string literal. It reads like std::string_view
// (it is one); it cannot be made from a std::string, so a temporary's bytes
// are never kept by mistake: a string is kept with TextArena::Keep.
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

// A list of TextRefs kept by a TextArena, read like a span: 8 bytes (a
// pointer to the count the arena keeps before the list), where a span took 16.
class TextRefList {
 public:
  TextRefList() = default;
  [[nodiscard]] const TextRef* begin() const { return count_ == nullptr ? nullptr : reinterpret_cast<const TextRef*>(count_ + 1); }
  [[nodiscard]] const TextRef* end() const { return begin() + size(); }
  [[nodiscard]] size_t size() const { return count_ == nullptr ? 0 : static_cast<size_t>(*count_); }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] const TextRef& front() const { return *begin(); }
  [[nodiscard]] const TextRef& operator[](size_t i) const { return begin()[i]; }
  [[nodiscard]] std::span<const TextRef> span() const { return {begin(), size()}; }

 private:
  friend class TextArena;
  explicit TextRefList(const uint64_t* count) : count_(count) {}
  const uint64_t* count_ = nullptr;
};

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

  // Keeps each string and a list of their TextRefs (valid as long as the
  // arena): a note's URLs in 8 bytes and their own.
  TextRefList KeepAll(const std::vector<std::string>& strings) {
    if (strings.empty()) return {};
    std::vector<TextRef> refs;
    refs.reserve(strings.size());
    for (const std::string& s : strings) refs.push_back(Keep(s));
    return KeepList(refs);
  }

  // Keeps a list of TextRefs (their strings already kept, by this arena or
  // for longer).
  TextRefList KeepList(std::span<const TextRef> refs) {
    if (refs.empty()) return {};
    // The count, then the TextRefs, aligned for both (a chunk starts
    // aligned; strings may have left it odd).
    const size_t bytes = sizeof(uint64_t) + refs.size() * sizeof(TextRef);
    const size_t pad = (alignof(TextRef) - reinterpret_cast<uintptr_t>(next_) % alignof(TextRef)) % alignof(TextRef);
    if (next_ == nullptr || pad + bytes > left_) {
      NewChunk(bytes);
    } else {
      next_ += pad;
      left_ -= pad;
    }
    static_assert(alignof(TextRef) >= alignof(uint64_t) && sizeof(uint64_t) % alignof(TextRef) == 0);
    uint64_t* count = reinterpret_cast<uint64_t*>(next_);
    *count = refs.size();
    std::uninitialized_copy(refs.begin(), refs.end(), reinterpret_cast<TextRef*>(count + 1));
    next_ += bytes;
    left_ -= bytes;
    return TextRefList(count);
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
