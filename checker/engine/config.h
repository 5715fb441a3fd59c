// Configuration: `.citelint.yaml`, found by walking up from each checked file
// (or given with --config). Keys:
//   rules:    [dir, …]            extra rule directories (a house style), relative to the file
//   enable:   [id or glob, …]     turn rules on (preview rules included)
//   disable:  [id or glob, …]     turn rules off ("attribution.*")
//   severity: {id: error|warning|info}
//   options:  {id: {name: number}}
//   ignore:   [glob, …]           paths not to check, relative to the file
//   suppress: [{path, line, rule, reason}, …]   plain-text suppressions by line text
//   profile:  default | strict | publish | a house profile
//   profiles: {name: {extends, runs, block, inform, block_at}}   a house's own profiles
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

// A profile: which rules run and, for a gate before publishing, which
// findings hold a draft. Built in: `default` (the default rules), `strict`
// (also the rules too noisy for every draft) and `publish` (strict's rules;
// every error and attribution.unverified hold the draft, the rest informs).
struct Profile {
  std::string name = "default";
  std::string runs = "default";         // the rule set: default | strict
  std::optional<Severity> block_at;     // findings at or above this severity hold the draft
  std::vector<std::string> block;       // ids or globs whose findings hold it
  std::vector<std::string> inform;      // ids or globs that never hold it (over block and block_at)
  std::string origin = "built-in";      // or "path:line" of a house profile
  // A gate gives a verdict: pass, or hold with the blocking findings.
  [[nodiscard]] bool gate() const { return block_at.has_value() || !block.empty(); }
  [[nodiscard]] bool Blocks(const std::string& rule, Severity severity) const;
  // Whether each finding blocks, in order.
  [[nodiscard]] std::vector<bool> Blocking(const std::vector<Diagnostic>& findings) const;
};
// default, strict, publish.
const std::vector<Profile>& BuiltinProfiles();

struct Config {
  std::string path;                 // empty: no config file
  std::string dir;                  // the config file's directory
  std::vector<Setting> rules;       // absolute directories
  std::vector<Setting> enable, disable, ignore;
  std::map<std::string, Setting> severity;
  std::map<std::string, std::map<std::string, std::pair<double, std::string>>> options;  // id → name → (value, origin)
  std::vector<TextSuppression> suppress;
  std::optional<Setting> profile;   // the profile's name: built in or in `profiles`
  std::vector<Profile> profiles;    // the house's own, in file order

  // Whether a rule with this id, status and profile runs under this config;
  // `profile` is the selected profile ("default" or "strict").
  [[nodiscard]] bool Enabled(const std::string& id, const std::string& status, const std::string& rule_profile,
                             bool preview, const std::string& profile) const;
  // Whether a path (as given) is ignored.
  [[nodiscard]] bool Ignored(const std::string& path) const;
};

// The profile a run uses: `name` (from --profile) or, when empty, the
// config's `profile:`, else default. An unknown name is an error that lists
// the known ones (and a near one: "did you mean").
Expected<Profile> ResolveProfile(const Config& config, const std::string& name = "");

// The nearest `.citelint.yaml` at or above `path`'s directory, or empty (a
// misnamed `.citelint.yml` is returned too: LoadConfig refuses it by name).
std::string FindConfig(const std::string& path);
// FindConfig for the many files of one run: each directory's answer is
// kept, so a thousand files in one folder look for a config once, not a
// thousand times up every parent (the run's serial part, before --jobs).
class ConfigFinder {
 public:
  std::string Find(const std::string& path);

 private:
  std::map<std::string, std::string> by_dir_;  // an absolute directory -> its config, or empty
};
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
