#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "checker/checks/register_checks.h"
#include "checker/engine/resources.h"
#include "checker/engine/yaml_rule.h"
#include "tests/test_util.h"

namespace citelint {
namespace {

// RunChecks runs the YAML lexicon rules of one scope together (a sentence's
// words made once for all of them): what they report is what each reports
// run alone.
TEST(RegistryTest, LexiconRulesRunTogetherReportWhatEachReportsAlone) {
  const Resources& resources = test::ShippedResources();
  CheckList lexicon;
  for (const auto& check : AllRules(resources)) {
    if (const auto* rule = dynamic_cast<const YamlRule*>(check.get()); rule != nullptr && rule->matches_lexicon()) {
      lexicon.push_back(check);
    }
  }
  ASSERT_GE(lexicon.size(), 2u);
  const Document doc = test::Load(
      "Critics say the bridge is unsafe, officials said. Some observers disagree.\n\n"
      "People familiar with the matter told reporters the plant will shut. \u201cCritics say a lot,\u201d she said.\n\n"
      "Experts believe the deal will close, sources said, and many say it will not.\n",
      Format::kText);
  const Analysis analysis(doc, resources);
  std::vector<Diagnostic> alone;
  for (const auto& check : lexicon) {
    Sink sink(doc, check->info(), alone);
    check->Run(analysis, sink);
  }
  SortDiagnostics(alone);
  const std::vector<Diagnostic> together = RunChecks(analysis, lexicon, resources);
  // What the two shipped rules are written to find here (the vague phrases
  // and the anonymous sources; not "Critics say" inside the quotation).
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"attribution.vague", "Critics say"},      {"sources.anonymous", "officials said"},
      {"attribution.vague", "Some observers"},   {"sources.anonymous", "People familiar with the matter"},
      {"attribution.vague", "Experts believe"},  {"sources.anonymous", "sources said"},
      {"attribution.vague", "many say"}};
  std::vector<std::pair<std::string, std::string>> found;
  for (const Diagnostic& d : together) {
    found.emplace_back(d.rule, std::string(doc.source->bytes().substr(d.span.begin, d.span.size())));
  }
  EXPECT_EQ(found, expected);
  ASSERT_EQ(together.size(), alone.size());
  for (size_t k = 0; k < alone.size(); ++k) {
    EXPECT_EQ(together[k].rule, alone[k].rule) << k;
    EXPECT_EQ(together[k].span.begin, alone[k].span.begin) << k;
    EXPECT_EQ(together[k].span.end, alone[k].span.end) << k;
    EXPECT_EQ(together[k].message, alone[k].message) << k;
  }
}

TEST(RegistryTest, IdsAreUniqueSortedAndDocumented) {
  auto resources = LoadRules(std::string(CITELINT_SOURCE_DIR) + "/rules");
  ASSERT_TRUE(resources.ok()) << resources.status().message();
  const CheckList checks = AllRules(resources.value());
  ASSERT_FALSE(checks.empty());
  std::set<std::string_view> ids;
  std::string_view previous;
  for (const auto& check : checks) {
    const RuleInfo& info = check->info();
    EXPECT_TRUE(ids.insert(info.id).second) << info.id;
    EXPECT_LT(previous, info.id) << "registry must be sorted by id";
    previous = info.id;
    EXPECT_NE(info.id.find('.'), std::string_view::npos) << "ids are pack.name: " << info.id;
    EXPECT_FALSE(info.summary.empty()) << info.id;
    EXPECT_GT(info.description.size(), 40u) << info.id;
    EXPECT_FALSE(info.bad.empty()) << info.id;
    EXPECT_FALSE(info.good.empty()) << info.id;
    EXPECT_TRUE(info.status == "stable" || info.status == "preview" || info.status == "deprecated");
    EXPECT_TRUE(ParseFormat(info.format).has_value()) << info.id;
  }
}

}  // namespace
}  // namespace citelint

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "checker/engine/resources.h"

namespace citelint {
namespace {

// Outlets and people live in rules/lexicons/, never in the C++ code: no
// lexicon name (five letters or more) appears in checker/ as a whole word.
TEST(RegistryTest, NoLexiconNamesInTheCheckerCode) {
  auto resources = LoadRules(std::string(CITELINT_SOURCE_DIR) + "/rules");
  ASSERT_TRUE(resources.ok()) << resources.status().message();
  std::vector<std::string> names;
  for (const auto& e : resources.value().lexicons.entities) {
    names.push_back(e.name);
    for (const auto& a : e.aliases) names.push_back(a);
  }
  std::erase_if(names, [](const std::string& n) { return n.size() < 5; });
  ASSERT_GT(names.size(), 20u);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(CITELINT_SOURCE_DIR) + "/checker")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string code = buffer.str();
    for (const auto& name : names) {
      for (size_t at = code.find(name); at != std::string::npos; at = code.find(name, at + 1)) {
        const bool word_start = at == 0 || !std::isalnum(static_cast<unsigned char>(code[at - 1]));
        const size_t end = at + name.size();
        const bool word_end = end >= code.size() || !std::isalnum(static_cast<unsigned char>(code[end]));
        EXPECT_FALSE(word_start && word_end) << name << " appears in " << entry.path();
      }
    }
  }
}

}  // namespace
}  // namespace citelint
