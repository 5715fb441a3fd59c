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

// Another place a finding concerns: the note a marker cites, the note it
// should cite.
struct RelatedLocation {
  Span span;  // source bytes
  std::string message;
};

// A change that would resolve a finding: replacements of source bytes
// (non-overlapping, in source order; empty text deletes).
struct Edit {
  Span span;
  std::string text;
};
struct Fix {
  std::string description;  // "Cite note 1 for note 3 and delete note 3"
  std::vector<Edit> edits;
};

struct Diagnostic {
  std::string rule;                   // "notes.dangling-marker"
  Severity severity = Severity::kError;
  std::string path;
  Span span;                          // source bytes
  std::string message;
  std::optional<std::string> marker;  // marker label, where one applies
  std::optional<std::string> note;    // note label, where one applies
  std::optional<std::string> suggest; // the note label that would be right, where one is known
  std::vector<RelatedLocation> related;  // the cited note, the suggested note
  std::optional<Fix> fix;                // where the rule knows the whole change (SARIF fixes)
};

// Deterministic order: path, then start offset (same as line, column), then rule id.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);
void SortDiagnostics(std::vector<Diagnostic>& diagnostics);

// A rule's documentation and its executable examples. In an example, ⟦…⟧
// marks the span the single expected finding must start at.
struct RuleInfo {
  std::string id;
  Severity severity = Severity::kWarning;
  std::string status = "stable";  // stable | preview | deprecated
  std::string summary;            // one line for `citelint rules` (YAML rules: the message template)
  std::string description;        // why it matters
  std::string format = "txt";     // example format: "txt", "md" or "html"
  std::vector<std::string> bad;
  std::vector<std::string> good;
  std::string source;             // the file that defines the rule (a .yaml or the C++ check)
  std::string replaced_by;        // for deprecated rules
  // "default": runs unless disabled; "strict": runs only under `--profile
  // strict` (or config `profile: strict`) or when enabled by name.
  std::string profile = "default";
  std::string precision;          // measured precision on real documents, for `citelint explain`
};

}  // namespace citelint
