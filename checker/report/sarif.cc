// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the
// tool's every rule, and a result per finding with its region in the original
// file, a fingerprint and, under a baseline, its baselineState.
#include <fmt/format.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "checker/report/json_stream.h"
#include "checker/report/report.h"

namespace citelint::report {

namespace {

const char* Level(Severity s) { return s == Severity::kError ? "error" : s == Severity::kWarning ? "warning" : "note"; }

// SARIF viewers want whole sentences ("SARIF2001: terminate messages with a period").
std::string Sentence(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  if (s.empty()) return ".";
  const char last = s.back();
  if (last != '.' && last != '!' && last != '?') s += '.';
  return s;
}

// A relative path as a URI reference: unreserved bytes and '/' kept, the rest
// percent-encoded (RFC 3986); an absolute path as a file:// URI.
std::string PathUri(const std::string& path) {
  std::string out;
  const bool absolute = !path.empty() && path[0] == '/';
  if (absolute) out = "file://";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    out += keep ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return out;
}

// "notes.dangling-marker" → "NotesDanglingMarker": SARIF wants a readable
// name distinct from the opaque id.
std::string PascalName(const std::string& id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    if (c == '.' || c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

nlohmann::ordered_json Region(const Position& pos) {
  return {{"startLine", pos.start.line},
          {"startColumn", pos.start.column},
          {"endLine", pos.end.line},
          {"endColumn", std::max(pos.end.column, pos.end.line == pos.start.line ? pos.start.column + 1 : 1)}};
}

}  // namespace

void WriteSarif(std::ostream& out, const Input& input, const SarifOptions& options) {
  const std::vector<std::string> fingerprints = FingerprintsOf(input);
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  std::map<std::string, int> rule_index;
  if (input.rules != nullptr) {
    for (const RuleInfo& r : *input.rules) {
      rule_index[r.id] = static_cast<int>(rules.size());
      const std::string description = r.description.empty() ? r.summary : r.description;
      std::string markdown = fmt::format("**{}** ({}, {} profile)\n\n{}", r.id, SeverityName(r.severity), r.profile,
                                         description);
      if (!r.precision.empty()) markdown += fmt::format("\n\nMeasured precision on real documents: {}.", r.precision);
      markdown += fmt::format("\n\nRun `citelint explain {}` for its options and examples.", r.id);
      nlohmann::ordered_json rule;
      rule["id"] = r.id;
      rule["name"] = PascalName(r.id);
      rule["shortDescription"] = {{"text", Sentence(r.summary.empty() ? r.id : r.summary)}};
      rule["fullDescription"] = {{"text", Sentence(description.empty() ? r.id : description)}};
      rule["help"] = {{"text", Sentence(description.empty() ? r.id : description) +
                                   fmt::format(" Run `citelint explain {}` for its options and examples.", r.id)},
                      {"markdown", markdown}};
      if (!options.help_uri.empty()) rule["helpUri"] = options.help_uri;
      rule["defaultConfiguration"] = {{"level", Level(r.severity)}};
      rule["properties"] = {{"profile", r.profile}, {"status", r.status}};
      rules.push_back(std::move(rule));
    }
  }
  nlohmann::ordered_json driver;
  driver["name"] = "citelint";
  driver["version"] = options.version;
  driver["semanticVersion"] = options.version;
  if (!options.information_uri.empty()) driver["informationUri"] = options.information_uri;
  driver["rules"] = std::move(rules);
  nlohmann::ordered_json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = "\x01results";
  nlohmann::ordered_json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = nlohmann::ordered_json::array({std::move(run)});
  // The results are written one at a time in the placeholder's place.
  const auto [head, tail] = SplitAt(root, "\x01results");
  out << head;
  JsonArrayStream results(out, 3);
  size_t index = 0;
  for (const Diagnostic& d : input.diagnostics) {
    const Position pos = Locate(input, d);
    nlohmann::ordered_json r;
    r["ruleId"] = d.rule;
    if (auto it = rule_index.find(d.rule); it != rule_index.end()) r["ruleIndex"] = it->second;
    r["level"] = Level(d.severity);
    r["message"] = {{"text", Sentence(d.message)}};
    r["locations"] = nlohmann::ordered_json::array(
        {{{"physicalLocation", {{"artifactLocation", {{"uri", PathUri(d.path)}}}, {"region", Region(pos)}}}}});
    r["partialFingerprints"] = {{"citelint/v1", fingerprints[index]}};
    if (auto src = input.sources.find(d.path); src != input.sources.end()) {
      const SourceFile& file = *src->second;
      nlohmann::ordered_json related = nlohmann::ordered_json::array();
      int id = 1;
      for (const RelatedLocation& rel : d.related) {
        related.push_back({{"id", id++},
                           {"physicalLocation",
                            {{"artifactLocation", {{"uri", PathUri(d.path)}}},
                             {"region", Region({file.Locate(rel.span.begin), file.Locate(rel.span.end)})}}},
                           {"message", {{"text", Sentence(rel.message)}}}});
      }
      if (!related.empty()) r["relatedLocations"] = std::move(related);
      // A marker that should cite another note: replace its label.
      const std::string_view bytes = file.bytes();
      if (d.fix && !d.fix->edits.empty() &&
          std::all_of(d.fix->edits.begin(), d.fix->edits.end(),
                      [&](const Edit& e) { return e.span.begin < e.span.end && e.span.end <= bytes.size(); })) {
        nlohmann::ordered_json replacements = nlohmann::ordered_json::array();
        for (const Edit& e : d.fix->edits) {
          replacements.push_back({{"deletedRegion", Region({file.Locate(e.span.begin), file.Locate(e.span.end)})},
                                  {"insertedContent", {{"text", e.text}}}});
        }
        r["fixes"] = nlohmann::ordered_json::array(
            {{{"description", {{"text", Sentence(d.fix->description)}}},
              {"artifactChanges", nlohmann::ordered_json::array({{{"artifactLocation", {{"uri", PathUri(d.path)}}},
                                                                  {"replacements", std::move(replacements)}}})}}});
      } else if (d.marker && d.suggest && d.span.end <= bytes.size() && d.span.end > d.span.begin &&
          bytes.substr(d.span.begin, d.span.end - d.span.begin) == *d.marker) {
        r["fixes"] = nlohmann::ordered_json::array(
            {{{"description", {{"text", Sentence(fmt::format("Cite note {} instead of note {}", *d.suggest, *d.marker))}}},
              {"artifactChanges",
               nlohmann::ordered_json::array(
                   {{{"artifactLocation", {{"uri", PathUri(d.path)}}},
                     {"replacements",
                      nlohmann::ordered_json::array({{{"deletedRegion", Region(pos)},
                                                      {"insertedContent", {{"text", *d.suggest}}}}})}}})}}});
      }
    }
    if (options.baseline) r["baselineState"] = "new";
    if (options.unchanged != nullptr && options.unchanged->count(fingerprints[index])) r["baselineState"] = "unchanged";
    ++index;
    results.push_back(r);
  }
  if (options.absent != nullptr) {
    for (const AbsentFinding& a : *options.absent) {
      nlohmann::ordered_json r;
      r["ruleId"] = a.rule;
      if (auto it = rule_index.find(a.rule); it != rule_index.end()) r["ruleIndex"] = it->second;
      r["level"] = "none";
      r["message"] = {{"text", Sentence(a.message)}};
      r["locations"] = nlohmann::ordered_json::array(
          {{{"physicalLocation",
             {{"artifactLocation", {{"uri", PathUri(a.path)}}}, {"region", {{"startLine", std::max(1, a.line)}}}}}}});
      r["partialFingerprints"] = {{"citelint/v1", a.fingerprint}};
      r["baselineState"] = "absent";
      results.push_back(r);
    }
  }
  results.close();
  out << tail << '\n';
}

}  // namespace citelint::report
