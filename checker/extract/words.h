// Word-level normalization for comparing quotes and figures' context: case
// folded, typographic apostrophes and hyphens made plain, punctuation dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace citelint::extract {

std::vector<std::string> NormalizedWords(std::string_view text);

// Word n-gram index over a set of texts (the notes): which texts contain a
// run of words, in time linear in the texts' size.
class WordIndex {
 public:
  explicit WordIndex(int n = 3) : n_(n) {}
  // Adds text `id` (ids are small, dense integers: note indexes). Call Seal()
  // after the last Add and before any lookup.
  void Add(int id, const std::vector<std::string>& words);
  void Seal();
  // A quote is given as its fragments: the runs of words between editorial
  // brackets and ellipses (a quote without them is one fragment).
  using Fragments = std::vector<std::vector<std::string>>;
  // Fraction of the quote's n-grams (or, for short fragments, the whole
  // fragment) found in text `id`: 1.0 means every run of the quote occurs there.
  [[nodiscard]] double Overlap(int id, const Fragments& quote) const;
  // Texts that share at least one n-gram with the quote, in increasing id.
  [[nodiscard]] std::vector<int> Candidates(const Fragments& quote) const;
  // True when every fragment occurs contiguously in text `id`, in order.
  [[nodiscard]] bool ContainsVerbatim(int id, const Fragments& quote) const;

 private:
  static uint64_t Hash(const std::vector<std::string>& words, size_t from, size_t count);
  // The ids holding an n-gram: a range of grams_.
  [[nodiscard]] std::pair<const std::pair<uint64_t, int>*, const std::pair<uint64_t, int>*> Find(uint64_t gram) const;
  int n_;
  // (n-gram hash, id), sorted and unique once sealed: 16 bytes an n-gram
  // where a hash map of id lists took about 80.
  std::vector<std::pair<uint64_t, int>> grams_;
  std::vector<std::string> joined_;  // by id: " w1 w2 … "
};

}  // namespace citelint::extract
