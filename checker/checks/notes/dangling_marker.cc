#include <fmt/format.h>

#include "checker/checks/notes/notes_checks.h"

namespace citelint::checks {

const RuleInfo DanglingMarker::kInfo{
    .id = "notes.dangling-marker",
    .severity = Severity::kError,
    .status = "stable",
    .summary = "a footnote marker whose label has no note",
    .description =
        "A marker promises the reader a source. When no note carries its label the claim is "
        "unsourced, and usually a note was lost or the markers were renumbered without the notes.",
    .format = "txt",
    .bad = {"Talks collapsed on Friday.\u27e63\u27e7\n\nNotes\n1. Union statement on the talks\n"
            "2. Ministry press release\n",
            "Shares fell 4% after the call.\u27e612\u27e7 Analysts were unmoved.1\n\n1. Exchange filing\n"},
    .good = {"Talks collapsed on Friday.1\n\nNotes\n1. Union statement on the talks\n",
             "The plant opened in 2019. It makes COVID-19 tests.1\n\n1. Company history page\n"},
    .source = "checker/checks/notes/dangling_marker.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void DanglingMarker::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  for (const Marker& m : doc.markers) {
    if (m.note >= 0 || m.external) continue;
    sink.Report(m.span, fmt::format("marker {} has no matching note", m.label), m.label);
  }
}

}  // namespace citelint::checks
