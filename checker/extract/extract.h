// Extraction: from a loaded Document, the claims (a cited sentence or clause
// with its marker, quotes, speaker and figures) and the sources (what each
// note says it is: title, publisher or speaker, handle, platform, domain,
// quoted words, figures). Offsets into Document::text unless named source.
#pragma once

#include <cassert>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "checker/base/boxed.h"
#include "checker/base/span.h"
#include "checker/base/string_hash.h"
#include "checker/document/document.h"
#include "checker/extract/lexicon.h"
#include "checker/extract/words.h"

namespace citelint::extract {

struct Sentence {
  Span text;  // in Document::text (Document::text_map gives its source bytes)
};

// Sentences by ICU's sentence iterator (abbreviation suppressions on), over
// the analysis text; offsets stay bytes.
// With a lexicon, a period after a title abbreviation ("Sen.") or a middle
// initial ("Tomas J.") before a name ends no sentence.
std::vector<Sentence> SplitSentences(const Document& doc, const LexiconIndex* lexicon = nullptr);
// ICU's sentence boundaries in a text (after its start, in order, as byte
// offsets): what SplitSentences starts from. It gives ICU a run of lines of
// about `run_bytes` at a time, as UTF-16 (`utf16_runs`) or through ICU's
// UTF-8 adapter; the boundaries are the same either way, as a test checks
// against the whole text through the adapter.
inline constexpr size_t kSentenceRun = 64 * 1024;
std::vector<uint32_t> SentenceBoundaries(std::string_view text, size_t run_bytes = kSentenceRun, bool utf16_runs = true);

// What a quotation is: reported speech, or words quoted as words.
enum class QuoteKind : uint8_t {
  kSpeech,  // “We have never raised prices,” she said.
  kTerm,    // a scare quote or a term: the “default binding mode” terminology
  kTitle,   // the title of a work or a name: “The Cipher of Pepys’s Diary”
  kCode,    // a string or identifier: "utf-8", "__init__"
};
const char* QuoteKindName(QuoteKind k);

struct Quote {
  Span text;                        // the quoted words, without the marks, in `in`
  // The normalized words between editorial brackets and ellipses ([…],
  // [sic] left out): each run must be in the source, in order, for the
  // quotation to be found there.
  QuoteFragments fragments;         // kept by the arena given to FindQuotes (Extraction::quote_words)
  uint32_t word_count = 0;          // of all fragments
  // Every fragment's words, in order (views of the words `fragments` views).
  [[nodiscard]] std::vector<std::string_view> Words() const { return fragments.Words(); }
  QuoteKind kind = QuoteKind::kSpeech;
  bool punctuated = false;          // ends with , . ! ? … inside the marks
  bool parenthetical = false;       // inside parentheses: "(quoting …)", "(explaining that “…”)"
};

struct UnbalancedQuote {
  uint32_t offset;  // of the opening mark, in the text it was found in
};

// Quotations in a piece of text: “…”, "…", ‘…’ inside “…”, «…», „…“.
// An opening mark with no closing one before the end is reported, and the
// rest of the text is not taken as quoted.
// A closing mark at the start of a word opens (”…”, a conversion artefact).
// Each quote's fragments are kept in `kept` (which must outlive the quotes).
void FindQuotes(std::string_view text, std::vector<Quote>& quotes, std::vector<UnbalancedQuote>& unbalanced,
                TextArena& kept);
class LexiconIndex;
// Sets each quote's kind from its words and the words before it.
void ClassifyQuotes(std::string_view text, std::vector<Quote>& quotes, const LexiconIndex& lex);

enum class FigureKind : uint8_t { kMoney, kPercent, kYear, kCount };
const char* FigureKindName(FigureKind k);

struct Figure {
  double value = 0;           // normalized: $50B and $50 billion → 5e10; a range's low end
  double high = 0;            // a range's high end (1–3% → 1, 3); equal to value otherwise
  Span text;                  // as written, in the text it was found in
  FigureKind kind = FigureKind::kCount;
  bool in_quote = false;      // inside a quotation (set by the caller that knows the quotes)

  [[nodiscard]] bool range() const { return high > value; }
  // As written ("$50 billion"), given the text it was found in.
  [[nodiscard]] std::string_view Written(std::string_view in) const { return in.substr(text.begin, text.size()); }
  // The currency symbol for money ("$", "€", "£", "¥"), "" otherwise.
  [[nodiscard]] std::string_view Unit() const;
  // Of the same currency (or both none): Unit() == other.Unit(), read off the byte.
  [[nodiscard]] bool SameUnit(const Figure& other) const { return unit_ == other.unit_; }
  // Sets the currency: one of the symbols Unit() gives ("" for none).
  void SetUnit(std::string_view symbol);

 private:
  uint8_t unit_ = 0;  // index of the currency symbol (a byte where a view took 16)
};

// A figure's words, found again where two figures are compared (figures
// that agree, and most that do not compare at all, never need them): not
// kept with every figure, where they took a third of a note-dense draft's
// figures' memory.
struct FigureWords {
  PackedWords context;  // the normalized content words around it (none with a context window of 0)
  PackedWords noun;     // the words after it naming what it counts ("mail", "ballot")
};

// Money ($50B, $50 billion, €3m), percentages (20%, 20 percent), ranges,
// years, and counts of a named thing; not identifiers, citations or dates.
// `lex` supplies the word lists (identifier markers, months, non-nouns).
std::vector<Figure> FindFigures(std::string_view text, const LexiconIndex* lex);
// The same figures, each handed to `each` as it is found (none kept).
void FindFigures(std::string_view text, const LexiconIndex* lex, const std::function<void(Figure&)>& each);
// The words of a figure FindFigures found in `text` (whose offsets have had
// `shift` added since: a claim's figures are moved into Document::text):
// up to `context_window` content words on each side, and its noun.
FigureWords WordsOf(const Figure& f, std::string_view text, uint32_t shift, int context_window, const LexiconIndex* lex);

// Inline citations in running text, the way legal and scholarly writing
// cites without notes: a reporter citation (746 F.3d 273), a statute
// section (18 U.S.C. § 1001, ¶ 48), Id. / Ibid. Spans in the text given.
std::vector<Span> FindCitations(std::string_view text);

// How an attribution was found: a literal kept in a byte, read and compared
// as its name ("named", "pronoun", "appositive", "after-quote", "label",
// "signature", "context", "subject"; empty for none).
class AttributionHow {
 public:
  constexpr AttributionHow() = default;
  // One of the names above (another reads as none).
  constexpr AttributionHow(std::string_view name) : index_(IndexOf(name)) {}  // NOLINT(google-explicit-constructor)
  constexpr AttributionHow(const char* name) : index_(IndexOf(name)) {}       // NOLINT(google-explicit-constructor)
  constexpr operator std::string_view() const { return kNames[index_]; }     // NOLINT(google-explicit-constructor)
  [[nodiscard]] constexpr bool empty() const { return index_ == 0; }
  friend constexpr bool operator==(AttributionHow a, AttributionHow b) { return a.index_ == b.index_; }
  friend constexpr bool operator==(AttributionHow a, const char* name) { return std::string_view(a) == name; }

 private:
  static constexpr std::string_view kNames[] = {"",      "named",     "pronoun", "appositive", "after-quote",
                                                "label", "signature", "context", "subject"};
  static constexpr uint8_t IndexOf(std::string_view name) {
    for (uint8_t i = 0; i < std::size(kNames); ++i) {
      if (kNames[i] == name) return i;
    }
    return 0;
  }
  uint8_t index_ = 0;
};

// Who speaks and the words that say so: one per distinct pair in a
// document, shared by every attribution that has it.
struct Voice {
  EntityRef speaker;
  std::string cue;  // "said", "according to", "put it"
  friend bool operator==(const Voice&, const Voice&) = default;
};

struct Attribution {
  // Who speaks, and the cue. Shared, not copied: Extract keeps each
  // distinct voice once for every sentence and claim that has it (16 bytes
  // where a copy of the speaker took 72, the cue 32, and their heap blocks).
  [[nodiscard]] const EntityRef& Speaker() const;
  [[nodiscard]] std::string_view Cue() const { return voice_ ? std::string_view(voice_->cue) : std::string_view(); }
  void SetVoice(EntityRef speaker, std::string cue) {
    voice_ = std::make_shared<const Voice>(Voice{std::move(speaker), std::move(cue)});
  }
  [[nodiscard]] const std::shared_ptr<const Voice>& SharedVoice() const { return voice_; }
  void ShareVoice(std::shared_ptr<const Voice> voice) { voice_ = std::move(voice); }

  Boxed<EntityRef> via;           // "summarized by the Valley Courier"
  Boxed<EntityRef> medium;        // the outlet spoken to: "told the Courier", "in a statement to the Courier"
  Span mention;                   // where the speaker is named: in the text given to FindAttribution
                                  // (Extraction: in Document::text); empty when not found
  AttributionHow how;             // named | pronoun | appositive | after-quote | label | signature | context | subject
  bool pronoun = false;           // resolved from "he said"
  bool unnamed = false;           // "a spokeswoman said", "officials said", an unresolved "he said"
  // A person named as the speaker (not an outlet, a pronoun or someone unnamed).
  [[nodiscard]] bool NamesPerson() const { return Speaker().kind != EntityKind::kOutlet && !pronoun && !unnamed; }

 private:
  std::shared_ptr<const Voice> voice_;  // null: nobody (Speaker() and Cue() are then empty)
};

// (Its members are in the order that leaves no padding: 48 bytes.)
struct Claim {
  uint32_t quote_count = 0;        // in `run`: the claim's own quotes, then
  uint32_t covered_count = 0;      // the covered ones (see CoveredQuotes)
  uint32_t group_count = 0;        // in `run`, first: its citation group
  Span text;                       // the sentence (or clause before a mid-sentence marker)
  Span sentence;                   // the whole sentence
  // Where its figures begin in Extraction::claim_figures; they end where
  // the next claim's begin (read with Extraction::FiguresOf; most claims
  // have none: 4 bytes where a vector took 24).
  uint32_t figures_begin = 0;
  // The group, the quotes and the covered quotes are one run of
  // Extraction::claim_runs, in that order (a pointer and three counts:
  // where two spans took 32 bytes).
  const int* run = nullptr;
  // Every marker of the citation group ([^2][^6], 7,8, 7–9), in order.
  [[nodiscard]] std::span<const int> Group() const { return {run, group_count}; }
  // The first of them: its index into Document::markers.
  [[nodiscard]] int FirstMarker() const { return run[0]; }
  // Indexes into Extraction::quotes.
  [[nodiscard]] std::span<const int> Quotes() const {
    return run == nullptr ? std::span<const int>() : std::span<const int>(run + group_count, quote_count);
  }
  // Quotes of earlier sentences in the same paragraph that cite nothing: the
  // paragraph's note covers them.
  [[nodiscard]] std::span<const int> CoveredQuotes() const {
    return run == nullptr ? std::span<const int>() : std::span<const int>(run + group_count + quote_count, covered_count);
  }
  // The speaker (in Extraction::attributions, shared with the sentence when
  // the claim is the whole sentence); null for most claims, which name none.
  const Attribution* attribution = nullptr;
};

// One per note, at the note's index in Extraction::sources. Title, handle,
// platform and domain are offsets into the note (its text, its first URL),
// which keeps the bytes: read them with the note.
// (Its flags share the offsets' words: 48 bytes.)
struct Source {
  // The outlet or speaker the note says it is (kept once in
  // Extraction::publishers, shared by every note naming it: most notes of a
  // document name one of a few); null when the note names none.
  const EntityRef* publisher_ref = nullptr;
  Span title;                      // in the note's text
  Span handle;                     // in the note's text: "sama" for "@sama on X"
  Span platform;                   // in the note's text
  Span domain;                     // in the note's first URL
  // Where its quotes (offsets into the note's text) and figures begin in
  // Extraction::note_quotes and ::note_figures; they end where the next
  // note's begin. Read with Extraction::QuotesOf and FiguresOf (most notes
  // have none: two offsets where two vectors took 48 bytes).
  uint32_t quotes_begin : 31 = 0;
  bool publisher_from_text : 1 = false;  // named by the note's words (not only by its URL's domain)
  uint32_t figures_begin : 31 = 0;
  // "Title — what the source says", "@handle on X — “…”", "Name on Bluesky:
  // …": a description of the source, not a bare citation of a document.
  bool described : 1 = false;

  // The publisher, or an empty EntityRef.
  [[nodiscard]] const EntityRef& Publisher() const;
  [[nodiscard]] std::string_view Title(const Note& n) const { return Part(n.text, title); }
  [[nodiscard]] std::string_view Handle(const Note& n) const { return Part(n.text, handle); }
  [[nodiscard]] std::string_view Platform(const Note& n) const { return Part(n.text, platform); }
  [[nodiscard]] std::string_view Domain(const Note& n) const {
    return n.Urls().empty() ? std::string_view() : Part(n.Urls().front(), domain);
  }

 private:
  static std::string_view Part(std::string_view s, Span span) {
    return span.end <= s.size() && span.begin <= span.end ? s.substr(span.begin, span.size()) : std::string_view();
  }
};
static_assert(sizeof(void*) != 8 || sizeof(Source) == 48, "a Source is 48 bytes on a 64-bit build");

struct Extraction {
  Extraction() = default;
  Extraction(Extraction&&) = default;
  Extraction& operator=(Extraction&&) = default;
  // Not copied: a copy's claims and sentences would point into the original's
  // attributions and runs (a move keeps them where they are).
  Extraction(const Extraction&) = delete;
  Extraction& operator=(const Extraction&) = delete;
  ~Extraction() = default;

  std::vector<Sentence> sentences;
  // The body's and the notes' quotes' words (Quote::fragments view them;
  // an arena of its own, which stays put when the extraction is moved).
  std::unique_ptr<TextArena> quote_words = std::make_unique<TextArena>();
  std::vector<Quote> quotes;                 // body quotes, offsets in Document::text
  std::vector<UnbalancedQuote> unbalanced;   // offsets in Document::text
  std::vector<Claim> claims;                 // one per citation group of body markers
  std::vector<int> claim_runs;               // each claim's group, quotes and covered quotes, claim after claim
  std::vector<Figure> claim_figures;         // each claim's figures, claim after claim (offsets in Document::text)
  std::vector<Source> sources;               // one per note
  std::deque<EntityRef> publishers;          // the sources' publishers, each once (a deque: pointers to it stay put)
  std::vector<Quote> note_quotes;            // every note's quotes, note after note
  std::vector<Figure> note_figures;          // every note's figures, note after note
  WordIndex note_words{3};                   // ids are note indexes: each note's normalized words
  // Every speaker found, each kept once and shared by the sentences and
  // claims that have it (a deque: the pointers to it stay put, also when the
  // extraction is moved; it is not copied).
  std::deque<Attribution> attributions;
  // Per sentence: who it says is speaking (how == "context" when it says
  // nobody itself but the sentence before it in its paragraph does; null
  // when nobody), and its paragraph (index into the "\n\n"-separated
  // paragraphs of the text).
  std::vector<const Attribution*> sentence_attribution;
  std::vector<int> sentence_paragraph;
  std::vector<Span> citations;               // inline citations in Document::text, sorted

  // A note's quotes (offsets into its text) and figures; a claim's figures.
  [[nodiscard]] std::span<const Quote> QuotesOf(int note) const {
    return RunOf(note_quotes, sources, static_cast<size_t>(note), [](const Source& s) { return s.quotes_begin; });
  }
  // (`c` is one of `claims`.)
  [[nodiscard]] std::span<const Figure> FiguresOf(const Claim& c) const {
    assert(&c >= claims.data() && &c < claims.data() + claims.size());
    return RunOf(claim_figures, claims, static_cast<size_t>(&c - claims.data()),
                 [](const Claim& claim) { return claim.figures_begin; });
  }
  [[nodiscard]] std::span<const Figure> FiguresOf(int note) const {
    return RunOf(note_figures, sources, static_cast<size_t>(note), [](const Source& s) { return s.figures_begin; });
  }

  // Does note `note` name the entity (any of its names, as words)?
  [[nodiscard]] bool NoteNames(int note, const EntityRef& e, const LexiconIndex& lex) const;

 private:
  // Owner i's run of `items`: from where `begin_of` says it begins to where
  // the next owner's begins (the last one's, to the end).
  template <typename T, typename Owner, typename BeginOf>
  static std::span<const T> RunOf(const std::vector<T>& items, const std::vector<Owner>& owners, size_t i,
                                  BeginOf begin_of) {
    const uint32_t begin = begin_of(owners[i]);
    const uint32_t end = i + 1 < owners.size() ? begin_of(owners[i + 1]) : static_cast<uint32_t>(items.size());
    return std::span<const T>(items).subspan(begin, end - begin);
  }
};

Extraction Extract(const Document& doc, const LexiconIndex& lexicon);

// The words a document capitalizes inside its sentences, folded. A word it
// capitalizes only where a sentence starts ("Things", "Horrified", "Last")
// is no name, however it is spelled there. Computed once per document.
struct MidSentenceCapitals {
  FlatStringSet folded;
  [[nodiscard]] bool Has(std::string_view folded_word) const { return folded.contains(folded_word); }
};
MidSentenceCapitals FindMidSentenceCapitals(std::string_view text);

// The person a sentence is about: its named subject ("Republican candidate
// Donald Trump went …"), not an outlet or an organization; for pronouns.
std::optional<EntityRef> SentenceSubject(std::string_view text, const std::vector<Span>& quotes,
                                         const LexiconIndex& lexicon, const MidSentenceCapitals* capitals = nullptr);

// The speaker of a piece of text (a claim), rule-first; `last_person` is
// the last named person, for pronouns.
std::optional<Attribution> FindAttribution(std::string_view text, const std::vector<Span>& quotes,
                                           const LexiconIndex& lexicon, const EntityRef* last_person,
                                           const MidSentenceCapitals* capitals = nullptr);

// The last person named before a text, for a pronoun ("he said"): asked
// for only when the text has a pronoun as its speaker and names no person
// before it (most sentences do not ask); null or empty for nobody.
using LastPerson = std::function<const EntityRef*()>;

// FindAttribution with the last person found only if asked for.
std::optional<Attribution> FindSpeaker(std::string_view text, const std::vector<Span>& quotes,
                                       const LexiconIndex& lexicon, const LastPerson& last_person,
                                       const MidSentenceCapitals* capitals = nullptr);

}  // namespace citelint::extract
