// The registry of built-in C++ checks: one explicit list, sorted by id.
#pragma once

#include "checker/engine/check.h"
#include "checker/engine/config.h"
#include "checker/engine/resources.h"

namespace citelint {

// Every built-in check, sorted by rule id.
CheckList BuiltinChecks();

// Loads the rules directories with the built-in checks registered.
Expected<Resources> LoadRules(const std::string& rules_dir, const std::vector<std::string>& extra_dirs = {});

// Every rule, built-in and YAML, sorted by id.
CheckList AllRules(const Resources& resources);

// The default rule set: stable rules, and preview rules when asked for.
CheckList DefaultChecks(const Resources& resources, bool preview);

// The rules a config turns on (enable/disable globs over the rules of the
// profile): `profile` (a profile's name: default, strict, publish, a house one)
// overrides the config's; the profile's `runs` picks the rule set.
CheckList EnabledRules(const Resources& resources, const Config& config, bool preview,
                       const std::string& profile = "");
// A rule's profile and measured precision (a built-in check's rule file may set them).
std::string RuleProfile(const RuleInfo& info, const Resources& resources);
std::string RulePrecision(const RuleInfo& info, const Resources& resources);

// The whole pipeline for one document: the enabled rules, then suppressions
// and the meta findings. Sorted.
std::vector<Diagnostic> CheckDocument(const Document& doc, const Resources& resources, const Config& config,
                                      const CheckList& enabled);
// The same over an Analysis the caller keeps.
std::vector<Diagnostic> CheckDocument(const Analysis& analysis, const Resources& resources, const Config& config,
                                      const CheckList& enabled);

}  // namespace citelint
