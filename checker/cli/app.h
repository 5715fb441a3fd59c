// The `citelint` command line: subcommands, flags, file walking and exit codes
// (0 nothing at the fail-on level, 1 findings at that level, 2 usage or input
// errors).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "checker/base/status.h"
#include "checker/engine/check.h"
#include "checker/engine/config.h"
#include "checker/engine/resources.h"

namespace citelint::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

int Main(int argc, char** argv);

// A config file and what it implies: the rules loaded with its extra
// directories, severities and options applied, and the rules it enables.
struct Setup {
  Config config;
  Resources resources;
  CheckList enabled;
  Profile profile;  // the profile selected (--profile, else the config's)
};
Expected<Setup> MakeSetup(const std::string& config_path, const std::string& rules_dir,
                          const std::vector<std::string>& extra, bool preview, const std::string& profile = "");
// Every rule any of the setups knows, sorted by id (SARIF's and the report's rule lists).
std::vector<RuleInfo> KnownRules(const std::map<std::string, Setup>& setups);

}  // namespace citelint::cli
