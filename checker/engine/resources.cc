#include "checker/engine/resources.h"

#include "checker/engine/config.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

#include "checker/engine/yaml_error.h"
#include "checker/engine/yaml_rule.h"
#include "checker/extract/words.h"

namespace citelint {
namespace {

namespace fs = std::filesystem;

Status ErrorAt(const fs::path& file, const YAML::Mark& mark, const std::string& what) {
  return YamlErrorAt(file.string(), mark, what);
}

// A strict view of one YAML mapping: every key must be read or it is an error.
class Map {
 public:
  Map(const fs::path& file, const YAML::Node& node) : file_(file), node_(node) {}

  Status CheckIsMap(const std::string& what) const {
    return node_.IsMap() ? Status::Ok() : ErrorAt(file_, node_.Mark(), what + " must be a mapping");
  }
  // The value of `key`, or an undefined node. Keys are indexed on first use:
  // yaml-cpp's own lookup scans every pair and converts each key to a string,
  // which made loading the lexicons quadratic in their keys.
  YAML::Node Get(const std::string& key) {
    seen_.insert(key);
    if (!indexed_) {
      indexed_ = true;
      if (node_.IsMap()) {
        for (const auto& kv : node_) {
          if (kv.first.IsScalar()) index_.emplace(kv.first.Scalar(), kv.second);  // the first of a repeated key wins
        }
      }
    }
    auto it = index_.find(key);
    return it == index_.end() ? YAML::Node(YAML::NodeType::Undefined) : it->second;
  }
  Expected<std::string> String(const std::string& key, bool required, const std::string& fallback = "") {
    const YAML::Node n = Get(key);
    if (!n) {
      if (required) return ErrorAt(file_, node_.Mark(), fmt::format("missing required key '{}'", key));
      return fallback;
    }
    if (!n.IsScalar()) return ErrorAt(file_, n.Mark(), fmt::format("'{}' must be a string", key));
    return n.as<std::string>();
  }
  // With `words`, every entry must have a word in it (a lexicon entry of
  // only punctuation would match everywhere or nowhere).
  Expected<std::vector<std::string>> Strings(const std::string& key, bool words = false) {
    std::vector<std::string> out;
    const YAML::Node n = Get(key);
    if (!n) return out;
    auto take = [&](const YAML::Node& item) -> Status {
      std::string v = item.as<std::string>();
      if (words && extract::NormalizedWords(v).empty()) {
        return ErrorAt(file_, item.Mark(), fmt::format("'{}' in '{}' has no words", v, key));
      }
      out.push_back(std::move(v));
      return Status::Ok();
    };
    if (n.IsScalar()) {
      if (Status s = take(n); !s.ok()) return s;
      return out;
    }
    if (!n.IsSequence()) return ErrorAt(file_, n.Mark(), fmt::format("'{}' must be a list of strings", key));
    for (const auto& item : n) {
      if (!item.IsScalar()) return ErrorAt(file_, item.Mark(), fmt::format("'{}' must be a list of strings", key));
      if (Status s = take(item); !s.ok()) return s;
    }
    return out;
  }
  Status NoUnknownKeys() const {
    for (const auto& kv : node_) {
      const std::string k = kv.first.as<std::string>();
      if (!seen_.count(k)) {
        // The keys read so far are the ones this rule kind knows.
        const auto near = DidYouMean(k, std::vector<std::string>(seen_.begin(), seen_.end()));
        return ErrorAt(file_, kv.first.Mark(),
                       fmt::format("unknown key '{}'{}", k, near ? fmt::format(" (did you mean '{}'?)", *near) : ""));
      }
    }
    return Status::Ok();
  }
  const fs::path& file() const { return file_; }
  const YAML::Node& node() const { return node_; }

 private:
  const fs::path& file_;
  YAML::Node node_;
  std::set<std::string> seen_;
  bool indexed_ = false;
  std::map<std::string, YAML::Node> index_;
};

Status LoadEntities(Map& root, const char* key, extract::EntityKind kind, extract::Lexicons& lex) {
  const YAML::Node list = root.Get(key);
  if (!list) return Status::Ok();
  if (!list.IsSequence()) return ErrorAt(root.file(), list.Mark(), fmt::format("'{}' must be a list", key));
  for (const auto& item : list) {
    Map entry(root.file(), item);
    if (Status s = entry.CheckIsMap("an entry"); !s.ok()) return s;
    extract::EntityDef def;
    auto name = entry.String("name", true);
    if (!name.ok()) return name.status();
    def.name = name.value();
    def.kind = kind;
    for (auto [field, target] : {std::pair{"aliases", &def.aliases}, {"handles", &def.handles}, {"domains", &def.domains}}) {
      auto values = entry.Strings(field);
      if (!values.ok()) return values.status();
      *target = std::move(values).value();
    }
    if (Status s = entry.NoUnknownKeys(); !s.ok()) return s;
    lex.entities.push_back(std::move(def));
  }
  return Status::Ok();
}

Status LoadLexiconFile(const fs::path& file, Resources& r) {
  Map root(file, YAML::LoadFile(file.string()));
  if (Status s = root.CheckIsMap("a lexicon file"); !s.ok()) return s;
  if (Status s = LoadEntities(root, "outlets", extract::EntityKind::kOutlet, r.lexicons); !s.ok()) return s;
  if (Status s = LoadEntities(root, "people", extract::EntityKind::kPerson, r.lexicons); !s.ok()) return s;
  extract::Lexicons& lex = r.lexicons;
  for (auto [key, target] : {std::pair{"verbs", &lex.cue_verbs}, {"phrases", &lex.cue_phrases},
                             {"before_speaker", &lex.before_speaker}, {"via", &lex.via}, {"platforms", &lex.platforms},
                             {"roles", &lex.roles}, {"pronouns", &lex.pronouns}, {"speaker_nouns", &lex.speaker_nouns},
                             {"not_names", &lex.not_names}, {"auxiliaries", &lex.auxiliaries},
                             {"unnamed_speakers", &lex.unnamed_speakers}, {"media_cues", &lex.media_cues}, {"not_cues", &lex.not_cues}, {"report_cues", &lex.report_cues},
                             {"naming", &lex.quote_naming}, {"identifiers", &lex.figure_identifiers},
                             {"months", &lex.months}, {"not_counted", &lex.not_counted},
                             {"determiners", &lex.determiners}, {"between_words", &lex.between_words},
                             {"organization_words", &lex.organization_words}, {"places", &lex.places},
                             {"prepositions", &lex.prepositions}, {"noun_cues", &lex.noun_cues},
                             {"verb_markers", &lex.verb_markers},
                             {"title_abbreviations", &lex.title_abbreviations}}) {
    // Phrases are matched word by word: one without a word would match anywhere.
    auto values = root.Strings(key, std::string_view(key) == "phrases");
    if (!values.ok()) return values.status();
    // `phrases` in a lexicon named after a rule's lexicon are that rule's phrases.
    if (std::string_view(key) == "phrases" && file.stem() != "cues") {
      r.phrase_lexicons[file.stem().string()].phrases = values.value();
      continue;
    }
    for (auto& v : values.value()) target->push_back(std::move(v));
  }
  auto nouns = root.Strings("nouns", true);
  if (!nouns.ok()) return nouns.status();
  if (!nouns.value().empty()) r.phrase_lexicons[file.stem().string()].nouns = nouns.value();
  auto quantifiers = root.Strings("quantifiers", true);
  if (!quantifiers.ok()) return quantifiers.status();
  if (!quantifiers.value().empty()) r.phrase_lexicons[file.stem().string()].quantifiers = quantifiers.value();
  return root.NoUnknownKeys();
}

Expected<std::vector<Predicate>> Predicates(Map& rule, const std::string& key) {
  std::vector<Predicate> out;
  const YAML::Node n = rule.Get(key);
  if (!n) return out;
  if (!n.IsSequence()) return ErrorAt(rule.file(), n.Mark(), fmt::format("'{}' must be a list of predicates", key));
  for (const auto& item : n) {
    if (!item.IsMap() || item.size() != 1) {
      return ErrorAt(rule.file(), item.Mark(), "a predicate is a single 'name: value' pair");
    }
    const auto kv = *item.begin();
    const std::string name = kv.first.as<std::string>();
    const std::string value = kv.second.IsScalar() ? kv.second.as<std::string>() : "";
    auto p = ParsePredicate(name, value);
    if (!p) {
      std::string known;
      for (const auto& k : PredicateNames()) known += (known.empty() ? "" : ", ") + k;
      return ErrorAt(rule.file(), kv.first.Mark(), fmt::format("unknown predicate '{}: {}' (known: {})", name, value, known));
    }
    out.push_back(*p);
  }
  return out;
}

Status LoadRuleFile(const fs::path& file, const std::map<std::string, const RuleInfo*>& builtins, Resources& r) {
  Map rule(file, YAML::LoadFile(file.string()));
  if (Status s = rule.CheckIsMap("a rule file"); !s.ok()) return s;
  const std::string expected_id = file.parent_path().filename().string() + "." + file.stem().string();
  auto id = rule.String("id", true);
  if (!id.ok()) return id.status();
  if (id.value() != expected_id) {
    return ErrorAt(file, rule.Get("id").Mark(),
                   fmt::format("id '{}' does not match the file's path (expected '{}')", id.value(), expected_id));
  }
  if (auto other = r.rule_files.find(id.value()); other != r.rule_files.end()) {
    return ErrorAt(file, rule.Get("id").Mark(), fmt::format("duplicate rule id '{}' (also defined in {})", id.value(), other->second));
  }
  auto kind = rule.String("kind", true);
  if (!kind.ok()) return kind.status();
  static const std::set<std::string> kKinds = {"pattern", "lexicon", "require", "builtin"};
  if (!kKinds.count(kind.value())) {
    return ErrorAt(file, rule.Get("kind").Mark(), fmt::format("unknown kind '{}' (known: builtin, lexicon, pattern, require)", kind.value()));
  }
  auto severity_name = rule.String("severity", false);
  if (!severity_name.ok()) return severity_name.status();
  std::optional<Severity> severity;
  if (!severity_name.value().empty()) {
    severity = ParseSeverity(severity_name.value());
    if (!severity) return ErrorAt(file, rule.Get("severity").Mark(), "severity must be error, warning or info");
  }
  RuleOptions options;
  if (const YAML::Node opts = rule.Get("options")) {
    if (!opts.IsMap()) return ErrorAt(file, opts.Mark(), "'options' must be a mapping");
    for (const auto& kv : opts) {
      try {
        options.Set(kv.first.as<std::string>(), kv.second.as<double>());
      } catch (const YAML::Exception&) {
        return ErrorAt(file, kv.second.Mark(), fmt::format("option '{}' must be a number", kv.first.as<std::string>()));
      }
    }
  }
  rule.Get("metadata");  // free-form: accepted as is
  auto profile = rule.String("profile", false, "default");
  if (!profile.ok()) return profile.status();
  if (profile.value() != "default" && profile.value() != "strict") {
    return ErrorAt(file, rule.Get("profile").Mark(), "profile must be default or strict");
  }
  auto precision = rule.String("precision", false);
  if (!precision.ok()) return precision.status();

  if (kind.value() == "builtin") {
    auto it = builtins.find(id.value());
    if (it == builtins.end()) return ErrorAt(file, rule.Get("id").Mark(), fmt::format("no built-in check '{}'", id.value()));
    if (Status s = rule.NoUnknownKeys(); !s.ok()) return s;
    if (severity) r.severity[id.value()] = *severity;
    if (rule.Get("profile")) r.profile[id.value()] = profile.value();
    if (!precision.value().empty()) r.precision[id.value()] = precision.value();
    r.options[id.value()] = std::move(options);
    r.rule_files[id.value()] = file.string();
    return Status::Ok();
  }
  if (builtins.count(id.value())) {
    return ErrorAt(file, rule.Get("id").Mark(), fmt::format("duplicate rule id '{}' (a built-in check)", id.value()));
  }

  YamlRuleSpec spec;
  spec.kind = kind.value();
  spec.info.id = id.value();
  spec.info.severity = severity.value_or(Severity::kWarning);
  spec.info.source = file.string();
  spec.info.profile = profile.value();
  spec.info.precision = precision.value();
  for (auto [key, target, required] : {std::tuple{"status", &spec.info.status, false},
                                       {"replaced-by", &spec.info.replaced_by, false},
                                       {"message", &spec.message, true},
                                       {"description", &spec.info.description, true}}) {
    auto v = rule.String(key, required, *target);
    if (!v.ok()) return v.status();
    *target = v.value();
  }
  if (spec.info.status != "stable" && spec.info.status != "preview" && spec.info.status != "deprecated") {
    return ErrorAt(file, rule.Get("status").Mark(), "status must be stable, preview or deprecated");
  }
  spec.info.summary = spec.message;
  auto scope = rule.String("scope", false, "sentence");
  if (!scope.ok()) return scope.status();
  if (auto sc = ParseScope(scope.value())) {
    spec.scope = *sc;
  } else {
    return ErrorAt(file, rule.Get("scope").Mark(),
                   fmt::format("unknown scope '{}' (known: sentence, paragraph, quote, claim, note, heading, document)", scope.value()));
  }
  bool ignorecase = false;
  if (const YAML::Node ic = rule.Get("ignorecase")) {
    try {
      ignorecase = ic.as<bool>();
    } catch (const YAML::Exception&) {
      return ErrorAt(file, ic.Mark(), "'ignorecase' must be true or false");
    }
  }
  auto compile = [&](const YAML::Node& list, Trigger& t) -> Status {
    if (!list.IsSequence() && !list.IsScalar()) return ErrorAt(file, list.Mark(), "'patterns' must be a list of strings");
    std::vector<YAML::Node> items;
    if (list.IsScalar()) items.push_back(list);
    for (const auto& item : list) items.push_back(item);
    for (const auto& item : items) {
      if (!item.IsScalar()) return ErrorAt(file, item.Mark(), "'patterns' must be a list of strings");
      const std::string pattern = item.as<std::string>();
      // YAML's double quotes read "\b" as a backspace, never meant in a pattern.
      if (pattern.find('\b') != std::string::npos) {
        return ErrorAt(file, item.Mark(),
                       "the pattern holds a backspace: in double quotes YAML reads \"\\b\" as one; write the pattern "
                       "in single quotes ('\\b(sources) said') or double the backslash (\"\\\\b\")");
      }
      auto re = text::Regex::Compile(pattern, ignorecase);
      if (!re.ok()) {
        std::string why = fmt::format("bad regular expression: {}", re.status().message());
        // RE2 (linear time, no backtracking) has no lookaround.
        if (pattern.find("(?=") != std::string::npos || pattern.find("(?!") != std::string::npos ||
            pattern.find("(?<=") != std::string::npos || pattern.find("(?<!") != std::string::npos) {
          why += "; RE2 has no lookahead or lookbehind: match the context as part of the pattern, or use an "
                 "`unless:` condition (e.g. `sentence-has: marker`)";
        }
        return ErrorAt(file, item.Mark(), why);
      }
      t.patterns.push_back(std::move(re).value());
    }
    t.kind = Trigger::kPattern;
    return Status::Ok();
  };
  auto lexicon = [&](const YAML::Node& name_node, Trigger& t) -> Status {
    if (!name_node.IsScalar()) return ErrorAt(file, name_node.Mark(), "'lexicon' must be the name of a file in lexicons/");
    auto it = r.phrase_lexicons.find(name_node.as<std::string>());
    if (it == r.phrase_lexicons.end() || it->second.phrases.empty()) {
      return ErrorAt(file, name_node.Mark(), fmt::format("no lexicon '{}' with phrases in lexicons/", name_node.as<std::string>()));
    }
    for (const auto& phrase : it->second.phrases) t.phrases.push_back(extract::NormalizedWords(phrase));
    for (const auto& noun : it->second.nouns) t.nouns.push_back(extract::NormalizedWords(noun).front());
    for (const auto& q : it->second.quantifiers) t.quantifiers.push_back(extract::NormalizedWords(q).front());
    t.kind = Trigger::kLexicon;
    return Status::Ok();
  };
  if (spec.kind == "pattern") {
    const YAML::Node p = rule.Get("patterns");
    if (!p) return ErrorAt(file, rule.node().Mark(), "a pattern rule needs 'patterns'");
    if (Status s = compile(p, spec.trigger); !s.ok()) return s;
  } else if (spec.kind == "lexicon") {
    const YAML::Node l = rule.Get("lexicon");
    if (!l) return ErrorAt(file, rule.node().Mark(), "a lexicon rule needs 'lexicon'");
    if (Status s = lexicon(l, spec.trigger); !s.ok()) return s;
  } else {  // require
    const YAML::Node cond = rule.Get("if");
    if (!cond || !cond.IsMap()) return ErrorAt(file, cond ? cond.Mark() : rule.node().Mark(), "a require rule needs an 'if' mapping");
    Map m(file, cond);
    if (const YAML::Node p = m.Get("pattern")) {
      if (Status s = compile(p, spec.trigger); !s.ok()) return s;
    } else if (const YAML::Node l = m.Get("lexicon")) {
      if (Status s = lexicon(l, spec.trigger); !s.ok()) return s;
    } else if (const YAML::Node q = m.Get("quote")) {
      spec.trigger.kind = Trigger::kQuote;
      spec.trigger.min_words = static_cast<int>(options.Number("min_words", 1));
      if (!q.IsScalar() || (q.as<std::string>() != "any" && q.as<std::string>() != "speech")) {
        return ErrorAt(file, q.Mark(), "'quote' takes 'any' or 'speech' (reported speech, not terms, titles or code)");
      }
      spec.trigger.speech_only = q.as<std::string>() == "speech";
    } else if (const YAML::Node f = m.Get("figure")) {
      spec.trigger.kind = Trigger::kFigure;
      spec.trigger.include_years = options.Number("include_years", 0) != 0;
      spec.trigger.min_count = options.Number("min_count", 0);
      if (!f.IsScalar() || f.as<std::string>() != "any") return ErrorAt(file, f.Mark(), "'figure' takes the value 'any'");
    } else {
      return ErrorAt(file, cond.Mark(), "'if' takes one of pattern, lexicon, quote, figure");
    }
    if (Status s = m.NoUnknownKeys(); !s.ok()) return s;
    auto then = Predicates(rule, "then");
    if (!then.ok()) return then.status();
    if (then.value().empty()) return ErrorAt(file, rule.node().Mark(), "a require rule needs 'then' predicates");
    spec.then = then.value();
  }
  for (auto [key, target] : {std::pair{"unless", &spec.unless}, {"when", &spec.when}}) {
    auto ps = Predicates(rule, key);
    if (!ps.ok()) return ps.status();
    *target = ps.value();
  }
  // Placeholders: {match}, {phrase}, and {0}…{N} for pattern groups.
  int groups = 0;
  for (const auto& re : spec.trigger.patterns) groups = std::max(groups, re.GroupCount());
  for (size_t i = spec.message.find('{'); i != std::string::npos; i = spec.message.find('{', i + 1)) {
    const size_t close = spec.message.find('}', i);
    const std::string name = close == std::string::npos ? "" : spec.message.substr(i + 1, close - i - 1);
    const bool ok = name == "match" || (name == "phrase" && spec.trigger.kind == Trigger::kLexicon) ||
                    (name.size() == 1 && name[0] >= '0' && name[0] - '0' <= groups);
    if (!ok) {
      return ErrorAt(file, rule.Get("message").Mark(),
                     fmt::format("unknown placeholder '{{{}}}' in message (known: {{match}}{}{})", name,
                                 spec.trigger.kind == Trigger::kLexicon ? ", {phrase}" : "",
                                 groups > 0 ? fmt::format(", {{0}}…{{{}}}", groups) : ""));
    }
  }
  if (const YAML::Node ex = rule.Get("examples")) {
    Map m(file, ex);
    if (Status s = m.CheckIsMap("'examples'"); !s.ok()) return s;
    for (auto [key, target] : {std::pair{"bad", &spec.info.bad}, {"good", &spec.info.good}}) {
      auto v = m.Strings(key);
      if (!v.ok()) return v.status();
      *target = v.value();
    }
    auto format = m.String("format", false, "txt");
    if (!format.ok()) return format.status();
    spec.info.format = format.value();
    if (Status s = m.NoUnknownKeys(); !s.ok()) return s;
  }
  if (Status s = rule.NoUnknownKeys(); !s.ok()) return s;
  r.rule_files[spec.info.id] = file.string();
  r.options[spec.info.id] = std::move(options);
  r.yaml_rules.push_back(std::make_shared<YamlRule>(std::move(spec)));
  return Status::Ok();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> RulesDirCandidates() {
  std::vector<std::pair<std::string, std::string>> candidates;
  if (const char* env = std::getenv("CITELINT_RULES_DIR"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env, "$CITELINT_RULES_DIR");
    return candidates;  // set on purpose: nothing else is tried
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.emplace_back((exe.parent_path() / ".." / "share" / "citelint" / "rules").lexically_normal().string(),
                            "next to the program");
  }
  candidates.emplace_back(CITELINT_DEFAULT_RULES_DIR, "the source tree it was built from");
  return candidates;
}

std::string DefaultRulesDir() {
  const auto candidates = RulesDirCandidates();
  for (const auto& [dir, why] : candidates) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return dir;
  }
  return candidates.size() == 1 ? candidates.front().first : std::string();  // a $CITELINT_RULES_DIR that is not there
}

namespace {

// The .yaml files of a rules directory (recursively: rule files, not those
// under lexicons/ or schema/) or of its lexicons/ (absent: none). Errors
// while reading a directory are errors, not skipped.
Status YamlFiles(const fs::path& dir, bool recursive, std::vector<fs::path>& files) {
  std::error_code ec;
  if (!recursive && !fs::exists(dir, ec)) return Status::Ok();
  auto take = [&](const fs::directory_entry& e) {
    std::error_code type_ec;
    if (e.path().extension() != ".yaml" || !e.is_regular_file(type_ec)) return;  // a directory named x.yaml is no file
    const fs::path parent = e.path().parent_path().filename();
    if (!recursive || (parent != "lexicons" && parent != "schema")) files.push_back(e.path());
  };
  auto failed = [&](const std::error_code& why) {
    return Status::Error(fmt::format("{}: error: cannot read the rules directory: {}", dir.string(), why.message()));
  };
  if (recursive) {
    fs::recursive_directory_iterator it(dir, ec), end;
    if (ec) return failed(ec);
    for (; it != end; it.increment(ec)) {
      if (ec) return failed(ec);
      take(*it);
    }
    if (ec) return failed(ec);
  } else {
    fs::directory_iterator it(dir, ec), end;
    if (ec) return failed(ec);
    for (; it != end; it.increment(ec)) {
      if (ec) return failed(ec);
      take(*it);
    }
    if (ec) return failed(ec);
  }
  return Status::Ok();
}

// "rules directory not found", with where citelint looked and how to point it elsewhere.
Status RulesDirNotFound(const std::string& dir) {
  const char* env = std::getenv("CITELINT_RULES_DIR");
  if (dir.empty()) {
    std::string looked;
    for (const auto& [candidate, why] : RulesDirCandidates()) looked += fmt::format("\n  {} ({})", candidate, why);
    return Status::Error(fmt::format(
        "citelint: error: the rules directory was not found; looked in:{}\n"
        "  Install citelint's rules there (make install, or the .deb), set CITELINT_RULES_DIR, or pass --rules-dir DIR",
        looked));
  }
  if (env != nullptr && dir == env) {
    return Status::Error(fmt::format("{}: error: rules directory not found (named by $CITELINT_RULES_DIR; unset it to "
                                     "use the installed rules, or point it at a rules directory)",
                                     dir));
  }
  return Status::Error(fmt::format("{}: error: rules directory not found", dir));
}

}  // namespace

Expected<Resources> LoadResources(const std::string& rules_dir, const std::vector<std::string>& extra_dirs,
                                  const std::vector<const RuleInfo*>& builtins) {
  Resources r;
  r.rules_dir = rules_dir;
  std::map<std::string, const RuleInfo*> builtin_by_id;
  for (const RuleInfo* info : builtins) builtin_by_id[info->id] = info;
  std::vector<std::string> dirs{rules_dir};
  dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
  fs::path current;  // the file being read, for YAML syntax errors
  try {
    // Lexicons of every directory first: rules refer to them by name.
    for (const std::string& dir : dirs) {
      std::error_code ec;
      if (dir.empty() || !fs::is_directory(dir, ec)) return RulesDirNotFound(dir);
      std::vector<fs::path> files;
      if (Status s = YamlFiles(fs::path(dir) / "lexicons", false, files); !s.ok()) return s;
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        current = file;
        if (Status s = LoadLexiconFile(file, r); !s.ok()) return s;
      }
    }
    for (const std::string& dir : dirs) {
      std::vector<fs::path> files;
      if (Status s = YamlFiles(dir, true, files); !s.ok()) return s;
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        current = file;
        if (Status s = LoadRuleFile(file, builtin_by_id, r); !s.ok()) return s;
      }
    }
  } catch (const YAML::Exception& e) {
    return ErrorAt(current, e.mark, e.msg);
  } catch (const std::exception& e) {  // yaml-cpp's stream errors (an unreadable file)
    return Status::Error(fmt::format("{}: error: cannot read: {}", current.string(), e.what()));
  }
  std::sort(r.yaml_rules.begin(), r.yaml_rules.end(),
            [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
  r.lexicon_index = std::make_shared<const extract::LexiconIndex>(r.lexicons);
  return r;
}

}  // namespace citelint
