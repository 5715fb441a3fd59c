// Resources: what the checks read besides the document — the lexicons
// (rules/lexicons/*.yaml) and each built-in rule's options
// (rules/<pack>/<name>.yaml, `options:`). yaml-cpp is used only here.
#pragma once

#include <map>
#include <string>
#include <utility>

#include <memory>
#include <vector>

#include "checker/base/status.h"
#include "checker/engine/diagnostic.h"
#include "checker/extract/lexicon.h"

namespace citelint {

class Check;

// Numeric options of one rule, by name.
class RuleOptions {
 public:
  void Set(std::string name, double value) { values_[std::move(name)] = value; }
  // The option's value; `fallback` only when no rule file configures the rule.
  [[nodiscard]] double Number(const std::string& name, double fallback) const {
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
  }
  [[nodiscard]] bool empty() const { return values_.empty(); }
  [[nodiscard]] const std::map<std::string, double>& values() const { return values_; }

 private:
  std::map<std::string, double> values_;
};

// A phrase lexicon for YAML rules: rules/lexicons/<name>.yaml `phrases:` (and
// `nouns:`, the words that name who is speaking, e.g. "critics").
struct PhraseLexicon {
  std::vector<std::string> phrases;
  std::vector<std::string> nouns;
  std::vector<std::string> quantifiers;  // "some", "many": a phrase they open names no group
};

struct Resources {
  extract::Lexicons lexicons;
  std::map<std::string, PhraseLexicon> phrase_lexicons;      // by file stem
  std::map<std::string, RuleOptions> options;               // by rule id
  std::map<std::string, Severity> severity;                 // overrides, by rule id
  std::map<std::string, std::string> profile;               // built-in checks' profile, from their rule file
  std::map<std::string, std::string> precision;             // built-in checks' measured precision, from their rule file
  std::map<std::string, std::string> rule_files;            // rule id → defining file
  std::vector<std::shared_ptr<const Check>> yaml_rules;     // sorted by id
  std::string rules_dir;
  // The lexicons indexed, built once by LoadResources and shared by every
  // Analysis (null for a Resources put together by hand: Analysis then
  // builds its own).
  std::shared_ptr<const extract::LexiconIndex> lexicon_index;
};

// The shipped rules directory when no --rules-dir is given:
// $CITELINT_RULES_DIR when set; else `../share/citelint/rules` next to the
// executable (an installed citelint); else the source tree's `rules` a build
// was configured from. Empty when none of them is a directory.
std::string DefaultRulesDir();
// Where DefaultRulesDir() looks, in order, each with why ("$CITELINT_RULES_DIR",
// "next to the program", "the source tree it was built from").
std::vector<std::pair<std::string, std::string>> RulesDirCandidates();

// Loads lexicons, YAML rules and rule options from the rules directory and
// any extra ones (a house style). `builtins` are the C++ checks a `kind:
// builtin` file may configure. Loading is strict: an unknown key, a wrong
// type, a bad regex, an unknown predicate or placeholder, a duplicate id or
// a YAML syntax error fails with `path:line:col: error: …` and a caret.
Expected<Resources> LoadResources(const std::string& rules_dir, const std::vector<std::string>& extra_dirs,
                                  const std::vector<const RuleInfo*>& builtins);

}  // namespace citelint
