#include "checker/extract/extract.h"

#include <algorithm>

namespace citelint::extract {

Source DescribeNote(const Note& note, int index, const LexiconIndex& lex, const ExtractOptions& options);

bool Extraction::NoteNames(int note, const EntityRef& e, const LexiconIndex& lex) const {
  const std::string& hay = sources[note].folded;
  for (const std::string& name : lex.Names(e)) {
    std::string needle = " ";
    for (const auto& w : NormalizedWords(name)) needle += w + " ";
    if (needle.size() > 1 && hay.find(needle) != std::string::npos) return true;
  }
  return false;
}

Extraction Extract(const Document& doc, const LexiconIndex& lexicon, const ExtractOptions& options) {
  Extraction x;
  x.sentences = SplitSentences(doc);
  FindQuotes(doc.text, x.quotes, x.unbalanced);

  for (size_t i = 0; i < doc.notes.size(); ++i) {
    x.sources.push_back(DescribeNote(doc.notes[i], static_cast<int>(i), lexicon, options));
    x.note_words.Add(static_cast<int>(i), x.sources.back().words);
  }

  // Attributions of every sentence in order, so pronouns find the last person.
  std::vector<std::optional<Attribution>> sentence_attr(x.sentences.size());
  EntityRef last_person;
  auto quotes_in = [&](Span range) {
    std::vector<int> out;
    auto it = std::lower_bound(x.quotes.begin(), x.quotes.end(), range.begin,
                               [](const Quote& q, uint32_t b) { return q.text.end <= b; });
    for (; it != x.quotes.end() && it->text.begin < range.end; ++it) out.push_back(static_cast<int>(it - x.quotes.begin()));
    return out;
  };
  auto attribute = [&](Span range) {
    std::vector<Span> rel;
    for (int q : quotes_in(range)) {
      const Span s = x.quotes[q].text;
      rel.push_back({s.begin > range.begin ? s.begin - range.begin : 0, std::min(s.end, range.end) - range.begin});
    }
    return FindAttribution(std::string_view(doc.text).substr(range.begin, range.size()), rel, lexicon, &last_person);
  };

  // Claims: each body marker, with the sentence (or clause) before it.
  size_t s = 0;
  size_t next_sentence = 0;
  uint32_t clause_start = 0;
  int clause_sentence = -1;
  for (size_t mi = 0; mi < doc.markers.size(); ++mi) {
    const Marker& m = doc.markers[mi];
    if (m.in_note || m.external) continue;
    // The sentence that starts at or before the marker.
    while (s + 1 < x.sentences.size() && x.sentences[s + 1].source.begin <= m.span.begin) {
      ++s;
    }
    // Attribute the sentences passed so far, once each (keeps last_person current).
    for (; next_sentence < s; ++next_sentence) {
      sentence_attr[next_sentence] = attribute(x.sentences[next_sentence].text);
      const auto& a = sentence_attr[next_sentence];
      if (a && a->speaker.kind != EntityKind::kOutlet && !a->pronoun) last_person = a->speaker;
    }
    if (x.sentences.empty()) break;
    const Sentence& sentence = x.sentences[s];
    Claim c;
    c.marker = static_cast<int>(mi);
    c.sentence = sentence.text;
    const uint32_t at = doc.text_map.ToText(m.span.begin);
    if (clause_sentence != static_cast<int>(s)) clause_start = sentence.text.begin;
    const uint32_t end = at > clause_start && at < sentence.text.end ? at : sentence.text.end;
    c.text = {clause_start, end};
    clause_start = end;
    clause_sentence = static_cast<int>(s);
    c.quotes = quotes_in(c.text);
    c.attribution = attribute(c.text);
    if (!c.attribution && c.text.begin != sentence.text.begin) c.attribution = attribute(sentence.text);
    if (c.attribution && c.attribution->speaker.kind != EntityKind::kOutlet && !c.attribution->pronoun) {
      last_person = c.attribution->speaker;
    }
    c.figures = FindFigures(std::string_view(doc.text).substr(c.text.begin, c.text.size()), options.figure_context_window);
    for (Figure& f : c.figures) f.text = {f.text.begin + c.text.begin, f.text.end + c.text.begin};
    x.claims.push_back(std::move(c));
  }
  return x;
}

}  // namespace citelint::extract
