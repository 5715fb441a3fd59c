#include "checker/checks/register_checks.h"

#include "checker/checks/notes/notes_checks.h"

namespace citelint {

CheckList BuiltinChecks() {
  CheckList checks;
  // Keep sorted by id; tests/unit/engine/registry_test.cc checks it.
  checks.push_back(std::make_unique<checks::DanglingMarker>());
  checks.push_back(std::make_unique<checks::DuplicateLabel>());
  checks.push_back(std::make_unique<checks::DuplicateNote>());
  checks.push_back(std::make_unique<checks::OutOfOrder>());
  checks.push_back(std::make_unique<checks::UnusedNote>());
  return checks;
}

}  // namespace citelint
