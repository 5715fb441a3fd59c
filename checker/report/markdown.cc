// `check --format markdown`: a short summary for a pull-request comment or
// $GITHUB_STEP_SUMMARY — the verdict, counts by kind in plain words, and the
// findings with what to do (the first 50; the rest counted).
#include <fmt/format.h>

#include "checker/report/plain.h"
#include "checker/report/report.h"

namespace citelint::report {
namespace {

// Text from a draft or a message, inert in Markdown inside a list item or a
// table cell: characters that open emphasis, links, code, tables or HTML
// are backslash-escaped (nothing here starts a line).
std::string Md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos) out += '\\';
    out += c == '\n' || c == '\r' ? ' ' : c;
    // A handle or an issue number quoted from a draft must not mention or
    // link anyone: a zero-width space after @ and #.
    if (c == '@' || c == '#') out += "\u200b";
  }
  return out;
}

}  // namespace

void WriteMarkdown(std::ostream& out, const Input& input) {
  std::vector<const Diagnostic*> all;
  for (const Diagnostic& d : input.diagnostics) all.push_back(&d);
  const Verdict v = VerdictOf(all);
  if (input.gate != nullptr) {
    // A gate says pass or hold by its own rules, not by whether anything was found.
    out << fmt::format("### citelint: {}\n\n", Md(GateLine(*input.gate)));
  } else {
    out << fmt::format("### citelint: {}\n\n", Md(v.banner));
  }
  out << fmt::format("{} file{} checked, {} marker{}, {} note{}.", input.summary.files, input.summary.files == 1 ? "" : "s",
                     input.summary.markers, input.summary.markers == 1 ? "" : "s", input.summary.notes,
                     input.summary.notes == 1 ? "" : "s");
  if (input.input_errors != nullptr && !input.input_errors->empty()) {
    out << fmt::format(" **{} file{} could not be checked.**", input.input_errors->size(),
                       input.input_errors->size() == 1 ? "" : "s");
  }
  out << "\n\n";
  if (!v.kinds.empty()) {
    out << "| Problem | Count |\n|---|---:|\n";
    for (const auto& [kind, count] : v.kinds) out << fmt::format("| {} | {} |\n", Md(kind.name), count);
    out << '\n';
  }
  constexpr size_t kShown = 50;
  size_t shown = 0;
  for (const Diagnostic& d : input.diagnostics) {
    if (shown == kShown) break;
    const Position pos = Locate(input, d);
    out << fmt::format("- **{}** {}:{} {}. {} <sub>{}</sub>\n", SeverityName(d.severity), Md(d.path), pos.start.line,
                       Md(d.message), Md(Advice(d)), Md(d.rule));
    ++shown;
  }
  if (input.diagnostics.size() > shown) {
    out << fmt::format("- … and {} more (run `citelint check` for all of them)\n", input.diagnostics.size() - shown);
  }
  if (input.input_errors != nullptr) {
    for (const InputError& e : *input.input_errors) out << fmt::format("- **error** {} {}\n", Md(e.path), Md(e.message));
  }
}

}  // namespace citelint::report
