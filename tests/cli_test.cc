// End-to-end tests of the citelint binary: exit codes, formats, input errors,
// directory walking, determinism, and that inputs are never modified.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace citelint {
namespace {

namespace fs = std::filesystem;
using test::RunCitelint;

class CliTest : public test::TempDirTest {
 protected:
  static std::string Q(const std::string& s) { return "'" + s + "'"; }
};

// The rule ids of a JSON report's diagnostics, in order.
std::vector<std::string> rules_of(const std::string& json_report) {
  std::vector<std::string> rules;
  const auto j = nlohmann::json::parse(json_report);
  for (const auto& d : j["diagnostics"]) rules.push_back(d["rule"]);
  return rules;
}

constexpr const char* kClean = "Rates rose.1\n\nNotes\n1. Central bank minutes\n";
constexpr const char* kDangling = "Rates rose.1 Bonds fell.2\n\nNotes\n1. Central bank minutes\n";
constexpr const char* kUnused = "Rates rose.1\n\nNotes\n1. Central bank minutes\n2. Treasury note\n";

TEST_F(CliTest, ExitZeroWhenClean) {
  const auto r = RunCitelint("check " + Q(Write("clean.txt", kClean)));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("no problems found in 1 file (1 marker, 1 note)"), std::string::npos) << r.out;
}

TEST_F(CliTest, ExitOneOnErrorWithClangStyleText) {
  const std::string path = Write("dangling.txt", kDangling);
  const auto r = RunCitelint("check " + Q(path));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(path + ":1:25: error: marker 2 has no matching note [notes.dangling-marker]\n"
                              "Rates rose.1 Bonds fell.2\n"
                              "                        ^\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("1 error, 0 warnings and 0 infos in 1 file"), std::string::npos);
}

TEST_F(CliTest, FailOnLevels) {
  const std::string path = Q(Write("unused.txt", kUnused));
  EXPECT_EQ(RunCitelint("check " + path).exit_code, 0);  // a warning does not fail by default
  EXPECT_EQ(RunCitelint("check --fail-on warning " + path).exit_code, 1);
  EXPECT_EQ(RunCitelint("check --fail-on info " + path).exit_code, 1);
  EXPECT_EQ(RunCitelint("check --fail-on never " + Q(Write("d.txt", kDangling))).exit_code, 0);
  EXPECT_EQ(RunCitelint("check --fail-on error " + Q(Write("d2.txt", kDangling))).exit_code, 1);
}

TEST_F(CliTest, JsonOutput) {
  const std::string path = Write("d.md", "Claim.[^1] Other.[^x]\n\n[^1]: Source.\n[^2]: Spare.\n");
  const auto r = RunCitelint("check --format json " + Q(path));
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["diagnostics"].size(), 2u);
  EXPECT_EQ(j["diagnostics"][0]["rule"], "notes.dangling-marker");
  EXPECT_EQ(j["diagnostics"][0]["marker"], "x");
  EXPECT_EQ(j["diagnostics"][0]["line"], 1);
  EXPECT_EQ(j["diagnostics"][0]["column"], 18);
  EXPECT_EQ(j["diagnostics"][1]["rule"], "notes.unused-note");
  EXPECT_EQ(j["diagnostics"][1]["note"], "2");
  EXPECT_EQ(j["summary"]["files"], 1);
  EXPECT_EQ(j["summary"]["markers"], 2);
  EXPECT_EQ(j["summary"]["notes"], 2);
  EXPECT_EQ(j["summary"]["errors"], 1);
  EXPECT_EQ(j["summary"]["warnings"], 1);
  EXPECT_EQ(j["summary"]["infos"], 0);
}

TEST_F(CliTest, InputErrorsExitTwoAndNameTheFile) {
  const auto missing = RunCitelint("check " + Q((dir_ / "nope.txt").string()));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.txt: error: no such file or directory"), std::string::npos) << missing.err;

  // A few ill-formed bytes in UTF-8 are replaced and said, with line and column; the rest is checked.
  const std::string bad = Write("bad.txt", std::string("caf\xC3\xA9\nbroken \xFF byte\n"));
  const auto utf8 = RunCitelint("check " + Q(bad));
  EXPECT_EQ(utf8.exit_code, 0) << utf8.err;
  EXPECT_NE(utf8.out.find(bad + ":2:8: warning: 1 ill-formed UTF-8 sequence replaced with U+FFFD (the first at line 2, "
                                "column 8)"),
            std::string::npos)
      << utf8.out;
  // Text with no UTF-8 in it but high bytes is a legacy charset (windows-1252 here).
  const std::string legacy = Write("legacy.txt", std::string("Caf\xE9 rose.1 \xA7 5\n\nNotes\n1. Bank\n"));
  const auto cp1252 = RunCitelint("check --format json " + Q(legacy));
  EXPECT_EQ(cp1252.exit_code, 0) << cp1252.err;
  EXPECT_NE(cp1252.out.find("\"message\": \"read as windows-1252; lines and columns count its characters\""),
            std::string::npos)
      << cp1252.out;

  const std::string bin = Write("bin.txt", std::string("\x89PNG\0\0", 6));
  const auto binary = RunCitelint("check " + Q(bin));
  EXPECT_EQ(binary.exit_code, 2);
  EXPECT_NE(binary.err.find("bin.txt: error: binary file"), std::string::npos);

  // Other files are still checked and reported.
  const auto mixed = RunCitelint("check " + Q(Write("d.txt", kDangling)) + " " + Q(bin));
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_NE(mixed.out.find("notes.dangling-marker"), std::string::npos);
}

TEST_F(CliTest, AMistypedCommandIsNamed) {
  const auto r = RunCitelint("chek " + Q(Write("d.txt", kClean)));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("citelint: error: no command 'chek'; did you mean 'check'?"), std::string::npos) << r.err;
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunCitelint("check").exit_code, 2);
  EXPECT_EQ(RunCitelint("check --format xml x.txt").exit_code, 2);
  EXPECT_EQ(RunCitelint("check --fail-on sometimes x.txt").exit_code, 2);
  EXPECT_EQ(RunCitelint("frobnicate").exit_code, 2);
  EXPECT_EQ(RunCitelint("").exit_code, 2);
  EXPECT_EQ(RunCitelint("--help").exit_code, 0);
  EXPECT_EQ(RunCitelint("--version").exit_code, 0);
}

TEST_F(CliTest, StdinWithInputFormat) {
  const auto r = RunCitelint("check --format json --input-format md -", "A.[^1]\n\n[^2]: B.\n");
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["diagnostics"][0]["path"], "<stdin>");
  EXPECT_EQ(j["diagnostics"].size(), 2u);
  const auto txt = RunCitelint("check -", kClean);
  EXPECT_EQ(txt.exit_code, 0);
}

TEST_F(CliTest, DirectoriesAreWalkedRecursivelyInSortedOrder) {
  Write("b/two.md", "X.[^9]\n");
  Write("a/one.txt", kDangling);
  Write("a/deeper/three.html", "<p>Y<sup><a href=\"#fn3\">3</a></sup></p>");
  Write("a/ignored.json", "{}");
  Write(".hidden/four.txt", kDangling);
  const auto r = RunCitelint("check --format json " + Q(dir_.string()));
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["files"], 3);
  std::vector<std::string> paths;
  for (const auto& d : j["diagnostics"]) paths.push_back(d["path"]);
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_NE(paths[0].find("a/deeper/three.html"), std::string::npos);
  EXPECT_NE(paths[1].find("a/one.txt"), std::string::npos);
  EXPECT_NE(paths[2].find("b/two.md"), std::string::npos);
}

TEST_F(CliTest, EndnotesInAnotherFileResolveWhenCheckedTogether) {
  Write("book/chapter.xhtml",
        "<p>One.<a href=\"endnotes.xhtml#note-1\" epub:type=\"noteref\">1</a> "
        "Two.<a href=\"endnotes.xhtml#note-9\" epub:type=\"noteref\">9</a> "
        "See <a href=\"appendix.xhtml#part-2\" epub:type=\"noteref\">2</a></p>");
  Write("book/endnotes.xhtml",
        "<section epub:type=\"endnotes\"><ol><li id=\"note-1\">First.</li><li id=\"note-2\">Spare.</li></ol></section>");
  Write("book/appendix.xhtml", "<section id=\"part-2\"><p>Appendix.</p></section>");
  // A second book with its own endnotes.xhtml: links resolve by path, not by file name.
  Write("book2/chapter.xhtml", "<p>Three.<a href=\"endnotes.xhtml#note-5\" epub:type=\"noteref\">5</a></p>");
  Write("book2/endnotes.xhtml", "<section epub:type=\"endnotes\"><ol><li id=\"note-5\">Fifth.</li></ol></section>");
  const auto r = RunCitelint("check --format json " + Q((dir_ / "book").string()) + " " + Q((dir_ / "book2").string()));
  const auto j = nlohmann::json::parse(r.out);
  std::vector<std::string> found;
  for (const auto& d : j["diagnostics"]) found.push_back(d["rule"].get<std::string>() + " " + d["path"].get<std::string>().substr(dir_.string().size()));
  EXPECT_EQ(found, (std::vector<std::string>{"notes.dangling-marker /book/chapter.xhtml", "notes.unused-note /book/endnotes.xhtml"}));
}

TEST_F(CliTest, DeterministicAndNeverModifiesInputs) {
  const std::string path = Write("seed.txt", test::ReadFile(test::SourceDir() / "fixtures/e2e/openai-microsoft-partnership.txt"));
  const auto before = fs::last_write_time(path);
  const std::string content = test::ReadFile(path);
  const auto a = RunCitelint("check --format json " + Q(path));
  const auto b = RunCitelint("check --format json " + Q(path));
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(RunCitelint("check " + Q(path)).out, RunCitelint("check " + Q(path)).out);
  EXPECT_EQ(test::ReadFile(path), content);
  EXPECT_EQ(fs::last_write_time(path), before);
}

TEST_F(CliTest, FormatsCitelintDoesNotReadAreRefusedUnlessForced) {
  const std::string doc = Write("draft.adoc", "= Draft\n\nClaim.1\n\n1. Note\n");
  const auto refused = RunCitelint("check " + Q(doc));
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find(doc + ": error: AsciiDoc files are not read by citelint"), std::string::npos) << refused.err;
  EXPECT_EQ(RunCitelint("check --input-format txt " + Q(doc)).exit_code, 0);
  // reStructuredText is read, and walked in directories.
  Write("dir/notes.rst", "Claim [1]_ and [2]_.\n\n.. [1] Source.\n");
  const auto rst = RunCitelint("check --format json " + Q((dir_ / "dir").string()));
  EXPECT_EQ(rst.exit_code, 1);
  const auto j = nlohmann::json::parse(rst.out);
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  EXPECT_EQ(j["diagnostics"][0]["rule"], "notes.dangling-marker");
  EXPECT_EQ(j["diagnostics"][0]["marker"], "2");
}

TEST_F(CliTest, StrictProfileAddsTheOptInRules) {
  const std::string path = Write("p.txt", "Claim.1\n\nThe plan was “a floor and not a ceiling for the town.”\n\nNotes\n1. Source\n");
  EXPECT_TRUE(rules_of(RunCitelint("check --format json " + Q(path)).out).empty());
  EXPECT_EQ(rules_of(RunCitelint("check --format json --profile strict " + Q(path)).out),
            std::vector<std::string>{"quotes.unattributed"});
  // The config can select the profile, or enable one rule by name.
  Write(".citelint.yaml", "profile: strict\n");
  EXPECT_EQ(rules_of(RunCitelint("check --format json " + Q(path)).out), std::vector<std::string>{"quotes.unattributed"});
  Write(".citelint.yaml", "enable: [quotes.unattributed]\n");
  EXPECT_EQ(rules_of(RunCitelint("check --format json " + Q(path)).out), std::vector<std::string>{"quotes.unattributed"});
  Write(".citelint.yaml", "profile: loose\n");
  const auto bad = RunCitelint("check " + Q(path));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find(".citelint.yaml:1:10: error: unknown profile 'loose' (profiles: default, strict, publish)"),
            std::string::npos)
      << bad.err;
  const auto explain = RunCitelint("explain figures.uncited");
  EXPECT_NE(explain.out.find("strict profile only"), std::string::npos);
  EXPECT_NE(explain.out.find("measured precision:"), std::string::npos) << explain.out;
}

// The gate before publishing: --profile publish says pass or hold, lists
// what blocks, and exits 1 on hold; a house profile changes what blocks.
TEST_F(CliTest, PublishProfileGivesAVerdict) {
  // A credit the cited note does not bear out (a warning): it holds the draft under publish.
  const std::string unverified = Write("m.txt",
                                       "The Ridge Post reports that the mine reopened.1\n"
                                       "\u201cWe found nothing that would stop us working,\u201d said chief inspector Owen Hale.1\n"
                                       "Sources\n1. Mine reopens \u2014 Ridge Post reports the end of the safety review\n");
  const std::string quote = Write("q.txt", "Claim.1\n\nThe plan was \u201ca floor and not a ceiling for the town.\u201d\n\nNotes\n1. Source\n");
  const std::string unused = Write("u.txt", kUnused);
  const std::string dangling = Write("d.txt", kDangling);

  auto r = RunCitelint("check --profile publish " + Q(unverified));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("verdict: hold (profile publish): 1 finding blocks publishing\n  " + unverified +
                       ":2:79: sentence credits Owen Hale but note 1 is Ridge Post, which neither names Owen Hale nor "
                       "holds the quoted words [attribution.unverified]\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(RunCitelint("check " + Q(unverified)).exit_code, 0);  // a warning: the default profile passes it
  // An error holds it; a warning of another rule, or the strict rules' unattributed quotation, only informs.
  EXPECT_EQ(RunCitelint("check --profile publish " + Q(dangling)).exit_code, 1);
  r = RunCitelint("check --profile publish " + Q(unused) + " " + Q(quote));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("[notes.unused-note]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[quotes.unattributed]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("verdict: pass (profile publish): nothing blocks publishing\n"), std::string::npos) << r.out;
  // --fail-on, when given, decides the exit status as it always does.
  EXPECT_EQ(RunCitelint("check --profile publish --fail-on warning " + Q(unused)).exit_code, 1);
  EXPECT_EQ(RunCitelint("check --profile publish --fail-on never " + Q(dangling)).exit_code, 0);

  // JSON: the verdict, and each finding says whether it blocks.
  r = RunCitelint("check --profile publish --format json " + Q(unverified) + " " + Q(unused) + " " + Q(quote));
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["verdict"]["result"], "hold");
  EXPECT_EQ(j["verdict"]["profile"], "publish");
  EXPECT_EQ(j["verdict"]["blocking"], 1);
  EXPECT_EQ(j["verdict"]["unchecked"], 0);
  std::map<std::string, bool> blocks;
  for (const auto& d : j["diagnostics"]) blocks[d["rule"]] = d["blocking"];
  EXPECT_EQ(blocks, (std::map<std::string, bool>{{"attribution.unverified", true},
                                                 {"notes.unused-note", false},
                                                 {"quotes.unattributed", false}}));
  // Without a gate, no verdict and no "blocking" key: JSON v1 as before.
  const auto plain = nlohmann::json::parse(RunCitelint("check --format json " + Q(unused)).out);
  EXPECT_FALSE(plain.contains("verdict"));
  EXPECT_FALSE(plain["diagnostics"][0].contains("blocking"));
  // A file that cannot be read holds the draft (exit 2: an input error).
  r = RunCitelint("check --profile publish --format json " + Q(unused) + " " + Q((dir_ / "missing.txt").string()));
  EXPECT_EQ(r.exit_code, 2);
  const auto missing = nlohmann::json::parse(r.out);
  EXPECT_EQ(missing["verdict"]["result"], "hold");
  EXPECT_EQ(missing["verdict"]["unchecked"], 1);
  // Markdown (a pull-request comment) heads with the verdict.
  r = RunCitelint("check --profile publish --format markdown " + Q(unused));
  EXPECT_EQ(r.out.rfind("### citelint: pass (profile publish): nothing blocks publishing\n", 0), 0u) << r.out;

  // The editor's report under the gate: held on what blocks, ready when the rest only informs.
  r = RunCitelint("report --profile publish " + Q(unverified));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("<p class=\"banner hold\" role=\"status\">Hold \u2014 "), std::string::npos);
  r = RunCitelint("report --profile publish " + Q(unused));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Ready \u2014 nothing blocks publishing; 1 thing worth a look"), std::string::npos);

  r = RunCitelint("check --profile publsh " + Q(unused));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown profile 'publsh'; did you mean 'publish'? (profiles: default, strict, publish)"),
            std::string::npos)
      << r.err;
}

TEST_F(CliTest, HouseProfilesInTheConfig) {
  const std::string quote = Write("q.txt", "Claim.1\n\nThe plan was \u201ca floor and not a ceiling for the town.\u201d\n\nNotes\n1. Source\n");
  const std::string unused = Write("u.txt", kUnused);
  Write(".citelint.yaml",
        "profile: desk\n"
        "profiles:\n"
        "  desk:\n"
        "    extends: publish\n"
        "    inform: [notes.*]\n"
        "    block: [quotes.unattributed, notes.unused-note]\n");
  auto r = RunCitelint("check " + Q(quote));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("verdict: hold (profile desk): 1 finding blocks publishing"), std::string::npos) << r.out;
  // inform wins over block (and over block_at: a dangling marker is an error).
  r = RunCitelint("check " + Q(unused) + " " + Q(Write("d.txt", kDangling)));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("verdict: pass (profile desk)"), std::string::npos) << r.out;
  // config --print says which profile, what it holds on, and which rules block.
  const auto printed = RunCitelint("config --print " + Q(unused));
  EXPECT_NE(printed.out.find("profile: desk  (" + (dir_ / ".citelint.yaml").string() +
                             ":1); runs the strict rules; a gate: every error, attribution.unverified, "
                             "quotes.unattributed, notes.unused-note hold the draft, never notes.*\n"),
            std::string::npos)
      << printed.out;
  EXPECT_NE(printed.out.find("on  quotes.unattributed              warning  (default; severity default)  blocks\n"),
            std::string::npos)
      << printed.out;
  EXPECT_NE(printed.out.find("on  notes.unused-note                warning  (default; severity default)\n"),
            std::string::npos)
      << printed.out;
  EXPECT_NE(printed.out.find("on  attribution.mismatch             error    (default; severity default)  blocks\n"),
            std::string::npos)
      << printed.out;
  // --profile picks another: the built-in default has no verdict.
  r = RunCitelint("check --profile default " + Q(quote));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.find("verdict:"), std::string::npos) << r.out;

  // Mistakes name the file, line and column.
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"profiles:\n  desk:\n    extends: pubish\n",
       ".citelint.yaml:3:14: error: unknown profile 'pubish'; did you mean 'publish'?"},
      {"profiles:\n  publish:\n    block: [x]\n", ".citelint.yaml:2:3: error: 'publish' is a built-in profile"},
      {"profiles:\n  desk:\n    blocks: [x]\n", ".citelint.yaml:3:5: error: unknown key 'blocks' in a profile; did you mean 'block'?"},
      {"profiles:\n  desk:\n    block_at: fatal\n", ".citelint.yaml:3:15: error: 'block_at' must be error, warning, info or never"},
      {"profiles:\n  desk:\n    runs: all\n", ".citelint.yaml:3:11: error: 'runs' must be default or strict"},
      {"profile: desk\nprofiles:\n  dusk: {extends: publish}\n",
       ".citelint.yaml:1:10: error: unknown profile 'desk'; did you mean 'dusk'?"},
  };
  for (const auto& [config, message] : bad) {
    Write(".citelint.yaml", config);
    r = RunCitelint("check " + Q(unused));
    EXPECT_EQ(r.exit_code, 2) << config;
    EXPECT_NE(r.err.find(message), std::string::npos) << config << "\n" << r.err;
  }
}

// `citelint quotes`: the quote sheet, end to end in text and JSON.
constexpr const char* kSheet =
    "The council met on Monday.\n\n"
    "\u201cWe kept our promise to the islands,\u201d said Odile Brandt.1\n\n"
    "\u201cThe crews deserve better,\u201d a spokeswoman for the union said.2\n\n"
    "The plan is \u201ca quiet triumph.\u201d\n\n"
    "In\u00e8s Varga said \u201cyes.\u201d\n\n"
    "Notes\n"
    "1. Harbour Post, Odile Brandt interview: \u201cWe kept our promise to the islands.\u201d\n"
    "2. Skerry Gazette, union statement\n";

TEST_F(CliTest, QuotesTextSheet) {
  const std::string path = Write("sheet.txt", kSheet);
  const auto r = RunCitelint("quotes " + Q(path));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(path + ":3:2: \u201cWe kept our promise to the islands,\u201d\n"
                              "    speaker: Odile Brandt (person, after-quote at 3:44), cue \u201csaid\u201d\n"
                              "    cited: marker 1 \u2192 note 1, which holds the words\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("    speaker: a spokeswoman (unnamed, named at 5:29), cue \u201csaid\u201d\n"
                       "    cited: marker 2 \u2192 note 2, which does not hold the words\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(path + ":7:14: \u201ca quiet triumph.\u201d\n    speaker: none found\n    cited: no note covers it\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("4 quotations in 1 file, 3 with a speaker"), std::string::npos) << r.out;
  // The words quoted inside a note are the note's, not the draft's.
  EXPECT_EQ(r.out.find(":11:"), std::string::npos) << r.out;
}

TEST_F(CliTest, QuotesJsonSheet) {
  const std::string path = Write("sheet.txt", kSheet);
  const auto r = RunCitelint("quotes --format json " + Q(path));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["quotes"].size(), 4u) << r.out;
  const auto& first = j["quotes"][0];
  EXPECT_EQ(first["path"], path);
  EXPECT_EQ(first["line"], 3);
  EXPECT_EQ(first["column"], 2);
  EXPECT_EQ(first["end_line"], 3);
  EXPECT_EQ(first["end_column"], 37);
  EXPECT_EQ(first["text"], "We kept our promise to the islands,");
  EXPECT_EQ(first["speaker"]["name"], "Odile Brandt");
  EXPECT_EQ(first["speaker"]["kind"], "person");
  EXPECT_EQ(first["speaker"]["via"], "after-quote");
  EXPECT_EQ(first["speaker"]["line"], 3);
  EXPECT_EQ(first["speaker"]["column"], 44);
  EXPECT_EQ(first["cue"], "said");
  EXPECT_EQ(first["marker"], "1");
  EXPECT_EQ(first["note"], "1");
  EXPECT_EQ(first["in_note"], true);
  const auto& unnamed = j["quotes"][1];
  EXPECT_EQ(unnamed["speaker"]["name"], "a spokeswoman");
  EXPECT_EQ(unnamed["speaker"]["kind"], "unnamed");
  EXPECT_EQ(unnamed["note"], "2");
  EXPECT_EQ(unnamed["in_note"], false);
  const auto& none = j["quotes"][2];
  EXPECT_TRUE(none["speaker"].is_null());
  EXPECT_TRUE(none["cue"].is_null());
  EXPECT_TRUE(none["marker"].is_null());
  EXPECT_TRUE(none["note"].is_null());
  // Columns count code points: "Inès" is four.
  const auto& accented = j["quotes"][3];
  EXPECT_EQ(accented["line"], 9);
  EXPECT_EQ(accented["column"], 18);
  EXPECT_EQ(accented["speaker"]["name"], "In\u00e8s Varga");
  EXPECT_EQ(accented["speaker"]["column"], 1);
  // Byte-identical on a second run.
  EXPECT_EQ(RunCitelint("quotes --format json " + Q(path)).out, r.out);
}

TEST_F(CliTest, QuotesInputErrorsExitTwo) {
  const auto r = RunCitelint("quotes " + Q((dir_ / "missing.txt").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos) << r.err;
}

// Traps: `--rules DIR` takes one directory and leaves the paths after it alone;
// nothing to check, or no fixture under a directory named, is an error.
TEST_F(CliTest, RulesFlagTakesOneDirectory) {
  fs::create_directories(dir_ / "house");
  const std::string path = Write("draft.txt", kDangling);
  const auto r = RunCitelint("check --rules " + Q((dir_ / "house").string()) + " " + Q(path));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("[notes.dangling-marker]"), std::string::npos) << r.out;
  const auto twice = RunCitelint("check --rules " + Q((dir_ / "house").string()) + " --rules " +
                                 Q((dir_ / "house").string()) + " " + Q(path));
  EXPECT_EQ(twice.exit_code, 1) << twice.err;
}

TEST_F(CliTest, NothingToCheckIsAnError) {
  fs::create_directories(dir_ / "empty");
  Write("images/photo.jpg", "not a draft");
  for (const std::string& where : {(dir_ / "empty").string(), (dir_ / "images").string()}) {
    const auto r = RunCitelint("check " + Q(where));
    EXPECT_EQ(r.exit_code, 2) << where;
    EXPECT_NE(r.err.find("no files to check"), std::string::npos) << r.err;
  }
  Write("site/.citelint.yaml", "ignore: ['drafts/*']\n");
  Write("site/drafts/a.txt", kDangling);
  EXPECT_EQ(RunCitelint("check " + Q((dir_ / "site").string())).exit_code, 2);
  const auto t = RunCitelint("test " + Q((dir_ / "empty").string()));
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_NE(t.err.find("no fixtures"), std::string::npos) << t.err;
}

TEST_F(CliTest, GithubConciseAndOutputFile) {
  const std::string path = Write("d.txt", kDangling);
  const auto gh = RunCitelint("check --format github " + Q(path));
  EXPECT_EQ(gh.exit_code, 1);
  EXPECT_EQ(gh.out, "::error title=notes.dangling-marker,file=" + path +
                        ",line=1,endLine=1,col=25,endColumn=26::marker 2 has no matching note\n");
  const auto concise = RunCitelint("check --format concise " + Q(path));
  EXPECT_EQ(concise.out, path + ":1:25: error: marker 2 has no matching note [notes.dangling-marker]\n");
  // --output-file: the report goes to the file, the exit status is unchanged.
  const std::string report = (dir_ / "report.txt").string();
  const auto to_file = RunCitelint("check --format concise --output-file " + Q(report) + " " + Q(path));
  EXPECT_EQ(to_file.exit_code, 1);
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(test::ReadFile(report), concise.out);
  // …but never over an input.
  const auto over = RunCitelint("check --output-file " + Q(path) + " " + Q(path));
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_NE(over.err.find("never writes over what it reads"), std::string::npos) << over.err;
  EXPECT_EQ(test::ReadFile(path), kDangling);
}

// Baselines: fingerprints survive lines inserted above, paragraphs moved and
// notes renumbered; a new problem is reported, and only it.
TEST_F(CliTest, BaselineSurvivesRealEdits) {
  const std::string draft = Write("d.txt",
      "Harbour Strike Ends\n"
      "The union voted on Sunday to end the strike.1 Port officials said 2,400 containers were waiting.3\n"
      "Talks lasted eleven days.2\n"
      "Union leader Mara Quint called the deal \u201ca floor, not a ceiling.\u201d4\n"
      "The port reopens on Tuesday, the harbour master said.\n"
      "Notes\n"
      "1. Union vote \u2014 Harbour Gazette reports the result\n"
      "2. Talks timeline \u2014 Valley Courier lists the meetings\n");
  const std::string baseline = (dir_ / "baseline.json").string();
  const auto before = RunCitelint("check --format json " + Q(draft));
  ASSERT_EQ(nlohmann::json::parse(before.out)["diagnostics"].size(), 3u) << before.out;  // anonymous, dangling 3 and 4
  const auto written = RunCitelint("check --write-baseline " + Q(baseline) + " " + Q(draft));
  EXPECT_EQ(written.exit_code, 0) << written.err;  // recording today's findings accepts them
  const auto recorded = nlohmann::json::parse(test::ReadFile(baseline));
  EXPECT_EQ(recorded["version"], 1);
  ASSERT_EQ(recorded["findings"].size(), 3u);
  EXPECT_EQ(recorded["findings"][1]["rule"], "notes.dangling-marker");
  EXPECT_EQ(recorded["findings"][1]["fingerprint"], nlohmann::json::parse(before.out)["diagnostics"][1]["fingerprint"]);

  // Lines inserted above, the last paragraph moved up, a new note 1 and every
  // other marker and note renumbered: the same three problems, now at other
  // lines and under other numbers.
  Write("d.txt",
        "Harbour Strike Ends\n"
        "Updated on Monday with the vote count.\n"
        "By the harbour desk.\n"
        "The port reopens on Tuesday, the harbour master said.\n"
        "The vote was close.1\n"
        "The union voted on Sunday to end the strike.2 Port officials said 2,400 containers were waiting.4\n"
        "Talks lasted eleven days.3\n"
        "Union leader Mara Quint called the deal \u201ca floor, not a ceiling.\u201d5\n"
        "Notes\n"
        "1. Vote count \u2014 Harbour Gazette tally\n"
        "2. Union vote \u2014 Harbour Gazette reports the result\n"
        "3. Talks timeline \u2014 Valley Courier lists the meetings\n");
  const auto edited = RunCitelint("check --format concise " + Q(draft));
  EXPECT_NE(edited.out.find("marker 5 has no matching note"), std::string::npos) << edited.out;
  const auto known = RunCitelint("check --format concise --baseline " + Q(baseline) + " " + Q(draft));
  EXPECT_EQ(known.exit_code, 0) << known.out << known.err;
  EXPECT_EQ(known.out, "");
  EXPECT_NE(known.err.find("3 known findings not shown, 0 no longer found"), std::string::npos) << known.err;

  // A new problem in an edited sentence: reported, and only it.
  Write("d.txt", test::ReadFile(draft).replace(test::ReadFile(draft).find("Talks lasted eleven days.3"),
                                               26, "Talks lasted eleven days.3 Insiders said the mayor stepped in.7"));
  const auto fresh = RunCitelint("check --format json --baseline " + Q(baseline) + " " + Q(draft));
  EXPECT_EQ(fresh.exit_code, 1);
  const auto j = nlohmann::json::parse(fresh.out);
  ASSERT_EQ(j["diagnostics"].size(), 2u) << fresh.out;
  EXPECT_EQ(j["diagnostics"][0]["rule"], "sources.anonymous");
  EXPECT_EQ(j["diagnostics"][1]["rule"], "notes.dangling-marker");
  EXPECT_EQ(j["diagnostics"][1]["marker"], "7");

  // The GitLab report carries the same fingerprints.
  const auto gitlab = nlohmann::json::parse(RunCitelint("check --format gitlab " + Q(draft)).out);
  ASSERT_EQ(gitlab.size(), 5u);
  EXPECT_EQ(gitlab[0]["check_name"], "sources.anonymous");
  EXPECT_EQ(gitlab[0]["severity"], "info");
  EXPECT_EQ(gitlab[0]["location"]["path"], draft);
  EXPECT_EQ(gitlab[0]["location"]["lines"]["begin"], 6);
  EXPECT_EQ(gitlab[0]["fingerprint"], recorded["findings"][0]["fingerprint"]);

  // A broken baseline is an input error naming the file.
  Write("bad.json", "{\"version\": 2}");
  const auto bad = RunCitelint("check --baseline " + Q((dir_ / "bad.json").string()) + " " + Q(draft));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.json: error: invalid baseline"), std::string::npos) << bad.err;
}

// Config mistakes are errors naming the file and line, with "did you mean".
TEST_F(CliTest, ConfigTyposAreErrors) {
  const std::string draft = Write("site/d.txt", kClean);
  const struct {
    const char* config;
    const char* says;
  } cases[] = {
      {"severity:\n  notes.dangling-marker: error\ndisable: [notes.danglng-marker]\n",
       ".citelint.yaml:3: error: no rule matches 'notes.danglng-marker' in disable (did you mean 'notes.dangling-marker'?)"},
      {"enable: ['atribution.*']\n", "no rule matches 'atribution.*' in enable (did you mean 'attribution.*'?)"},
      {"severity: {notes.unused-notes: error}\n", "severity for no rule 'notes.unused-notes' (did you mean 'notes.unused-note'?)"},
      {"options:\n  figures.mismatch:\n    context_windw: 3\n",
       "rule 'figures.mismatch' has no option 'context_windw' (did you mean 'context_window'?)"},
      {"suppress:\n  - {path: d.txt, line: Rates, rule: notes.dangling-marker}\n",
       ".citelint.yaml:2:5: error: a suppression needs a 'reason'"},
  };
  for (const auto& c : cases) {
    Write("site/.citelint.yaml", c.config);
    const auto r = RunCitelint("check " + Q(draft));
    EXPECT_EQ(r.exit_code, 2) << c.config;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
  fs::remove(dir_ / "site/.citelint.yaml");
  Write("site/.citelint.yml", "disable: []\n");
  const auto yml = RunCitelint("check " + Q(draft));
  EXPECT_EQ(yml.exit_code, 2);
  EXPECT_NE(yml.err.find(".citelint.yml: error: citelint reads .citelint.yaml; rename this file"), std::string::npos)
      << yml.err;
}

// `rules`, `explain` and `test` see the house rules of the nearest
// .citelint.yaml, as `check` does; a mistyped rule id gets "did you mean".
TEST_F(CliTest, SubcommandsSeeTheConfigsRules) {
  Write("desk/house/house/sources-say.yaml",
        "id: house.sources-say\nkind: pattern\nseverity: error\nscope: sentence\npatterns: ['sources said']\n"
        "message: needs a note\ndescription: House style.\n"
        "examples:\n  bad: [\"The deal is off, \u27e6sources said\u27e7.\\n\"]\n  good: [\"Fine.\\n\"]\n");
  Write("desk/.citelint.yaml", "rules: [house]\n");
  const auto explained = RunCitelint("explain house.sources-say", "", (dir_ / "desk").string());
  EXPECT_EQ(explained.exit_code, 0) << explained.err;
  EXPECT_NE(explained.out.find("house.sources-say (error, stable)"), std::string::npos) << explained.out;
  const auto listed = RunCitelint("rules", "", (dir_ / "desk").string());
  EXPECT_NE(listed.out.find("house.sources-say"), std::string::npos) << listed.out;
  const auto typo = RunCitelint("explain notes.danglig-marker");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'notes.dangling-marker'?"), std::string::npos) << typo.err;
}

TEST_F(CliTest, SelectIgnoreQuietStatisticsMaxWarnings) {
  // A dangling marker (error), an unused note (warning), an anonymous source (info).
  const std::string path = Write("d.txt", "Officials said rates rose.1 Bonds fell.3\n\nNotes\n1. Central bank minutes\n2. Treasury note\n");
  EXPECT_EQ(rules_of(RunCitelint("check --format json " + Q(path)).out),
            (std::vector<std::string>{"sources.anonymous", "notes.dangling-marker", "notes.unused-note"}));
  EXPECT_EQ(rules_of(RunCitelint("check --format json --select 'notes.*' " + Q(path)).out),
            (std::vector<std::string>{"notes.dangling-marker", "notes.unused-note"}));
  EXPECT_EQ(rules_of(RunCitelint("check --format json --ignore notes.unused-note,sources.anonymous " + Q(path)).out),
            (std::vector<std::string>{"notes.dangling-marker"}));
  EXPECT_EQ(rules_of(RunCitelint("check --format json --quiet " + Q(path)).out),
            (std::vector<std::string>{"notes.dangling-marker"}));
  // --select names rules that exist.
  const auto typo = RunCitelint("check --select notes.unused-notes " + Q(path));
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean 'notes.unused-note'?"), std::string::npos) << typo.err;
  // --statistics: counts per rule, most first, instead of the findings.
  const auto stats = RunCitelint("check --statistics " + Q(path));
  EXPECT_EQ(stats.out,
            "     1  notes.dangling-marker            error\n"
            "     1  notes.unused-note                warning\n"
            "     1  sources.anonymous                info\n");
  EXPECT_EQ(stats.exit_code, 1);
  // --max-warnings: more warnings than N fail, whatever --fail-on says.
  const std::string unused = Q(Write("u.txt", kUnused));
  EXPECT_EQ(RunCitelint("check " + unused).exit_code, 0);
  EXPECT_EQ(RunCitelint("check --max-warnings 0 " + unused).exit_code, 1);
  EXPECT_EQ(RunCitelint("check --max-warnings 1 " + unused).exit_code, 0);
}

// JSON `related`: the note a marker cites and the note that fits (the seed:
// notes 7, 8 and 9 sit on lines 62, 63 and 64).
TEST_F(CliTest, JsonRelatedLocationsNameTheNotes) {
  const auto r = RunCitelint("check --format json " +
                             Q((test::SourceDir() / "fixtures/e2e/openai-microsoft-partnership.txt").string()));
  const auto j = nlohmann::json::parse(r.out);
  int mismatches = 0;
  for (const auto& d : j["diagnostics"]) {
    if (d["rule"] != "attribution.mismatch") continue;
    ++mismatches;
    ASSERT_EQ(d["related"].size(), 2u) << d.dump();
    const int cited = std::stoi(d["note"].get<std::string>()), fits = std::stoi(d["suggest"].get<std::string>());
    EXPECT_EQ(d["related"][0]["line"], 55 + cited) << d.dump();
    EXPECT_EQ(d["related"][0]["message"], "note " + std::to_string(cited));
    EXPECT_EQ(d["related"][1]["line"], 55 + fits) << d.dump();
    EXPECT_EQ(d["related"][1]["message"], "note " + std::to_string(fits) + ", the note that fits");
  }
  EXPECT_EQ(mismatches, 3);
  // The rotation (marker 7 on line 28) also points at its other markers, 8 and 9.
  bool rotation = false;
  for (const auto& d : j["diagnostics"]) {
    if (d["rule"] != "attribution.rotated-notes") continue;
    rotation = true;
    ASSERT_EQ(d["related"].size(), 4u) << d.dump();
    EXPECT_EQ(d["related"][2]["line"], 34);
    EXPECT_EQ(d["related"][2]["message"], "marker 8, which should cite note 9");
    EXPECT_EQ(d["related"][3]["line"], 38);
    EXPECT_EQ(d["related"][3]["message"], "marker 9, which should cite note 7");
  }
  EXPECT_TRUE(rotation);
  // A finding with no note to point at has an empty list.
  const auto clean = nlohmann::json::parse(RunCitelint("check --format json " + Q(Write("d.txt", kDangling))).out);
  EXPECT_TRUE(clean["diagnostics"][0]["related"].empty());
}

// Input errors are JSON diagnostics (input.*) as well as stderr lines.
TEST_F(CliTest, JsonListsInputErrors) {
  const std::string good = Write("good.txt", kClean);
  const std::string binary = Write("bin.txt", std::string("a\0b", 3));
  const auto r = RunCitelint("check --format json " + Q((dir_ / "missing.txt").string()) + " " + Q(binary) + " " + Q(good));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bin.txt: error: binary file"), std::string::npos) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["diagnostics"].size(), 2u) << r.out;
  // Sorted by the file they name, not in argument order.
  EXPECT_EQ(j["diagnostics"][0]["rule"], "input.binary");
  EXPECT_EQ(j["diagnostics"][0]["severity"], "error");
  EXPECT_EQ(j["diagnostics"][1]["rule"], "input.missing");
  EXPECT_EQ(j["diagnostics"][1]["path"], (dir_ / "missing.txt").string());
  EXPECT_EQ(j["summary"]["input_errors"], 2);
  EXPECT_EQ(j["summary"]["files"], 1);
}

// Glob patterns (expanded by citelint), --stdin-filename and --force-exclude.
TEST_F(CliTest, GlobsStdinFilenameAndForceExclude) {
  Write("docs/top.md", "Claim.[^x]\n");
  Write("docs/a/x.md", "Claim.[^y]\n");
  Write("docs/a/b/y.md", "Claim.[^z]\n");
  Write("docs/a/n.txt", kDangling);
  auto paths_of = [](const std::string& out) {
    std::set<std::string> paths;
    const auto j = nlohmann::json::parse(out);
    for (const auto& d : j["diagnostics"]) paths.insert(d["path"].get<std::string>());
    return paths;
  };
  const std::string docs = (dir_ / "docs").string();
  EXPECT_EQ(paths_of(RunCitelint("check --format json " + Q(docs + "/**/*.md")).out),
            (std::set<std::string>{docs + "/top.md", docs + "/a/x.md", docs + "/a/b/y.md"}));
  EXPECT_EQ(paths_of(RunCitelint("check --format json " + Q(docs + "/*.md")).out), (std::set<std::string>{docs + "/top.md"}));
  EXPECT_EQ(paths_of(RunCitelint("check --format json " + Q(docs + "/a/*.[mt]*")).out),
            (std::set<std::string>{docs + "/a/x.md", docs + "/a/n.txt"}));
  const auto none = RunCitelint("check " + Q(docs + "/**/*.rst"));
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("no document matches this pattern"), std::string::npos) << none.err;

  // Standard input read as Markdown, reported under the name given.
  const auto in = RunCitelint("check --format concise --stdin-filename docs/new.md -", "Claim.[^1] Other.[^x]\n\n[^1]: Source.\n");
  EXPECT_EQ(in.out, "docs/new.md:1:18: error: marker x has no matching note [notes.dangling-marker]\n");

  // ignore: skips walked files; --force-exclude skips named ones too.
  Write("docs/.citelint.yaml", "ignore: ['a/*']\n");
  const std::string named = Q(docs + "/a/x.md");
  EXPECT_EQ(RunCitelint("check " + named).exit_code, 1);
  EXPECT_EQ(RunCitelint("check --force-exclude " + named).exit_code, 2);  // nothing left to check
  EXPECT_EQ(RunCitelint("check --force-exclude " + named + " " + Q(docs + "/top.md")).exit_code, 1);
}

// --jobs: the same bytes whatever the number of threads.
TEST_F(CliTest, OutputIsTheSameForEveryJobCount) {
  for (int n = 0; n < 24; ++n) {
    const std::string body = "Rates rose " + std::to_string(n) + " percent.1 Officials said bonds fell.2 Talks end.9\n\n"
                             "Notes\n1. Central bank minutes\n2. Treasury note\n3. Spare note\n";
    Write("many/d" + std::to_string(100 + n) + (n % 2 ? ".txt" : ".md"), body);
  }
  const std::string dir = Q((dir_ / "many").string());
  const auto one = RunCitelint("check --format json --jobs 1 " + dir);
  ASSERT_EQ(one.exit_code, 1);
  EXPECT_GE(nlohmann::json::parse(one.out)["diagnostics"].size(), 48u);
  EXPECT_EQ(RunCitelint("check --format json --jobs 4 " + dir).out, one.out);
  EXPECT_EQ(RunCitelint("check --format json -j 3 " + dir).out, one.out);
  EXPECT_EQ(RunCitelint("check --format json " + dir).out, one.out);
  EXPECT_EQ(RunCitelint("check --jobs 0 " + dir).exit_code, 2);  // a usage error
}

TEST_F(CliTest, ColorAlwaysNeverAndPipes) {
  const std::string path = Q(Write("d.txt", kDangling));
  EXPECT_NE(RunCitelint("check --color always " + path).out.find("\x1b[1;31merror:\x1b[0m"), std::string::npos);
  EXPECT_EQ(RunCitelint("check --color never " + path).out.find('\x1b'), std::string::npos);
  EXPECT_EQ(RunCitelint("check " + path).out.find('\x1b'), std::string::npos);  // auto, into a pipe
  EXPECT_EQ(RunCitelint("check --color sometimes " + path).exit_code, 2);
}

}  // namespace
}  // namespace citelint

namespace citelint {
namespace {

// A swap of two notes, a dangling marker and a hostile HTML draft.
constexpr const char* kSwapped =
    "Ferry budget\n"
    "\u201cWe will keep every route open,\u201d Mara Quint said.1 The Valley Courier reported that "
    "\u201cthe budget is a floor, not a ceiling.\u201d2 Crews were tired.3\n"
    "Notes\n"
    "1. Budget debate \u2014 Valley Courier reports \u201cthe budget is a floor, not a ceiling.\u201d\n"
    "2. @maraquint on X \u2014 Mara Quint: \u201cWe will keep every route open.\u201d\n";

TEST_F(CliTest, ReportIsOnePageWithVerdictCardsAndNotes) {
  const std::string path = Write("ferry.txt", kSwapped);
  const std::string out = (dir_ / "report.html").string();
  const auto r = RunCitelint("report " + Q(path) + " -o " + Q(out));
  EXPECT_EQ(r.exit_code, 1) << r.err;  // errors: the verdict is Hold
  const std::string html = test::ReadFile(out);
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("Hold \u2014 2 citations point at the wrong source"), std::string::npos) << html.substr(0, 3000);
  EXPECT_NE(html.find("note missing: <strong>1</strong>"), std::string::npos);
  // Marker 1's card: the note it cites, the one it should cite, and the fix.
  const size_t card = html.find("aria-label=\"Marker 1, line 2\"");
  ASSERT_NE(card, std::string::npos);
  const std::string body = html.substr(card, html.find("Back to the text", card) - card);
  EXPECT_NE(body.find("<h4>Cites note 1</h4>"), std::string::npos) << body;
  EXPECT_NE(body.find("<h4>Should cite note 2</h4>"), std::string::npos) << body;
  EXPECT_NE(body.find("Fix: change 1 to 2"), std::string::npos) << body;
  EXPECT_NE(body.find("<strong>Credits:</strong> Mara Quint"), std::string::npos) << body;
  // The swap is one slip, and a ring in the diagram.
  EXPECT_NE(html.find("One slip, 2 citations:</strong> markers"), std::string::npos);
  EXPECT_NE(html.find("marker 1 (l. 2)"), std::string::npos);
  // Marker 3 cites nothing; the notes table and the quote sheet are there.
  EXPECT_NE(html.find("no note: there is no note 3"), std::string::npos);
  EXPECT_NE(html.find("<h2>Notes</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>Quote sheet</h2>"), std::string::npos);
  EXPECT_NE(html.find("id=\"rule-attribution.mismatch\""), std::string::npos);
  // Deterministic, and it never writes over an input.
  EXPECT_EQ(RunCitelint("report " + Q(path)).out, html);
  const auto over = RunCitelint("report " + Q(path) + " -o " + Q(path));
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_EQ(test::ReadFile(path), kSwapped);
}

TEST_F(CliTest, ReportKeepsAHostileDraftInert) {
  const std::string path = Write(
      "hostile.html",
      "<p>Officials said it.<sup><a href=\"#fn1\">1</a></sup> <img src=x onerror=\"alert(1)\"> "
      "&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt; <a href=\"javascript:alert(3)\">x</a></p>"
      "<script>alert(4)</script><ol><li id=\"fn1\"><a href=\"javascript:alert(5)\">Gazette</a> "
      "<span onmouseover=\"alert(6)\">reports</span> it</li></ol>");
  const auto r = RunCitelint("report " + Q(path));
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_EQ(r.out.find("<script"), std::string::npos);
  EXPECT_EQ(r.out.find("javascript:"), std::string::npos);
  EXPECT_EQ(r.out.find("onerror"), std::string::npos);
  EXPECT_EQ(r.out.find("onmouseover"), std::string::npos);
  // The draft's text, escaped, is shown as text.
  EXPECT_NE(r.out.find("&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
}

TEST_F(CliTest, ReportOfManyDraftsHasAnIndex) {
  Write("a/ferry.txt", kSwapped);
  Write("a/clean.txt", kClean);
  const auto r = RunCitelint("report " + Q((dir_ / "a").string()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("<table class=\"index\">"), std::string::npos);
  EXPECT_NE(r.out.find("Ready \u2014 no citation problems found"), std::string::npos);
  EXPECT_NE(r.out.find("id=\"d1\""), std::string::npos);
  const auto clean = RunCitelint("report " + Q((dir_ / "a" / "clean.txt").string()));
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(RunCitelint("report " + Q((dir_ / "missing.txt").string())).exit_code, 2);
}

TEST_F(CliTest, MarkdownSummary) {
  const std::string path = Write("ferry.txt", kSwapped);
  const auto r = RunCitelint("check --format markdown " + Q(path));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("### citelint: Hold \u2014 2 citations point at the wrong source\n\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("| wrong source | 2 |\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| note missing | 1 |\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Change 1 to 2: make marker 1 cite note 2."), std::string::npos) << r.out;
  // Markdown that could open markup in a comment is escaped.
  EXPECT_NE(r.out.find("<sub>attribution.mismatch</sub>"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace citelint
