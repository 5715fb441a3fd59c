// Diagnostic: one finding of one rule at one span of one file, and the
// metadata every rule carries (id, severity, status, message, description,
// examples) whether it is implemented in C++ or, later, in YAML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/base/span.h"

namespace citelint {

enum class Severity { kError = 0, kWarning = 1, kInfo = 2 };
const char* SeverityName(Severity s);
std::optional<Severity> ParseSeverity(std::string_view name);

struct Diagnostic {
  std::string rule;                   // "notes.dangling-marker"
  Severity severity = Severity::kError;
  std::string path;
  Span span;                          // source bytes
  std::string message;
  std::optional<std::string> marker;  // marker label, where one applies
  std::optional<std::string> note;    // note label, where one applies
  std::optional<std::string> suggest; // the note label that would be right, where one is known
};

// Deterministic order: path, then start offset (same as line, column), then rule id.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);
void SortDiagnostics(std::vector<Diagnostic>& diagnostics);

// A rule's documentation and its executable examples. In an example, ⟦…⟧
// marks the span the single expected finding must start at.
struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view status;       // stable | preview | deprecated
  std::string_view summary;      // one line for `citelint rules`
  std::string_view description;  // why it matters
  std::string_view format;       // example format: "txt", "md" or "html"
  std::vector<std::string_view> bad;
  std::vector<std::string_view> good;
};

}  // namespace citelint
