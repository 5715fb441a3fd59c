// GitHub Actions workflow commands: one `::error …::message` line per finding,
// which the runner turns into an annotation on the pull request's diff.
// Escaped as @actions/core escapes them (toolkit packages/core/src/command.ts).
#include <fmt/format.h>

#include "checker/report/report.h"

namespace citelint::report {

namespace {

// The toolkit's escapes: %, CR and LF always; ':' and ',' in properties too.
std::string Escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string EscapeGithubData(std::string_view s) { return Escape(s, false); }
std::string EscapeGithubProperty(std::string_view s) { return Escape(s, true); }

void WriteGithub(std::ostream& out, const Input& input) {
  for (const Diagnostic& d : input.diagnostics) {
    const Position pos = Locate(input, d);
    const char* command = d.severity == Severity::kError ? "error" : d.severity == Severity::kWarning ? "warning" : "notice";
    // Property order as the toolkit writes them: title, file, line, endLine, col, endColumn.
    out << fmt::format("::{} title={},file={},line={},endLine={},col={},endColumn={}::{}\n", command,
                       EscapeGithubProperty(d.rule), EscapeGithubProperty(d.path), pos.start.line, pos.end.line,
                       pos.start.column, pos.end.column, EscapeGithubData(d.message));
  }
}

}  // namespace citelint::report
