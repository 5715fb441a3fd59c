#include "checker/extract/words.h"

#include <algorithm>
#include <climits>

#include "checker/text/unicode.h"

namespace citelint::extract {

std::vector<std::string> NormalizedWords(std::string_view text_in) {
  const std::string folded = text::FoldCase(text_in);
  const std::string_view s(folded);
  std::vector<std::string> words;
  std::string word;
  uint32_t i = 0;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.pop_back();
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  while (i < s.size()) {
    const uint32_t start = i;
    const int32_t c = text::NextCodePoint(s, i);
    if (text::IsLetter(c) || (c >= '0' && c <= '9')) {
      word.append(s.substr(start, i - start));
    } else if ((c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011) && !word.empty()) {
      word.push_back(c == 0x2019 || c == '\'' ? '\'' : '-');
    } else if ((c == '.' || c == ',') && !word.empty() && i < s.size() && s[i] >= '0' && s[i] <= '9' &&
               word.back() >= '0' && word.back() <= '9') {
      word.push_back(static_cast<char>(c));  // 4.5, 10,000
    } else {
      flush();
    }
  }
  flush();
  return words;
}

uint64_t WordIndex::Hash(const std::vector<std::string>& words, size_t from, size_t count) {
  uint64_t h = 1469598103934665603ull ^ count;
  for (size_t i = from; i < from + count; ++i) {
    for (unsigned char c : words[i]) h = (h ^ c) * 1099511628211ull;
    h = (h ^ ' ') * 1099511628211ull;
  }
  return h;
}

void WordIndex::Add(int id, const std::vector<std::string>& words) {
  if (id < 0) return;
  std::string joined = " ";
  for (const auto& w : words) joined += w + " ";
  if (joined_.size() <= static_cast<size_t>(id)) joined_.resize(static_cast<size_t>(id) + 1);
  joined_[static_cast<size_t>(id)] = std::move(joined);
  for (size_t len = 1; len <= static_cast<size_t>(n_); ++len) {
    for (size_t i = 0; i + len <= words.size(); ++i) grams_.emplace_back(Hash(words, i, len), id);
  }
}

void WordIndex::Seal() {
  std::sort(grams_.begin(), grams_.end());
  grams_.erase(std::unique(grams_.begin(), grams_.end()), grams_.end());
  grams_.shrink_to_fit();
}

std::pair<const std::pair<uint64_t, int>*, const std::pair<uint64_t, int>*> WordIndex::Find(uint64_t gram) const {
  const auto* b = grams_.data();
  const auto* e = b + grams_.size();
  const auto* lo = std::lower_bound(b, e, std::pair<uint64_t, int>{gram, INT_MIN});
  return {lo, std::upper_bound(lo, e, std::pair<uint64_t, int>{gram, INT_MAX})};
}

namespace {

// The fragments worth matching: a one-word fragment beside longer ones says little.
std::vector<const std::vector<std::string>*> Useful(const WordIndex::Fragments& quote) {
  std::vector<const std::vector<std::string>*> out;
  size_t longest = 0;
  for (const auto& f : quote) longest = std::max(longest, f.size());
  for (const auto& f : quote) {
    if (!f.empty() && (f.size() > 1 || longest <= 1)) out.push_back(&f);
  }
  return out;
}

}  // namespace

std::vector<int> WordIndex::Candidates(const Fragments& quote) const {
  std::vector<int> out;
  for (const auto* f : Useful(quote)) {
    const size_t len = std::min(f->size(), static_cast<size_t>(n_));
    for (size_t i = 0; i + len <= f->size(); ++i) {
      const auto [lo, hi] = Find(Hash(*f, i, len));
      for (const auto* p = lo; p != hi; ++p) out.push_back(p->second);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double WordIndex::Overlap(int id, const Fragments& quote) const {
  size_t total = 0, found = 0;
  for (const auto* f : Useful(quote)) {
    const size_t len = std::min(f->size(), static_cast<size_t>(n_));
    for (size_t i = 0; i + len <= f->size(); ++i) {
      ++total;
      const uint64_t gram = Hash(*f, i, len);
      const auto [lo, hi] = Find(gram);
      if (std::binary_search(lo, hi, std::pair<uint64_t, int>{gram, id})) ++found;
    }
  }
  return total == 0 ? 0 : static_cast<double>(found) / static_cast<double>(total);
}

bool WordIndex::ContainsVerbatim(int id, const Fragments& quote) const {
  const auto useful = Useful(quote);
  if (id < 0 || static_cast<size_t>(id) >= joined_.size() || useful.empty()) return false;
  const std::string& joined = joined_[static_cast<size_t>(id)];
  size_t from = 0;
  for (const auto* f : useful) {
    std::string needle = " ";
    for (const auto& w : *f) needle += w + " ";
    const size_t at = joined.find(needle, from);
    if (at == std::string::npos) return false;
    from = at + needle.size() - 1;
  }
  return true;
}

}  // namespace citelint::extract
