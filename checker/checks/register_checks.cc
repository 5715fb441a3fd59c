#include "checker/checks/register_checks.h"

#include <algorithm>

#include "checker/checks/attribution/attribution_checks.h"
#include "checker/checks/notes/notes_checks.h"
#include "checker/engine/suppress.h"

namespace citelint {

CheckList BuiltinChecks() {
  CheckList checks;
  // Keep sorted by id; tests/unit/engine/registry_test.cc checks it.
  checks.push_back(std::make_unique<checks::AttributionMismatch>());
  checks.push_back(std::make_unique<checks::AttributionRotatedNotes>());
  checks.push_back(std::make_unique<checks::AttributionUnverified>());
  checks.push_back(std::make_unique<checks::FiguresMismatch>());
  checks.push_back(std::make_unique<checks::FiguresUnsupported>());
  checks.push_back(std::make_unique<checks::DanglingMarker>());
  checks.push_back(std::make_unique<checks::DuplicateLabel>());
  checks.push_back(std::make_unique<checks::DuplicateNote>());
  checks.push_back(std::make_unique<checks::OutOfOrder>());
  checks.push_back(std::make_unique<checks::RepeatedMarker>());
  checks.push_back(std::make_unique<checks::UnusedNote>());
  checks.push_back(std::make_unique<checks::QuotesInOtherNote>());
  checks.push_back(std::make_unique<checks::QuotesNotInSource>());
  checks.push_back(std::make_unique<checks::QuotesUnbalanced>());
  return checks;
}

Expected<Resources> LoadRules(const std::string& rules_dir, const std::vector<std::string>& extra_dirs) {
  static const CheckList builtins = BuiltinChecks();
  std::vector<const RuleInfo*> infos;
  for (const auto& c : builtins) infos.push_back(&c->info());
  return LoadResources(rules_dir, extra_dirs, infos);
}

CheckList AllRules(const Resources& resources) {
  CheckList all = BuiltinChecks();
  for (auto& meta : MetaRules()) all.push_back(std::move(meta));
  all.insert(all.end(), resources.yaml_rules.begin(), resources.yaml_rules.end());
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
  return all;
}

CheckList DefaultChecks(const Resources& resources, bool preview) { return EnabledRules(resources, Config{}, preview); }

std::string RuleProfile(const RuleInfo& info, const Resources& resources) {
  auto it = resources.profile.find(info.id);
  return it == resources.profile.end() ? info.profile : it->second;
}

std::string RulePrecision(const RuleInfo& info, const Resources& resources) {
  auto it = resources.precision.find(info.id);
  return it == resources.precision.end() ? info.precision : it->second;
}

CheckList EnabledRules(const Resources& resources, const Config& config, bool preview, const std::string& profile) {
  // The profile's rule set; an unknown profile (refused before a check) runs the default one.
  const auto resolved = ResolveProfile(config, profile);
  const std::string selected = resolved.ok() ? resolved->runs : "default";
  CheckList selected_rules;
  for (auto& check : AllRules(resources)) {
    const RuleInfo& info = check->info();
    if (config.Enabled(info.id, info.status, RuleProfile(info, resources), preview, selected)) {
      selected_rules.push_back(std::move(check));
    }
  }
  return selected_rules;
}

namespace {

// What the loader noticed about the input's encoding, as findings.
std::vector<Diagnostic> WithLoadNotes(const Document& doc, std::vector<Diagnostic> found) {
  if (doc.load_notes.empty()) return found;
  for (const LoadNote& n : doc.load_notes) {
    Diagnostic d;
    d.rule = n.rule;
    d.severity = static_cast<Severity>(n.severity);
    d.path = doc.path();
    d.span = n.span;
    d.message = n.message;
    found.push_back(std::move(d));
  }
  SortDiagnostics(found);
  return found;
}

}  // namespace

std::vector<Diagnostic> CheckDocument(const Document& doc, const Resources& resources, const Config& config,
                                      const CheckList& enabled) {
  return WithLoadNotes(doc, ApplySuppressions(doc, RunChecks(doc, enabled, resources), config, enabled));
}

std::vector<Diagnostic> CheckDocument(const Analysis& analysis, const Resources& resources, const Config& config,
                                      const CheckList& enabled) {
  return WithLoadNotes(analysis.doc(),
                       ApplySuppressions(analysis.doc(), RunChecks(analysis, enabled, resources), config, enabled));
}

}  // namespace citelint
