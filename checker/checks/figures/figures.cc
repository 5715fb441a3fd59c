#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include "checker/checks/attribution/attribution_checks.h"

namespace citelint::checks {
namespace {

bool SameValue(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)); }

bool Comparable(const extract::Figure& a, const extract::Figure& b) { return a.kind == b.kind && a.SameUnit(b); }

// Equal, or one range holds the other's value (1–3% supports 2.4%).
bool Agree(const extract::Figure& a, const extract::Figure& b) {
  if (!Comparable(a, b)) return false;
  if (SameValue(a.value, b.value) && SameValue(a.high, b.high)) return true;
  if (a.range() && b.value >= a.value - 1e-9 && b.high <= a.high + 1e-9) return true;
  if (b.range() && a.value >= b.value - 1e-9 && a.high <= b.high + 1e-9) return true;
  return false;
}

// About the same thing: a count counts the same noun; money and percentages
// share a subject word nearby (or the noun after them). `a` and `b` are
// the figures' words (the figures are of one kind).
bool SameThing(extract::FigureKind kind, const extract::FigureWords& a, const extract::FigureWords& b) {
  if (kind == extract::FigureKind::kCount) return a.noun.Shares(b.noun);
  return a.context.Shares(b.context) || a.noun.Shares(b.noun);
}

Span SourceSpan(const Document& doc, Span text) { return doc.text_map.ToSource(text); }

// A paragraph's figures, indexed for "does one of them agree with this
// figure?" in logarithmic time: point values sorted per kind and unit, and
// the (few) ranges apart.
class FigureIndex {
 public:
  // The figures of `text`, not kept: only their point values and the
  // (few) ranges are (agreement compares values only).
  FigureIndex(std::string_view text, const extract::LexiconIndex& lex) {
    extract::FindFigures(text, &lex, [&](extract::Figure& f) {
      if (f.range()) ranges_.push_back(f);
      else points_[{static_cast<int>(f.kind), f.Unit()}].push_back(f.value);
    });
    for (auto& [key, values] : points_) std::sort(values.begin(), values.end());
  }
  [[nodiscard]] bool AnyAgrees(const extract::Figure& g) const {
    if (std::any_of(ranges_.begin(), ranges_.end(), [&](const extract::Figure& r) { return Agree(r, g); })) return true;
    auto it = points_.find({static_cast<int>(g.kind), g.Unit()});
    if (it == points_.end()) return false;
    const std::deque<double>& v = it->second;
    // A point agrees with an equal point, or with a range holding it.
    const double lo = g.value - 1e-9 * std::fabs(g.value), hi = g.high + 1e-9 * std::fabs(g.high);
    auto p = std::lower_bound(v.begin(), v.end(), lo);
    return p != v.end() && *p <= hi && (g.range() || SameValue(*p, g.value));
  }

 private:
  // (Deques: a paragraph may hold a whole draft's figures, which a vector
  // grown by doubling held up to three times over; one paragraph's index
  // is kept at a time.)
  std::map<std::pair<int, std::string_view>, std::deque<double>> points_;
  std::vector<extract::Figure> ranges_;
};

// The paragraph (of Document::text) around a claim.
Span ParagraphOf(const TextFacts& facts, uint32_t at) {
  auto it = std::upper_bound(facts.paragraphs.begin(), facts.paragraphs.end(), at,
                             [](uint32_t a, const Span& p) { return a < p.begin; });
  if (it == facts.paragraphs.begin()) return {at, at};
  --it;
  return *it;
}

}  // namespace

const RuleInfo FiguresMismatch::kInfo{
    .id = "figures.mismatch",
    .severity = Severity::kError,
    .status = "stable",
    .summary = "a figure in the claim contradicts the cited note's figure about the same thing",
    .description =
        "Money ($50B = $50 billion), percentages (20% = 20 percent), ranges (1\u20133%) and counts of a named "
        "thing (48,000 mail ballots) are normalized so equal values compare equal. A claim figure contradicts its "
        "note when the note gives a different value of the same kind and unit about the same thing \u2014 a count of "
        "the same noun; money or a percentage with a subject word in common within `context_window` words \u2014 and "
        "no value that agrees (a range agrees with any value inside it). A note figure that some figure of the "
        "claim's paragraph already matches is accounted for and contradicts nothing (so a part is not read against "
        "its whole: $9.00 in cash of a $14.25 price), nor does a total the claim's own figures add up to. Figures "
        "inside a quotation are the quoted person's (quotes.not-in-source compares those words); years, "
        "identifiers, citations and dates are not figures. Counts are compared unless `compare_counts` is 0; "
        "years only with `compare_years`.",
    .format = "txt",
    .bad = {"The mill spent \u27e6$1.2 million\u27e7 on repairs last year.1\n\n1. Annual report \u2014 Valley Courier reports $1 million spent on repairs\n",
            "Officials counted about \u27e648,000\u27e7 mail ballots.1\n\n1. County count \u2014 Valley Courier reports about 18,000 mail ballots\n"},
    .good = {"The mill spent $1 million on repairs last year.1\n\n1. Annual report \u2014 Valley Courier reports $1 million spent on repairs\n",
             "The company raised $50 billion.1\n\n1. Funding round \u2014 Valley Courier reports a $50B raise\n",
             "Inflation stayed inside the 1\u20133% target band.1\n\n1. Bank statement \u2014 Valley Courier reports inflation of 2.4% against the target\n",
             "Holders get $14.25 per share\u2014$9.00 in cash plus $5.25 in stock.1\n\n1. Merger terms \u2014 Valley Courier reports a price of $14.25 per share\n",
             "The mayor said the repairs were \u201Cnearly $3 million over budget.\u201D1\n\n1. Council minutes \u2014 Valley Courier reports repairs cost $12 million\n"},
    .source = "checker/checks/figures/figures.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void FiguresMismatch::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  const auto& x = analysis.extraction();
  const RuleOptions& options = analysis.options(kInfo.id);
  const bool years = options.Number("compare_years", 0) != 0;
  const bool counts = options.Number("compare_counts", 1) != 0;
  const int window = static_cast<int>(options.Number("context_window", 4));
  const extract::LexiconIndex& lex = analysis.lexicon();
  const TextFacts& facts = analysis.text_facts();
  // The figures of the paragraph around the claim, found and indexed once
  // for the claims of that paragraph (claims come in text order: one
  // paragraph's index is kept at a time).
  std::unique_ptr<FigureIndex> around_index;
  uint32_t indexed_paragraph = 0;
  // A note figure's words, found once when it is first compared (a note
  // cited by many claims is compared many times; most figures never are).
  // By note figure (its place in Extraction::note_figures): where its
  // words are in `found_words`, or -1; 4 bytes a note figure, made when a
  // first one is compared.
  std::vector<int> words_at;
  std::deque<extract::FigureWords> found_words;
  auto note_words = [&](const extract::Figure& g, int note) -> const extract::FigureWords& {
    if (words_at.empty()) words_at.assign(x.note_figures.size(), -1);
    int& at = words_at[static_cast<size_t>(&g - x.note_figures.data())];
    if (at < 0) {
      at = static_cast<int>(found_words.size());
      found_words.push_back(extract::WordsOf(g, doc.notes[note].text, 0, window, &lex));
    }
    return found_words[static_cast<size_t>(at)];
  };
  std::vector<int> group;  // the claim's cited notes (the buffer reused from claim to claim)
  for (const extract::Claim& claim : x.claims) {
    graph::CitedNotes(doc, claim, group);
    if (group.empty() || x.FiguresOf(claim).empty()) continue;
    const Span para = ParagraphOf(facts, claim.text.begin);
    if (!around_index || indexed_paragraph != para.begin) {
      around_index.reset();  // (the last paragraph's index gone before the next is made)
      around_index = std::make_unique<FigureIndex>(std::string_view(doc.text).substr(para.begin, para.size()), lex);
      indexed_paragraph = para.begin;
    }
    const FigureIndex& around = *around_index;
    auto considered = [&](const extract::Figure& f) {
      if (f.kind == extract::FigureKind::kYear) return years;
      if (f.kind == extract::FigureKind::kCount) return counts;
      return true;
    };
    struct Finding {
      const extract::Figure* claim;
      const extract::Figure* note_figure;
      int note;
    };
    std::vector<Finding> findings;
    const std::string_view claim_text = std::string_view(doc.text).substr(claim.text.begin, claim.text.size());
    for (const extract::Figure& f : x.FiguresOf(claim)) {
      if (f.in_quote || !considered(f)) continue;
      // The figure's words, found when first compared.
      std::optional<extract::FigureWords> words;
      bool supported = false;
      const extract::Figure* contradicting = nullptr;
      int contradicting_note = -1;
      for (int note : group) {
        for (const extract::Figure& g : x.FiguresOf(note)) {
          if (!Comparable(f, g)) continue;
          if (Agree(f, g)) {
            supported = true;
            break;
          }
          if (contradicting != nullptr) continue;
          if (!words) words = extract::WordsOf(f, claim_text, claim.text.begin, window, &lex);
          if (!SameThing(f.kind, *words, note_words(g, note))) continue;
          // Accounted for: a figure of the paragraph matches the note's figure.
          const bool accounted = around.AnyAgrees(g);
          // A total the claim's own figures of that kind add up to.
          double sum = 0;
          int parts = 0;
          for (const extract::Figure& c : x.FiguresOf(claim)) {
            if (Comparable(c, g)) {
              sum += c.value;
              ++parts;
            }
          }
          const bool total = parts >= 2 && SameValue(sum, g.value);
          if (!accounted && !total) {
            contradicting = &g;
            contradicting_note = note;
          }
        }
        if (supported) break;
      }
      if (supported || contradicting == nullptr) continue;
      findings.push_back({&f, contradicting, contradicting_note});
    }
    // Two claim figures against one note figure (a list: "Asian (11.8%) and
    // Pacific peoples (7.4%)"): the note's figure is about neither for sure.
    for (const Finding& fi : findings) {
      const auto same = std::count_if(findings.begin(), findings.end(), [&](const Finding& o) { return o.note_figure == fi.note_figure; });
      if (same > 1) continue;
      const Marker& m = doc.markers[claim.FirstMarker()];
      sink.Report(SourceSpan(doc, fi.claim->text),
                  fmt::format("{} contradicts note {}, which gives {}", fi.claim->Written(doc.text), doc.notes[fi.note].label,
                              fi.note_figure->Written(doc.notes[fi.note].text)),
                  m.label, doc.notes[fi.note].label);
    }
  }
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
  const auto& x = analysis.extraction();
  std::vector<int> group;  // the claim's cited notes (the buffer reused from claim to claim)
  for (const extract::Claim& claim : x.claims) {
    graph::CitedNotes(doc, claim, group);
    if (group.empty()) continue;
    for (const extract::Figure& f : x.FiguresOf(claim)) {
      // Mentioned by any note of the citation group: supported.
      const bool mentioned = std::any_of(group.begin(), group.end(), [&](int note) {
        const auto figures = x.FiguresOf(note);
        return std::any_of(figures.begin(), figures.end(),
                           [&](const extract::Figure& g) { return Agree(f, g); });
      });
      if (mentioned) continue;
      const Marker& m = doc.markers[claim.FirstMarker()];
      const int note = group.front();
      sink.Report(SourceSpan(doc, f.text),
                  fmt::format("note {} does not mention {} ({})", doc.notes[note].label, f.Written(doc.text),
                              extract::FigureKindName(f.kind)),
                  m.label, doc.notes[note].label);
    }
  }
}

}  // namespace citelint::checks
