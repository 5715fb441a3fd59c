#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "checker/checks/attribution/attribution_checks.h"

namespace citelint::checks {

const RuleInfo QuotesInOtherNote::kInfo{
    .id = "quotes.in-other-note",
    .severity = Severity::kWarning,
    .status = "stable",
    .summary = "quoted words missing from the cited note are found verbatim in another note",
    .description =
        "The sentence credits nobody in conflict with its note, but the words it quotes are not in the "
        "note it cites and are, word for word, in another note: the marker probably points at the wrong "
        "note. A note later in the same paragraph covers the quotations of the sentences before it. Not "
        "reported when the cited note is a bare citation (a document, a page) rather than a description of what "
        "its source says (\"Title \u2014 Outlet reports …\", \"@handle on X \u2014 “…”\"): a citation is not expected "
        "to hold the words; "
        "when the words are in more than one note, or (for a covered quotation) when the note that holds them "
        "is cited in the same "
        "paragraph. Quotes shorter than `min_words` words, and words quoted as words, are ignored.",
    .format = "txt",
    .bad = {"The union called the offer \u201Ca floor, not a ceiling.\u201D\u27e61\u27e7 Talks resume Monday.2\n\n"
            "Notes\n1. Talks schedule \u2014 Harbour Gazette lists the dates\n"
            "2. Union statement \u2014 \u201Ca floor, not a ceiling\u201D\n"},
    .good = {"The union called the offer \u201Ca floor, not a ceiling.\u201D2 Talks resume Monday.1\n\n"
             "Notes\n1. Talks schedule \u2014 Harbour Gazette lists the dates\n"
             "2. Union statement \u2014 \u201Ca floor, not a ceiling\u201D\n"},
    .source = "checker/checks/quotes/quotes.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void QuotesInOtherNote::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  const auto& x = analysis.extraction();
  const auto& g = analysis.graph();
  const size_t min_words = static_cast<size_t>(analysis.options(kInfo.id).Number("min_words", 3));
  const TextFacts& facts = analysis.text_facts();
  std::map<uint32_t, std::set<int>> paragraph_notes;  // paragraph start → notes cited in it
  std::vector<int> group;  // the claim's cited notes (the buffer reused from claim to claim)
  for (const graph::Credit& c : g.credits()) {
    if (c.cited < 0 || c.verdict == graph::Verdict::kMismatch) continue;
    const extract::Claim& claim = x.claims[c.claim];
    graph::CitedNotes(doc, claim, group);
    // A note that quotes nothing is a bare citation (a document, a page):
    // it is not expected to hold the words, so their being elsewhere says nothing.
    if (std::none_of(group.begin(), group.end(),
                     [&](int n) {
                       return x.sources[n].described;
                     })) {
      continue;
    }
    // Is a note cited in the claim's paragraph? Words found in one of those
    // are where the writer put them. Found once per paragraph, when asked.
    auto cited_in_paragraph = [&](int note) {
      auto para = std::upper_bound(facts.paragraphs.begin(), facts.paragraphs.end(), claim.text.begin,
                                   [](uint32_t a, const Span& p) { return a < p.begin; });
      if (para == facts.paragraphs.begin()) return false;
      --para;
      auto [cached, fresh] = paragraph_notes.try_emplace(para->begin);
      if (fresh) {
        for (auto it = std::lower_bound(facts.marker_at.begin(), facts.marker_at.end(), para->begin);
             it != facts.marker_at.end() && *it <= para->end; ++it) {
          cached->second.insert(facts.marker_note[it - facts.marker_at.begin()]);
        }
      }
      return cached->second.count(note) > 0;
    };
    auto in_group = [&](const extract::WordIndex::Fragments& fragments) {
      return std::any_of(group.begin(), group.end(),
                         [&](int n) { return x.note_words.ContainsVerbatim(n, fragments); });
    };
    // The claim's own quotes, then those of earlier uncited sentences its
    // note covers.
    std::vector<std::pair<int, bool>> quotes;
    for (int q : claim.Quotes()) quotes.push_back({q, false});
    for (int q : claim.CoveredQuotes()) quotes.push_back({q, true});
    for (const auto& [q, covered] : quotes) {
      const extract::Quote& quote = x.quotes[q];
      // Enough words between the editorial brackets to be a fingerprint ("let[] Flynn go" has two).
      size_t fingerprint = 0;
      const auto fragments = quote.fragments.Split();
      for (const auto& f : fragments) fingerprint += f.size() > 1 ? f.size() : 0;
      if (quote.kind != extract::QuoteKind::kSpeech || fingerprint < min_words || in_group(fragments)) continue;
      // The words must have one home: a phrase quoted in several notes is
      // the document's refrain, not a sign of a misplaced marker.
      int other = -1, homes = 0;
      for (const auto& [n, overlap] : g.HomeOf(q).notes) {
        if (!x.note_words.ContainsVerbatim(n, fragments)) continue;
        ++homes;
        if (other < 0 && std::find(group.begin(), group.end(), n) == group.end()) other = n;
      }
      if (other < 0 || homes != 1) continue;
      // A covered quotation whose words are in a note cited in the same
      // paragraph is where the writer put them (a swap of two markers is
      // still reported for the claim's own quotations).
      if (covered && cited_in_paragraph(other)) continue;
      const Marker& m = doc.markers[claim.FirstMarker()];
      std::string cited = "note " + doc.notes[c.cited].label;
      for (size_t k = 1; k < group.size(); ++k) cited += (k + 1 == group.size() ? " or " : ", ") + doc.notes[group[k]].label;
      if (covered) cited += ", which covers the paragraph,";
      sink.Report(m.span,
                  fmt::format("the quoted words {} are not in {} but are in note {}", QuoteSnippet(analysis, q), cited,
                              doc.notes[other].label),
                  m.label, doc.notes[c.cited].label, doc.notes[other].label);
      break;  // one finding per marker
    }
  }
}

const RuleInfo QuotesNotInSource::kInfo{
    .id = "quotes.not-in-source",
    .severity = Severity::kError,
    .status = "stable",
    .summary = "a quote credited to the cited source differs from the note's quote by a word, number or negation",
    .description =
        "When the cited note holds a quotation that is nearly the sentence's quote but not equal — a changed "
        "word, a changed number, a dropped or added negation — the article misquotes its source. The finding "
        "names the word-level difference. Editorial changes are not misquotes: words in brackets (`[The company "
        "has]`, `[sic]`) and ellipses (`…`) are the writer's, and each stretch between them is compared on its own. "
        "A citation group is compared with every note in it. Quotations of words as words (terms, titles, code) "
        "are not compared. A quote that simply is not in a short summary note is not an error. "
        "Options: `min_words` (shorter quotes are not compared), `max_changed_words`.",
    .format = "txt",
    .bad = {"Ana Ruiz said the port \u201C\u27e6will reopen on Monday morning\u27e7.\u201D1\n\n"
            "Notes\n1. Ana Ruiz on Bluesky \u2014 \u201Cwon't reopen on Monday morning\u201D\n"},
    .good = {"Ana Ruiz said the port \u201Cwill reopen on Monday morning.\u201D1\n\n"
             "Notes\n1. Ana Ruiz on Bluesky \u2014 \u201Cwe will reopen on Monday morning\u201D\n"},
    .source = "checker/checks/quotes/quotes.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void QuotesNotInSource::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  const auto& x = analysis.extraction();
  const size_t min_words = static_cast<size_t>(analysis.options(kInfo.id).Number("min_words", 4));
  const size_t max_changed = static_cast<size_t>(analysis.options(kInfo.id).Number("max_changed_words", 2));
  std::vector<int> group;  // the claim's cited notes (the buffer reused from claim to claim)
  for (const graph::Credit& c : analysis.graph().credits()) {
    if (c.cited < 0 || c.verdict == graph::Verdict::kMismatch || c.verdict == graph::Verdict::kUnverified) continue;
    const extract::Claim& claim = x.claims[c.claim];
    graph::CitedNotes(doc, claim, group);
    for (int q : claim.Quotes()) {
      const extract::Quote& quote = x.quotes[q];
      if (quote.kind != extract::QuoteKind::kSpeech || quote.word_count < min_words) continue;
      // Found as written (editorial brackets and ellipses allowed) in any note of the group: fine.
      const auto fragments = quote.fragments.Split();
      if (std::any_of(group.begin(), group.end(), [&](int n) { return x.note_words.ContainsVerbatim(n, fragments); })) {
        continue;
      }
      // Each fragment against the closest same-length window of any quote in
      // the group's notes; the quote is misquoted when a fragment differs by a
      // few words and the others are found.
      size_t total_changed = 0;
      int note_of_diff = -1;
      std::vector<std::pair<std::string, std::string>> diff;
      bool compared = true;
      for (const auto& fragment : fragments) {
        if (fragment.size() < 2 && fragments.size() > 1) continue;
        size_t best = fragment.size() + 1;
        int best_note = -1;
        std::vector<std::pair<std::string, std::string>> best_diff;
        for (int n : group) {
          for (const extract::Quote& nq : x.QuotesOf(n)) {
            // A quotation in a note's parenthetical ("see id. at 26 (explaining
            // that …)") is another document's words, not the cited source's.
            if (nq.parenthetical || nq.word_count < fragment.size()) continue;
            const std::vector<std::string_view> words = nq.Words();
            for (size_t off = 0; off + fragment.size() <= words.size(); ++off) {
              size_t changed = 0;
              for (size_t k = 0; k < fragment.size() && changed < best; ++k) changed += fragment[k] != words[off + k];
              if (changed < best) {
                best = changed;
                best_note = n;
                best_diff.clear();
                for (size_t k = 0; k < fragment.size(); ++k) {
                  if (fragment[k] != words[off + k]) best_diff.emplace_back(fragment[k], words[off + k]);
                }
              }
            }
          }
        }
        if (best > max_changed || best_note < 0) {
          compared = false;  // this fragment is not a near copy of the note's words
          break;
        }
        if (best > 0) {
          note_of_diff = best_note;
          diff.insert(diff.end(), best_diff.begin(), best_diff.end());
        }
        total_changed += best;
      }
      // A few changed words in a long quotation; in a short one, one word.
      const size_t allowed = std::min(max_changed, std::max<size_t>(1, static_cast<size_t>(quote.word_count) / 5));
      if (!compared || total_changed == 0 || total_changed > allowed || diff.empty()) continue;
      std::string what;
      for (const auto& [ours, theirs] : diff) {
        what += fmt::format("{}\u201C{}\u201D where the note has \u201C{}\u201D", what.empty() ? "" : ", ", ours, theirs);
      }
      const Marker& m = doc.markers[claim.FirstMarker()];
      const Span qs = quote.text;
      sink.Report(doc.text_map.ToSource(qs),
                  fmt::format("quote differs from note {}: {}", doc.notes[note_of_diff].label, what), m.label,
                  doc.notes[note_of_diff].label);
    }
  }
}

const RuleInfo QuotesUnbalanced::kInfo{
    .id = "quotes.unbalanced",
    .severity = Severity::kWarning,
    .status = "stable",
    .summary = "an opening quotation mark with no closing mark in its paragraph",
    .description =
        "An unclosed quotation leaves the reader unable to tell where the quoted words end, and citelint "
        "stops treating the rest of the paragraph as quoted rather than misreading it.",
    .format = "txt",
    .bad = {"The union said the offer was \u27e6\u201C\u27e7final and binding. Talks resume Monday.1\n\n1. Union statement\n"},
    .good = {"The union said the offer was \u201Cfinal and binding.\u201D Talks resume Monday.1\n\n1. Union statement\n"},
    .source = "checker/checks/quotes/quotes.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

void QuotesUnbalanced::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  for (const extract::UnbalancedQuote& u : analysis.extraction().unbalanced) {
    const uint32_t at = doc.text_map.ToSource(u.offset);
    uint32_t end = at;
    while (end < doc.source->bytes().size() && end - at < 4 &&
           (end == at || (static_cast<unsigned char>(doc.source->bytes()[end]) & 0xC0) == 0x80)) {
      ++end;
    }
    sink.Report({at, end}, "opening quotation mark has no closing mark in this paragraph");
  }
}

}  // namespace citelint::checks
