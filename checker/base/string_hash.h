// Hash sets and maps of strings looked up by std::string_view, without
// making a string of each key asked about (C++20 heterogeneous lookup).
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

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
    auto load = [&](size_t at, size_t n) {
      uint64_t v = 0;
      std::memcpy(&v, s.data() + at, n);
      return v;
    };
    uint64_t h = kP0 ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) h = mix(h ^ load(i, 8), kP1);
    if (i < s.size()) h = mix(h ^ load(i, s.size() - i), kP1);
    return static_cast<size_t>(mix(h, kP0));
  }
};

using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

}  // namespace citelint
