// Report writers, one per output format. Everything here turns byte spans into
// 1-based line and column (code points); nothing upstream does.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "checker/base/source_file.h"
#include "checker/engine/diagnostic.h"

namespace citelint::report {

struct Summary {
  int files = 0;
  int markers = 0;
  int notes = 0;
};

// A file that could not be checked, as JSON reports it (rule `input.*`).
struct InputError {
  std::string path;
  int line = 1, column = 1;
  std::string rule;     // input.missing, input.binary, input.invalid-utf8, input.unsupported-format, input.error
  std::string message;  // without the "path: error: " prefix
};
// Parses "path[:line:col]: error: message" (how loaders word input errors).
InputError ParseInputError(const std::string& text);

// A publish gate's verdict (under a profile that blocks: --profile publish):
// hold when a finding blocks or a file could not be checked, else pass.
struct GateVerdict {
  std::string profile;  // its name (names, comma-separated, when configs choose differently)
  bool hold = false;
  int blocking = 0;     // findings that hold the draft
  int unchecked = 0;    // files that could not be checked
};

// Runs work(i) for every i < n, on as many threads as the run was given
// (--jobs); the caller waits for all of them. A writer hands it work whose
// results land in slots of their own, so the output does not depend on it.
using ParallelFor = std::function<void(size_t n, const std::function<void(size_t)>& work)>;

struct Input {
  const std::vector<Diagnostic>& diagnostics;  // sorted
  const std::map<std::string, std::shared_ptr<const SourceFile>>& sources;  // by path: at least every file with a finding
  Summary summary;
  // Fingerprints computed before a baseline filtered the diagnostics (one per
  // diagnostic); computed from `diagnostics` when null.
  const std::vector<std::string>* fingerprints = nullptr;
  // Every rule the run knows, sorted by id (SARIF lists them); may be null.
  const std::vector<RuleInfo>* rules = nullptr;
  // Every file checked, in input order (JUnit gives each a suite); when null,
  // the files of `sources`.
  const std::vector<std::string>* files = nullptr;
  // Files that could not be checked (JSON lists them as diagnostics); may be null.
  const std::vector<InputError>* input_errors = nullptr;
  bool color = false;  // text: ANSI colours (--color)
  // Under a gate: the verdict, and whether each diagnostic blocks (in the
  // order of `diagnostics`). Both null otherwise.
  const GateVerdict* gate = nullptr;
  const std::vector<bool>* blocking = nullptr;
  // Where the JSON writer and fingerprints spread their per-finding work;
  // null: all on the calling thread.
  const ParallelFor* parallel = nullptr;
};
// input.parallel's work, or the same loop on this thread.
void ForEach(const Input& input, size_t n, const std::function<void(size_t)>& work);
// "hold (profile publish): 2 findings block publishing" / "pass (profile publish): nothing blocks publishing".
std::string GateLine(const GateVerdict& v);

struct Position {
  LineCol start;
  LineCol end;  // exclusive end column
};
Position Locate(const Input& input, const Diagnostic& d);

// path:line:col: severity: message [rule.id], the source line with a caret,
// and a one-line summary.
void WriteText(std::ostream& out, const Input& input);
// Versioned JSON, documented in README.md ("version": 1).
void WriteJson(std::ostream& out, const Input& input);
// Each finding's fingerprint (16 hex digits), in the order of input.diagnostics:
// stable when lines are inserted above, paragraphs move or notes are renumbered.
std::vector<std::string> Fingerprints(const Input& input);
// input.fingerprints when given, else Fingerprints(input).
std::vector<std::string> FingerprintsOf(const Input& input);
// JUnit XML: a suite per file, a case per finding, failed at or above
// `fail_at` (never, when it is empty).
void WriteJunit(std::ostream& out, const Input& input, std::optional<Severity> fail_at);
// A Markdown summary for pull-request comments and $GITHUB_STEP_SUMMARY.
void WriteMarkdown(std::ostream& out, const Input& input);
// GitLab Code Quality JSON (a CodeClimate issue array).
void WriteGitlab(std::ostream& out, const Input& input);

// A finding a baseline recorded that this run no longer has.
struct AbsentFinding {
  std::string fingerprint, rule, path, message;
  int line = 0;
};
struct SarifOptions {
  std::string version;
  std::string information_uri;  // the tool's home; omitted when empty
  std::string help_uri;         // every rule's help (the README's rule table); omitted when empty
  bool baseline = false;        // results carry baselineState
  const std::set<std::string>* unchanged = nullptr;  // fingerprints the baseline knew (unreported ones)
  const std::vector<AbsentFinding>* absent = nullptr;
};
// SARIF 2.1.0: the rules from input.rules, a result per finding.
void WriteSarif(std::ostream& out, const Input& input, const SarifOptions& options);
// One line per finding: path:line:col: severity: message [rule.id].
void WriteConcise(std::ostream& out, const Input& input);
// GitHub Actions workflow commands (annotations), escaped as @actions/core does.
void WriteGithub(std::ostream& out, const Input& input);
std::string EscapeGithubData(std::string_view s);      // %, CR, LF
std::string EscapeGithubProperty(std::string_view s);  // and : ,

}  // namespace citelint::report
