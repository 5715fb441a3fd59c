#include <fmt/format.h>

#include "checker/checks/notes/notes_checks.h"

namespace citelint::checks {

const RuleInfo RepeatedMarker::kInfo{
    .id = "notes.repeated-marker",
    .severity = Severity::kWarning,
    .status = "stable",
    .summary = "the same note cited twice in a row",
    .description =
        "Two markers side by side that cite the same note (`[69][70][70]`, `[^2][^2]`, `7,7`) are a slip: a "
        "duplicated reference where a different note was probably meant, or a copy left behind by an edit. "
        "The finding points at the repeat.",
    .format = "md",
    .bad = {"Exports fell by a third.[^1][^2]\u27e6[^2]\u27e7\n\n[^1]: Trade ministry figures\n[^2]: Port authority report\n"},
    .good = {"Exports fell by a third.[^1][^2] Imports held.[^2]\n\n[^1]: Trade ministry figures\n[^2]: Port authority report\n"},
    .source = "checker/checks/notes/repeated_marker.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void RepeatedMarker::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  const Marker* previous = nullptr;
  for (const Marker& m : doc.markers) {
    if (m.external) {
      previous = nullptr;
      continue;
    }
    if (previous != nullptr && m.note >= 0 && m.note == previous->note && m.in_note == previous->in_note &&
        m.block == previous->block) {
      // Side by side in the source: nothing but spaces, separators and markup
      // (`</a></sup><sup>`) between them.
      const std::string_view src = doc.source->bytes();
      bool adjacent = m.span.begin >= previous->span.end && m.span.begin - previous->span.end <= 400;
      for (uint32_t i = previous->span.end; adjacent && i < m.span.begin; ++i) {
        const char c = src[i];
        if (c == '<') {
          // A tag between them (`</a></sup><sup>`); a "<" that closes no tag before the marker is text.
          const size_t close = src.substr(0, m.span.begin).find('>', i);
          if (close == std::string_view::npos) {
            adjacent = false;
            break;
          }
          i = static_cast<uint32_t>(close);
        } else if (!(c == ' ' || c == ',' || c == ';' || c == '[' || c == ']' || c == '^' || c == '\t')) {
          adjacent = false;
        }
      }
      if (adjacent) {
        sink.Report(m.span, fmt::format("note {} is cited twice in a row", doc.notes[m.note].label), m.label,
                    doc.notes[m.note].label);
      }
    }
    previous = &m;
  }
}

}  // namespace citelint::checks
