#include <fmt/format.h>

#include "checker/report/report.h"

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

}  // namespace

void WriteText(std::ostream& out, const Input& input) {
  int counts[3] = {0, 0, 0};
  for (const Diagnostic& d : input.diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    const Position pos = Locate(input, d);
    out << fmt::format("{}:{}:{}: {}: {} [{}]\n", d.path, pos.start.line, pos.start.column,
                       SeverityName(d.severity), d.message, d.rule);
    auto it = input.sources.find(d.path);
    if (it == input.sources.end()) continue;
    const std::string_view line = it->second->Line(pos.start.line);
    out << line << '\n';
    // Caret under the first code point, tildes under the rest on this line.
    std::string caret;
    int column = 1;
    for (size_t i = 0; i < line.size() && column < pos.start.column; ++i) {
      const unsigned char c = static_cast<unsigned char>(line[i]);
      if ((c & 0xC0) == 0x80) continue;
      caret += c == '\t' ? '\t' : ' ';
      ++column;
    }
    caret += '^';
    const int end_column = pos.end.line == pos.start.line ? pos.end.column : column + 1;
    for (int c = column + 1; c < end_column; ++c) caret += '~';
    out << caret << '\n';
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
}

}  // namespace citelint::report
