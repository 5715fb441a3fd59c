#include "checker/extract/quote_sheet.h"

#include <algorithm>

#include "checker/text/unicode.h"

namespace citelint::extract {

const char* SpeakerKindName(SpeakerKind k) {
  switch (k) {
    case SpeakerKind::kPerson: return "person";
    case SpeakerKind::kOrganization: return "organization";
    case SpeakerKind::kOutlet: return "outlet";
    case SpeakerKind::kUnnamed: return "unnamed";
  }
  return "person";
}

namespace {

SpeakerKind KindOf(const Attribution& a, const LexiconIndex& lex) {
  if (a.unnamed) return SpeakerKind::kUnnamed;
  if (a.Speaker().kind == EntityKind::kOutlet) return SpeakerKind::kOutlet;
  if (a.Speaker().kind == EntityKind::kPerson) return SpeakerKind::kPerson;
  // A country speaking is its government ("Japan branded …").
  if (lex.IsPlace(a.Speaker().display)) return SpeakerKind::kOrganization;
  // A name no lexicon knows: an organization when one of its words says so
  // ("Justice Department", "Clinton campaign", "Acme Inc").
  for (const std::string& w : NormalizedWords(a.Speaker().display)) {
    if (lex.IsOrganizationWord(w)) return SpeakerKind::kOrganization;
  }
  return SpeakerKind::kPerson;
}

std::string ViaOf(const Attribution& a) {
  if (a.via) return "intermediary";
  if (a.how.empty() || a.how == "subject") return "named";  // the sentence's subject, named in it
  return std::string(a.how);
}

}  // namespace

std::vector<SheetEntry> QuoteSheet(const Document& doc, const Extraction& x, const LexiconIndex& lex) {
  // The claim covering each quotation: its own sentence's citation group, or
  // the paragraph's later note.
  std::vector<int> claim_of(x.quotes.size(), -1);
  for (size_t c = 0; c < x.claims.size(); ++c) {
    for (int q : x.claims[c].Quotes()) {
      if (claim_of[q] < 0) claim_of[q] = static_cast<int>(c);
    }
    for (int q : x.claims[c].CoveredQuotes()) {
      if (claim_of[q] < 0) claim_of[q] = static_cast<int>(c);
    }
  }
  std::vector<SheetEntry> out;
  size_t s = 0;
  for (size_t qi = 0; qi < x.quotes.size(); ++qi) {
    const Quote& q = x.quotes[qi];
    SheetEntry e;
    e.quote = static_cast<int>(qi);
    e.source = doc.text_map.ToSource(q.text);
    e.text = doc.text.substr(q.text.begin, q.text.size());
    e.kind = q.kind;
    // The sentence holding the quotation (quotes and sentences are both in order).
    while (s + 1 < x.sentences.size() && x.sentences[s + 1].text.begin <= q.text.begin) ++s;
    if (s < x.sentences.size() && q.text.begin >= x.sentences[s].text.begin && q.text.begin < x.sentences[s].text.end) {
      if (const auto& a = x.sentence_attribution[s]) {
        SheetSpeaker sp;
        sp.name = a->Speaker().display;
        sp.kind = KindOf(*a, lex);
        sp.via = ViaOf(*a);
        if (!a->mention.empty()) sp.mention = doc.text_map.ToSource(a->mention);
        e.speaker = std::move(sp);
        e.cue = a->Cue();
      }
    }
    if (claim_of[qi] >= 0) {
      const Claim& claim = x.claims[claim_of[qi]];
      const Marker& m = doc.markers[claim.FirstMarker()];
      e.marker = m.label;
      if (m.note >= 0) e.note = doc.notes[m.note].label;
      const auto fragments = q.fragments.Split();
      for (int mi : claim.Group()) {
        const int note = doc.markers[mi].note;
        if (note >= 0 && x.note_words.ContainsVerbatim(note, fragments)) e.in_note = true;
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace citelint::extract
