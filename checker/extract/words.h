// Word-level normalization for comparing quotes and figures' context: case
// folded, typographic apostrophes and hyphens made plain, punctuation dropped.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "checker/base/string_hash.h"
#include "checker/base/text_ref.h"

namespace citelint::extract {

std::vector<std::string> NormalizedWords(std::string_view text);
// The same words into `words` (replacing what it held): a caller that
// keeps the vector from call to call reuses its strings' buffers.
void NormalizedWords(std::string_view text, std::vector<std::string>& words);

// A few normalized words (a figure's context, the noun it counts) packed in
// one string, each followed by ' ': a short list stays inside the string's
// own bytes where a vector of strings took 24 bytes and 32 a word.
class PackedWords {
 public:
  void push_back(std::string_view word);
  [[nodiscard]] bool empty() const { return packed_.empty(); }
  [[nodiscard]] std::string_view front() const;
  [[nodiscard]] bool Contains(std::string_view word) const;
  // Has a word in common with `other`.
  [[nodiscard]] bool Shares(const PackedWords& other) const;
  [[nodiscard]] std::vector<std::string_view> Words() const;
  [[nodiscard]] const std::string& packed() const { return packed_; }

 private:
  std::string packed_;
};

// A quotation's normalized words as its fragments, the runs of words between
// editorial brackets and ellipses (a quotation without them is one
// fragment), packed in one string: each word ends with ' ' and each fragment
// with '\n'. A vector of vectors of strings took 32 bytes a word and more
// per fragment; this takes the words' own bytes, kept in an arena (a
// document's quotes' words one after another) and viewed: 16 bytes where
// a string of its own took 32 and a heap block.
class QuoteFragments {
 public:
  QuoteFragments() = default;
  // Fragments packed by Pack, kept (with the arena) as long as this is read.
  explicit QuoteFragments(TextRef packed) : packed_(packed) {}
  // Appends one fragment to `packed`; an empty one is not kept.
  static void Pack(const std::vector<std::string>& words, std::string& packed);
  [[nodiscard]] size_t size() const;
  [[nodiscard]] bool empty() const { return packed_.empty(); }
  // The fragments, each its words (views of the packed words this views).
  [[nodiscard]] std::vector<std::vector<std::string_view>> Split() const;
  // Every fragment's words, in order.
  [[nodiscard]] std::vector<std::string_view> Words() const;

 private:
  TextRef packed_;
};

// Word n-gram index over a set of texts (the notes): which texts contain a
// run of words, built in time linear in the texts' size. Each word is kept
// once as a small integer; a text is its sequence of word ids, and every
// word has the sorted list of positions where it occurs: 8 bytes a word
// of text, where hashed 1-, 2- and 3-grams took 48 (and more while growing).
class WordIndex {
 public:
  explicit WordIndex(int n = 3) : n_(n) {}
  // Adds text `id` (ids are small, dense integers: note indexes, added in
  // increasing order; an id skipped is an empty text). Call Seal() after the
  // last Add and before any lookup.
  void Add(int id, const std::vector<std::string>& words);
  void Seal();
  // A quote is given as its fragments, split once by the caller
  // (QuoteFragments::Split): the runs of words between editorial brackets
  // and ellipses (a quote without them is one fragment).
  using Fragments = std::vector<std::vector<std::string_view>>;
  // A quote's runs to look for: its n-grams (or, for short fragments, the
  // whole fragment) as word ids, looked up once for every text the quote is
  // compared with.
  class Runs {
   public:
    [[nodiscard]] size_t total() const { return total_; }

   private:
    friend class WordIndex;
    std::vector<uint32_t> ids_;  // the runs whose words all occur in some text, one after another
    std::vector<std::pair<uint32_t, uint32_t>> known_;  // each such run: where it begins in ids_, its length
    size_t total_ = 0;           // every run, those with a word no text has too
  };
  [[nodiscard]] Runs RunsOf(const Fragments& quote) const;
  // Fraction of the quote's runs found in text `id`: 1.0 means every run of
  // the quote occurs there.
  [[nodiscard]] double Overlap(int id, const Runs& runs) const;
  [[nodiscard]] double Overlap(int id, const Fragments& quote) const { return Overlap(id, RunsOf(quote)); }
  // Texts that share at least one run with the quote, in increasing id.
  [[nodiscard]] std::vector<int> Candidates(const Runs& runs) const;
  // Each of those texts with its Overlap, found in the one walk that finds
  // them (each run's occurrences visited once, not searched for again in
  // every candidate text).
  [[nodiscard]] std::vector<std::pair<int, double>> Overlaps(const Runs& runs) const;
  [[nodiscard]] std::vector<int> Candidates(const Fragments& quote) const { return Candidates(RunsOf(quote)); }
  // True when every fragment occurs contiguously in text `id`, in order.
  [[nodiscard]] bool ContainsVerbatim(int id, const Fragments& quote) const;
  // True when text `id` holds `words` as a run, a possessive there standing
  // for its owner ("Dmitriev's" holds "dmitriev"): does a note name someone?
  [[nodiscard]] bool HoldsName(int id, const std::vector<std::string>& words) const;

 private:
  static constexpr uint32_t kUnknown = UINT32_MAX;
  // Words as word ids into `run`; empty when a word occurs in no text.
  void Ids(const std::vector<std::string_view>& words, std::vector<uint32_t>& run) const;
  // The first position at or after `from`, and before `to`, where `run`
  // occurs in the token stream; `to` when it does not.
  [[nodiscard]] uint32_t FindRun(std::span<const uint32_t> run, uint32_t from, uint32_t to) const;
  // The text holding a token position.
  [[nodiscard]] int TextAt(uint32_t position) const;
  // Calls found(text) once for each text holding `run` (in increasing id).
  template <class F>
  void ForEachTextWith(std::span<const uint32_t> run, const F& found) const;

  // Word -> id, open addressing over the words' own bytes: a word takes its
  // bytes and 4 to 8 bytes of table, where a hash map's node took 64 (a
  // note-dense draft has a new word, its number, in every note).
  class Vocabulary {
   public:
    [[nodiscard]] size_t size() const { return ends_.size(); }
    // The word's id, kUnknown if it is not in.
    [[nodiscard]] uint32_t Find(std::string_view word) const;
    // The word's id, added with the next id if it is not in.
    uint32_t Intern(std::string_view word);
    // Gives back what the words' growing vectors left unused.
    void ShrinkToFit() {
      bytes_.shrink_to_fit();
      ends_.shrink_to_fit();
    }

   private:
    [[nodiscard]] std::string_view Word(uint32_t id) const;
    // The slot holding the word, or the empty slot where it would go.
    [[nodiscard]] size_t Slot(std::string_view word) const;
    void Grow();
    std::string bytes_;             // every word, one after another
    std::vector<uint32_t> ends_;    // by id: where the word ends in bytes_
    std::vector<uint32_t> slots_;   // id + 1, or 0 for an empty slot; a power of two long
  };

  int n_;
  Vocabulary vocabulary_;
  std::vector<uint32_t> tokens_;      // every text's word ids, text after text
  std::vector<uint32_t> starts_{0};   // by text id: where it begins in tokens_ (one more: the end)
  std::vector<uint32_t> positions_;   // once sealed: token positions grouped by word, each group ascending
  std::vector<uint32_t> word_start_;  // by word id: its group in positions_ (one more: the end)
  // The id of a word without its possessive 's, for the few words that
  // have one (a bit a word says which; every other word owns itself).
  [[nodiscard]] uint32_t Owner(uint32_t word) const {
    return word < possessive_.size() && possessive_[word] ? owners_.at(word) : word;
  }
  std::vector<bool> possessive_;                    // by word id
  std::unordered_map<uint32_t, uint32_t> owners_;  // possessive word id -> owner id
};

}  // namespace citelint::extract
