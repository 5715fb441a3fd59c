#include "checker/checks/register_checks.h"

#include "checker/checks/attribution/attribution_checks.h"
#include "checker/checks/notes/notes_checks.h"

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
  checks.push_back(std::make_unique<checks::UnusedNote>());
  checks.push_back(std::make_unique<checks::QuotesInOtherNote>());
  checks.push_back(std::make_unique<checks::QuotesNotInSource>());
  checks.push_back(std::make_unique<checks::QuotesUnbalanced>());
  return checks;
}

CheckList DefaultChecks(bool preview) {
  CheckList selected;
  for (auto& check : BuiltinChecks()) {
    const std::string_view status = check->info().status;
    if (status == "deprecated" || (status == "preview" && !preview)) continue;
    selected.push_back(std::move(check));
  }
  return selected;
}

}  // namespace citelint
