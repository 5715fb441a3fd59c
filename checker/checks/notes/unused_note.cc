#include <fmt/format.h>

#include "checker/checks/notes/notes_checks.h"

namespace citelint::checks {

const RuleInfo UnusedNote::kInfo{
    .id = "notes.unused-note",
    .severity = Severity::kWarning,
    .status = "stable",
    .summary = "a note that no marker cites",
    .description =
        "A note nobody cites is either a source the text lost its marker for, or a leftover. "
        "Either way the reader cannot tell which claim it supports. HTML endnotes cited from other files "
        "checked in the same run (chapter.xhtml → endnotes.xhtml#note-3) count as cited.",
    .format = "md",
    .bad = {"The port reopened in May.[^1]\n\n[^1]: Harbour authority notice\n"
            "\u27e6[^2]\u27e7: Shipping weekly, 3 May\n"},
    .good = {"The port reopened in May.[^1] Traffic doubled.[^2]\n\n[^1]: Harbour authority notice\n"
             "[^2]: Shipping weekly, 3 May\n"},
    .source = "checker/checks/notes/unused_note.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void UnusedNote::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  std::vector<bool> cited(doc.notes.size(), false);
  for (const Marker& m : doc.markers) {
    if (m.note >= 0) cited[m.note] = true;
  }
  for (size_t i = 0; i < doc.notes.size(); ++i) {
    const Note& n = doc.notes[i];
    if (cited[i] || n.cited_elsewhere || n.duplicate_of >= 0) continue;
    sink.Report(n.Anchor(),
                fmt::format("note {} is never cited", n.label), std::nullopt, n.label);
  }
}

}  // namespace citelint::checks
