// Fixtures carry their own expectations as trailing comments on the line where
// a finding starts:
//   Mara Quint put it on Bluesky: “…”7 <!-- expect: attribution.mismatch @"7" -->
// Kinds: expect, expect-not, todo-expect (a known miss: counted, not failed),
// todo-expect-not (a known false alarm), expect-doc (anywhere in the file).
// `@"anchor"` pins the start column to an occurrence of the anchor on that
// line; `~"text"` requires the message to contain text. Any finding that no
// annotation claims is a failure. Shared by `citelint test` and tests/.
//
// Speaker fixtures (fixtures/speakers/) pin who each quotation is said by:
//   “We will ship,” said Mara Quint. <!-- expect-speaker: Mara Quint via=named @"We will" -->
// The name is the speaker's name as `citelint quotes` prints it, or `none`;
// `via=` and `kind=` are optional; `@"anchor"` picks the quotation holding
// that text on the line. Every quotation must be claimed by one annotation.
// `todo-expect-speaker` records a known miss: counted, not failed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/base/source_file.h"
#include "checker/document/document.h"
#include "checker/engine/diagnostic.h"
#include "checker/extract/quote_sheet.h"

namespace citelint::testing {

enum class ExpectKind { kExpect, kExpectNot, kTodoExpect, kTodoExpectNot, kExpectDoc };

struct Expectation {
  ExpectKind kind = ExpectKind::kExpect;
  std::string rule;
  int line = 0;  // 1-based; 0 for expect-doc
  std::optional<std::string> anchor;
  std::optional<std::string> message;
};

struct SpeakerExpectation {
  bool todo = false;
  int line = 0;
  std::string name;  // "none" for no speaker
  std::optional<std::string> via;
  std::optional<std::string> kind;
  std::optional<std::string> anchor;
};

struct Fixture {
  // For plain text the annotations are removed (line numbers unchanged);
  // Markdown and HTML keep them, as they are comments there.
  std::string source;
  std::vector<Expectation> expectations;
  std::vector<SpeakerExpectation> speakers;
  std::vector<std::string> errors;  // malformed annotations
};

Fixture ParseFixture(std::string_view bytes, Format format);

struct Outcome {
  int true_positives = 0;
  int false_positives = 0;  // findings no annotation claims, or forbidden by expect-not
  int false_negatives = 0;  // expectations no finding satisfied
  int todo = 0;             // todo-expect misses and todo-expect-not hits
  std::vector<std::string> failures;  // "path:line: …", one per problem
  [[nodiscard]] bool ok() const { return failures.empty(); }
};

// Matches findings against a fixture's expectations; `source` is the
// (stripped) file the findings were computed on.
Outcome Match(const Fixture& fixture, const SourceFile& source, const std::vector<Diagnostic>& findings);

// Matches a quote sheet against a speaker fixture's expect-speaker lines.
Outcome MatchSpeakers(const Fixture& fixture, const SourceFile& source, const std::vector<extract::SheetEntry>& sheet);

}  // namespace citelint::testing

namespace citelint {
class Check;
struct Resources;
}  // namespace citelint

namespace citelint::testing {

// Runs one fixture file: `<root>/<pack>/<name>/…` checks rule pack.name
// alone, `<root>/e2e/…` the default rule set, `<root>/e2e-strict/…` the
// strict profile, `<root>/speakers/<class>/…` the quote sheet's speakers.
// `rule` is set to the rule id (empty for e2e, "(speakers)" for speakers); `error` to a problem with the fixture itself.
struct FixtureRun {
  std::string rule;
  std::string error;
  Outcome outcome;
  int expectations = 0;
};
FixtureRun RunFixture(const std::string& root, const std::string& relative_path, const Resources& resources);

// Fixture files under a root, relative and sorted.
std::vector<std::string> FixtureFiles(const std::string& root);

}  // namespace citelint::testing
