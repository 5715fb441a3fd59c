#include "checker/engine/yaml_rule.h"

#include <algorithm>

#include "checker/extract/words.h"
#include "checker/text/unicode.h"

namespace citelint {

const std::vector<std::string>& PredicateNames() {
  static const std::vector<std::string> kNames = {
      "inside: quote",   "sentence-has: marker", "sentence-has: quote", "paragraph-has: marker",
      "speaker: known",  "document-has: notes",  "paragraph-cites: note-naming-match", "covered-by: note", "speaker: named", "speaker: any", "inside: parentheses", "inside: heading"};
  return kNames;
}

std::optional<Predicate> ParsePredicate(const std::string& key, const std::string& value) {
  const std::string both = key + ": " + value;
  static const std::pair<const char*, Predicate> kTable[] = {
      {"inside: quote", Predicate::kInsideQuote},
      {"sentence-has: marker", Predicate::kSentenceHasMarker},
      {"sentence-has: quote", Predicate::kSentenceHasQuote},
      {"paragraph-has: marker", Predicate::kParagraphHasMarker},
      {"speaker: known", Predicate::kSpeakerKnown},
      {"document-has: notes", Predicate::kDocumentHasNotes},
      {"paragraph-cites: note-naming-match", Predicate::kParagraphCitesNoteNamingMatch},
      {"covered-by: note", Predicate::kCoveredByNote},
      {"speaker: named", Predicate::kSpeakerNamed},
      {"speaker: any", Predicate::kSpeakerAny},
      {"inside: parentheses", Predicate::kInsideParentheses},
      {"inside: heading", Predicate::kInsideHeading},
  };
  for (const auto& [name, p] : kTable) {
    if (both == name) return p;
  }
  return std::nullopt;
}

std::optional<Scope> ParseScope(const std::string& name) {
  if (name == "sentence") return Scope::kSentence;
  if (name == "paragraph") return Scope::kParagraph;
  if (name == "quote") return Scope::kQuote;
  if (name == "claim") return Scope::kClaim;
  if (name == "note") return Scope::kNote;
  if (name == "heading") return Scope::kHeading;
  if (name == "document") return Scope::kDocument;
  return std::nullopt;
}

namespace {

// A word of a unit: its span, and its folded form as a run of the shared
// buffer the words were made into (no string apiece).
struct Word {
  Span span;
  uint32_t folded_begin = 0, folded_size = 0;
};

// The unit's words into `out`, their folded forms into `folded` (both
// cleared first; reused from unit to unit).
void Words(std::string_view s, std::vector<Word>& out, std::string& folded) {
  out.clear();
  folded.clear();
  uint32_t i = 0;
  while (i < s.size()) {
    const uint32_t start = i;
    if (static_cast<unsigned char>(s[i]) < 0x80 && !text::IsAsciiAlnum(s[i])) {
      ++i;  // ASCII space and punctuation: no word starts here
      continue;
    }
    const int32_t c = text::NextCodePoint(s, i);
    if (!(text::IsLetter(c) || (c >= '0' && c <= '9'))) continue;
    bool ascii = c < 0x80;  // (noted as the word is read, not read again)
    uint32_t end = i;
    while (end < s.size()) {
      if (text::IsAsciiAlnum(s[end])) {  // the common case, answered without decoding
        ++end;
        continue;
      }
      uint32_t k = end;
      const int32_t d = text::NextCodePoint(s, k);
      if (text::IsLetter(d) || (d >= '0' && d <= '9') || ((d == '\'' || d == 0x2019 || d == '-') && k < s.size() &&
                                                          text::IsLetter(static_cast<unsigned char>(s[k])))) {
        ascii = ascii && k - end == 1;  // one byte: an ASCII character (a lead byte takes two or more)
        end = k;
      } else {
        break;
      }
    }
    const std::string_view token = s.substr(start, end - start);
    const auto folded_begin = static_cast<uint32_t>(folded.size());
    if (ascii) {
      // ASCII letters and digits joined by ' or -: normalized, it is itself,
      // folded (its lower case, made in place in the buffer).
      folded += token;
      for (size_t k = folded_begin; k < folded.size(); ++k) folded[k] = text::AsciiLower(folded[k]);
    } else {
      bool first = true;
      for (const auto& w : extract::NormalizedWords(token)) {
        if (!first) folded += ' ';
        folded += w;
        first = false;
      }
    }
    out.push_back({{start, end}, folded_begin, static_cast<uint32_t>(folded.size()) - folded_begin});
    i = end;
  }
}

Span Containing(const std::vector<Span>& spans, uint32_t at) {
  auto it = std::upper_bound(spans.begin(), spans.end(), at, [](uint32_t a, const Span& s) { return a < s.begin; });
  if (it == spans.begin()) return {at, at};
  --it;
  return at <= it->end ? *it : Span{at, at};
}

// The first sentence (or quote) that starts after `at`.
template <typename T>
typename std::span<const T>::iterator StartingAfter(std::span<const T> items, uint32_t at) {
  return std::upper_bound(items.begin(), items.end(), at, [](uint32_t a, const T& s) { return a < s.text.begin; });
}

// The sentence (or quote) containing `at`, or the empty span at it.
template <typename T>
Span Containing(std::span<const T> items, uint32_t at) {
  auto it = StartingAfter(items, at);
  if (it == items.begin()) return {at, at};
  --it;
  return at <= it->text.end ? it->text : Span{at, at};
}

}  // namespace

YamlRule::YamlRule(YamlRuleSpec spec) : spec_(std::move(spec)) {
  const auto& phrases = spec_.trigger.phrases;
  for (size_t p = 0; p < phrases.size(); ++p) {
    if (phrases[p].empty()) continue;
    phrases_by_first_word_[phrases[p].front()].push_back(p);
    first_words_.Add(phrases[p].front());
  }
}

// A unit's words for the lexicon rules, made once for all of them.
struct YamlRule::LexiconWords {
  std::vector<Word> words;
  std::string folded;
  bool made = false;
};

bool YamlRule::Holds(const Analysis& analysis, Predicate p, uint32_t at, const std::vector<std::string>& matched_words) const {
  const Document& doc = analysis.doc();
  const auto& x = analysis.extraction();
  const TextFacts& facts = analysis.text_facts();
  const std::span<const extract::Sentence> sentences = facts.sentences;
  const std::span<const extract::Quote> quotes = facts.quotes;

  auto has_marker = [&](Span range) {
    auto it = std::lower_bound(facts.marker_at.begin(), facts.marker_at.end(), range.begin);
    return it != facts.marker_at.end() && *it <= range.end;
  };
  switch (p) {
    case Predicate::kInsideQuote: {
      const Span q = Containing(quotes, at);
      return q.begin < q.end && at >= q.begin && at < q.end;
    }
    case Predicate::kSentenceHasMarker: return has_marker(Containing(sentences, at));
    case Predicate::kSentenceHasQuote: {
      const Span s = Containing(sentences, at);
      auto q = std::lower_bound(quotes.begin(), quotes.end(), s.begin,
                                [](const extract::Quote& q, uint32_t b) { return q.text.begin < b; });
      return q != quotes.end() && q->text.begin < s.end;
    }
    case Predicate::kParagraphHasMarker: return has_marker(Containing(facts.paragraphs, at));
    case Predicate::kSpeakerNamed:
    case Predicate::kSpeakerKnown:
    case Predicate::kSpeakerAny: {
      // The sentence's speaker (named, unnamed, or carried over from the
      // sentence before it in the paragraph), computed once in extraction.
      auto it = StartingAfter(sentences, at);
      if (it == sentences.begin()) return false;
      --it;
      if (at > it->text.end) return false;
      const auto& a = x.sentence_attribution[it - sentences.begin()];
      if (!a) return false;
      if (p == Predicate::kSpeakerAny) return true;
      if (a->unnamed) return false;
      return p == Predicate::kSpeakerKnown || a->how != "context";
    }
    case Predicate::kCoveredByNote: {
      // A marker at or after the match, in the same paragraph.
      const Span para = Containing(facts.paragraphs, at);
      auto it = std::lower_bound(facts.marker_at.begin(), facts.marker_at.end(), at);
      if (it != facts.marker_at.end() && *it <= para.end) return true;
      // An inline citation after it, in its sentence or the citation
      // sentence after it (which abbreviations may split: "22 U.S.C. | § 618.").
      auto next = StartingAfter(sentences, at);
      const uint32_t sentence_end = next != sentences.begin() ? std::prev(next)->text.end : at;
      const uint32_t limit =
          std::min(para.end, std::max(next != sentences.end() ? next->text.end : para.end, sentence_end + 120));
      auto c = std::lower_bound(x.citations.begin(), x.citations.end(), at, [](const Span& c, uint32_t a) { return c.begin < a; });
      return c != x.citations.end() && c->begin <= limit;
    }
    case Predicate::kInsideHeading: {
      const int b = doc.BlockAt(doc.text_map.ToSource(at));
      return b >= 0 && doc.blocks[b].kind == BlockKind::kHeading;
    }
    case Predicate::kInsideParentheses: {
      auto q = std::upper_bound(x.quotes.begin(), x.quotes.end(), at,
                                [](uint32_t a, const extract::Quote& q) { return a < q.text.begin; });
      if (q == x.quotes.begin()) return false;
      --q;
      return at >= q->text.begin && at < q->text.end && q->parenthetical;
    }
    case Predicate::kDocumentHasNotes: return !doc.notes.empty();
    case Predicate::kParagraphCitesNoteNamingMatch: {
      const Span para = Containing(facts.paragraphs, at);
      // The noun of the matched phrase ("critics"), else its last word.
      std::vector<std::string> nouns;
      for (const auto& w : matched_words) {
        if (std::find(spec_.trigger.nouns.begin(), spec_.trigger.nouns.end(), w) != spec_.trigger.nouns.end()) nouns.push_back(w);
      }
      // "Some believe", "many say": a quantifier with no group is answered
      // by any note its sentence cites (the note shows who); an impersonal
      // "it is widely believed" is not.
      if (nouns.empty()) {
        const auto& q = spec_.trigger.quantifiers;
        const bool quantifier = !matched_words.empty() && std::find(q.begin(), q.end(), matched_words.front()) != q.end();
        return quantifier && has_marker(Containing(sentences, at));
      }
      auto it = std::lower_bound(facts.marker_at.begin(), facts.marker_at.end(), para.begin);
      for (; it != facts.marker_at.end() && *it <= para.end; ++it) {
        const int note = facts.marker_note[it - facts.marker_at.begin()];
        if (note < 0) continue;
        for (const auto& noun : nouns) {
          if (x.note_words.HoldsName(note, {noun})) return true;
        }
      }
      return false;
    }
  }
  return false;
}

void YamlRule::Run(const Analysis& analysis, Sink& sink) const {
  const YamlRule* const self = this;
  Sink* const sinks = &sink;
  RunTogether(std::span<const YamlRule* const>(&self, 1), analysis, std::span<Sink* const>(&sinks, 1));
}

void YamlRule::RunTogether(std::span<const YamlRule* const> rules, const Analysis& analysis, std::span<Sink* const> sinks) {
  if (rules.empty()) return;
  const Scope scope = rules.front()->spec_.scope;
  const Document& doc = analysis.doc();
  const auto& x = analysis.extraction();
  const TextFacts& facts = analysis.text_facts();
  const std::span<const extract::Sentence> sentences = facts.sentences;
  const std::span<const extract::Quote> quotes = facts.quotes;
  // The units of the scope: a span of Document::text, or a note's text;
  // read where the analysis keeps them, not copied (a sentence rule has one
  // per sentence of the document). Headings are picked from the paragraphs.
  std::vector<Span> headings;
  size_t unit_count = 0;
  const std::string_view all(doc.text);
  switch (scope) {
    case Scope::kSentence: unit_count = sentences.size(); break;
    case Scope::kParagraph: unit_count = facts.paragraphs.size(); break;
    case Scope::kQuote: unit_count = quotes.size(); break;
    case Scope::kClaim: unit_count = x.claims.size(); break;
    case Scope::kNote: unit_count = doc.notes.size(); break;
    case Scope::kHeading:
      for (const Span& p : facts.paragraphs) {
        const uint32_t src = doc.text_map.ToSource(p.begin);
        const int b = doc.BlockAt(src);
        if (b >= 0 && doc.blocks[b].kind == BlockKind::kHeading) headings.push_back(p);
      }
      unit_count = headings.size();
      break;
    case Scope::kDocument: unit_count = 1; break;
  }
  auto in_text = [&](Span s) { return UnitText{all.substr(s.begin, s.size()), s.begin, -1}; };
  auto unit_at = [&](size_t i) -> UnitText {
    switch (scope) {
      case Scope::kSentence: return in_text(sentences[i].text);
      case Scope::kParagraph: return in_text(facts.paragraphs[i]);
      case Scope::kQuote: return in_text(quotes[i].text);
      case Scope::kClaim: return in_text(x.claims[i].text);
      case Scope::kNote: return {doc.notes[i].text, 0, static_cast<int>(i)};
      case Scope::kHeading: return in_text(headings[i]);
      case Scope::kDocument: break;
    }
    return in_text({0, static_cast<uint32_t>(all.size())});
  };

  LexiconWords lexicon_words;  // buffers reused from unit to unit
  for (size_t ui = 0; ui < unit_count; ++ui) {
    const UnitText unit = unit_at(ui);
    lexicon_words.made = false;
    for (size_t k = 0; k < rules.size(); ++k) rules[k]->RunUnit(analysis, unit, lexicon_words, *sinks[k]);
  }
}

void YamlRule::RunUnit(const Analysis& analysis, const UnitText& unit, LexiconWords& lexicon_words, Sink& sink) const {
  const Document& doc = analysis.doc();
  const auto& x = analysis.extraction();
  struct Match {
    Span span;  // in unit.text
    std::vector<std::string> groups;
    std::vector<std::string> words;
  };
  std::vector<Match> matches;
  const Trigger& t = spec_.trigger;
  switch (t.kind) {
    case Trigger::kPattern:
      for (const auto& re : t.patterns) {
        for (const auto& m : re.FindAllGroups(unit.text)) {
          Match mm;
          mm.span = m[0];
          for (const Span& g : m) mm.groups.emplace_back(unit.text.substr(g.begin, g.size()));
          mm.words = extract::NormalizedWords(mm.groups[0]);
          matches.push_back(std::move(mm));
        }
      }
      break;
    case Trigger::kLexicon: {
      if (!lexicon_words.made) {  // once a unit, for every lexicon rule of the scope
        Words(unit.text, lexicon_words.words, lexicon_words.folded);
        lexicon_words.made = true;
      }
      const std::vector<Word>& words = lexicon_words.words;
      const std::string& folded_words = lexicon_words.folded;
      auto folded = [&](const Word& w) { return std::string_view(folded_words).substr(w.folded_begin, w.folded_size); };
      for (size_t i = 0; i < words.size(); ++i) {
        // Only the phrases that start with this word, in the lexicon's order.
        if (!first_words_.MayHold(folded(words[i]))) continue;
        const std::vector<size_t>* first = phrases_by_first_word_.find(folded(words[i]));
        if (first == nullptr) continue;
        for (const size_t p : *first) {
          const auto& phrase = t.phrases[p];
          if (phrase.empty() || i + phrase.size() > words.size()) continue;
          bool ok = true;
          for (size_t k = 0; k < phrase.size() && ok; ++k) ok = folded(words[i + k]) == phrase[k];
          if (!ok) continue;
          Match mm;
          mm.span = {words[i].span.begin, words[i + phrase.size() - 1].span.end};
          mm.groups.emplace_back(unit.text.substr(mm.span.begin, mm.span.size()));
          mm.words = phrase;
          matches.push_back(std::move(mm));
          break;
        }
      }
      break;
    }
    case Trigger::kQuote:
      if (unit.note >= 0) break;
      // Quotes are sorted: only those that start inside this unit.
      for (auto it = std::lower_bound(x.quotes.begin(), x.quotes.end(), unit.base,
                                      [](const extract::Quote& q, uint32_t b) { return q.text.begin < b; });
           it != x.quotes.end() && it->text.begin < unit.base + unit.text.size(); ++it) {
        const extract::Quote& q = *it;
        if (q.text.end > unit.base + unit.text.size()) continue;
        if (static_cast<int>(q.word_count) < t.min_words) continue;
        if (t.speech_only && q.kind != extract::QuoteKind::kSpeech) continue;
        Match mm;
        mm.span = {q.text.begin - unit.base, q.text.end - unit.base};
        mm.groups.emplace_back(unit.text.substr(mm.span.begin, mm.span.size()));
        matches.push_back(std::move(mm));
      }
      break;
    case Trigger::kFigure:
      for (const auto& f : extract::FindFigures(unit.text, &analysis.lexicon())) {
        if (f.kind == extract::FigureKind::kYear && !t.include_years) continue;
        if (f.kind == extract::FigureKind::kCount && f.value < t.min_count) continue;
        Match mm;
        mm.span = f.text;
        mm.groups.emplace_back(f.Written(unit.text));
        matches.push_back(std::move(mm));
      }
      break;
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.span.begin < b.span.begin; });
  for (const Match& m : matches) {
    const uint32_t at = unit.base + m.span.begin;
    auto any = [&](const std::vector<Predicate>& ps) {
      return std::any_of(ps.begin(), ps.end(), [&](Predicate p) { return Holds(analysis, p, at, m.words); });
    };
    auto all_of = [&](const std::vector<Predicate>& ps) {
      return std::all_of(ps.begin(), ps.end(), [&](Predicate p) { return Holds(analysis, p, at, m.words); });
    };
    if (unit.note < 0 && any(spec_.unless)) continue;
    if (!all_of(spec_.when)) continue;
    if (spec_.kind == "require" && any(spec_.then)) continue;
    // Message placeholders: {match}, {phrase}, {0}…{9}.
    std::string message;
    for (size_t i = 0; i < spec_.message.size(); ++i) {
      if (spec_.message[i] != '{') {
        message += spec_.message[i];
        continue;
      }
      const size_t close = spec_.message.find('}', i);
      const std::string name = spec_.message.substr(i + 1, close - i - 1);
      if (name == "match" || name == "phrase") {
        message += m.groups.empty() ? "" : m.groups[0];
      } else if (name.size() == 1 && name[0] >= '0' && name[0] <= '9' && static_cast<size_t>(name[0] - '0') < m.groups.size()) {
        message += m.groups[name[0] - '0'];
      }
      i = close;
    }
    Span span;
    if (unit.note >= 0) {
      span = doc.notes[unit.note].Anchor();
    } else {
      span = doc.text_map.ToSource(Span{at, unit.base + m.span.end});
    }
    sink.Report(span, std::move(message));
  }
}

}  // namespace citelint
