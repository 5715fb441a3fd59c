// Figures: quantities a claim states and a source can contradict. Money
// ($50B = $50 billion), percentages (20% = 20 percent), ranges (1–3%,
// $5–7 million) and counts of something (`48,000 mail ballots`). A number
// that counts nothing named after it is not a figure; neither is a number
// that names or locates something: an identifier (#131961, RFC 2119, PEP 8,
// No. 17-201, Python 3.11, version 1.2.3, ISBN), a citation (746 F.3d 273,
// 286; 18 U.S.C. § 1001; Id. at 5; pp. 3–5), a date or time (June 5, 10:30,
// 5 p.m.). Four-digit numbers from 1000 to 2100 written without a comma are
// years. The words that mark identifiers, months and non-nouns are lexicon
// data (rules/lexicons/figures.yaml).
#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>

#include "checker/extract/extract.h"
#include "checker/text/unicode.h"

namespace citelint::extract {

const char* FigureKindName(FigureKind k) {
  switch (k) {
    case FigureKind::kMoney: return "money";
    case FigureKind::kPercent: return "percentage";
    case FigureKind::kYear: return "year";
    case FigureKind::kCount: return "count";
  }
  return "count";
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Scale words and suffixes: "billion", "bn", "B", "m", "k".
double ScaleOf(std::string_view word) {
  std::string w = text::FoldCase(word);
  if (w == "thousand" || w == "k") return 1e3;
  if (w == "million" || w == "mn" || w == "m" || w == "mln") return 1e6;
  if (w == "billion" || w == "bn" || w == "b" || w == "bln") return 1e9;
  if (w == "trillion" || w == "tn" || w == "t") return 1e12;
  return 0;
}

bool IsScaleWord(std::string_view w) {
  return w == "thousand" || w == "million" || w == "billion" || w == "trillion";
}

std::string_view CurrencyBefore(std::string_view text, uint32_t i) {
  uint32_t p = i;
  const int32_t c = text::PrevCodePoint(text, p);
  switch (c) {
    case '$': return "$";
    case 0x20AC: return "€";
    case 0x00A3: return "£";
    case 0x00A5: return "¥";
    default: return "";
  }
}

// A word of text: letters (and inner apostrophes, hyphens, dots).
struct Word {
  uint32_t begin = 0, end = 0;
  std::string folded;     // case-folded, dots kept
  bool capitalized = false;
  bool abbreviation = false;  // has a dot inside or after ("U.S.", "F.3d", "No.")
};

// The word text[begin, end): folded without dots, capitalized or not, an
// abbreviation when it has a dot (or `dot`: one right after it).
Word MakeWord(std::string_view text, uint32_t begin, uint32_t end, bool dot) {
  Word w;
  w.begin = begin;
  w.end = end;
  const std::string_view raw = text.substr(begin, end - begin);
  w.abbreviation = dot || raw.find('.') != std::string_view::npos;
  std::string plain;
  for (char c : raw) {
    if (c != '.') plain += c;
  }
  w.folded = text::FoldCase(plain);
  uint32_t k = 0;
  w.capitalized = text::IsUpper(text::NextCodePoint(raw, k));
  return w;
}

// The word ending just before byte `at` (skipping spaces), if any.
std::optional<Word> WordBefore(std::string_view text, uint32_t at) {
  uint32_t p = at;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
  uint32_t end = p;
  bool dot = false;
  if (end > 0 && text[end - 1] == '.') {
    dot = true;
    --p;
  }
  while (p > 0) {
    uint32_t q = p;
    const int32_t c = text::PrevCodePoint(text, q);
    if (text::IsLetter(c) || c == '.' || c == '\'' || c == 0x2019 || (IsDigit(static_cast<char>(c)) && p < end && c < 0x80)) {
      p = q;
    } else {
      break;
    }
  }
  if (p == end || (dot && p + 1 == end)) return std::nullopt;
  Word w;
  const std::string_view raw = text.substr(p, end - p);
  if (!text::IsLetter(static_cast<unsigned char>(raw[0])) && static_cast<unsigned char>(raw[0]) < 0x80) return std::nullopt;
  return MakeWord(text, p, end, dot);
}

// The word starting at or after byte `at` (skipping spaces).
std::optional<Word> WordAfter(std::string_view text, uint32_t at) {
  uint32_t p = at;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  uint32_t end = p;
  while (end < text.size()) {
    uint32_t q = end;
    const int32_t c = text::NextCodePoint(text, q);
    if (text::IsLetter(c) || ((c == '.' || c == '\'' || c == 0x2019 || c == '-') && end > p) ||
        (IsDigit(static_cast<char>(c)) && c < 0x80 && end > p)) {
      end = q;
    } else {
      break;
    }
  }
  while (end > p && (text[end - 1] == '-' || text[end - 1] == '\'')) --end;
  if (end == p) return std::nullopt;
  // A sentence-final period is not part of the word, unless it is an abbreviation (U.S.).
  const std::string_view raw = text.substr(p, end - p);
  if (raw.back() == '.' && raw.find('.') == raw.size() - 1 && raw.size() > 3) --end;
  return MakeWord(text, p, end, false);
}

// Does byte `at` start a sentence (only spaces after a sentence end, a line
// break, or the start of the text before it)?
bool SentenceStart(std::string_view text, uint32_t at) {
  uint32_t p = at;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
  if (p == 0 || text[p - 1] == '\n') return true;
  uint32_t q = p;
  const int32_t c = text::PrevCodePoint(text, q);
  return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x201C || c == '"' || c == '(';
}

// A legal reporter or code abbreviation after a volume or title number
// (F.3d, U.S., S. Ct., F. Supp. 2d, U.S.C., C.F.R., Stat.): capitalized
// with a dot, or a digit-and-letters series (2d, 3d).
bool IsReporterAbbreviation(const Word& w, std::string_view text) {
  if (!w.capitalized || !w.abbreviation) return false;
  const std::string_view raw = text.substr(w.begin, w.end - w.begin);
  if (raw.size() > 8) return false;
  // A reporter is followed, after more abbreviations, by a page or section
  // number ("F. Supp. 3d 12", "U.S.C. § 1001"): "3 U.S. troops" is a count.
  uint32_t k = w.end;
  for (int tokens = 0; tokens < 4 && k < text.size(); ++tokens) {
    while (k < text.size() && (text[k] == ' ' || text[k] == ',')) ++k;
    if (k >= text.size()) return false;
    if (IsDigit(text[k])) return true;
    uint32_t m = k;
    if (text::NextCodePoint(text, m) == 0x00A7) return true;
    const auto next = WordAfter(text, k);
    if (!next || next->begin != k || !(next->abbreviation || next->capitalized || IsDigit(text[next->begin]))) return false;
    k = next->end;
  }
  return false;
}

PackedWords NounWords(std::string_view text, uint32_t from, const LexiconIndex* lex) {
  PackedWords out;
  uint32_t at = from;
  for (int k = 0; k < 3; ++k) {
    uint32_t p = at;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (p >= text.size()) break;
    const auto w = WordAfter(text, p);
    if (!w || w->begin != p) break;
    if (w->capitalized && k == 0) break;  // "7 Times Square", "746 F.3d"
    if (w->abbreviation) break;
    if (lex != nullptr && lex->IsNotCountedNoun(w->folded)) break;
    if (w->folded.size() < 2) break;
    std::string noun = w->folded;
    if (noun.size() > 3 && noun.back() == 's' && noun[noun.size() - 2] != 's') noun.pop_back();  // ballots → ballot
    out.push_back(noun);
    at = w->end;
    if (at < text.size() && text[at] != ' ') break;  // punctuation ends the noun phrase
  }
  return out;
}

PackedWords ContextWords(std::string_view text, uint32_t begin, uint32_t end, int window) {
  if (window <= 0) return {};
  constexpr uint32_t kReach = 80;
  const uint32_t from = begin > kReach ? begin - kReach : 0;
  // Stay within the sentence and clause, and do not reach past another number.
  std::string_view before = text.substr(from, begin - from);
  if (const size_t nl = before.rfind('\n'); nl != std::string_view::npos) before.remove_prefix(nl + 1);
  if (const size_t digit = before.find_last_of("0123456789"); digit != std::string_view::npos) before.remove_prefix(digit + 1);
  std::string_view after = text.substr(end, std::min<size_t>(kReach, text.size() - end));
  if (const size_t nl = after.find('\n'); nl != std::string_view::npos) after = after.substr(0, nl);
  if (const size_t digit = after.find_first_of("0123456789$\u20AC\u00A3"); digit != std::string_view::npos) after = after.substr(0, digit);
  auto content = [](const std::string& w) {
    return w.size() >= 4 && !std::all_of(w.begin(), w.end(), [](char c) { return IsDigit(c) || c == '.' || c == ','; });
  };
  PackedWords out;
  auto add = [&](std::string_view w) {  // with a crude stem: jobs/job, deals/deal
    if (w.size() > 4 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);
    out.push_back(w);
  };
  auto b = NormalizedWords(before);
  for (int k = 0, n = static_cast<int>(b.size()); k < window && k < n; ++k) {
    if (content(b[n - 1 - k])) add(b[n - 1 - k]);
  }
  auto a = NormalizedWords(after);
  for (int k = 0; k < window && k < static_cast<int>(a.size()); ++k) {
    if (content(a[k]) && ScaleOf(a[k]) == 0 && a[k] != "percent") add(a[k]);
  }
  return out;
}

struct Number {
  uint32_t begin = 0, end = 0;  // the digits
  double value = 0;
  std::string digits;
  bool grouped = false;         // 1,200
  int dots = 0;
};

// Parses the digit run at i (with thousands commas and decimal points).
Number ParseNumber(std::string_view text, uint32_t i) {
  Number n;
  n.begin = i;
  uint32_t j = i;
  while (j < text.size()) {
    if (IsDigit(text[j])) {
      n.digits += text[j++];
    } else if ((text[j] == ',' || text[j] == '.') && j + 1 < text.size() && IsDigit(text[j + 1]) && !n.digits.empty()) {
      if (text[j] == '.') {
        n.digits += '.';
        ++n.dots;
      } else {
        // A thousands separator has three digits after it; "273, 286" has a space.
        uint32_t k = j + 1;
        while (k < text.size() && IsDigit(text[k])) ++k;
        if (k - j - 1 != 3) break;
        n.grouped = true;
      }
      ++j;
    } else {
      break;
    }
  }
  n.end = j;
  n.value = n.dots <= 1 ? std::atof(n.digits.c_str()) : 0;
  return n;
}

bool IsDash(std::string_view text, uint32_t at, uint32_t* after) {
  uint32_t k = at;
  const int32_t c = text::NextCodePoint(text, k);
  if (c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012) {
    *after = k;
    return true;
  }
  return false;
}

}  // namespace

namespace {

// The currency symbols, by Figure::unit_ (0: none).
constexpr std::string_view kUnits[] = {"", "$", "\u20AC", "\u00A3", "\u00A5"};

}  // namespace

std::string_view Figure::Unit() const { return unit_ < std::size(kUnits) ? kUnits[unit_] : std::string_view(); }

void Figure::SetUnit(std::string_view symbol) {
  const auto* it = std::find(std::begin(kUnits), std::end(kUnits), symbol);
  unit_ = static_cast<uint8_t>(it == std::end(kUnits) ? 0 : it - std::begin(kUnits));
}

std::vector<Figure> FindFigures(std::string_view text, const LexiconIndex* lex) {
  std::vector<Figure> out;
  FindFigures(text, lex, [&](Figure& f) { out.push_back(f); });
  return out;
}

FigureWords WordsOf(const Figure& f, std::string_view text, uint32_t shift, int context_window, const LexiconIndex* lex) {
  // FindFigures's own calls, with the figure's bounds in `text`.
  const uint32_t begin = f.text.begin - shift, end = f.text.end - shift;
  return {ContextWords(text, begin, end, context_window), NounWords(text, end, lex)};
}

void FindFigures(std::string_view text, const LexiconIndex* lex, const std::function<void(Figure&)>& each) {
  uint32_t i = 0;
  uint32_t citation_until = 0;  // page numbers of a citation run to here
  while (i < text.size()) {
    if (!IsDigit(text[i])) {
      ++i;
      continue;
    }
    // Glued to what precedes: part of a word, a decimal, an identifier.
    if (i > 0) {
      uint32_t p = i;
      const int32_t prev = text::PrevCodePoint(text, p);
      if (text::IsLetter(prev) || prev == '.' || prev == ',' || prev == '#' || prev == '/' || prev == ':' ||
          prev == '_' || prev == '@' || prev == '\\' || prev == '=' || prev == '+' || prev == '^' ||
          (prev == '-' && p > 0 && (IsDigit(text[p - 1]) || IsAsciiLetter(text[p - 1])))) {
        while (i < text.size() && (IsDigit(text[i]) || IsAsciiLetter(text[i]))) ++i;
        continue;
      }
    }
    Number n = ParseNumber(text, i);
    uint32_t j = n.end;
    i = j;
    if (n.begin < citation_until) continue;
    // Versions, dates, case numbers: 1.2.3, 2019-05-01, 17-cr-201, 10:30, 3/4.
    if (n.dots >= 2) continue;
    if (j < text.size() && (text[j] == ':' || text[j] == '/') && j + 1 < text.size() && IsDigit(text[j + 1])) {
      while (i < text.size() && (IsDigit(text[i]) || text[i] == ':' || text[i] == '/' || text[i] == '-')) ++i;
      continue;
    }
    // Glued to letters after it (1st, 3d, 737MAX, 4qd8) or to an underscore.
    if (j < text.size() && (IsAsciiLetter(text[j]) || text[j] == '_')) {
      uint32_t k = j;
      while (k < text.size() && IsAsciiLetter(text[k])) ++k;
      if (ScaleOf(text.substr(j, k - j)) == 0 || (k < text.size() && (IsDigit(text[k]) || text[k] == '_'))) {
        while (i < text.size() && (IsDigit(text[i]) || IsAsciiLetter(text[i]) || text[i] == '_')) ++i;
        continue;
      }
    }
    const std::string_view currency = CurrencyBefore(text, n.begin);  // a literal
    const uint32_t begin = currency.empty() ? n.begin : n.begin - static_cast<uint32_t>(currency.size());

    // The word before: an identifier marker (No., RFC, PEP, Section, p.),
    // a month, or a capitalized name that is not a sentence's first word.
    const auto before = WordBefore(text, begin);
    if (currency.empty() && before) {
      const bool adjacent = before->end + 2 >= begin;  // "No. 5", "PEP 8", "§ 1001"
      if (adjacent && lex != nullptr && (lex->IsFigureIdentifier(before->folded) || lex->IsMonth(before->folded))) continue;
      if (adjacent && before->capitalized && !SentenceStart(text, before->begin) &&
          !(lex != nullptr && lex->IsNotCountedNoun(before->folded))) {
        // "Boeing 737", "Python 3.11", "Title 18" — unless a quantity follows (% or a scale word).
        uint32_t k = j;
        while (k < text.size() && text[k] == ' ') ++k;
        const auto after = WordAfter(text, k);
        const bool quantity = (k < text.size() && text[k] == '%') || (after && (after->folded == "percent" || IsScaleWord(after->folded)));
        if (!quantity) continue;
      }
    }
    {
      uint32_t p = begin;
      while (p > 0 && text[p - 1] == ' ') --p;
      uint32_t q = p;
      const int32_t c = text::PrevCodePoint(text, q);
      if (c == 0x00A7 || c == 0x00B6) continue;  // § 1001, ¶ 12
    }

    // Suffix directly attached (50B, 4.5bn, 3m) or after a space (50 billion).
    double scale = 1;
    bool percent = false;
    uint32_t end = j;
    {
      uint32_t k = j;
      while (k < text.size() && IsAsciiLetter(text[k])) ++k;
      if (k > j && ScaleOf(text.substr(j, k - j)) > 0) {
        scale = ScaleOf(text.substr(j, k - j));
        end = k;
      } else if (k == j) {
        uint32_t s = j;
        while (s < text.size() && text[s] == ' ') ++s;
        uint32_t e = s;
        while (e < text.size() && IsAsciiLetter(text[e])) ++e;
        const std::string_view word = text.substr(s, e - s);
        if (s > j && e > s && IsScaleWord(word)) {
          scale = ScaleOf(word);
          end = e;
        } else if (s > j && (word == "percent" || (word == "per" && text.substr(e, 5) == " cent"))) {
          percent = true;
          end = word == "per" ? e + 5 : e;
        } else if (s > j && (word == "pm" || word == "am" || text.substr(s, 4) == "p.m." || text.substr(s, 4) == "a.m.")) {
          continue;  // a time of day
        }
      }
    }
    if (end < text.size() && text[end] == '%') {
      percent = true;
      ++end;
    }
    // A range: 1–3%, $5–7 million, 2.5-3 percent. The unit after the second
    // number applies to both.
    double high = n.value * scale;
    {
      uint32_t after_dash = 0;
      // "1,900 to 2,100 people", "between 2 and 4 percent": a range in words.
      if (end == j && text.substr(j, 4) == " to " && j + 4 < text.size() &&
          (IsDigit(text[j + 4]) || (text[j + 4] == '$' && !currency.empty()))) {
        after_dash = j + 4;
      } else if (end == j && text.substr(j, 5) == " and " && j + 5 < text.size() && IsDigit(text[j + 5]) && before &&
                 before->folded == "between") {
        after_dash = j + 5;
      }
      if (after_dash > 0 || (end == j && IsDash(text, j, &after_dash) && after_dash < text.size() && IsDigit(text[after_dash]))) {
        const uint32_t second_at = after_dash + (text.substr(after_dash, 1) == "$" ? 1 : 0);
        Number second = ParseNumber(text, second_at);
        uint32_t k = second.end;
        double second_scale = 1;
        bool second_percent = false;
        uint32_t second_end = k;
        uint32_t s = k;
        while (s < text.size() && text[s] == ' ') ++s;
        uint32_t e = s;
        while (e < text.size() && IsAsciiLetter(text[e])) ++e;
        const std::string_view word = text.substr(s, e - s);
        if (k < text.size() && text[k] == '%') {
          second_percent = true;
          second_end = k + 1;
        } else if (IsScaleWord(word) || (e > k && s == k && ScaleOf(word) > 0)) {
          second_scale = ScaleOf(word);
          second_end = e;
        } else if (word == "percent") {
          second_percent = true;
          second_end = e;
        }
        // In words, the noun after the second number is the unit ("to 2,100 people").
        const bool worded = text[j] == ' ';
        const bool noun_after = worded && !NounWords(text, second_end, lex).empty();
        const bool unit = second_percent || second_scale > 1 || !currency.empty() || noun_after;
        if (unit && second.dots <= 1 && second.value >= n.value) {
          scale = second_scale;
          percent = second_percent;
          high = second.value * scale;
          end = second_end;
          i = second_end;
        } else if (!unit) {
          // 12-13, 17-201: page ranges, case and issue numbers; not a figure.
          i = second.end;
          while (i < text.size() && (IsDigit(text[i]) || IsAsciiLetter(text[i]) || text[i] == '-')) ++i;
          continue;
        }
      }
    }

    // A legal citation: a volume before a reporter or code (746 F.3d 273, 286;
    // 18 U.S.C. § 1001; 52 U.S.C. 30121). The pages after it are not figures either.
    if (currency.empty() && !percent && scale == 1) {
      const auto next = WordAfter(text, end);
      if (next && IsReporterAbbreviation(*next, text)) {
        uint32_t k = next->end;
        // Skip the rest of the citation: abbreviations, §, numbers, commas, "at", "n.", ranges.
        while (k < text.size()) {
          const char c = text[k];
          if (c == ' ' || c == ',' || IsDigit(c) || c == '-' || c == '.' || c == '(' || c == ')') {
            ++k;
            continue;
          }
          uint32_t m = k;
          const int32_t cp = text::NextCodePoint(text, m);
          if (cp == 0x00A7 || cp == 0x2013) {
            k = m;
            continue;
          }
          const auto w = WordAfter(text, k);
          if (w && w->begin == k && (w->abbreviation || w->capitalized || w->folded == "at" || w->folded == "n" ||
                                     w->folded == "nn" || w->folded == "d")) {
            k = w->end;
            continue;
          }
          break;
        }
        citation_until = k;
        i = std::max(i, end);
        continue;
      }
    }

    Figure f;
    f.value = n.value * scale;
    f.high = std::max(high, f.value);
    const bool year = currency.empty() && !percent && scale == 1 && !n.grouped && n.dots == 0 &&
                      n.digits.size() == 4 && n.value >= 1000 && n.value <= 2100;
    if (!currency.empty()) {
      f.kind = FigureKind::kMoney;
      f.SetUnit(currency);
    } else if (percent) {
      f.kind = FigureKind::kPercent;
    } else if (year) {
      f.kind = FigureKind::kYear;
    } else {
      f.kind = FigureKind::kCount;
    }
    if (f.kind == FigureKind::kCount) {
      // A count counts something named after it ("1,200 people"); a bare
      // number ("at 5", "in 1841,", "rule 12") is not a figure. A number
      // after a day-month date ("5 June") is a date.
      const PackedWords noun = NounWords(text, end, lex);
      if (noun.empty()) continue;
      if (lex != nullptr && lex->IsMonth(noun.front())) continue;
    }
    f.text = {begin, end};
    each(f);
    i = std::max(i, end);
  }
}

}  // namespace citelint::extract
