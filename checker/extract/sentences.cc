#include <unicode/brkiter.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include <memory>
#include <string_view>
#include <vector>

#include "checker/extract/extract.h"
#include "checker/text/unicode.h"

namespace citelint::extract {

namespace {

// The word ending at byte `end` (exclusive) of `t`: letters back to a space.
std::string_view WordBefore(const std::string& t, uint32_t end) {
  uint32_t b = end;
  // (A no-break space, U+00A0, ends in byte 0xA0, which no letter's UTF-8 does
  // after a 0xC2 lead byte.)
  while (b > 0 && t[b - 1] != ' ' && t[b - 1] != '\n' && t[b - 1] != '\t' && t[b - 1] != '(' &&
         !(b >= 2 && t[b - 1] == '\xa0' && t[b - 2] == '\xc2')) {
    --b;
  }
  return std::string_view(t).substr(b, end - b);
}

// "…said Sen." + "Ines Varga…", "…said Tomas J." + "Ekwueme…": the period
// belongs to a title or an initial and the name goes on.
bool NameGoesOn(const std::string& t, Span prev, uint32_t next, const LexiconIndex& lex) {
  if (prev.end < 3 || t[prev.end - 1] != '.') return false;
  const std::string_view word = WordBefore(t, prev.end - 1);
  if (word.empty()) return false;
  uint32_t n = next;
  uint32_t next_end = n;
  while (next_end < t.size() && t[next_end] != ' ' && t[next_end] != ',' && t[next_end] != '.' && t[next_end] != '\n') ++next_end;
  const std::string next_word = text::FoldCase(std::string_view(t).substr(n, next_end - n));
  if (!text::IsUpper(text::NextCodePoint(t, n)) || next_word.empty()) return false;
  if (lex.IsNotName(next_word) || lex.IsPronoun(next_word) || lex.IsDeterminer(next_word)) return false;
  if (lex.IsTitleAbbreviation(text::FoldCase(word))) return true;
  // Initials: "G.K." + "Butterfield".
  if (word.size() >= 3 && word.size() % 2 == 1) {
    bool initials = true;
    for (size_t k = 0; k < word.size() && initials; ++k) {
      initials = k % 2 == 0 ? (word[k] >= 'A' && word[k] <= 'Z') : word[k] == '.';
    }
    if (initials) return true;
  }
  // A middle initial: one capital after a capitalized first name.
  if (word.size() != 1 || !text::IsUpper(static_cast<unsigned char>(word[0]))) return false;
  const uint32_t before = prev.end - 3;  // the space before the initial
  if (before <= prev.begin || t[before] != ' ') return false;
  const std::string_view first = WordBefore(t, before);
  uint32_t k = 0;
  return first.size() > 1 && text::IsUpper(text::NextCodePoint(first, k));
}

// ICU's sentence boundaries in `t` after its start, in order, as byte
// offsets. ICU always breaks after a line feed (UAX #29's SB4), and its
// abbreviation filter never takes that break back (it looks for an
// abbreviation ending right before the break, and none ends in a line feed),
// nor does anything it reads past a boundary reach past a line feed: so the
// text is given to ICU a run of lines at a time, each run ending after a line
// feed, and its boundaries are the whole text's. A run is handed over as
// UTF-16, which ICU iterates without the UTF-8 adapter's per-chunk
// conversions (half its time); a run that is not well-formed UTF-8, or a
// single line longer than a megabyte, goes through the UTF-8 adapter.
template <class F>
void ForEachBoundary(icu::BreakIterator& it, std::string_view t, size_t run_bytes, bool utf16_runs, const F& each) {
  constexpr size_t kLongest = 1 << 20;
  std::vector<char16_t> units;
  UText* ut = nullptr;
  for (size_t from = 0; from < t.size();) {
    size_t to = t.size();
    if (t.size() - from > run_bytes) {
      size_t nl = t.rfind('\n', from + run_bytes - 1);
      if (nl == std::string_view::npos || nl < from) nl = t.find('\n', from + run_bytes);
      if (nl != std::string_view::npos) to = nl + 1;
    }
    const std::string_view run = t.substr(from, to - from);
    UErrorCode status = U_ZERO_ERROR;
    bool utf16 = false;
    if (utf16_runs && run.size() <= kLongest) {
      units.resize(run.size());  // UTF-16 takes no more units than UTF-8 takes bytes
      int32_t length = 0;
      u_strFromUTF8(units.data(), static_cast<int32_t>(units.size()), &length, run.data(),
                    static_cast<int32_t>(run.size()), &status);
      if (U_SUCCESS(status)) {
        ut = utext_openUChars(ut, units.data(), length, &status);
        utf16 = U_SUCCESS(status);
      }
      status = U_ZERO_ERROR;
    }
    if (!utf16) ut = utext_openUTF8(ut, run.data(), static_cast<int64_t>(run.size()), &status);
    if (U_FAILURE(status)) break;
    it.setText(ut, status);
    it.first();
    // UTF-16 offsets back to bytes: boundaries come in increasing order.
    uint32_t byte = 0, unit = 0;
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next()) {
      if (utf16) {
        while (unit < static_cast<uint32_t>(end)) {
          const auto lead = static_cast<unsigned char>(run[byte]);
          const uint32_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
          byte += bytes;
          unit += bytes == 4 ? 2 : 1;
        }
      } else {
        byte = static_cast<uint32_t>(end);
      }
      each(static_cast<uint32_t>(from) + byte);
    }
    from = to;
  }
  utext_close(ut);
}

// ICU's sentence iterator with its abbreviation suppressions, or null.
// Building one (rules + suppressions) is costly: it is built once and cloned
// for each document.
std::unique_ptr<icu::BreakIterator> NewSentenceIterator() {
  static const icu::BreakIterator* const kPrototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard" turns on ICU's abbreviation suppressions (Mr., U.S., Inc.).
    icu::BreakIterator* it = icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status);
    if (U_FAILURE(status) || it == nullptr) {
      status = U_ZERO_ERROR;
      it = icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status);
    }
    return U_FAILURE(status) ? nullptr : it;
  }();
  return std::unique_ptr<icu::BreakIterator>(kPrototype != nullptr ? kPrototype->clone() : nullptr);
}

}  // namespace

std::vector<uint32_t> SentenceBoundaries(std::string_view text, size_t run_bytes, bool utf16_runs) {
  std::vector<uint32_t> out;
  if (std::unique_ptr<icu::BreakIterator> it = NewSentenceIterator()) {
    ForEachBoundary(*it, text, run_bytes, utf16_runs, [&](uint32_t end) { out.push_back(end); });
  }
  return out;
}

std::vector<Sentence> SplitSentences(const Document& doc, const LexiconIndex* lexicon) {
  std::vector<Sentence> out;
  const std::string& t = doc.text;
  if (t.empty()) return out;
  std::unique_ptr<icu::BreakIterator> it(NewSentenceIterator());
  if (!it) {
    out.push_back({{0, static_cast<uint32_t>(t.size())}});
    return out;
  }
  uint32_t start = 0;
  ForEachBoundary(*it, t, kSentenceRun, true, [&](uint32_t end) {
    uint32_t b = start, e = end;
    start = end;
    while (b < e && (t[b] == ' ' || t[b] == '\n' || t[b] == '\t')) ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\t')) --e;
    if (b == e) return;
    // ICU ends a sentence after "?”" and "!”" even when the speech verb
    // follows ("“When did we do that?” asked a worker."): a sentence that
    // starts in lower case after one that ends with a closing quotation
    // mark, in the same paragraph, continues it.
    if (!out.empty() && t.compare(out.back().text.end, b - out.back().text.end, std::string(b - out.back().text.end, ' ')) == 0) {
      uint32_t k = b;
      const int32_t first = text::NextCodePoint(t, k);
      uint32_t p = out.back().text.end;
      const int32_t last = text::PrevCodePoint(t, p);
      uint32_t k2 = k;
      const bool paren_lower = first == '(' && text::IsLower(text::NextCodePoint(t, k2));  // “…!” (they cried)
      if ((text::IsLower(first) || paren_lower) && text::IsClosingQuote(last)) {
        out.back().text.end = e;
        return;
      }
    }
    // "“…” ― Sonya Herridge": a quotation signed after a dash. ICU starts a
    // sentence at the dash; the signature (to the line's end or the next
    // quotation) belongs to the quotation before it.
    // (No line break between them: looked for between them only, not up to
    // the next line break, which in a one-line paragraph is the end.)
    if (!out.empty() && b - out.back().text.end <= 2 &&
        std::string_view(t).substr(out.back().text.end, b - out.back().text.end).find('\n') == std::string_view::npos) {
      uint32_t k = b;
      const int32_t first = text::NextCodePoint(t, k);
      uint32_t p = out.back().text.end;
      if ((first == 0x2014 || first == 0x2015) && text::IsClosingQuote(text::PrevCodePoint(t, p))) {
        uint32_t cut = k;
        while (cut < e && t[cut] != '\n') {
          uint32_t n = cut;
          const int32_t c = text::NextCodePoint(t, n);
          if (c == 0x201C || c == '"' || c == 0x00AB || c == 0x201E) break;
          cut = n;
        }
        uint32_t sig_end = cut;
        while (sig_end > b && (t[sig_end - 1] == ' ' || t[sig_end - 1] == '\t')) --sig_end;
        out.back().text.end = sig_end;
        while (cut < e && (t[cut] == ' ' || t[cut] == '\n' || t[cut] == '\t')) ++cut;
        if (cut < e) out.push_back({{cut, e}});
        return;
      }
    }
    if (lexicon != nullptr && !out.empty() && out.back().text.end + 1 == b && t[out.back().text.end] == ' ' &&
        NameGoesOn(t, out.back().text, b, *lexicon)) {
      out.back().text.end = e;
      return;
    }
    out.push_back({{b, e}});
  });
  return out;
}

}  // namespace citelint::extract
