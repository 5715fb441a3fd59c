// The YAML rule engine from the outside: broken rule files fail with the
// right path:line:col and exit 2; a house rule in a directory outside the
// repository is loaded, listed, tested and reported without recompiling;
// configuration and suppressions change what is reported.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "checker/engine/config.h"
#include "tests/test_util.h"

namespace citelint {
namespace {

namespace fs = std::filesystem;
using test::RunCitelint;

class RuleEngineTest : public test::TempDirTest {
 protected:
  // Runs `citelint rules --rules <dir>/house` and checks the error.
  void ExpectBrokenRule(const std::string& file_content, int line, int column, const std::string& what) {
    const std::string path = Write("house/house/broken.yaml", file_content);
    const auto r = RunCitelint("rules --rules '" + (dir_ / "house").string() + "'");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    const std::string where = path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: ";
    EXPECT_NE(r.err.find(where), std::string::npos) << "expected " << where << "\ngot: " << r.err;
    EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("^"), std::string::npos) << "a caret under the column: " << r.err;
    // And nothing is checked with a half-loaded rule set.
    const auto check = RunCitelint("check --rules '" + (dir_ / "house").string() + "' '" +
                                   (test::SourceDir() / "fixtures/e2e/clean-glacier-study.txt").string() + "'");
    EXPECT_EQ(check.exit_code, 2);
    EXPECT_EQ(check.out, "");
  }
};

constexpr const char* kHeader = "id: house.broken\nkind: pattern\nmessage: \"m\"\ndescription: \"d\"\n";

// A run finds each file's config through a ConfigFinder, which keeps each
// directory's answer: the same answer as FindConfig, whatever order the
// files come in (the deepest first, then a sibling, then the shallowest).
TEST_F(RuleEngineTest, ConfigFinderAnswersAsFindConfigDoes) {
  const std::string site = Write("site/.citelint.yaml", "profile: default\n");
  const std::string nested = Write("site/a/c/.citelint.yaml", "profile: strict\n");
  const std::vector<std::string> files = {
      Write("site/a/b/deep/doc.md", "x"), Write("site/a/c/doc.md", "x"), Write("site/a/c/d/doc.md", "x"),
      Write("site/a/b/doc.md", "x"),      Write("site/doc.md", "x"),     Write("elsewhere/doc.md", "x")};
  ConfigFinder finder;
  for (const std::string& f : files) EXPECT_EQ(finder.Find(f), FindConfig(f)) << f;
  EXPECT_EQ(finder.Find(files[0]), site);
  EXPECT_EQ(finder.Find(files[1]), nested);
  EXPECT_EQ(finder.Find(files[2]), nested);
  EXPECT_EQ(finder.Find(files[4]), site);
  EXPECT_EQ(finder.Find((dir_ / "site/a/b").string()), site);  // a directory looks in itself first
  EXPECT_EQ(finder.Find((dir_ / "site/a/c").string()), nested);
}

TEST_F(RuleEngineTest, UnknownKey) {
  ExpectBrokenRule(std::string(kHeader) + "patterns: ['x']\nseverityy: error\n", 6, 1,
                   "unknown key 'severityy' (did you mean 'severity'?)");
}

TEST_F(RuleEngineTest, BadRegex) {
  ExpectBrokenRule(std::string(kHeader) + "patterns:\n  - 'ok'\n  - 'a(b'\n", 7, 5, "bad regular expression: missing )");
}

// "\b" in YAML double quotes is a backspace, never meant in a pattern.
TEST_F(RuleEngineTest, BackspaceInAPattern) {
  ExpectBrokenRule(std::string(kHeader) + "patterns: [\"\\bsources said\"]\n", 5, 12,
                   "in double quotes YAML reads \"\\b\" as one; write the pattern in single quotes");
}

// RE2 has no lookaround; the error says so and what to write instead.
TEST_F(RuleEngineTest, LookaroundIsExplained) {
  ExpectBrokenRule(std::string(kHeader) + "patterns: ['sources(?= said)']\n", 5, 12,
                   "RE2 has no lookahead or lookbehind: match the context as part of the pattern, or use an `unless:`");
}

TEST_F(RuleEngineTest, WrongType) {
  ExpectBrokenRule(std::string(kHeader) + "patterns: ['x']\nignorecase: sometimes\n", 6, 13, "'ignorecase' must be true or false");
}

TEST_F(RuleEngineTest, DuplicateId) {
  Write("house/house/first.yaml", "id: house.first\nkind: pattern\nmessage: m\ndescription: d\npatterns: ['x']\n");
  ExpectBrokenRule("id: attribution.vague\nkind: pattern\nmessage: m\ndescription: d\npatterns: ['x']\n", 1, 5,
                   "does not match the file's path");
  ExpectBrokenRule("id: house.broken\nkind: builtin\n", 1, 5, "no built-in check 'house.broken'");
  const std::string path = Write("house2/attribution/vague.yaml",
                                 "id: attribution.vague\nkind: pattern\nmessage: m\ndescription: d\npatterns: ['x']\n");
  const auto r = RunCitelint("rules --rules '" + (dir_ / "house2").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path + ":1:5: error: duplicate rule id 'attribution.vague' (also defined in"), std::string::npos) << r.err;
}

TEST_F(RuleEngineTest, BadPlaceholder) {
  ExpectBrokenRule("id: house.broken\nkind: pattern\nmessage: \"found {speaker}\"\ndescription: d\npatterns: ['x']\n", 3, 10,
                   "unknown placeholder '{speaker}'");
}

TEST_F(RuleEngineTest, UnknownPredicate) {
  ExpectBrokenRule(std::string(kHeader) + "patterns: ['x']\nunless:\n  - inside: table\n", 7, 5,
                   "unknown predicate 'inside: table'");
}

TEST_F(RuleEngineTest, YamlSyntaxError) {
  ExpectBrokenRule(std::string(kHeader) + "patterns: ['x'\n", 6, 1, "error: ");
}

TEST_F(RuleEngineTest, HouseRuleFromConfigIsLoadedListedTestedAndReported) {
  // A newsroom's own rule, outside the repository, named by the config.
  Write("newsroom/house/sources-say.yaml",
        "id: house.sources-say\nkind: pattern\nseverity: error\nscope: sentence\nignorecase: true\n"
        "patterns: ['\\b(sources|insiders) (say|said)\\b']\nmessage: \"“{match}” needs a note\"\n"
        "description: \"House style: every claim from sources cites a note.\"\n"
        "unless:\n  - sentence-has: marker\n"
        "examples:\n  bad: [\"The deal is off, ⟦sources said⟧.\\n\"]\n  good: [\"The deal is off, sources said.1\\n\\n1. Memo\\n\"]\n");
  Write("newsroom/fixtures/house/sources-say/deal.txt",
        "The deal is off, sources said. <!-- expect: house.sources-say @\"sources said\" -->\n"
        "The talks resume, insiders say.1 <!-- expect-not: house.sources-say -->\n\n1. Memo\n");
  Write("desk/.citelint.yaml", "rules: [../newsroom]\n");
  const std::string draft = Write("desk/draft.txt", "The merger is off, sources said.\n");

  const auto listed = RunCitelint("rules --format json --rules '" + (dir_ / "newsroom").string() + "'");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  bool found = false;
  for (const auto& r : nlohmann::json::parse(listed.out)) found |= r["id"] == "house.sources-say";
  EXPECT_TRUE(found);

  const auto tested = RunCitelint("test --rules '" + (dir_ / "newsroom").string() + "' '" +
                                  (dir_ / "newsroom/fixtures").string() + "'");
  EXPECT_EQ(tested.exit_code, 0) << tested.out << tested.err;
  EXPECT_NE(tested.out.find("house.sources-say"), std::string::npos);
  EXPECT_NE(tested.out.find("all passed"), std::string::npos) << tested.out;
  // The fixture directory after `--rules DIR` is read, not swallowed: its one
  // fixture runs, and a fixture whose expectation fails makes the run fail.
  EXPECT_NE(tested.out.find(", 1 fixtures: all passed"), std::string::npos) << tested.out;
  const std::string wrong = Write("newsroom/fixtures/house/sources-say/wrong.txt",
                                  "All is well here. <!-- expect: house.sources-say -->\n");
  const auto failing = RunCitelint("test --rules '" + (dir_ / "newsroom").string() + "' '" +
                                   (dir_ / "newsroom/fixtures").string() + "'");
  EXPECT_EQ(failing.exit_code, 1) << failing.out << failing.err;
  EXPECT_NE(failing.out.find("wrong.txt"), std::string::npos) << failing.out;
  std::filesystem::remove(wrong);

  const auto checked = RunCitelint("check --format json '" + draft + "'");
  EXPECT_EQ(checked.exit_code, 1) << checked.err;
  const auto j = nlohmann::json::parse(checked.out);
  // The house rule, and the shipped sources.anonymous on the same words.
  ASSERT_EQ(j["diagnostics"].size(), 2u) << checked.out;
  EXPECT_EQ(j["diagnostics"][0]["rule"], "house.sources-say");
  EXPECT_EQ(j["diagnostics"][0]["severity"], "error");
  EXPECT_EQ(j["diagnostics"][0]["message"], "“sources said” needs a note");
  EXPECT_EQ(j["diagnostics"][1]["rule"], "sources.anonymous");

  // A failing example makes `citelint test` exit 1.
  Write("newsroom/house/sources-say.yaml",
        "id: house.sources-say\nkind: pattern\nscope: sentence\npatterns: ['sources said']\nmessage: m\n"
        "description: d\nexamples:\n  bad: [\"Nothing here.\\n\"]\n  good: [\"Fine.\\n\"]\n");
  EXPECT_EQ(RunCitelint("test --rules '" + (dir_ / "newsroom").string() + "' '" + (dir_ / "newsroom/fixtures").string() + "'").exit_code, 1);
}

TEST_F(RuleEngineTest, ConfigDisablesOverridesAndIgnores) {
  Write("site/.citelint.yaml",
        "disable: ['attribution.*']\nseverity:\n  notes.unused-note: error\nignore: ['drafts/*']\n");
  const std::string doc = Write("site/a.txt", "Critics say it failed.1\n\nNotes\n1. A\n2. B\n");
  Write("site/drafts/b.txt", "Claim.7\n");
  const auto r = RunCitelint("check --format json '" + (dir_ / "site").string() + "'");
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["diagnostics"].size(), 1u) << r.out;
  EXPECT_EQ(j["diagnostics"][0]["rule"], "notes.unused-note");
  EXPECT_EQ(j["diagnostics"][0]["severity"], "error");
  EXPECT_EQ(j["summary"]["files"], 1);
  EXPECT_EQ(r.exit_code, 1);

  const auto printed = RunCitelint("config --print '" + doc + "'");
  EXPECT_EQ(printed.exit_code, 0) << printed.err;
  EXPECT_NE(printed.out.find("config: " + (dir_ / "site/.citelint.yaml").string()), std::string::npos) << printed.out;
  EXPECT_NE(printed.out.find("off attribution.vague"), std::string::npos) << printed.out;
  EXPECT_NE(printed.out.find(".citelint.yaml:1"), std::string::npos) << printed.out;
  EXPECT_NE(printed.out.find("severity " + (dir_ / "site/.citelint.yaml").string() + ":3"), std::string::npos) << printed.out;

  Write("bad/.citelint.yaml", "disabel: [x]\n");
  const auto bad = RunCitelint("check '" + Write("bad/c.txt", "x\n") + "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find(".citelint.yaml:1:1: error: unknown key 'disabel'"), std::string::npos) << bad.err;
}

TEST_F(RuleEngineTest, SuppressionsInMarkdownAndPlainText) {
  const std::string md = Write("s/a.md",
                               "Claim.[^x]\n\n<!-- citelint-disable-next-line notes.dangling-marker reason=\"print note\" -->\n"
                               "Other.[^y]\n\n[^x]: Note.\n");
  auto j = nlohmann::json::parse(RunCitelint("check --format json '" + md + "'").out);
  EXPECT_EQ(j["diagnostics"].size(), 0u) << j.dump();

  Write("t/.citelint.yaml",
        "suppress:\n  - {path: 'a.txt', line: 'Bonds fell', rule: notes.dangling-marker, reason: 'note 2 is in print'}\n");
  const std::string txt = Write("t/a.txt", "Rates rose.1 Bonds fell.2\n\nNotes\n1. Minutes\n");
  j = nlohmann::json::parse(RunCitelint("check --format json '" + txt + "'").out);
  EXPECT_EQ(j["diagnostics"].size(), 0u) << j.dump();
}

TEST_F(RuleEngineTest, ExplainAndRules) {
  const auto e = RunCitelint("explain attribution.vague");
  EXPECT_EQ(e.exit_code, 0);
  EXPECT_NE(e.out.find("MOS:WEASEL"), std::string::npos);
  EXPECT_NE(e.out.find("bad (txt):"), std::string::npos);
  const auto opts = RunCitelint("explain attribution.mismatch");
  EXPECT_NE(opts.out.find("quote_overlap = 0.5"), std::string::npos) << opts.out;
  EXPECT_EQ(RunCitelint("explain no.such-rule").exit_code, 2);
  const auto rules = RunCitelint("rules");
  EXPECT_NE(rules.out.find("notes.dangling-marker"), std::string::npos);
  EXPECT_NE(rules.out.find("rules/attribution/vague.yaml"), std::string::npos);
}

}  // namespace
}  // namespace citelint
