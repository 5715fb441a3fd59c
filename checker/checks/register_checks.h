// The registry of built-in C++ checks: one explicit list, sorted by id.
#pragma once

#include "checker/engine/check.h"

namespace citelint {

// Every built-in check, sorted by rule id.
CheckList BuiltinChecks();

}  // namespace citelint
