#include "checker/engine/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace citelint {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "error") return Severity::kError;
  if (name == "warning") return Severity::kWarning;
  if (name == "info") return Severity::kInfo;
  return std::nullopt;
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.path, a.span.begin, a.rule, a.span.end, a.message) <
         std::tie(b.path, b.span.begin, b.rule, b.span.end, b.message);
}

void SortDiagnostics(std::vector<Diagnostic>& diagnostics) {
  // A run's findings come file by file, each file's sorted already: most
  // often there is nothing to move (a merge sort would compare them all
  // again, on the one thread, after the checking).
  if (std::is_sorted(diagnostics.begin(), diagnostics.end(), DiagnosticLess)) return;
  std::stable_sort(diagnostics.begin(), diagnostics.end(), DiagnosticLess);
}

}  // namespace citelint
