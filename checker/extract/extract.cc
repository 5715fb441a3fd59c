#include "checker/extract/extract.h"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "checker/text/unicode.h"

namespace citelint::extract {

// Describes a note; `words` receives its normalized words (for the word
// index), `publisher` whom the note names as its source (empty if nobody),
// `quotes` and `figures` those in its text.
Source DescribeNote(const Note& note, const LexiconIndex& lex, std::vector<std::string>& words,
                    EntityRef& publisher, std::vector<Quote>& quotes, std::vector<Figure>& figures,
                    TextArena& quote_words);

bool Extraction::NoteNames(int note, const EntityRef& e, const LexiconIndex& lex) const {
  for (const std::string& name : lex.Names(e)) {
    if (note_words.HoldsName(note, NormalizedWords(name))) return true;
  }
  return false;
}

namespace {

// Are two body markers one citation group ([^2][^6], 7,8, <sup>2</sup><sup>6</sup>)?
// Nothing but spaces, commas, semicolons or a dash stands between them.
bool Adjacent(const Document& doc, const Marker& a, const Marker& b) {
  if (a.block != b.block) return false;
  const uint32_t from = doc.text_map.ToText(a.span.end);
  const uint32_t to = doc.text_map.ToText(b.span.begin);
  if (to < from) return false;
  const std::string_view between = std::string_view(doc.text).substr(from, to - from);
  if (between.size() > 8) return false;
  for (size_t i = 0; i < between.size(); ++i) {
    const char c = between[i];
    if (c == ' ' || c == ',' || c == ';' || c == '-') continue;
    if (between.compare(i, 3, "\u2013") == 0) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

// Collects elements in blocks (a deque: nothing copied as it grows) and
// hands them over as a vector exactly their size, each block freed as it is
// emptied. A vector grown by doubling and then shrunk to fit held up to three
// times its elements at once (the last doubling, the copy that shrinks it);
// this holds at most two, and only while it hands them over.
template <class T>
class Collector {
 public:
  void push_back(const T& item) { items_.push_back(item); }
  [[nodiscard]] size_t size() const { return items_.size(); }
  std::vector<T> Take() {
    std::vector<T> out;
    out.reserve(items_.size());
    while (!items_.empty()) {
      out.push_back(std::move(items_.front()));
      items_.pop_front();
    }
    return out;
  }

 private:
  std::deque<T> items_;
};

}  // namespace

Extraction Extract(const Document& doc, const LexiconIndex& lexicon) {
  Extraction x;
  x.sentences = SplitSentences(doc, &lexicon);
  x.sentences.shrink_to_fit();  // grown by doubling: up to half unused, kept as long as the document
  const MidSentenceCapitals capitals = FindMidSentenceCapitals(doc.text);
  FindQuotes(doc.text, x.quotes, x.unbalanced, *x.quote_words);
  x.quotes.shrink_to_fit();
  ClassifyQuotes(doc.text, x.quotes, lexicon);
  x.citations = FindCitations(doc.text);

  x.sources.reserve(doc.notes.size());
  std::vector<std::string> words;
  EntityRef publisher;
  std::vector<Quote> quotes;
  std::vector<Figure> figures;
  std::unordered_set<const EntityRef*, EntityRefHash, SameEntityRef> publisher_kept;  // into x.publishers
  for (size_t i = 0; i < doc.notes.size(); ++i) {
    Source& src = x.sources.emplace_back(
        DescribeNote(doc.notes[i], lexicon, words, publisher, quotes, figures, *x.quote_words));
    src.quotes_begin = static_cast<uint32_t>(x.note_quotes.size());
    x.note_quotes.insert(x.note_quotes.end(), std::make_move_iterator(quotes.begin()), std::make_move_iterator(quotes.end()));
    src.figures_begin = static_cast<uint32_t>(x.note_figures.size());
    x.note_figures.insert(x.note_figures.end(), std::make_move_iterator(figures.begin()), std::make_move_iterator(figures.end()));
    if (publisher != EntityRef()) {  // (an empty key with anything else set is kept too)
      auto kept = publisher_kept.find(&publisher);
      if (kept == publisher_kept.end()) kept = publisher_kept.insert(&x.publishers.emplace_back(std::move(publisher))).first;
      src.publisher_ref = *kept;
    }
    x.note_words.Add(static_cast<int>(i), words);
  }
  x.note_words.Seal();
  // Grown by doubling and kept as long as the document: up to half unused.
  x.note_quotes.shrink_to_fit();
  x.note_figures.shrink_to_fit();

  // The quotes that reach into a range, where they are (x.quotes is sorted).
  auto quotes_of = [&](Span range) {
    const auto first = std::lower_bound(x.quotes.begin(), x.quotes.end(), range.begin,
                                        [](const Quote& q, uint32_t b) { return q.text.end <= b; });
    auto last = first;
    while (last != x.quotes.end() && last->text.begin < range.end) ++last;
    return std::span<const Quote>(first, last);
  };
  // Their indexes into x.quotes.
  auto quotes_in = [&](Span range) {
    std::vector<int> out;
    for (const Quote& q : quotes_of(range)) out.push_back(static_cast<int>(&q - x.quotes.data()));
    return out;
  };
  // The quotes in a range, as offsets into it.
  auto quotes_within = [&](Span range) {
    std::vector<Span> rel;
    for (const Quote& q : quotes_of(range)) {
      const Span s = q.text;
      rel.push_back({s.begin > range.begin ? s.begin - range.begin : 0, std::min(s.end, range.end) - range.begin});
    }
    return rel;
  };
  // A speaker found in a range has its mention in Document::text.
  auto in_text = [](std::optional<Attribution>& a, Span range) {
    if (a && !a->mention.empty()) a->mention = {a->mention.begin + range.begin, a->mention.end + range.begin};
  };
  auto attribute = [&](Span range, const LastPerson& last_person) {
    auto a = FindSpeaker(std::string_view(doc.text).substr(range.begin, range.size()), quotes_within(range), lexicon,
                         last_person, &capitals);
    in_text(a, range);
    return a;
  };
  // Each distinct voice (speaker and cue) kept once, shared by every attribution that has it.
  struct VoiceHash {
    size_t operator()(const std::shared_ptr<const Voice>& v) const {
      return EntityRefHash{}(v->speaker) * 31 + StringHash{}(v->cue);
    }
  };
  struct SameVoice {
    bool operator()(const std::shared_ptr<const Voice>& a, const std::shared_ptr<const Voice>& b) const { return *a == *b; }
  };
  std::unordered_set<std::shared_ptr<const Voice>, VoiceHash, SameVoice> voices;
  auto keep = [&](std::optional<Attribution>&& a) -> const Attribution* {
    if (!a) return nullptr;
    if (a->SharedVoice()) {
      const auto [kept, fresh] = voices.insert(a->SharedVoice());
      if (!fresh) a->ShareVoice(*kept);
    }
    return &x.attributions.emplace_back(std::move(*a));
  };
  auto names_person = [](const Attribution* a) { return a != nullptr && a->NamesPerson(); };

  // Every sentence's speaker, in order so pronouns find the last person;
  // its paragraph; and the speaker of the sentence before it in the same
  // paragraph for a sentence that names none itself.
  const size_t n = x.sentences.size();
  x.sentence_attribution.resize(n);
  x.sentence_paragraph.resize(n);
  // "he" refers to the last person the text spoke of before it: the
  // speaker a sentence names, else its subject ("Carson defied the
  // question. …he said"). Found only when a pronoun (or a clause's speaker)
  // asks, looking back from the sentence to the nearest that names someone:
  // most sentences' subjects are never needed, and each is found once.
  // People are indexes into `persons`, each distinct reference kept once (a
  // deque: a pointer to one stays put).
  std::deque<EntityRef> persons(1);  // 0: nobody
  std::unordered_map<EntityRef, int32_t, EntityRefHash> person_ids{{EntityRef(), 0}};
  auto intern_person = [&](const EntityRef& e) {
    const auto [it, added] = person_ids.try_emplace(e, static_cast<int32_t>(persons.size()));
    if (added) persons.push_back(e);
    return it->second;
  };
  constexpr int32_t kNotYet = -2;
  // By sentence: the person it leaves as the last one: the speaker it names
  // (set as it is found), else its subject (found when first asked for),
  // -1 when neither.
  std::vector<int32_t> person_of(n, kNotYet);
  auto person_in = [&](size_t s) {
    if (person_of[s] == kNotYet) {
      const Span t = x.sentences[s].text;
      const std::optional<EntityRef> subject =
          SentenceSubject(std::string_view(doc.text).substr(t.begin, t.size()), quotes_within(t), lexicon, &capitals);
      person_of[s] = subject ? intern_person(*subject) : -1;
    }
    return person_of[s];
  };
  // By sentence: the last person before it.
  std::vector<int32_t> person_before(n, kNotYet);
  if (n > 0) person_before[0] = 0;
  std::vector<size_t> looked_at;
  auto last_person_before = [&](size_t s) -> const EntityRef* {
    looked_at.clear();
    size_t k = s;
    int32_t found = 0;
    for (;;) {
      if (person_before[k] != kNotYet) {
        found = person_before[k];
        break;
      }
      looked_at.push_back(k);
      if (const int32_t p = person_in(k - 1); p >= 0) {  // k > 0: person_before[0] is set
        found = p;
        break;
      }
      --k;
    }
    for (size_t i : looked_at) person_before[i] = found;
    return &persons[static_cast<size_t>(found)];
  };
  // Whether the sentence's speaker is its own (found in it), not one carried
  // over: a claim that is the whole sentence has the same speaker.
  std::vector<bool> own(n);
  {
    int paragraph = 0;
    size_t para_end = doc.text.find("\n\n");
    for (size_t s = 0; s < n; ++s) {
      const Span t = x.sentences[s].text;
      while (para_end != std::string::npos && t.begin >= para_end) {
        ++paragraph;
        para_end = doc.text.find("\n\n", para_end + 2);
      }
      x.sentence_paragraph[s] = paragraph;
      std::optional<Attribution> found = FindSpeaker(std::string_view(doc.text).substr(t.begin, t.size()),
                                                     quotes_within(t), lexicon,
                                                     [&, s] { return last_person_before(s); }, &capitals);
      in_text(found, t);
      x.sentence_attribution[s] = keep(std::move(found));
      own[s] = x.sentence_attribution[s] != nullptr;
      if (names_person(x.sentence_attribution[s])) person_of[s] = intern_person(x.sentence_attribution[s]->Speaker());
    }
    // A sentence that names no speaker continues the one before it in its
    // paragraph; a paragraph that opens with a quotation (a line of
    // dialogue, a quotation run on from the paragraph before) continues the
    // last sentence of the paragraph before.
    // "“How many did they kill?” I asked." — ICU ends the sentence after the
    // question; the short sentence after it, in the same paragraph, that
    // names a speaker and quotes nothing, is the quotation's attribution.
    for (size_t s = 0; s + 1 < n; ++s) {
      if (x.sentence_attribution[s] || x.sentence_paragraph[s] != x.sentence_paragraph[s + 1]) continue;
      const Span next = x.sentences[s + 1].text;
      const auto& a = x.sentence_attribution[s + 1];
      if (!a || a->how == "context" || !quotes_of(next).empty() || quotes_of(x.sentences[s].text).empty()) continue;
      // A longer one qualifies when ICU split it off after “…?” or “…!” and it
      // opens with its speaker ("“Perpetual motion!” Rep. Glenn Thompson,
      // R-Pa., said of the swirl of conventions …").
      const Span prev = x.sentences[s].text;
      uint32_t at = prev.end;
      const int32_t close = prev.end > prev.begin ? text::PrevCodePoint(doc.text, at) : 0;
      const int32_t mark = at > prev.begin ? text::PrevCodePoint(doc.text, at) : 0;
      const bool split_after_exclamation = text::IsClosingQuote(close) && (mark == '?' || mark == '!');
      const bool speaker_leads = !a->mention.empty() && a->mention.begin >= next.begin && a->mention.begin - next.begin <= 24;
      if (std::count(doc.text.begin() + next.begin, doc.text.begin() + next.end, ' ') > 8 &&
          !(split_after_exclamation && speaker_leads)) {
        continue;
      }
      Attribution after = *a;
      after.how = "after-quote";
      x.sentence_attribution[s] = keep(std::move(after));
    }
    // “We waited ten years. Today that ends,” said X: a quotation that runs
    // over several sentences takes the speaker of the sentence it ends in.
    {
      size_t e = 0;
      size_t b = 0;
      for (const Quote& q : x.quotes) {
        while (b + 1 < n && x.sentences[b + 1].text.begin <= q.text.begin) ++b;
        if (e < b) e = b;
        while (e + 1 < n && x.sentences[e + 1].text.begin < q.text.end) ++e;
        if (e == b || x.sentence_attribution[b] || x.sentence_paragraph[e] != x.sentence_paragraph[b]) continue;
        if (const auto& a = x.sentence_attribution[e]; a && a->how != "context") x.sentence_attribution[b] = a;
      }
    }
    for (size_t s = 1; s < n; ++s) {
      if (x.sentence_attribution[s]) continue;
      const bool same_paragraph = x.sentence_paragraph[s] == x.sentence_paragraph[s - 1];
      bool opens_with_quote = false;
      if (!same_paragraph && x.sentence_paragraph[s] == x.sentence_paragraph[s - 1] + 1) {
        auto q = std::lower_bound(x.quotes.begin(), x.quotes.end(), x.sentences[s].text.begin,
                                  [](const Quote& q, uint32_t b) { return q.text.begin < b; });
        opens_with_quote = q != x.quotes.end() && q->text.begin <= x.sentences[s].text.begin + 4;
      }
      if (!same_paragraph && !opens_with_quote) continue;
      // A quotation-only sentence carries a carried-over speaker on (“…” “…” “…”).
      bool quote_first = false;
      if (same_paragraph) {
        auto q = std::lower_bound(x.quotes.begin(), x.quotes.end(), x.sentences[s].text.begin,
                                  [](const Quote& q, uint32_t b) { return q.text.begin < b; });
        quote_first = q != x.quotes.end() && q->text.begin <= x.sentences[s].text.begin + 4;
      }
      if (const Attribution* prev = x.sentence_attribution[s - 1];
          prev && (same_paragraph ? prev->how != "context" || quote_first : true)) {
        if (prev->how == "context") {
          x.sentence_attribution[s] = prev;  // a run of sentences carries one speaker on
        } else {
          Attribution a = *prev;
          a.how = "context";
          x.sentence_attribution[s] = keep(std::move(a));
        }
      }
    }
  }

  // Claims: each citation group of body markers, with the sentence (or
  // clause) before it. Quotes of earlier uncited sentences of the same
  // paragraph are covered by the claim's note.
  size_t s = 0;
  uint32_t clause_start = 0;
  int clause_sentence = -1;
  size_t covered_from = 0;  // first sentence whose quotes are not yet covered
  Collector<Figure> claim_figures;  // x.claim_figures, once every claim's are found
  // The claims' groups, and their quotes then covered quotes, one run a
  // claim each (a group may still grow once its quotes are found): made
  // one run a claim in x.claim_runs at the end.
  std::vector<int> claim_markers, claim_quotes;
  x.claims.reserve(doc.markers.size());
  claim_markers.reserve(doc.markers.size());
  for (size_t mi = 0; mi < doc.markers.size(); ++mi) {
    const Marker& m = doc.markers[mi];
    if (m.in_note || m.external) continue;
    if (!x.claims.empty()) {
      const Marker& prev = doc.markers[claim_markers.back()];
      if (Adjacent(doc, prev, m)) {
        // The last claim's group grows (its run is the last one).
        claim_markers.push_back(static_cast<int>(mi));
        ++x.claims.back().group_count;
        continue;
      }
    }
    if (x.sentences.empty()) break;
    // The sentence that starts at or before the marker.
    while (s + 1 < x.sentences.size() && doc.text_map.ToSource(x.sentences[s + 1].text.begin) <= m.span.begin) ++s;
    const Sentence& sentence = x.sentences[s];
    Claim c;
    // Its runs are appended to claim_markers and claim_quotes, claim after
    // claim; where each starts is added up once the vectors stop growing.
    claim_markers.push_back(static_cast<int>(mi));
    c.group_count = 1;
    c.sentence = sentence.text;
    const uint32_t at = doc.text_map.ToText(m.span.begin);
    if (clause_sentence != static_cast<int>(s)) clause_start = sentence.text.begin;
    const uint32_t end = at > clause_start && at < sentence.text.end ? at : sentence.text.end;
    c.text = {clause_start, end};
    clause_start = end;
    const std::vector<int> quotes = quotes_in(c.text);
    const size_t quotes_from = claim_quotes.size();
    claim_quotes.insert(claim_quotes.end(), quotes.begin(), quotes.end());
    c.quote_count = static_cast<uint32_t>(quotes.size());
    // Covered quotes: earlier sentences of this paragraph that cite nothing.
    if (clause_sentence != static_cast<int>(s)) {
      for (size_t k = std::max(covered_from, s > 0 ? s - std::min<size_t>(s, 12) : 0); k < s; ++k) {
        if (x.sentence_paragraph[k] != x.sentence_paragraph[s]) continue;
        for (int q : quotes_in(x.sentences[k].text)) claim_quotes.push_back(q);
      }
      covered_from = s + 1;
    }
    c.covered_count = static_cast<uint32_t>(claim_quotes.size() - quotes_from) - c.quote_count;
    clause_sentence = static_cast<int>(s);
    // The whole sentence has the speaker found in it (with the same last
    // person before it): found once, for the sentence.
    const Attribution* sentence_own = own[s] ? x.sentence_attribution[s] : nullptr;
    if (c.text == sentence.text) {
      c.attribution = sentence_own;
    } else {
      c.attribution = keep(attribute(c.text, [&, s] { return last_person_before(s); }));
    }
    // A clause after an earlier marker takes the sentence's speaker only for
    // its own quotations ("X said “…”1 and “…”2"), not for plain statements.
    if (!c.attribution && c.text.begin != sentence.text.begin &&
        std::any_of(quotes.begin(), quotes.end(), [&](int q) { return x.quotes[q].kind == QuoteKind::kSpeech; })) {
      c.attribution = sentence_own;
    }
    c.figures_begin = static_cast<uint32_t>(claim_figures.size());
    FindFigures(std::string_view(doc.text).substr(c.text.begin, c.text.size()), &lexicon, [&](Figure& f) {
      f.text = {f.text.begin + c.text.begin, f.text.end + c.text.begin};
      for (int q : quotes) {
        if (f.text.begin >= x.quotes[q].text.begin && f.text.begin < x.quotes[q].text.end) f.in_quote = true;
      }
      claim_figures.push_back(f);
    });
    x.claims.push_back(std::move(c));
  }
  x.claim_figures = claim_figures.Take();
  // Each claim's run, made now that its group is whole (reserved whole:
  // the runs stay where they are made).
  x.claim_runs.reserve(claim_markers.size() + claim_quotes.size());
  size_t group_at = 0, quotes_at = 0;
  for (Claim& c : x.claims) {
    c.run = x.claim_runs.data() + x.claim_runs.size();
    x.claim_runs.insert(x.claim_runs.end(), claim_markers.begin() + static_cast<ptrdiff_t>(group_at),
                        claim_markers.begin() + static_cast<ptrdiff_t>(group_at + c.group_count));
    group_at += c.group_count;
    const size_t quotes = c.quote_count + c.covered_count;
    x.claim_runs.insert(x.claim_runs.end(), claim_quotes.begin() + static_cast<ptrdiff_t>(quotes_at),
                        claim_quotes.begin() + static_cast<ptrdiff_t>(quotes_at + quotes));
    quotes_at += quotes;
  }
  return x;
}

}  // namespace citelint::extract
