#include <fmt/format.h>

#include "checker/checks/notes/notes_checks.h"

namespace citelint::checks {

const RuleInfo DuplicateLabel::kInfo{
    .id = "notes.duplicate-label",
    .severity = Severity::kError,
    .status = "stable",
    .summary = "two notes with the same label",
    .description =
        "When two notes share a label, every marker with that label resolves to the first one; "
        "the second note can never be reached and its claim silently loses its source.",
    .format = "md",
    .bad = {"Rates rose.[^1]\n\n[^1]: Central bank minutes\n\u27e6[^1]\u27e7: Treasury statement\n"},
    .good = {"Rates rose.[^1] Bonds fell.[^2]\n\n[^1]: Central bank minutes\n[^2]: Treasury statement\n"},
    .source = "checker/checks/notes/duplicate_label.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void DuplicateLabel::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  for (const Note& n : doc.notes) {
    if (n.duplicate_of < 0) continue;
    const LineCol other = doc.source->Locate(doc.notes[n.duplicate_of].label_span.begin);
    const std::string message =
        doc.format == Format::kHtml && !n.Id().empty()
            ? fmt::format("note id {} is already used by the note at line {}", n.Id(), other.line)
        : n.hidden ? fmt::format("note label {} is defined again inside an HTML comment (the note shown is at line {})",
                               n.label, other.line)
                 : fmt::format("note label {} is already used by the note at line {}", n.label, other.line);
    sink.Report(n.Anchor(), message, std::nullopt,
                n.label);
  }
}

}  // namespace citelint::checks
