// GitLab Code Quality: a JSON array of CodeClimate issues, shown in merge
// requests (docs.gitlab.com, "Code Quality report format").
#include <nlohmann/json.hpp>

#include "checker/report/report.h"

namespace citelint::report {

void WriteGitlab(std::ostream& out, const Input& input) {
  const std::vector<std::string> fingerprints = FingerprintsOf(input);
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  size_t index = 0;
  for (const Diagnostic& d : input.diagnostics) {
    const Position pos = Locate(input, d);
    nlohmann::ordered_json j;
    j["type"] = "issue";
    j["description"] = d.message;
    j["check_name"] = d.rule;
    j["fingerprint"] = fingerprints[index++];
    j["severity"] = d.severity == Severity::kError ? "major" : d.severity == Severity::kWarning ? "minor" : "info";
    j["location"] = {{"path", d.path}, {"lines", {{"begin", pos.start.line}, {"end", pos.end.line}}}};
    issues.push_back(std::move(j));
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace citelint::report
