#include <fmt/format.h>

#include "checker/checks/attribution/attribution_checks.h"

namespace citelint::checks {

std::string SourceName(const Analysis& analysis, int note) {
  const auto& publisher = analysis.extraction().sources[note].Publisher();
  return publisher.empty() ? "another source" : publisher.display;
}

std::string QuoteSnippet(const Analysis& analysis, int quote) {
  const Span s = analysis.extraction().quotes[quote].text;
  std::string_view q = std::string_view(analysis.doc().text).substr(s.begin, s.size());
  constexpr size_t kMax = 60;
  if (q.size() <= kMax) return fmt::format("\u201C{}\u201D", q);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(q[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("\u201C{}\u2026\u201D", q.substr(0, cut));
}

const RuleInfo AttributionMismatch::kInfo{
    .id = "attribution.mismatch",
    .severity = Severity::kError,
    .status = "stable",
    .summary = "the sentence credits one source and its note is another, while a different note is the right one",
    .description =
        "When a sentence says who is speaking (\"Mara Quint put it on Bluesky: …\") its note should be that "
        "speaker's own source. This fires when the cited note describes a different source that does not "
        "name the speaker or hold the quoted words, and another note in the document is the speaker's own "
        "(same person, outlet, handle or domain) or holds the quoted words. The finding suggests that note "
        "(JSON: `suggest`), preferring one that is both the speaker's and holds the quote. A credit without a "
        "quotation (\"…, according to the Courier\", \"the Courier reported\") is checked the same way. Words given "
        "to an outlet (\"X told the Courier that …\", \"in a statement to the Courier\") may cite X's own note or the "
        "Courier's; citing neither, the Courier's note is suggested when it names X or holds the words. A citation "
        "group (`[^2][^6]`, `7,8`) agrees when any of its notes does. A credit passed through a named intermediary "
        "(\"… reporting (summarized by the Valley Courier)\" citing the Valley Courier note) is not a mismatch.",
    .format = "txt",
    .bad = {"Mara Quint put it plainly on Bluesky: \u201Cthe strike is over and the members have spoken.\u201D\u27e61\u27e7\n\n"
            "Notes\n1. Port reopens \u2014 Harbour Gazette reports that ships are moving again\n"
            "2. Mara Quint on Bluesky \u2014 \u201Cthe strike is over and the members have spoken\u201D\n"},
    .good = {"Mara Quint put it plainly on Bluesky: \u201Cthe strike is over and the members have spoken.\u201D2 "
             "Ships are moving again.1\n\nNotes\n1. Port reopens \u2014 Harbour Gazette reports that ships are moving again\n"
             "2. Mara Quint on Bluesky \u2014 \u201Cthe strike is over and the members have spoken\u201D\n",
             "Shipping Weekly reporting (summarized by the Harbour Gazette) warned of delays.1\n\n"
             "Notes\n1. Port reopens \u2014 Harbour Gazette reports that ships are moving again\n"},
    .source = "checker/checks/attribution/mismatch.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void AttributionMismatch::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  const auto& x = analysis.extraction();
  for (const graph::Credit& c : analysis.graph().credits()) {
    if (c.verdict != graph::Verdict::kMismatch) continue;
    const extract::Claim& claim = x.claims[c.claim];
    const Marker& m = doc.markers[claim.FirstMarker()];
    const std::string& speaker = claim.attribution->Speaker().display;
    const std::string medium = claim.attribution->medium ? claim.attribution->medium->display : std::string();
    const std::string why = c.suggested_is_own && c.suggested_holds_quote ? fmt::format("is {}'s own and holds the quoted words", speaker)
                            : c.suggested_is_own                        ? fmt::format("is {}'s own", speaker)
                            : c.suggested_is_medium && c.suggested_holds_quote
                                ? fmt::format("is {}'s, which {} spoke to, and holds the quoted words", medium, speaker)
                            : c.suggested_is_medium ? fmt::format("is {}'s, which {} spoke to, and names {}", medium, speaker, speaker)
                                                    : "holds the quoted words";
    sink.Report(m.span,
                fmt::format("sentence credits {} but cites note {} ({}); note {} {}", speaker, doc.notes[c.cited].label,
                            SourceName(analysis, c.cited), doc.notes[c.suggested].label, why),
                m.label, doc.notes[c.cited].label, doc.notes[c.suggested].label);
  }
}

}  // namespace citelint::checks
