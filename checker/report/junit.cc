// JUnit XML, as GitLab, Jenkins and most CI test-report views read it: a
// test suite per file checked, a test case per finding (a failure when it is
// at or above the --fail-on level) and a passing case for a clean file.
#include <fmt/format.h>

#include <map>

#include "checker/report/report.h"

namespace citelint::report {

namespace {

// Text and attribute values: the five XML escapes; characters XML 1.0 forbids
// (C0 controls but tab and newline) become U+FFFD.
std::string Xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && ch != '\t' && ch != '\n') {
          out += "\xEF\xBF\xBD";
        } else {
          out += ch;
        }
    }
  }
  return out;
}

}  // namespace

void WriteJunit(std::ostream& out, const Input& input, std::optional<Severity> fail_at) {
  std::map<std::string, std::vector<const Diagnostic*>> by_file;
  if (input.files != nullptr) {
    for (const std::string& path : *input.files) by_file[path];
  } else {
    for (const auto& [path, source] : input.sources) by_file[path];
  }
  for (const Diagnostic& d : input.diagnostics) by_file[d.path].push_back(&d);
  int tests = 0, failures = 0;
  std::string suites;
  for (const auto& [path, ds] : by_file) {
    int suite_failures = 0;
    std::string cases;
    for (const Diagnostic* d : ds) {
      const Position pos = Locate(input, *d);
      const std::string where = fmt::format("{}:{}:{}", d->path, pos.start.line, pos.start.column);
      cases += fmt::format("    <testcase classname=\"{}\" name=\"{} {}:{}\" file=\"{}\" line=\"{}\">\n", Xml(d->path),
                           Xml(d->rule), pos.start.line, pos.start.column, Xml(d->path), pos.start.line);
      const std::string text = fmt::format("{}: {}: {} [{}]", where, SeverityName(d->severity), d->message, d->rule);
      if (fail_at && static_cast<int>(d->severity) <= static_cast<int>(*fail_at)) {
        ++suite_failures;
        cases += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n", Xml(d->rule), Xml(d->message),
                             Xml(text));
      } else {
        cases += fmt::format("      <system-out>{}</system-out>\n", Xml(text));
      }
      cases += "    </testcase>\n";
    }
    if (ds.empty()) {
      cases += fmt::format("    <testcase classname=\"{}\" name=\"citelint\" file=\"{}\"/>\n", Xml(path), Xml(path));
    }
    const int suite_tests = ds.empty() ? 1 : static_cast<int>(ds.size());
    tests += suite_tests;
    failures += suite_failures;
    suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n{}  </testsuite>\n",
                          Xml(path), suite_tests, suite_failures, cases);
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << fmt::format("<testsuites name=\"citelint\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", tests, failures)
      << suites << "</testsuites>\n";
}

}  // namespace citelint::report
