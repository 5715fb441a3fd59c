#include <fmt/format.h>

#include "checker/checks/attribution/attribution_checks.h"

namespace citelint::checks {

const RuleInfo AttributionRotatedNotes::kInfo{
    .id = "attribution.rotated-notes",
    .severity = Severity::kError,
    .status = "stable",
    .summary = "several attribution mismatches form a swap or a rotation of notes",
    .description =
        "When the sentences citing notes 7, 8 and 9 belong to notes 8, 9 and 7, the markers were shifted "
        "(a note inserted or deleted, or a list renumbered). One finding per cycle, at the first marker "
        "involved, names the whole cycle so it can be fixed at once; each mismatch is also reported.",
    .format = "txt",
    .bad = {"Mara Quint put it plainly: \u201Cthe strike is over.\u201D\u27e62\u27e7 The Harbour Gazette reports that "
            "ships are moving again.1\n\nNotes\n1. Mara Quint on Bluesky \u2014 \u201Cthe strike is over\u201D\n"
            "2. Port reopens \u2014 Harbour Gazette reports that ships are moving again\n"},
    .good = {"Mara Quint put it plainly: \u201Cthe strike is over.\u201D1 The Harbour Gazette reports that ships are "
             "moving again.2\n\nNotes\n1. Mara Quint on Bluesky \u2014 \u201Cthe strike is over\u201D\n"
             "2. Port reopens \u2014 Harbour Gazette reports that ships are moving again\n"},
    .source = "checker/checks/attribution/rotated_notes.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void AttributionRotatedNotes::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  const auto& g = analysis.graph();
  for (const std::vector<int>& cycle : g.MismatchCycles()) {
    // The first marker (in the text) whose mismatch is part of the cycle.
    const Marker* first = nullptr;
    for (const graph::Credit& c : g.credits()) {
      if (c.verdict != graph::Verdict::kMismatch || c.cited != cycle.front()) continue;
      first = &doc.markers[analysis.extraction().claims[c.claim].FirstMarker()];
      break;
    }
    if (first == nullptr) continue;
    std::string path, labels;
    for (size_t i = 0; i < cycle.size(); ++i) {
      path += doc.notes[cycle[i]].label + " \u2192 ";
      labels += (i == 0 ? "" : i + 1 == cycle.size() ? " and " : ", ") + doc.notes[cycle[i]].label;
    }
    path += doc.notes[cycle.front()].label;
    // The rotation's other markers, each with the note it should cite.
    std::vector<RelatedLocation> others;
    for (size_t i = 1; i < cycle.size(); ++i) {
      for (const graph::Credit& c : g.credits()) {
        if (c.verdict != graph::Verdict::kMismatch || c.cited != cycle[i]) continue;
        const Marker& m = doc.markers[analysis.extraction().claims[c.claim].FirstMarker()];
        others.push_back({m.span, fmt::format("marker {}, which should cite note {}", m.label,
                                              doc.notes[cycle[(i + 1) % cycle.size()]].label)});
        break;
      }
    }
    sink.Report(first->span,
                fmt::format("notes {} are {}: the sentences citing each belong to the next ({})", labels,
                            cycle.size() == 2 ? "swapped" : "rotated", path),
                first->label, doc.notes[cycle.front()].label, doc.notes[cycle.size() > 1 ? cycle[1] : cycle[0]].label,
                std::move(others));
  }
}

}  // namespace citelint::checks
