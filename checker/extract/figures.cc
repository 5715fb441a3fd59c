#include <algorithm>
#include <cmath>
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

// Scale words and suffixes: "billion", "bn", "B", "m", "k".
double ScaleOf(std::string_view word) {
  std::string w = text::FoldCase(word);
  if (w == "thousand" || w == "k") return 1e3;
  if (w == "million" || w == "mn" || w == "m" || w == "mln") return 1e6;
  if (w == "billion" || w == "bn" || w == "b" || w == "bln") return 1e9;
  if (w == "trillion" || w == "tn" || w == "t") return 1e12;
  return 0;
}

std::string CurrencyBefore(std::string_view text, uint32_t i) {
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

std::vector<std::string> ContextWords(std::string_view text, uint32_t begin, uint32_t end, int window) {
  constexpr uint32_t kReach = 80;
  const uint32_t from = begin > kReach ? begin - kReach : 0;
  // Stay within the sentence: do not reach past a line break.
  std::string_view before = text.substr(from, begin - from);
  if (const size_t nl = before.rfind('\n'); nl != std::string_view::npos) before.remove_prefix(nl + 1);
  std::string_view after = text.substr(end, std::min<size_t>(kReach, text.size() - end));
  if (const size_t nl = after.find('\n'); nl != std::string_view::npos) after = after.substr(0, nl);
  auto content = [](const std::string& w) {
    return w.size() >= 4 && !std::all_of(w.begin(), w.end(), [](char c) { return IsDigit(c) || c == '.' || c == ','; });
  };
  std::vector<std::string> out;
  auto b = NormalizedWords(before);
  // The first word of `before`/last of `after` may be cut; the window keeps the near ones.
  for (int k = 0, n = static_cast<int>(b.size()); k < window && k < n; ++k) {
    if (content(b[n - 1 - k])) out.push_back(b[n - 1 - k]);
  }
  auto a = NormalizedWords(after);
  for (int k = 0; k < window && k < static_cast<int>(a.size()); ++k) {
    if (content(a[k]) && ScaleOf(a[k]) == 0 && a[k] != "percent") out.push_back(a[k]);
  }
  for (auto& w : out) {  // crude stem: jobs/job, deals/deal
    if (w.size() > 4 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  }
  return out;
}

}  // namespace

std::vector<Figure> FindFigures(std::string_view text, int context_window) {
  std::vector<Figure> out;
  uint32_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i]) || (i > 0 && (IsDigit(text[i - 1]) || text::IsLetter(static_cast<unsigned char>(text[i - 1])) ||
                                       text[i - 1] == '.' || text[i - 1] == ','))) {
      ++i;
      continue;
    }
    uint32_t j = i;
    std::string digits;
    while (j < text.size()) {
      if (IsDigit(text[j])) {
        digits += text[j++];
      } else if ((text[j] == ',' || text[j] == '.') && j + 1 < text.size() && IsDigit(text[j + 1]) && !digits.empty()) {
        if (text[j] == '.') digits += '.';
        ++j;
      } else {
        break;
      }
    }
    Figure f;
    f.value = std::atof(digits.c_str());
    const std::string currency = CurrencyBefore(text, i);
    uint32_t begin = currency.empty() ? i : i - static_cast<uint32_t>(currency.size());
    uint32_t end = j;
    double scale = 1;
    bool percent = false;
    // Suffix directly attached (50B, 4.5bn, 3m) or after a space (50 billion).
    uint32_t k = j;
    while (k < text.size() && text::IsLetter(static_cast<unsigned char>(text[k]))) ++k;
    if (k > j && ScaleOf(text.substr(j, k - j)) > 0) {
      scale = ScaleOf(text.substr(j, k - j));
      end = k;
    } else if (k == j) {
      uint32_t s = j;
      while (s < text.size() && text[s] == ' ') ++s;
      uint32_t e = s;
      while (e < text.size() && text::IsLetter(static_cast<unsigned char>(text[e]))) ++e;
      const std::string_view word = text.substr(s, e - s);
      if (s > j && e > s && (word == "billion" || word == "million" || word == "trillion" || word == "thousand")) {
        scale = ScaleOf(word);
        end = e;
      } else if (s > j && (word == "percent" || (word == "per" && text.substr(e, 5) == " cent"))) {
        percent = true;
        end = word == "per" ? e + 5 : e;
      }
    } else {
      i = k;  // a number glued to letters (4qd8, 737MAX): not a figure
      continue;
    }
    if (end < text.size() && text[end] == '%') {
      percent = true;
      ++end;
    }
    f.value *= scale;
    if (!currency.empty()) {
      f.kind = FigureKind::kMoney;
      f.unit = currency;
    } else if (percent) {
      f.kind = FigureKind::kPercent;
    } else if (scale == 1 && digits.size() == 4 && digits.find('.') == std::string::npos && f.value >= 1900 &&
               f.value <= 2099) {
      f.kind = FigureKind::kYear;
    } else {
      f.kind = FigureKind::kCount;
    }
    f.text = {begin, end};
    f.written = std::string(text.substr(begin, end - begin));
    f.context = ContextWords(text, begin, end, context_window);
    out.push_back(std::move(f));
    i = end;
  }
  return out;
}

}  // namespace citelint::extract
