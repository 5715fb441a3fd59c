// Resources: what the checks read besides the document — the lexicons
// (rules/lexicons/*.yaml) and each built-in rule's options
// (rules/<pack>/<name>.yaml, `options:`). yaml-cpp is used only here.
#pragma once

#include <map>
#include <string>

#include "checker/base/status.h"
#include "checker/extract/lexicon.h"

namespace citelint {

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

struct Resources {
  extract::Lexicons lexicons;
  std::map<std::string, RuleOptions> options;  // by rule id
  std::string rules_dir;
};

// The rules directory: $CITELINT_RULES_DIR, else the one built in.
std::string DefaultRulesDir();

// Loads lexicons and rule options from a rules directory. Errors name the
// file (and line and column, for YAML errors).
Expected<Resources> LoadResources(const std::string& rules_dir);

}  // namespace citelint
