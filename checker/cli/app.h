// The `citelint` command line: subcommands, flags, file walking and exit codes
// (0 nothing at the fail-on level, 1 findings at that level, 2 usage or input
// errors).
#pragma once

namespace citelint::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

int Main(int argc, char** argv);

}  // namespace citelint::cli
