#include <fmt/format.h>

#include "checker/checks/attribution/attribution_checks.h"

namespace citelint::checks {

const RuleInfo AttributionUnverified::kInfo{
    .id = "attribution.unverified",
    .severity = Severity::kWarning,
    .status = "stable",
    .summary = "the sentence credits a speaker its note neither names nor quotes, and no note fits",
    .description =
        "An outlet's note cited for a CEO's words, when the note neither names the CEO nor holds the "
        "quoted words, leaves the reader unable to check the quote. Nothing else in the document is the "
        "speaker's own either, so the citation cannot be corrected from the notes: find the primary source "
        "or say that the outlet relayed it.",
    .format = "txt",
    .bad = {"\u201CWe will reopen on Monday,\u201D port director Ana Ruiz said.\u27e61\u27e7\n\n"
            "Notes\n1. Port reopens \u2014 Harbour Gazette reports that ships are moving again\n"},
    .good = {"\u201CWe will reopen on Monday,\u201D port director Ana Ruiz said.1\n\nNotes\n1. Port reopens \u2014 "
             "Harbour Gazette reports that director Ana Ruiz expects ships on Monday\n"},
    .source = "checker/checks/attribution/unverified.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void AttributionUnverified::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  const auto& x = analysis.extraction();
  for (const graph::Credit& c : analysis.graph().credits()) {
    if (c.verdict != graph::Verdict::kUnverified) continue;
    const extract::Claim& claim = x.claims[c.claim];
    const Marker& m = doc.markers[claim.FirstMarker()];
    const std::string& speaker = claim.attribution->Speaker().display;
    sink.Report(m.span,
                fmt::format("sentence credits {} but note {} is {}, which neither names {} nor holds the quoted words",
                            speaker, doc.notes[c.cited].label, SourceName(analysis, c.cited), speaker),
                m.label, doc.notes[c.cited].label);
  }
}

}  // namespace citelint::checks
