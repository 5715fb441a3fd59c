#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "checker/checks/attribution/attribution_checks.h"

namespace citelint::checks {
namespace {

bool SameValue(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)); }

bool Comparable(const extract::Figure& a, const extract::Figure& b) { return a.kind == b.kind && a.unit == b.unit; }

bool ShareContext(const extract::Figure& a, const extract::Figure& b) {
  for (const auto& w : a.context) {
    if (std::find(b.context.begin(), b.context.end(), w) != b.context.end()) return true;
  }
  return false;
}

// Calls `fn(claim, figure, note)` for each claim figure with a cited note.
template <typename Fn>
void ForEachClaimFigure(const Analysis& analysis, Fn fn) {
  const Document& doc = analysis.doc();
  for (const extract::Claim& claim : analysis.extraction().claims) {
    const int note = doc.markers[claim.marker].note;
    if (note < 0) continue;
    for (const extract::Figure& f : claim.figures) fn(claim, f, note);
  }
}

Span SourceSpan(const Document& doc, Span text) { return {doc.text_map.ToSource(text.begin), doc.text_map.ToSource(text.end)}; }

}  // namespace

const RuleInfo FiguresMismatch::kInfo{
    .id = "figures.mismatch",
    .severity = Severity::kError,
    .status = "stable",
    .summary = "a figure in the claim contradicts a figure of the same kind and unit in the cited note",
    .description =
        "Money ($50B = $50 billion), percentages (20% = 20 percent), years and counts are normalized so equal "
        "values compare equal. A claim figure contradicts its note when the note gives a different value of "
        "the same kind and unit about the same thing (they share a content word within `context_window` words) "
        "and gives no equal value. Years and plain counts are compared only when `compare_years` / "
        "`compare_counts` are set: on real documents they contradict each other by coincidence far more "
        "often than by error.",
    .format = "txt",
    .bad = {"The mill spent \u27e6$1.2 million\u27e7 on repairs last year.1\n\n1. Annual report \u2014 Valley Courier reports $1 million spent on repairs\n"},
    .good = {"The mill spent $1 million on repairs last year.1\n\n1. Annual report \u2014 Valley Courier reports $1 million spent on repairs\n",
             "The company raised $50 billion.1\n\n1. Funding round \u2014 Valley Courier reports a $50B raise\n"},
    .source = "checker/checks/figures/figures.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void FiguresMismatch::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  const auto& sources = analysis.extraction().sources;
  const RuleOptions& options = analysis.options(kInfo.id);
  const bool years = options.Number("compare_years", 0) != 0;
  const bool counts = options.Number("compare_counts", 0) != 0;
  ForEachClaimFigure(analysis, [&](const extract::Claim& claim, const extract::Figure& f, int note) {
    if ((f.kind == extract::FigureKind::kYear && !years) || (f.kind == extract::FigureKind::kCount && !counts)) return;
    const extract::Figure* contradicting = nullptr;
    for (const extract::Figure& g : sources[note].figures) {
      if (!Comparable(f, g)) continue;
      if (SameValue(f.value, g.value)) return;  // supported
      if (!contradicting && ShareContext(f, g)) contradicting = &g;
    }
    if (contradicting == nullptr) return;
    const Marker& m = doc.markers[claim.marker];
    sink.Report(SourceSpan(doc, f.text),
                fmt::format("{} contradicts note {}, which gives {}", f.written, doc.notes[note].label,
                            contradicting->written),
                m.label, doc.notes[note].label);
  });
}

const RuleInfo FiguresUnsupported::kInfo{
    .id = "figures.unsupported",
    .severity = Severity::kInfo,
    .status = "preview",
    .summary = "a figure in the claim that the cited note does not mention",
    .description =
        "A figure the cited note does not give may come from elsewhere; worth a look in an integrity "
        "review. Preview: off unless `--preview` is given, because summary notes rarely repeat every number.",
    .format = "txt",
    .bad = {"Profits rose to \u27e6$4.5 billion\u27e7.1\n\n1. Annual report \u2014 Valley Courier reports record profits\n"},
    .good = {"Profits rose to $4.5 billion.1\n\n1. Annual report \u2014 Valley Courier reports $4.5bn in profit\n"},
    .source = "checker/checks/figures/figures.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void FiguresUnsupported::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  const auto& sources = analysis.extraction().sources;
  ForEachClaimFigure(analysis, [&](const extract::Claim& claim, const extract::Figure& f, int note) {
    for (const extract::Figure& g : sources[note].figures) {
      if (Comparable(f, g) && SameValue(f.value, g.value)) return;
    }
    const Marker& m = doc.markers[claim.marker];
    sink.Report(SourceSpan(doc, f.text),
                fmt::format("note {} does not mention {} ({})", doc.notes[note].label, f.written, extract::FigureKindName(f.kind)),
                m.label, doc.notes[note].label);
  });
}

}  // namespace citelint::checks
