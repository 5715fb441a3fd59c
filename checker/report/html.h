// The editor's integrity report (`citelint report`): one self-contained HTML
// page — verdict first, the article annotated with a card per marker, the
// slips, a problem-centred citation diagram (SVG laid out here), the notes,
// the quote sheet and the rules' explanations. No script at all: a marker
// opens its card through a link (CSS :target), so the page works from file://,
// in print and on a phone, and a Content-Security-Policy forbids every
// network request. Everything from the draft is escaped.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "checker/document/document.h"
#include "checker/engine/diagnostic.h"
#include "checker/extract/extract.h"
#include "checker/extract/quote_sheet.h"

namespace citelint::report {

struct HtmlDraft {
  const Document* doc = nullptr;
  const extract::Extraction* extraction = nullptr;
  std::vector<Diagnostic> diagnostics;  // sorted
  std::vector<extract::SheetEntry> quotes;
  // Under a gate profile (--profile publish): whether each diagnostic blocks;
  // the verdict is then hold only when one does. Empty otherwise.
  std::vector<bool> blocking;
};

struct HtmlOptions {
  std::string version;
  // Inputs that could not be read ("path: error: why"): listed at the top,
  // and the page never says Ready while there are any.
  std::vector<std::string> input_errors;
  bool gate = false;  // the drafts' `blocking` decide the verdicts
};

// `rules`: every rule the run knows (the page explains those that fired).
void WriteHtmlReport(std::ostream& out, const std::vector<HtmlDraft>& drafts, const std::vector<RuleInfo>& rules,
                     const HtmlOptions& options);

}  // namespace citelint::report
