#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

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

}  // namespace

std::vector<Sentence> SplitSentences(const Document& doc, const LexiconIndex* lexicon) {
  std::vector<Sentence> out;
  const std::string& t = doc.text;
  if (t.empty()) return out;
  // Building the iterator (rules + abbreviation suppressions) is costly:
  // build it once and clone it per document.
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
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(kPrototype != nullptr ? kPrototype->clone() : nullptr);
  if (!it) {
    out.push_back({{0, static_cast<uint32_t>(t.size())}});
    return out;
  }
  UText* ut = utext_openUTF8(nullptr, t.data(), static_cast<int64_t>(t.size()), &status);
  it->setText(ut, status);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    uint32_t b = static_cast<uint32_t>(start), e = static_cast<uint32_t>(end);
    while (b < e && (t[b] == ' ' || t[b] == '\n' || t[b] == '\t')) ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\t')) --e;
    if (b == e) continue;
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
        continue;
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
        continue;
      }
    }
    if (lexicon != nullptr && !out.empty() && out.back().text.end + 1 == b && t[out.back().text.end] == ' ' &&
        NameGoesOn(t, out.back().text, b, *lexicon)) {
      out.back().text.end = e;
      continue;
    }
    out.push_back({{b, e}});
  }
  utext_close(ut);
  return out;
}

}  // namespace citelint::extract
