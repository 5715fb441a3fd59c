#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "checker/report/report.h"
#include "checker/text/unicode.h"

namespace citelint::report {

Position Locate(const Input& input, const Diagnostic& d) {
  auto it = input.sources.find(d.path);
  if (it == input.sources.end()) return {};
  return {it->second->Locate(d.span.begin), it->second->Locate(std::max(d.span.end, d.span.begin))};
}

namespace {

std::string Plural(int n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// A source line as printed under a finding, with the marks line under it. A
// line wider than kWidth cells (a paragraph of plain text) is cut to a window
// around the span, "…" marking what is left out, as rustc does; carets sit
// under the span whatever the characters' widths (CJK and emoji take two
// cells, combining marks none; a tab stays a tab).
struct Snippet {
  std::string line;
  std::string marks;
};

constexpr int kWidth = 120;   // cells shown at most
constexpr int kBefore = 40;   // cells kept before the span when cutting

Snippet Window(std::string_view line, int start_column, int end_column) {
  struct Cell {
    uint32_t begin, end;  // bytes
    int width;
    bool tab;
  };
  std::vector<Cell> cps;
  for (uint32_t i = 0; i < line.size();) {
    const uint32_t b = i;
    const int32_t c = text::NextCodePoint(line, i);
    cps.push_back({b, i, c == '\t' ? 1 : text::DisplayWidth(c), c == '\t'});
  }
  const int n = static_cast<int>(cps.size());
  const int start = std::clamp(start_column - 1, 0, n);  // code-point index of the span's start
  const int stop = std::clamp(end_column - 1, start + 1, std::max(n, start + 1));
  int total = 0;
  for (const Cell& c : cps) total += c.width;
  int from = 0, to = n;
  if (total > kWidth) {
    // Back from the start by kBefore cells, then forward to kWidth cells.
    int width = 0;
    from = start;
    while (from > 0 && width + cps[from - 1].width <= kBefore) width += cps[--from].width;
    to = from;
    width = 0;
    while (to < n && width + cps[to].width <= kWidth) width += cps[to++].width;
  }
  Snippet out;
  if (from > 0) {
    out.line += "\u2026";
    out.marks += ' ';
  }
  for (int k = from; k < to; ++k) out.line.append(line.substr(cps[k].begin, cps[k].end - cps[k].begin));
  if (to < n) out.line += "\u2026";
  for (int k = from; k < start && k < to; ++k) out.marks += cps[k].tab ? std::string("\t") : std::string(cps[k].width, ' ');
  bool first = true;
  for (int k = start; k < std::min(stop, to); ++k) {
    for (int w = 0; w < std::max(cps[k].width, first ? 1 : 0); ++w) {
      out.marks += first ? '^' : '~';
      first = false;
    }
  }
  if (first) out.marks += '^';  // the span starts at the line's end
  return out;
}

}  // namespace

void WriteText(std::ostream& out, const Input& input) {
  int counts[3] = {0, 0, 0};
  for (const Diagnostic& d : input.diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    const Position pos = Locate(input, d);
    if (input.color) {
      // As clang colours it: the location bold, the severity in its colour, the caret green.
      const char* hue = d.severity == Severity::kError ? "\x1b[1;31m" : d.severity == Severity::kWarning ? "\x1b[1;35m"
                                                                                                  : "\x1b[1;36m";
      out << fmt::format("\x1b[1m{}:{}:{}:\x1b[0m {}{}:\x1b[0m \x1b[1m{}\x1b[0m [{}]\n", d.path, pos.start.line,
                         pos.start.column, hue, SeverityName(d.severity), d.message, d.rule);
    } else {
      out << fmt::format("{}:{}:{}: {}: {} [{}]\n", d.path, pos.start.line, pos.start.column,
                         SeverityName(d.severity), d.message, d.rule);
    }
    auto it = input.sources.find(d.path);
    if (it == input.sources.end()) continue;
    std::string_view line = it->second->Line(pos.start.line);
    if (pos.start.line == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // no column, as in Locate
    const int end_column = pos.end.line == pos.start.line ? std::max(pos.end.column, pos.start.column + 1)
                                                          : std::numeric_limits<int>::max();
    const Snippet snippet = Window(line, pos.start.column, end_column);
    out << snippet.line << '\n';
    if (input.color) {
      const size_t mark = snippet.marks.find_first_of("^~");
      out << snippet.marks.substr(0, mark) << "\x1b[1;32m" << snippet.marks.substr(mark) << "\x1b[0m\n";
    } else {
      out << snippet.marks << '\n';
    }
  }
  const Summary& s = input.summary;
  const std::string where = fmt::format("in {} ({}, {})", Plural(s.files, "file"), Plural(s.markers, "marker"),
                                        Plural(s.notes, "note"));
  if (input.diagnostics.empty()) {
    out << "no problems found " << where << '\n';
  } else {
    out << fmt::format("{}, {} and {} {}\n", Plural(counts[0], "error"), Plural(counts[1], "warning"),
                       Plural(counts[2], "info"), where);
  }
  if (input.gate != nullptr) {
    out << "verdict: " << GateLine(*input.gate) << '\n';
    for (size_t i = 0; input.blocking != nullptr && i < input.diagnostics.size(); ++i) {
      if (!(*input.blocking)[i]) continue;
      const Diagnostic& d = input.diagnostics[i];
      const Position pos = Locate(input, d);
      out << fmt::format("  {}:{}:{}: {} [{}]\n", d.path, pos.start.line, pos.start.column, d.message, d.rule);
    }
  }
}

std::string GateLine(const GateVerdict& v) {
  if (!v.hold) return fmt::format("pass (profile {}): nothing blocks publishing", v.profile);
  std::string why;
  if (v.blocking > 0) why = fmt::format("{} block{} publishing", Plural(v.blocking, "finding"), v.blocking == 1 ? "s" : "");
  if (v.unchecked > 0) {
    why += fmt::format("{}{} could not be checked", why.empty() ? "" : "; ", Plural(v.unchecked, "file"));
  }
  return fmt::format("hold (profile {}): {}", v.profile, why);
}

}  // namespace citelint::report
