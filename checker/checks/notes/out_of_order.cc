#include <fmt/format.h>

#include <charconv>

#include "checker/checks/notes/notes_checks.h"

namespace citelint::checks {

const RuleInfo OutOfOrder::kInfo{
    .id = "notes.out-of-order",
    .severity = Severity::kInfo,
    .status = "stable",
    .summary = "numbered notes first cited out of numeric order",
    .description =
        "Numbered notes are expected in the order the text first cites them. A note cited for the "
        "first time after a higher-numbered one often means markers were moved or renumbered. When three "
        "or more notes, and a quarter of them, are out of order, the notes follow some other order (a "
        "reference list): one finding says so instead of one per note. Not checked in Markdown, whose "
        "renderers number footnotes in citation order whatever their labels.",
    .format = "txt",
    .bad = {"The fund was wound up.1 Its manager resigned.3 Investors sued.\u27e62\u27e7\n\n"
            "1. Court filing\n2. Investor letter\n3. Regulator notice\n"},
    .good = {"The fund was wound up.1 Its manager resigned.2 Investors sued.3 The fund had closed.1\n\n"
             "1. Court filing\n2. Investor letter\n3. Regulator notice\n"},
    .source = "checker/checks/notes/out_of_order.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void OutOfOrder::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  // Markdown renderers number footnotes in citation order whatever their
  // labels: `[^2]` before `[^1]` is invisible to readers.
  if (doc.format == Format::kMarkdown) return;
  std::vector<bool> seen(doc.notes.size(), false);
  long highest = 0;
  std::string highest_label;
  struct Late {
    const Marker* marker;
    std::string label, after;
  };
  std::vector<Late> late;
  int numbered = 0;
  for (const Marker& m : doc.markers) {
    if (m.note < 0 || m.in_note || seen[m.note]) continue;
    seen[m.note] = true;
    const std::string& label = doc.notes[m.note].label;
    long value = 0;
    const auto [end, ec] = std::from_chars(label.data(), label.data() + label.size(), value);
    if (ec != std::errc() || end != label.data() + label.size()) continue;  // named labels have no order
    ++numbered;
    if (value < highest) {
      late.push_back({&m, label, highest_label});
    } else {
      highest = value;
      highest_label = label;
    }
  }
  if (late.empty()) return;
  // A document whose notes are numbered in some other order (a reference
  // list) gets one finding, not one per note.
  if (late.size() >= 3 && late.size() * 4 >= static_cast<size_t>(numbered)) {
    const Late& first = late.front();
    sink.Report(first.marker->span,
                fmt::format("notes are not numbered in the order they are first cited: {} of {} come after a "
                            "higher-numbered note (first: note {} after note {})",
                            late.size(), numbered, first.label, first.after),
                first.marker->label, first.label);
    return;
  }
  for (const Late& l : late) {
    sink.Report(l.marker->span, fmt::format("note {} is first cited after note {}", l.label, l.after), l.marker->label,
                l.label);
  }
}

}  // namespace citelint::checks
