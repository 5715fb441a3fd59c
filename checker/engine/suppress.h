// Suppressions. In Markdown and HTML, comments:
//   <!-- citelint-disable rule.id reason="…" --> … <!-- citelint-enable rule.id -->
//   <!-- citelint-disable-next-line rule.id reason="…" -->
// (several ids or globs, comma- or space-separated; none means every rule).
// In any format, a config `suppress:` entry keyed by file and line text. A
// suppression without a reason, one that suppresses nothing, and a disable
// that is never re-enabled are reported by the meta.* rules.
#pragma once

#include <vector>

#include "checker/document/document.h"
#include "checker/engine/check.h"
#include "checker/engine/config.h"

namespace citelint {

// The meta.* rules: listed, explained and tested like any other rule; their
// findings come from ApplySuppressions, so their Run does nothing.
CheckList MetaRules();

// Drops suppressed findings and appends the meta findings (only for the meta
// rules in `enabled`).
std::vector<Diagnostic> ApplySuppressions(const Document& doc, std::vector<Diagnostic> findings, const Config& config,
                                          const CheckList& enabled);

}  // namespace citelint
