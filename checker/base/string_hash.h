// Hash sets and maps of strings looked up by std::string_view, without
// making a string of each key asked about (C++20 heterogeneous lookup).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace citelint {

// The words looked up are short (a lexicon word, a folded token): eight bytes
// at a time, multiplied by odd constants and the high bits folded in, inline. Only lookups
// depend on it: nothing iterates these containers to print or number anything.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    constexpr uint64_t kP0 = 0xa0761d6478bd642fULL, kP1 = 0xe7037ed1a0b428dbULL;
    auto mix = [](uint64_t a, uint64_t b) {
      const uint64_t r = a * b;
      return r ^ (r >> 29);
    };
    auto load8 = [&](size_t at) {
      uint64_t v = 0;
      std::memcpy(&v, s.data() + at, 8);  // (a fixed size: one load)
      return v;
    };
    // The last one to seven bytes, the lowest first: a copy of a variable size
    // was a call to memcpy and a load that waited for its stores.
    auto tail = [&](size_t at) {
      uint64_t v = 0;
      for (size_t k = 0; at + k < s.size(); ++k) v |= static_cast<uint64_t>(static_cast<unsigned char>(s[at + k])) << (8 * k);
      return v;
    };
    uint64_t h = kP0 ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) h = mix(h ^ load8(i), kP1);
    if (i < s.size()) h = mix(h ^ tail(i), kP1);
    return static_cast<size_t>(mix(h, kP0));
  }
};

using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// A map from strings to values for lists built once and then read for
// every word of a document (a lexicon's word lists, phrases by their first
// word): open addressing over a power-of-two table whose slots hold an
// entry's index and its hash's upper bits, so a lookup hashes once, masks
// (where std::unordered_map divides by a prime) and reads an entry only when
// those bits agree (where it chased a node per probe). Entries are kept in
// insertion order; a pointer to a value is valid until the next insertion.
template <class V>
class FlatStringMap {
 public:
  // The value of `key`, or null.
  [[nodiscard]] const V* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = StringHash{}(key);
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & Mask();; i = (i + 1) & Mask()) {
      const Slot& slot = slots_[i];
      if (slot.index == 0) return nullptr;
      if (slot.tag == tag && entries_[slot.index - 1].first == key) return &entries_[slot.index - 1].second;
    }
  }
  [[nodiscard]] V* find(std::string_view key) { return const_cast<V*>(std::as_const(*this).find(key)); }
  [[nodiscard]] bool contains(std::string_view key) const { return find(key) != nullptr; }
  [[nodiscard]] size_t count(std::string_view key) const { return contains(key) ? 1 : 0; }
  [[nodiscard]] size_t size() const { return entries_.size(); }
  [[nodiscard]] bool empty() const { return entries_.empty(); }

  // Inserts `key` with `value` unless it is in; its value, and whether it was inserted.
  std::pair<V*, bool> try_emplace(std::string_view key, V value = V()) {
    if (V* kept = find(key)) return {kept, false};
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.emplace_back(std::string(key), std::move(value));
    Place(static_cast<uint32_t>(entries_.size()), StringHash{}(key));
    return {&entries_.back().second, true};
  }
  // The value of `key`, inserted default-made if it is not in.
  V& operator[](std::string_view key) { return *try_emplace(key).first; }
  // For a set's use: inserts `key` unless it is in; whether it was inserted.
  bool insert(std::string_view key) { return try_emplace(key).second; }

 private:
  struct Slot {
    uint32_t index = 0;  // the entry's index + 1; 0 for an empty slot
    uint32_t tag = 0;    // its hash's upper 32 bits
  };
  [[nodiscard]] size_t Mask() const { return slots_.size() - 1; }
  void Place(uint32_t index, uint64_t h) {
    size_t i = h & Mask();
    while (slots_[i].index != 0) i = (i + 1) & Mask();
    slots_[i] = {index, static_cast<uint32_t>(h >> 32)};
  }
  // Doubles the table (at least 16 slots) and places every entry again: at
  // most half the slots are used.
  void Grow() {
    slots_.assign(slots_.empty() ? 16 : 2 * slots_.size(), Slot());
    for (size_t e = 0; e < entries_.size(); ++e) Place(static_cast<uint32_t>(e + 1), StringHash{}(entries_[e].first));
  }

  std::vector<std::pair<std::string, V>> entries_;
  std::vector<Slot> slots_;
};

// The same as a set of strings (contains, count, insert).
using FlatStringSet = FlatStringMap<bool>;

// A sieve over a set of words, asked before the set itself: whether a word
// may be in it, by its length and first two bytes — one bit of a 4,096-bit
// table, set for every word added. A false answer is exact; a true one
// sends the word on to the set. Most words of a text start no lexicon phrase,
// and are turned away without being hashed or looked for.
class WordSieve {
 public:
  void Add(std::string_view w) {
    const size_t b = Bit(w);
    bits_[b / 64] |= uint64_t{1} << (b % 64);
  }
  [[nodiscard]] bool MayHold(std::string_view w) const {
    const size_t b = Bit(w);
    return (bits_[b / 64] >> (b % 64) & 1) != 0;
  }

 private:
  static size_t Bit(std::string_view w) {
    const auto c0 = static_cast<size_t>(w.empty() ? 0 : static_cast<unsigned char>(w[0]));
    const auto c1 = static_cast<size_t>(w.size() < 2 ? 0 : static_cast<unsigned char>(w[1]));
    return ((std::min<size_t>(w.size(), 15) << 8) | ((c0 ^ (c1 << 3) ^ (c1 >> 5)) & 0xFF)) & 4095;
  }
  std::array<uint64_t, 64> bits_{};
};

}  // namespace citelint
