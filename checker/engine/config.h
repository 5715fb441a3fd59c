// Configuration: `.citelint.yaml`, found by walking up from each checked file
// (or given with --config). Keys:
//   rules:    [dir, …]            extra rule directories (a house style), relative to the file
//   enable:   [id or glob, …]     turn rules on (preview rules included)
//   disable:  [id or glob, …]     turn rules off ("attribution.*")
//   severity: {id: error|warning|info}
//   options:  {id: {name: number}}
//   ignore:   [glob, …]           paths not to check, relative to the file
//   suppress: [{path, line, rule, reason}, …]   plain-text suppressions by line text
//   profile:  default | strict   strict also runs the rules whose profile is strict
// Every setting remembers where it came from, for `citelint config --print`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checker/base/status.h"
#include "checker/engine/diagnostic.h"

namespace citelint {

struct Setting {
  std::string value;
  std::string origin;  // "path:line"
};

struct TextSuppression {
  std::string path;    // glob, relative to the config file's directory
  std::string line;    // text the suppressed line contains
  std::string rule;    // id or glob
  std::string reason;
  std::string origin;
};

struct Config {
  std::string path;                 // empty: no config file
  std::string dir;                  // the config file's directory
  std::vector<Setting> rules;       // absolute directories
  std::vector<Setting> enable, disable, ignore;
  std::map<std::string, Setting> severity;
  std::map<std::string, std::map<std::string, std::pair<double, std::string>>> options;  // id → name → (value, origin)
  std::vector<TextSuppression> suppress;
  std::optional<Setting> profile;   // "default" or "strict"

  // Whether a rule with this id, status and profile runs under this config;
  // `profile` is the selected profile ("default" or "strict").
  [[nodiscard]] bool Enabled(const std::string& id, const std::string& status, const std::string& rule_profile,
                             bool preview, const std::string& profile) const;
  // Whether a path (as given) is ignored.
  [[nodiscard]] bool Ignored(const std::string& path) const;
};

// The nearest `.citelint.yaml` at or above `path`'s directory, or empty (a
// misnamed `.citelint.yml` is returned too: LoadConfig refuses it by name).
std::string FindConfig(const std::string& path);
// Loads a config file strictly (unknown keys, wrong types: path:line:col errors).
Expected<Config> LoadConfig(const std::string& path);

struct Resources;
// Applies a config's severity overrides and options to loaded resources.
void ApplyConfig(const Config& config, Resources& resources);
// Checks a config against the rules loaded (before ApplyConfig): an
// enable/disable entry no rule id matches, a severity or options entry for no
// rule, an option the rule does not have. The error names the config file and
// line and, where a near name exists, says "did you mean".
Status ValidateConfig(const Config& config, const std::vector<std::string>& rule_ids, const Resources& resources);
// The candidate nearest to `word` by edit distance, if near enough to be a typo.
std::optional<std::string> DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

// Shell-style glob on ids or paths: `*` any run, `?` one character.
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace citelint
