// Lexicons: outlets, people, cue verbs, platforms and roles as plain data
// (loaded from rules/lexicons/*.yaml by engine/), and an index that resolves
// a name, handle or domain to an entity. Names no lexicon knows still become
// entities, keyed by their folded text.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "checker/base/string_hash.h"

namespace citelint::extract {

enum class EntityKind : uint8_t { kOutlet, kPerson, kUnknown };

struct EntityDef {
  std::string name;
  EntityKind kind = EntityKind::kOutlet;
  std::vector<std::string> aliases;
  std::vector<std::string> handles;  // without @
  std::vector<std::string> domains;
};

struct Lexicons {
  std::vector<EntityDef> entities;
  std::vector<std::string> cue_verbs;
  std::vector<std::string> cue_phrases;      // "put it", "spells it out"
  std::vector<std::string> before_speaker;   // "according to"
  std::vector<std::string> via;              // "summarized by"
  std::vector<std::string> platforms;        // "X", "Bluesky"
  std::vector<std::string> roles;            // "CEO", "chief"
  std::vector<std::string> pronouns;         // "he", "she"
  std::vector<std::string> speaker_nouns;    // "blog", "reporting" in "X's own blog framed it"
  std::vector<std::string> not_names;        // sentence-initial words that start no name ("As", "Or")
  std::vector<std::string> auxiliaries;      // "was", "been": a cue after them is passive
  std::vector<std::string> unnamed_speakers; // "spokeswoman", "officials": a speaker, unnamed
  std::vector<std::string> media_cues;       // "told", "in a statement to": the outlet spoken to follows
  std::vector<std::string> report_cues;      // "according to", "reported": credits a source's reporting
  std::vector<std::string> not_cues;         // "called off": a cue verb's phrase that reports no speech
  std::vector<std::string> quote_naming;     // "titled", "term": the quotation after them names words
  std::vector<std::string> figure_identifiers;  // "no", "pep", "section": the number after them names something
  std::vector<std::string> months;           // a number beside a month is a date
  std::vector<std::string> not_counted;      // function words: a number before them counts nothing
  std::vector<std::string> determiners;      // "the", "a": "the soldier said"; "the “…” RFC" names a thing
  std::vector<std::string> between_words;    // "also", "himself": may stand between a speaker and the cue
  std::vector<std::string> organization_words;  // "department", "campaign": a name with one is an organization
  std::vector<std::string> places;           // "South Carolina", "Paris": where someone is, not who speaks
  std::vector<std::string> prepositions;     // "in", "on": end a speaker's name after the cue
  std::vector<std::string> noun_cues;        // "text", "message": cue words that are nouns after "a prepared"
  std::vector<std::string> verb_markers;     // "has", "will": a noun phrase ends before them
  std::vector<std::string> title_abbreviations;  // "Sen", "Gov": their period ends no sentence before a name
};

// A multi-word cue as written and as folded words.
struct Phrase {
  std::string text;
  std::vector<std::string> words;
};

// The five lists of multi-word cues.
enum class PhraseList { kBeforeSpeaker, kVia, kCue, kMedia, kNotCue };

// The phrases of each list that begin with one folded word, in the list's
// order (each phrase of a list is filed under its first word).
struct PhraseStarts {
  std::vector<Phrase> at[5];  // by PhraseList
};

// A resolved mention: a lexicon entity, or an unknown name keyed by its text.
struct EntityRef {
  int lexicon = -1;        // index into Lexicons::entities, or -1
  EntityKind kind = EntityKind::kUnknown;  // (beside the index: 72 bytes, not 80)
  std::string key;         // folded canonical name ("mara quint", "reuters")
  std::string display;     // as shown in messages ("Mara Quint")
  [[nodiscard]] bool empty() const { return key.empty(); }
  // The same reference, field for field (SameEntity says whether two denote one entity).
  friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

// Hashes the fields operator== compares: for sets and maps that keep each
// reference once (also through a pointer to one kept elsewhere).
struct EntityRefHash {
  size_t operator()(const EntityRef& e) const {
    return StringHash{}(e.key) * 31 + StringHash{}(e.display) + static_cast<size_t>(e.lexicon) * 7 +
           static_cast<size_t>(e.kind);
  }
  size_t operator()(const EntityRef* e) const { return (*this)(*e); }
};
// operator== through pointers, for the same sets.
struct SameEntityRef {
  bool operator()(const EntityRef* a, const EntityRef* b) const { return *a == *b; }
};

// True when two references denote the same entity: the same lexicon entry, the
// same key, or (people) one name is the other's surname.
bool SameEntity(const EntityRef& a, const EntityRef& b);

// The one-word lists a folded word may be in, as bits (LexiconIndex::ClassesOf).
enum WordClass : uint32_t {
  kCueVerb = 1u << 0,
  kRole = 1u << 1,
  kPronoun = 1u << 2,
  kNotName = 1u << 3,
  kAuxiliary = 1u << 4,
  kSpeakerNoun = 1u << 5,
  kUnnamedSpeaker = 1u << 6,
  kQuoteNaming = 1u << 7,
  kFigureIdentifier = 1u << 8,
  kMonth = 1u << 9,
  kNotCountedNoun = 1u << 10,
  kDeterminer = 1u << 11,
  kBetweenWord = 1u << 12,
  kOrganizationWord = 1u << 13,
  kPreposition = 1u << 14,
  kNounCue = 1u << 15,
  kVerbMarker = 1u << 16,
  kTitleAbbreviation = 1u << 17,
};

// Built once per loaded rule set (Resources::lexicon_index) and shared,
// read-only, by every document and thread. It keeps its own copy of the
// lexicons, so it stays valid however the Resources it came from is moved.
class LexiconIndex {
 public:
  explicit LexiconIndex(const Lexicons& lexicons);

  // Resolves a name as written ("Quint", "The Courier", "Valley Courier").
  [[nodiscard]] EntityRef ResolveName(std::string_view name) const;
  // Resolves "@sama" / "sama"; unknown handles become "@handle" entities.
  [[nodiscard]] EntityRef ResolveHandle(std::string_view handle) const;
  // Resolves a domain ("www.courier.example.com"); unknown ones key on the domain's name part.
  [[nodiscard]] EntityRef ResolveDomain(std::string_view domain) const;

  // What a folded word is, as WordClass bits (0 for most words): the word
  // lists below in one lookup, for a tokenizer to keep with each token.
  [[nodiscard]] uint32_t ClassesOf(std::string_view folded_word) const {
    const uint32_t* classes = classes_.find(folded_word);
    return classes == nullptr ? 0 : *classes;
  }
  [[nodiscard]] bool IsCueVerb(std::string_view folded_word) const { return Is(folded_word, kCueVerb); }
  [[nodiscard]] bool IsRole(std::string_view folded_word) const { return Is(folded_word, kRole); }
  [[nodiscard]] bool IsPronoun(std::string_view folded_word) const { return Is(folded_word, kPronoun); }
  [[nodiscard]] bool IsPlatform(std::string_view word) const { return platforms_.count(word); }
  [[nodiscard]] bool IsNotName(std::string_view folded_word) const { return Is(folded_word, kNotName); }
  [[nodiscard]] bool IsAuxiliary(std::string_view folded_word) const { return Is(folded_word, kAuxiliary); }
  [[nodiscard]] bool IsSpeakerNoun(std::string_view folded_word) const { return Is(folded_word, kSpeakerNoun); }
  // A cue as written ("According to", "reported") that credits a source's reporting.
  [[nodiscard]] bool IsReportCue(std::string_view cue) const;
  [[nodiscard]] bool IsUnnamedSpeaker(std::string_view folded_word) const { return Is(folded_word, kUnnamedSpeaker); }
  [[nodiscard]] bool IsQuoteNaming(std::string_view folded_word) const { return Is(folded_word, kQuoteNaming); }
  [[nodiscard]] bool IsFigureIdentifier(std::string_view folded_word) const { return Is(folded_word, kFigureIdentifier); }
  [[nodiscard]] bool IsMonth(std::string_view folded_word) const { return Is(folded_word, kMonth); }
  [[nodiscard]] bool IsNotCountedNoun(std::string_view folded_word) const { return Is(folded_word, kNotCountedNoun); }
  [[nodiscard]] bool IsDeterminer(std::string_view folded_word) const { return Is(folded_word, kDeterminer); }
  [[nodiscard]] bool IsBetweenWord(std::string_view folded_word) const { return Is(folded_word, kBetweenWord); }
  [[nodiscard]] bool IsOrganizationWord(std::string_view folded_word) const { return Is(folded_word, kOrganizationWord); }
  // A name as written ("South Carolina") that is a place.
  [[nodiscard]] bool IsPlace(std::string_view name) const;
  [[nodiscard]] bool IsPreposition(std::string_view folded_word) const { return Is(folded_word, kPreposition); }
  [[nodiscard]] bool IsNounCue(std::string_view folded_word) const { return Is(folded_word, kNounCue); }
  [[nodiscard]] bool IsVerbMarker(std::string_view folded_word) const { return Is(folded_word, kVerbMarker); }
  [[nodiscard]] bool IsTitleAbbreviation(std::string_view folded_word) const { return Is(folded_word, kTitleAbbreviation); }
  // The multi-word cues of the five lists that begin with a folded word; null
  // when none does (most words): one lookup, then a comparison with those
  // phrases only.
  [[nodiscard]] const PhraseStarts* PhrasesStartingWith(std::string_view folded_word) const {
    if (!phrase_words_.MayHold(folded_word)) return nullptr;  // most words, without hashing them
    return phrase_starts_.find(folded_word);
  }
  // Of those, the ones of one list (none when `starts` is null).
  [[nodiscard]] static std::span<const Phrase> Phrases(const PhraseStarts* starts, PhraseList list) {
    if (starts == nullptr) return {};
    return starts->at[static_cast<size_t>(list)];
  }
  [[nodiscard]] const Lexicons& lexicons() const { return lexicons_; }
  // Every folded alias of an entity (for "does this note name E?").
  [[nodiscard]] std::vector<std::string> Names(const EntityRef& e) const;

 private:
  EntityRef FromLexicon(int index) const;
  [[nodiscard]] bool Is(std::string_view folded_word, WordClass c) const { return (ClassesOf(folded_word) & c) != 0; }
  const Lexicons lexicons_;
  std::unordered_map<std::string, int> by_name_, by_handle_, by_domain_;
  // Every word of the one-word lists, folded, with the lists it is in.
  FlatStringMap<uint32_t> classes_;
  // Looked up by string_view, without making a string of each word: the
  // lists read as written (platforms) or as phrases (places, report cues).
  FlatStringSet platforms_, report_cues_, places_;
  FlatStringMap<PhraseStarts> phrase_starts_;
  WordSieve phrase_words_;  // phrase_starts_'s words, asked first
};

// Folds case and drops a leading "the " ("The Courier" → "courier").
std::string EntityKey(std::string_view name);

}  // namespace citelint::extract
