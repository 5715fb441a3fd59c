#include <nlohmann/json.hpp>

#include "checker/report/report.h"

namespace citelint::report {

void WriteJson(std::ostream& out, const Input& input) {
  nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
  int counts[3] = {0, 0, 0};
  const std::vector<std::string> fingerprints = FingerprintsOf(input);
  size_t index = 0;
  for (const Diagnostic& d : input.diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    const Position pos = Locate(input, d);
    nlohmann::ordered_json j;
    j["rule"] = d.rule;
    j["severity"] = SeverityName(d.severity);
    j["path"] = d.path;
    j["line"] = pos.start.line;
    j["column"] = pos.start.column;
    j["end_line"] = pos.end.line;
    j["end_column"] = pos.end.column;
    j["message"] = d.message;
    j["marker"] = d.marker ? nlohmann::ordered_json(*d.marker) : nlohmann::ordered_json(nullptr);
    j["note"] = d.note ? nlohmann::ordered_json(*d.note) : nlohmann::ordered_json(nullptr);
    j["suggest"] = d.suggest ? nlohmann::ordered_json(*d.suggest) : nlohmann::ordered_json(nullptr);
    j["fingerprint"] = fingerprints[index++];
    nlohmann::ordered_json related = nlohmann::ordered_json::array();
    if (auto src = input.sources.find(d.path); src != input.sources.end()) {
      for (const RelatedLocation& r : d.related) {
        const LineCol a = src->second->Locate(r.span.begin), b = src->second->Locate(r.span.end);
        related.push_back({{"line", a.line}, {"column", a.column}, {"end_line", b.line}, {"end_column", b.column},
                           {"message", r.message}});
      }
    }
    j["related"] = std::move(related);
    diagnostics.push_back(std::move(j));
  }
  nlohmann::ordered_json root;
  root["version"] = 1;
  root["diagnostics"] = std::move(diagnostics);
  root["summary"] = {{"files", input.summary.files},   {"markers", input.summary.markers},
                     {"notes", input.summary.notes},   {"errors", counts[0]},
                     {"warnings", counts[1]},          {"infos", counts[2]}};
  out << root.dump(2) << '\n';
}

}  // namespace citelint::report
