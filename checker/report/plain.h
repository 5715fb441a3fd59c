// Findings in an editor's words, shared by the HTML report and the Markdown
// summary: what kind of problem each rule finds ("wrong source", "note
// missing"), what to do about one finding, and the verdict of a draft.
#pragma once

#include <functional>

#include <map>
#include <string>
#include <vector>

#include "checker/engine/diagnostic.h"

namespace citelint::report {

// The kind of problem a rule finds, in plain words ("wrong source"); the
// kinds are listed in the order an editor should read them.
struct ProblemKind {
  int order = 0;
  std::string name;      // "wrong source"
  std::string headline;  // "{n} citation{s} point{v} at the wrong source" (see Headline)
};
ProblemKind KindOf(const std::string& rule);
// "3 citations point at the wrong source", "1 note is missing".
std::string Headline(const ProblemKind& kind, int count);

// What to do about one finding, in a sentence: "Change marker 7 to cite note 8."
std::string Advice(const Diagnostic& d);

// A draft's (or a run's) verdict: "Hold" when any finding is an error, else "Ready".
struct Verdict {
  bool hold = false;
  int findings = 0;
  std::vector<std::pair<ProblemKind, int>> kinds;  // by ProblemKind::order
  std::string banner;  // "Hold — 3 citations point at the wrong source" / "Ready — no citation problems found"
};
// Hold when a finding blocks: an error, or under a gate profile (`blocks`
// given) what the profile says blocks.
Verdict VerdictOf(const std::vector<const Diagnostic*>& diagnostics,
                  const std::function<bool(const Diagnostic&)>& blocks = nullptr);

}  // namespace citelint::report
