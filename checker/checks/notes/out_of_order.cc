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
        "first time after a higher-numbered one often means markers were moved or renumbered.",
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
  std::vector<bool> seen(doc.notes.size(), false);
  long highest = 0;
  std::string highest_label;
  for (const Marker& m : doc.markers) {
    if (m.note < 0 || m.in_note || seen[m.note]) continue;
    seen[m.note] = true;
    const std::string& label = doc.notes[m.note].label;
    long value = 0;
    const auto [end, ec] = std::from_chars(label.data(), label.data() + label.size(), value);
    if (ec != std::errc() || end != label.data() + label.size()) continue;  // named labels have no order
    if (value < highest) {
      sink.Report(m.span, fmt::format("note {} is first cited after note {}", label, highest_label),
                  m.label, label);
    } else {
      highest = value;
      highest_label = label;
    }
  }
}

}  // namespace citelint::checks
