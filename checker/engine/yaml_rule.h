// YAML-defined rules: a closed set of kinds over a scope of the document.
//   pattern  — RE2 expressions (`patterns:`), capture groups usable in the message
//   lexicon  — phrases from rules/lexicons/<name>.yaml, matched as whole words, case-folded
//   require  — "if A is in the scope then one of B must hold" (`if:` / `then:`)
//   builtin  — configures a C++ check (severity, options); see resources.cc
// Named predicates (`unless:` / `when:`) let rule authors use graph facts
// without C++: `inside: quote`, `sentence-has: marker|quote`, `paragraph-has:
// marker`, `speaker: named` (the sentence names who speaks), `speaker: known`
// (… or the sentence before it in the paragraph does), `speaker: any` (…
// or an unnamed one: "a spokeswoman said"), `document-has: notes`, `paragraph-cites:
// note-naming-match`, `covered-by: note` (a marker at or after the match in
// its paragraph: the paragraph's note covers it; or an inline citation —
// 746 F.3d 273, 18 U.S.C. § 1001 — after it in its sentence or the next),
// `inside: parentheses` (a quotation in a parenthetical), `inside: heading`.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "checker/base/string_hash.h"
#include "checker/engine/check.h"
#include "checker/text/regex.h"

namespace citelint {

enum class Scope { kSentence, kParagraph, kQuote, kClaim, kNote, kHeading, kDocument };
enum class Predicate {
  kInsideQuote,
  kSentenceHasMarker,
  kSentenceHasQuote,
  kParagraphHasMarker,
  kSpeakerKnown,
  kDocumentHasNotes,
  kParagraphCitesNoteNamingMatch,
  kCoveredByNote,
  kSpeakerNamed,
  kSpeakerAny,
  kInsideParentheses,
  kInsideHeading,
};

// What triggers a `require` rule, or what a lexicon/pattern rule matches.
struct Trigger {
  enum Kind { kPattern, kLexicon, kQuote, kFigure } kind = kPattern;
  std::vector<text::Regex> patterns;
  std::vector<std::vector<std::string>> phrases;  // folded words
  std::vector<std::string> nouns;                 // lexicon nouns ("critics")
  std::vector<std::string> quantifiers;           // lexicon quantifiers ("some")
  int min_words = 0;                              // quotes
  bool speech_only = false;                       // quotes: reported speech only
  bool include_years = false;                     // figures
  double min_count = 0;                           // figures: smaller plain counts (days, ranks) are not figures
};

struct YamlRuleSpec {
  RuleInfo info;
  std::string kind;        // pattern | lexicon | require
  Scope scope = Scope::kSentence;
  Trigger trigger;
  std::vector<Predicate> unless;   // any holds → no finding
  std::vector<Predicate> when;     // all must hold
  std::vector<Predicate> then;     // require: any holds → no finding
  std::string message;             // with {placeholders}
};

class YamlRule final : public Check {
 public:
  explicit YamlRule(YamlRuleSpec spec);
  [[nodiscard]] const RuleInfo& info() const override { return spec_.info; }
  void Run(const Analysis& analysis, Sink& sink) const override;
  // Runs rules of one scope together, unit by unit: a unit's words are made
  // once for every lexicon rule among them, not once a rule. Each rule's
  // findings go to its own sink (sinks[k] for rules[k]) and are the ones its
  // Run reports (in another order across rules, which the sorted output
  // does not show).
  static void RunTogether(std::span<const YamlRule* const> rules, const Analysis& analysis,
                          std::span<Sink* const> sinks);
  [[nodiscard]] Scope scope() const { return spec_.scope; }
  [[nodiscard]] bool matches_lexicon() const { return spec_.trigger.kind == Trigger::kLexicon; }

 private:
  // A unit of the scope: its text (in Document::text, or a note's text) and
  // where it starts in Document::text (0 for a note).
  struct UnitText {
    std::string_view text;
    uint32_t base;
    int note;
  };
  struct LexiconWords;
  [[nodiscard]] bool Holds(const Analysis& analysis, Predicate p, uint32_t at,
                           const std::vector<std::string>& matched_words) const;
  void RunUnit(const Analysis& analysis, const UnitText& unit, LexiconWords& lexicon_words, Sink& sink) const;

  YamlRuleSpec spec_;
  // A lexicon trigger's phrases by their first word (indexes, ascending):
  // a word is compared with the phrases it can start, not with every one.
  FlatStringMap<std::vector<size_t>> phrases_by_first_word_;
  WordSieve first_words_;  // the same words, asked first
};

// Names for error messages and the JSON schema.
const std::vector<std::string>& PredicateNames();  // "inside: quote", …
std::optional<Predicate> ParsePredicate(const std::string& key, const std::string& value);
std::optional<Scope> ParseScope(const std::string& name);

}  // namespace citelint
