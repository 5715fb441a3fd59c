#include "checker/extract/words.h"

#include <algorithm>

#include "checker/base/scratch.h"
#include "checker/text/unicode.h"

namespace citelint::extract {

std::vector<std::string> NormalizedWords(std::string_view text) {
  std::vector<std::string> words;
  // A word every six bytes or so: grown once, not five times (a
  // long text with few word breaks, a URL or base64, reserves no more than 1,024).
  words.reserve(std::min<size_t>(text.size() / 6 + 1, 1024));
  NormalizedWords(text, words);
  return words;
}

void NormalizedWords(std::string_view text_in, std::vector<std::string>& words) {
  thread_local std::string folded;  // (its buffer kept from call to call, up to 64 KiB)
  text::FoldCase(text_in, folded);
  const std::string_view s(folded);
  // The words are written over the strings `words` already has (their
  // buffers reused: a caller that keeps the vector allocates once).
  size_t count = 0;
  auto next = [&]() -> std::string& {
    if (count == words.size()) words.emplace_back();
    std::string& w = words[count];
    w.clear();
    return w;
  };
  std::string* word = &next();
  uint32_t i = 0;
  auto flush = [&] {
    while (!word->empty() && (word->back() == '\'' || word->back() == '-')) word->pop_back();
    if (!word->empty()) {
      ++count;
      word = &next();
    }
  };
  while (i < s.size()) {
    const uint32_t start = i;
    if (text::IsAsciiAlnum(s[i])) {
      // A run of ASCII letters and digits joins the word at once.
      while (i < s.size() && text::IsAsciiAlnum(s[i])) ++i;
      word->append(s.data() + start, i - start);
      continue;
    }
    const int32_t c = text::NextCodePoint(s, i);
    if (text::IsLetter(c) || (c >= '0' && c <= '9')) {
      word->append(s.data() + start, i - start);
    } else if ((c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011) && !word->empty()) {
      word->push_back(c == 0x2019 || c == '\'' ? '\'' : '-');
    } else if ((c == '.' || c == ',') && !word->empty() && i < s.size() && s[i] >= '0' && s[i] <= '9' &&
               word->back() >= '0' && word->back() <= '9') {
      word->push_back(static_cast<char>(c));  // 4.5, 10,000
    } else {
      flush();
    }
  }
  flush();
  words.resize(count);
  LetGoIfOver(folded, 64u << 10);
}

namespace {

// Calls `f` on each word of a packed string (each word ends with ' ', a
// fragment with '\n') until it returns true; whether one did.
template <class F>
bool AnyPackedWord(std::string_view packed, const F& f) {
  size_t start = 0;
  for (size_t i = 0; i < packed.size(); ++i) {
    if (packed[i] == ' ') {
      if (f(packed.substr(start, i - start))) return true;
      start = i + 1;
    } else if (packed[i] == '\n') {
      start = i + 1;
    }
  }
  return false;
}

}  // namespace

void PackedWords::push_back(std::string_view word) { packed_.append(word).push_back(' '); }

std::string_view PackedWords::front() const {
  const std::string_view s(packed_);
  return s.substr(0, s.find(' '));
}

bool PackedWords::Contains(std::string_view word) const {
  return AnyPackedWord(packed_, [&](std::string_view w) { return w == word; });
}

bool PackedWords::Shares(const PackedWords& other) const {
  return AnyPackedWord(packed_, [&](std::string_view w) { return other.Contains(w); });
}

std::vector<std::string_view> PackedWords::Words() const {
  std::vector<std::string_view> out;
  AnyPackedWord(packed_, [&](std::string_view w) {
    out.push_back(w);
    return false;
  });
  return out;
}

void QuoteFragments::Pack(const std::vector<std::string>& words, std::string& packed) {
  if (words.empty()) return;
  for (const auto& w : words) packed.append(w).push_back(' ');
  packed.push_back('\n');
}

size_t QuoteFragments::size() const { return static_cast<size_t>(std::count(packed_.begin(), packed_.end(), '\n')); }

std::vector<std::vector<std::string_view>> QuoteFragments::Split() const {
  const std::string_view s(packed_);
  // Each vector made its size at once (a fragment ends with '\n', a word with
  // ' '), not grown a word at a time.
  std::vector<std::vector<std::string_view>> out;
  out.reserve(static_cast<size_t>(std::count(s.begin(), s.end(), '\n')) + 1);
  size_t start = 0;
  for (size_t from = 0; from <= s.size();) {
    const size_t end = std::min(s.find('\n', from), s.size());
    std::vector<std::string_view>& words = out.emplace_back();
    words.reserve(static_cast<size_t>(std::count(s.begin() + static_cast<std::ptrdiff_t>(from),
                                                 s.begin() + static_cast<std::ptrdiff_t>(end), ' ')));
    for (size_t i = from; i < end; ++i) {
      if (s[i] == ' ') {
        words.push_back(s.substr(start, i - start));
        start = i + 1;
      }
    }
    start = from = end + 1;
  }
  out.pop_back();  // after the last fragment's '\n' (or the only one, when there is none)
  return out;
}

std::vector<std::string_view> QuoteFragments::Words() const {
  std::vector<std::string_view> out;
  AnyPackedWord(packed_, [&](std::string_view w) {
    out.push_back(w);
    return false;
  });
  return out;
}

std::string_view WordIndex::Vocabulary::Word(uint32_t id) const {
  const uint32_t begin = id == 0 ? 0 : ends_[id - 1];
  return std::string_view(bytes_).substr(begin, ends_[id] - begin);
}

size_t WordIndex::Vocabulary::Slot(std::string_view word) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = StringHash{}(word) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == 0 || Word(slots_[i] - 1) == word) return i;
  }
}

uint32_t WordIndex::Vocabulary::Find(std::string_view word) const {
  if (slots_.empty()) return kUnknown;
  const uint32_t slot = slots_[Slot(word)];
  return slot == 0 ? kUnknown : slot - 1;
}

uint32_t WordIndex::Vocabulary::Intern(std::string_view word) {
  if (2 * (size() + 1) > slots_.size()) Grow();
  const size_t at = Slot(word);
  if (slots_[at] != 0) return slots_[at] - 1;
  bytes_.append(word);
  ends_.push_back(static_cast<uint32_t>(bytes_.size()));
  slots_[at] = static_cast<uint32_t>(ends_.size());
  return slots_[at] - 1;
}

void WordIndex::Vocabulary::Grow() {
  std::vector<uint32_t> old = std::move(slots_);
  slots_.assign(std::max<size_t>(16, 2 * old.size()), 0);
  for (const uint32_t slot : old) {
    if (slot != 0) slots_[Slot(Word(slot - 1))] = slot;
  }
}

void WordIndex::Add(int id, const std::vector<std::string>& words) {
  if (id < 0 || static_cast<size_t>(id) + 1 < starts_.size()) return;  // ids come in increasing order
  while (starts_.size() <= static_cast<size_t>(id)) starts_.push_back(static_cast<uint32_t>(tokens_.size()));
  auto intern = [&](std::string_view w) {
    const auto known = static_cast<uint32_t>(vocabulary_.size());
    const uint32_t id = vocabulary_.Intern(w);
    if (id == known) possessive_.push_back(false);
    return id;
  };
  for (const auto& w : words) {
    const uint32_t id = intern(w);
    tokens_.push_back(id);
    if (w.size() > 2 && w.ends_with("'s") && !possessive_[id]) {
      const uint32_t owner = intern(std::string_view(w).substr(0, w.size() - 2));
      if (owner != id) {
        possessive_[id] = true;
        owners_.emplace(id, owner);
      }
    }
  }
  starts_.push_back(static_cast<uint32_t>(tokens_.size()));
}

void WordIndex::Seal() {
  // Grown by doubling and kept as long as the index: up to half unused.
  tokens_.shrink_to_fit();
  starts_.shrink_to_fit();
  possessive_.shrink_to_fit();
  vocabulary_.ShrinkToFit();
  // A counting sort by word: each word's positions, ascending.
  word_start_.assign(vocabulary_.size() + 1, 0);
  for (uint32_t w : tokens_) ++word_start_[w + 1];
  for (size_t w = 1; w < word_start_.size(); ++w) word_start_[w] += word_start_[w - 1];
  std::vector<uint32_t> next(word_start_.begin(), word_start_.end() - 1);
  positions_.resize(tokens_.size());
  for (uint32_t p = 0; p < tokens_.size(); ++p) positions_[next[tokens_[p]]++] = p;
}

void WordIndex::Ids(const std::vector<std::string_view>& words, std::vector<uint32_t>& run) const {
  run.clear();
  for (const std::string_view w : words) {
    const uint32_t id = vocabulary_.Find(w);
    if (id == kUnknown) {
      run.clear();
      return;
    }
    run.push_back(id);
  }
}

uint32_t WordIndex::FindRun(std::span<const uint32_t> run, uint32_t from, uint32_t to) const {
  const auto len = static_cast<uint32_t>(run.size());
  if (len == 0 || to < from || to - from < len) return to;
  // Walk the positions of the run's rarest word in the range.
  size_t best = 0;
  const uint32_t* best_lo = nullptr;
  const uint32_t* best_hi = nullptr;
  for (size_t k = 0; k < run.size(); ++k) {
    const uint32_t* b = positions_.data() + word_start_[run[k]];
    const uint32_t* e = positions_.data() + word_start_[run[k] + 1];
    const uint32_t* lo = std::lower_bound(b, e, from + static_cast<uint32_t>(k));
    const uint32_t* hi = std::lower_bound(lo, e, to - (len - 1 - static_cast<uint32_t>(k)));
    if (best_lo == nullptr || hi - lo < best_hi - best_lo) best = k, best_lo = lo, best_hi = hi;
  }
  for (const uint32_t* p = best_lo; p != best_hi; ++p) {
    const uint32_t start = *p - static_cast<uint32_t>(best);
    if (std::equal(run.begin(), run.end(), tokens_.begin() + start)) return start;
  }
  return to;
}

bool WordIndex::HoldsName(int id, const std::vector<std::string>& words) const {
  if (id < 0 || static_cast<size_t>(id) + 1 >= starts_.size() || words.empty()) return false;
  std::vector<uint32_t> run;
  run.reserve(words.size());
  for (const auto& w : words) {
    const uint32_t id = vocabulary_.Find(w);
    if (id == kUnknown) return false;  // every owner is in the vocabulary too
    run.push_back(id);
  }
  const uint32_t begin = starts_[static_cast<size_t>(id)];
  const uint32_t end = starts_[static_cast<size_t>(id) + 1];
  if (end - begin < run.size()) return false;
  for (uint32_t p = begin; p + run.size() <= end; ++p) {
    size_t k = 0;
    while (k < run.size() && Owner(tokens_[p + k]) == run[k]) ++k;
    if (k == run.size()) return true;
  }
  return false;
}

int WordIndex::TextAt(uint32_t position) const {
  return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), position) - starts_.begin()) - 1;
}

namespace {

// The fragments worth matching: a one-word fragment beside longer ones says
// little. Calls f on each, in order, until it returns false; whether there
// was one.
template <class F>
bool ForEachUseful(const WordIndex::Fragments& quote, const F& f) {
  size_t longest = 0;
  for (const auto& fragment : quote) longest = std::max(longest, fragment.size());
  bool any = false;
  for (const auto& fragment : quote) {
    if (fragment.empty() || (fragment.size() <= 1 && longest > 1)) continue;
    any = true;
    if (!f(fragment)) break;
  }
  return any;
}

}  // namespace

WordIndex::Runs WordIndex::RunsOf(const Fragments& quote) const {
  Runs runs;
  thread_local std::vector<uint32_t> ids;  // a fragment's word ids, each word looked up once (kept by the thread)
  ForEachUseful(quote, [&](const std::vector<std::string_view>& f) {
    ids.clear();
    for (const std::string_view w : f) ids.push_back(vocabulary_.Find(w));
    const size_t len = std::min(f.size(), static_cast<size_t>(n_));
    if (len == 0) return true;  // (an index of 0-grams has no runs)
    for (size_t i = 0; i + len <= f.size(); ++i) {
      ++runs.total_;
      // A run with a word no text has is in no text.
      if (std::find(ids.begin() + static_cast<std::ptrdiff_t>(i), ids.begin() + static_cast<std::ptrdiff_t>(i + len),
                    kUnknown) != ids.begin() + static_cast<std::ptrdiff_t>(i + len)) {
        continue;
      }
      runs.known_.emplace_back(static_cast<uint32_t>(runs.ids_.size()), static_cast<uint32_t>(len));
      runs.ids_.insert(runs.ids_.end(), ids.begin() + static_cast<std::ptrdiff_t>(i),
                       ids.begin() + static_cast<std::ptrdiff_t>(i + len));
    }
    return true;
  });
  LetGoIfOver(ids, 64u << 10);
  return runs;
}

template <class F>
void WordIndex::ForEachTextWith(std::span<const uint32_t> run, const F& found) const {
  // Every occurrence of the run's rarest word, where the rest of the run
  // stands around it inside one text; once a text has it, on to the next.
  size_t k = 0;
  for (size_t j = 1; j < run.size(); ++j) {
    if (word_start_[run[j] + 1] - word_start_[run[j]] < word_start_[run[k] + 1] - word_start_[run[k]]) k = j;
  }
  const uint32_t* p = positions_.data() + word_start_[run[k]];
  const uint32_t* e = positions_.data() + word_start_[run[k] + 1];
  while (p != e) {
    const int text = TextAt(*p);
    const uint32_t text_end = starts_[static_cast<size_t>(text) + 1];
    const uint32_t start = *p - static_cast<uint32_t>(k);
    if (*p >= starts_[static_cast<size_t>(text)] + k && start + run.size() <= text_end &&
        std::equal(run.begin(), run.end(), tokens_.begin() + start)) {
      found(text);
      p = std::lower_bound(p, e, text_end);
    } else {
      ++p;
    }
  }
}

std::vector<int> WordIndex::Candidates(const Runs& runs) const {
  std::vector<int> out;
  for (const auto& [begin, length] : runs.known_) {
    ForEachTextWith(std::span<const uint32_t>(runs.ids_.data() + begin, length), [&](int text) { out.push_back(text); });
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::pair<int, double>> WordIndex::Overlaps(const Runs& runs) const {
  // Each text once for every run it holds: sorted, a text's count is the
  // runs found in it, as Overlap counts them. (The buffer kept by the thread.)
  thread_local std::vector<int> hits;
  hits.clear();
  for (const auto& [begin, length] : runs.known_) {
    ForEachTextWith(std::span<const uint32_t>(runs.ids_.data() + begin, length), [&](int text) { hits.push_back(text); });
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::pair<int, double>> out;
  for (size_t i = 0; i < hits.size();) {
    size_t j = i;
    while (j < hits.size() && hits[j] == hits[i]) ++j;
    out.emplace_back(hits[i], static_cast<double>(j - i) / static_cast<double>(runs.total_));
    i = j;
  }
  LetGoIfOver(hits, 64u << 10);
  return out;
}

double WordIndex::Overlap(int id, const Runs& runs) const {
  if (runs.total_ == 0) return 0;
  size_t found = 0;
  if (id >= 0 && static_cast<size_t>(id) + 1 < starts_.size()) {
    const uint32_t begin = starts_[static_cast<size_t>(id)];
    const uint32_t end = starts_[static_cast<size_t>(id) + 1];
    for (const auto& [at, length] : runs.known_) {
      if (FindRun(std::span<const uint32_t>(runs.ids_.data() + at, length), begin, end) != end) ++found;
    }
  }
  return static_cast<double>(found) / static_cast<double>(runs.total_);
}

bool WordIndex::ContainsVerbatim(int id, const Fragments& quote) const {
  if (id < 0 || static_cast<size_t>(id) + 1 >= starts_.size()) return false;
  uint32_t from = starts_[static_cast<size_t>(id)];
  const uint32_t end = starts_[static_cast<size_t>(id) + 1];
  bool found = true;
  thread_local std::vector<uint32_t> run;  // (kept by the thread)
  const bool any = ForEachUseful(quote, [&](const std::vector<std::string_view>& f) {
    Ids(f, run);
    const uint32_t at = run.empty() ? end : FindRun(run, from, end);
    if (at == end) {
      found = false;
      return false;
    }
    from = at + static_cast<uint32_t>(run.size());
    return true;
  });
  LetGoIfOver(run, 64u << 10);
  return any && found;
}

}  // namespace citelint::extract
