#include "checker/engine/resources.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>

namespace citelint {
namespace {

namespace fs = std::filesystem;

Status YamlError(const fs::path& file, const YAML::Mark& mark, const std::string& what) {
  if (mark.line >= 0) {
    return Status::Error(fmt::format("{}:{}:{}: error: {}", file.string(), mark.line + 1, mark.column + 1, what));
  }
  return Status::Error(fmt::format("{}: error: {}", file.string(), what));
}

Expected<std::vector<std::string>> Strings(const fs::path& file, const YAML::Node& node, const char* key) {
  std::vector<std::string> out;
  const YAML::Node list = node[key];
  if (!list) return out;
  if (!list.IsSequence()) return YamlError(file, list.Mark(), fmt::format("'{}' must be a list of strings", key));
  for (const auto& item : list) {
    if (!item.IsScalar()) return YamlError(file, item.Mark(), fmt::format("'{}' must be a list of strings", key));
    out.push_back(item.as<std::string>());
  }
  return out;
}

Status LoadEntities(const fs::path& file, const YAML::Node& root, const char* key, extract::EntityKind kind,
                    extract::Lexicons& lex) {
  const YAML::Node list = root[key];
  if (!list) return Status::Ok();
  if (!list.IsSequence()) return YamlError(file, list.Mark(), fmt::format("'{}' must be a list", key));
  for (const auto& item : list) {
    if (!item.IsMap() || !item["name"] || !item["name"].IsScalar()) {
      return YamlError(file, item.Mark(), "each entry needs a 'name'");
    }
    for (const auto& kv : item) {
      const std::string k = kv.first.as<std::string>();
      if (k != "name" && k != "aliases" && k != "handles" && k != "domains") {
        return YamlError(file, kv.first.Mark(), fmt::format("unknown key '{}'", k));
      }
    }
    extract::EntityDef def;
    def.name = item["name"].as<std::string>();
    def.kind = kind;
    for (auto [field, target] : {std::pair{"aliases", &def.aliases}, {"handles", &def.handles}, {"domains", &def.domains}}) {
      auto values = Strings(file, item, field);
      if (!values.ok()) return values.status();
      *target = std::move(values).value();
    }
    lex.entities.push_back(std::move(def));
  }
  return Status::Ok();
}

}  // namespace

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("CITELINT_RULES_DIR"); env != nullptr && *env != '\0') return env;
  return CITELINT_DEFAULT_RULES_DIR;
}

Expected<Resources> LoadResources(const std::string& rules_dir) {
  Resources r;
  r.rules_dir = rules_dir;
  std::error_code ec;
  if (!fs::is_directory(rules_dir, ec)) return Status::Error(fmt::format("{}: error: rules directory not found", rules_dir));
  fs::path current = rules_dir;  // the file being read, for YAML syntax errors
  try {
    const fs::path lexicons = fs::path(rules_dir) / "lexicons";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(lexicons, ec)) {
      if (e.path().extension() == ".yaml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      current = file;
      const YAML::Node root = YAML::LoadFile(file.string());
      if (!root.IsMap()) return YamlError(file, root.Mark(), "a lexicon file is a mapping");
      static const char* const kKnown[] = {"outlets", "people", "verbs", "phrases", "before_speaker", "via",
                                           "platforms", "roles", "pronouns", "speaker_nouns", "not_names",
                                           "auxiliaries"};
      for (const auto& kv : root) {
        const std::string k = kv.first.as<std::string>();
        if (std::find(std::begin(kKnown), std::end(kKnown), k) == std::end(kKnown)) {
          return YamlError(file, kv.first.Mark(), fmt::format("unknown key '{}'", k));
        }
      }
      if (Status s = LoadEntities(file, root, "outlets", extract::EntityKind::kOutlet, r.lexicons); !s.ok()) return s;
      if (Status s = LoadEntities(file, root, "people", extract::EntityKind::kPerson, r.lexicons); !s.ok()) return s;
      for (auto [key, target] : {std::pair{"verbs", &r.lexicons.cue_verbs}, {"phrases", &r.lexicons.cue_phrases},
                                 {"before_speaker", &r.lexicons.before_speaker}, {"via", &r.lexicons.via},
                                 {"platforms", &r.lexicons.platforms}, {"roles", &r.lexicons.roles},
                                 {"pronouns", &r.lexicons.pronouns}, {"speaker_nouns", &r.lexicons.speaker_nouns},
                                 {"not_names", &r.lexicons.not_names}, {"auxiliaries", &r.lexicons.auxiliaries}}) {
        auto values = Strings(file, root, key);
        if (!values.ok()) return values.status();
        for (auto& v : values.value()) target->push_back(std::move(v));
      }
    }
    // Rule files: rules/<pack>/<name>.yaml with `id:` and `options:`.
    std::vector<fs::path> rule_files;
    for (const auto& e : fs::recursive_directory_iterator(rules_dir, ec)) {
      if (e.path().extension() == ".yaml" && e.path().parent_path().filename() != "lexicons") {
        rule_files.push_back(e.path());
      }
    }
    std::sort(rule_files.begin(), rule_files.end());
    for (const fs::path& file : rule_files) {
      current = file;
      const YAML::Node root = YAML::LoadFile(file.string());
      const std::string expected_id = file.parent_path().filename().string() + "." + file.stem().string();
      if (!root.IsMap() || !root["id"]) return YamlError(file, root.Mark(), "a rule file needs an 'id'");
      const std::string id = root["id"].as<std::string>();
      if (id != expected_id) {
        return YamlError(file, root["id"].Mark(), fmt::format("id '{}' does not match the file's path (expected '{}')", id, expected_id));
      }
      RuleOptions options;
      if (const YAML::Node opts = root["options"]) {
        if (!opts.IsMap()) return YamlError(file, opts.Mark(), "'options' must be a mapping");
        for (const auto& kv : opts) {
          try {
            options.Set(kv.first.as<std::string>(), kv.second.as<double>());
          } catch (const YAML::Exception&) {
            return YamlError(file, kv.second.Mark(), fmt::format("option '{}' must be a number", kv.first.as<std::string>()));
          }
        }
      }
      r.options[id] = std::move(options);
    }
  } catch (const YAML::Exception& e) {
    return YamlError(current, e.mark, e.msg);
  }
  return r;
}

}  // namespace citelint
