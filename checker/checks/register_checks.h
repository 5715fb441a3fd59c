// The registry of built-in C++ checks: one explicit list, sorted by id.
#pragma once

#include "checker/engine/check.h"

namespace citelint {

// Every built-in check, sorted by rule id.
CheckList BuiltinChecks();

// The default rule set: stable rules, and preview rules when asked for.
CheckList DefaultChecks(bool preview);

}  // namespace citelint
