#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "checker/report/report.h"

namespace citelint::report {
namespace {

TEST(ReportTest, TextHasLocationCaretAndSummary) {
  auto src = std::make_shared<const SourceFile>("a.txt", "first\nsaid “so.”7 end\n");
  std::map<std::string, std::shared_ptr<const SourceFile>> sources{{"a.txt", src}};
  Diagnostic d;
  d.rule = "notes.dangling-marker";
  d.severity = Severity::kError;
  d.path = "a.txt";
  d.span = {6 + 14, 6 + 15};  // the 7 (“ and ” are 3 bytes each)
  d.message = "marker 7 has no matching note";
  std::vector<Diagnostic> ds{d};
  std::ostringstream out;
  WriteText(out, Input{ds, sources, Summary{1, 1, 0}});
  EXPECT_EQ(out.str(),
            "a.txt:2:11: error: marker 7 has no matching note [notes.dangling-marker]\n"
            "said “so.”7 end\n"
            "          ^\n"
            "1 error, 0 warnings and 0 infos in 1 file (1 marker, 0 notes)\n");
}

TEST(ReportTest, JsonIsVersionedWithSummary) {
  auto src = std::make_shared<const SourceFile>("a.md", "x[^n]\n");
  std::map<std::string, std::shared_ptr<const SourceFile>> sources{{"a.md", src}};
  Diagnostic d;
  d.rule = "notes.dangling-marker";
  d.path = "a.md";
  d.span = {1, 5};
  d.message = "m";
  d.marker = "n";
  std::vector<Diagnostic> ds{d};
  std::ostringstream out;
  WriteJson(out, Input{ds, sources, Summary{1, 1, 0}});
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["version"], 1);
  const auto& e = j["diagnostics"][0];
  EXPECT_EQ(e["rule"], "notes.dangling-marker");
  EXPECT_EQ(e["severity"], "error");
  EXPECT_EQ(e["line"], 1);
  EXPECT_EQ(e["column"], 2);
  EXPECT_EQ(e["end_line"], 1);
  EXPECT_EQ(e["end_column"], 6);
  EXPECT_EQ(e["marker"], "n");
  EXPECT_TRUE(e["note"].is_null());
  EXPECT_EQ(j["summary"]["errors"], 1);
  EXPECT_EQ(j["summary"]["markers"], 1);
  EXPECT_EQ(j["summary"]["files"], 1);
}

TEST(ReportTest, CleanRunSaysSo) {
  std::vector<Diagnostic> none;
  std::map<std::string, std::shared_ptr<const SourceFile>> sources;
  std::ostringstream out;
  WriteText(out, Input{none, sources, Summary{2, 28, 9}});
  EXPECT_EQ(out.str(), "no problems found in 2 files (28 markers, 9 notes)\n");
}

// The escaping of @actions/core (packages/core/src/command.ts): data escapes
// %, CR and LF; properties also : and ,. % goes first, so "%0A" in the text
// stays text.
TEST(ReportTest, GithubEscapingFollowsTheToolkit) {
  EXPECT_EQ(EscapeGithubData("50% off\r\nnext: a,b"), "50%25 off%0D%0Anext: a,b");
  EXPECT_EQ(EscapeGithubData("literal %0A"), "literal %250A");
  EXPECT_EQ(EscapeGithubProperty("dir,x/a:b%.md\n"), "dir%2Cx/a%3Ab%25.md%0A");
}

TEST(ReportTest, GithubAndConciseWriteOneLinePerFinding) {
  auto src = std::make_shared<const SourceFile>("a,b.txt", "first\nsaid “so.”7 end\n");
  std::map<std::string, std::shared_ptr<const SourceFile>> sources{{"a,b.txt", src}};
  Diagnostic e;
  e.rule = "notes.dangling-marker";
  e.severity = Severity::kError;
  e.path = "a,b.txt";
  e.span = {6 + 14, 6 + 15};
  e.message = "marker 7 has no matching note: 100%\nreally";
  Diagnostic w = e;
  w.severity = Severity::kWarning;
  w.rule = "quotes.unbalanced";
  Diagnostic i = e;
  i.severity = Severity::kInfo;
  i.rule = "notes.out-of-order";
  std::vector<Diagnostic> ds{e, w, i};
  std::ostringstream gh;
  WriteGithub(gh, Input{ds, sources, Summary{1, 1, 0}});
  EXPECT_EQ(gh.str(),
            "::error title=notes.dangling-marker,file=a%2Cb.txt,line=2,endLine=2,col=11,endColumn=12::"
            "marker 7 has no matching note: 100%25%0Areally\n"
            "::warning title=quotes.unbalanced,file=a%2Cb.txt,line=2,endLine=2,col=11,endColumn=12::"
            "marker 7 has no matching note: 100%25%0Areally\n"
            "::notice title=notes.out-of-order,file=a%2Cb.txt,line=2,endLine=2,col=11,endColumn=12::"
            "marker 7 has no matching note: 100%25%0Areally\n");
  std::ostringstream concise;
  std::vector<Diagnostic> one{e};
  WriteConcise(concise, Input{one, sources, Summary{1, 1, 0}});
  EXPECT_EQ(concise.str(), "a,b.txt:2:11: error: marker 7 has no matching note: 100% really [notes.dangling-marker]\n");
}

TEST(ReportTest, JunitHasASuitePerFileAndFailsAtTheLevel) {
  auto a = std::make_shared<const SourceFile>("a&b.txt", "said \"x\" <y>7\n");
  auto clean = std::make_shared<const SourceFile>("clean.txt", "Fine.\n");
  std::map<std::string, std::shared_ptr<const SourceFile>> sources{{"a&b.txt", a}, {"clean.txt", clean}};
  Diagnostic e;
  e.rule = "notes.dangling-marker";
  e.severity = Severity::kError;
  e.path = "a&b.txt";
  e.span = {12, 13};  // the 7
  e.message = "marker 7 <has> no \"note\"\x01";
  Diagnostic i = e;
  i.severity = Severity::kInfo;
  i.rule = "sources.anonymous";
  i.message = "anonymous";
  std::vector<Diagnostic> ds{e, i};
  std::ostringstream out;
  WriteJunit(out, Input{ds, sources, Summary{2, 1, 0}}, Severity::kWarning);
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"citelint\" tests=\"3\" failures=\"1\" errors=\"0\">\n"
            "  <testsuite name=\"a&amp;b.txt\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
            "    <testcase classname=\"a&amp;b.txt\" name=\"notes.dangling-marker 1:13\" file=\"a&amp;b.txt\" line=\"1\">\n"
            "      <failure type=\"notes.dangling-marker\" message=\"marker 7 &lt;has&gt; no &quot;note&quot;\xEF\xBF\xBD\">"
            "a&amp;b.txt:1:13: error: marker 7 &lt;has&gt; no &quot;note&quot;\xEF\xBF\xBD [notes.dangling-marker]</failure>\n"
            "    </testcase>\n"
            "    <testcase classname=\"a&amp;b.txt\" name=\"sources.anonymous 1:13\" file=\"a&amp;b.txt\" line=\"1\">\n"
            "      <system-out>a&amp;b.txt:1:13: info: anonymous [sources.anonymous]</system-out>\n"
            "    </testcase>\n"
            "  </testsuite>\n"
            "  <testsuite name=\"clean.txt\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
            "    <testcase classname=\"clean.txt\" name=\"citelint\" file=\"clean.txt\"/>\n"
            "  </testsuite>\n"
            "</testsuites>\n");
  std::ostringstream never;
  WriteJunit(never, Input{ds, sources, Summary{2, 1, 0}}, std::nullopt);
  EXPECT_NE(never.str().find("failures=\"0\""), std::string::npos);
  EXPECT_EQ(never.str().find("<failure"), std::string::npos);
}

// A paragraph-long line is cut to a window around the span; the caret stays
// under the span, and wide characters (CJK, emoji) take two cells.
TEST(ReportTest, TextWindowsLongLinesAndAlignsWideCharacters) {
  std::string long_line;
  for (int i = 0; i < 30; ++i) long_line += "Rates rose. ";
  const size_t at = long_line.size() + std::string("The minister said it.").size();
  long_line += "The minister said it.7 ";
  for (int i = 0; i < 20; ++i) long_line += "Bonds fell. ";
  const std::string wide = "Reporter \u6771\u4eac said \U0001F600 \u201c\u6e2f\u306f\u6551\u308f\u308c\u305f\u201d today.7\n";
  auto a = std::make_shared<const SourceFile>("a.txt", long_line + "\n");
  auto b = std::make_shared<const SourceFile>("b.txt", wide);
  std::map<std::string, std::shared_ptr<const SourceFile>> sources{{"a.txt", a}, {"b.txt", b}};
  Diagnostic d;
  d.rule = "notes.dangling-marker";
  d.severity = Severity::kError;
  d.path = "a.txt";
  d.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1)};
  d.message = "m";
  Diagnostic w = d;
  w.path = "b.txt";
  const size_t seven = wide.find(".7") + 1;
  w.span = {static_cast<uint32_t>(seven), static_cast<uint32_t>(seven + 1)};
  std::vector<Diagnostic> ds{d, w};
  std::ostringstream out;
  WriteText(out, Input{ds, sources, Summary{2, 2, 0}});
  const std::string text = out.str();
  // 40 cells before the span, "…" on both sides, 120 cells in all.
  const std::string window = "\u2026 rose. Rates rose. The minister said it.7 Bonds fell.";
  EXPECT_NE(text.find("a.txt:1:" + std::to_string(at + 1) + ": error: m [notes.dangling-marker]\n" + window),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(std::string(" Bonds \u2026\n") + std::string(41, ' ') + "^\n"), std::string::npos) << text;
  // 9 + 4 (two CJK) + 6 + 2 (emoji) + 1 + 1 + 12 (six CJK) + 1 + 7 = 43 cells before the 7.
  EXPECT_NE(text.find(wide + std::string(43, ' ') + "^\n"), std::string::npos) << text;
}

TEST(ReportTest, InputErrorsParseIntoInputRules) {
  const InputError utf8 = ParseInputError("dir/bad.txt:3:14: error: invalid UTF-8 at byte offset 40");
  EXPECT_EQ(utf8.path, "dir/bad.txt");
  EXPECT_EQ(utf8.line, 3);
  EXPECT_EQ(utf8.column, 14);
  EXPECT_EQ(utf8.rule, "input.invalid-utf8");
  EXPECT_EQ(utf8.message, "invalid UTF-8 at byte offset 40");
  const InputError missing = ParseInputError("a:b.txt: error: no such file or directory");
  EXPECT_EQ(missing.path, "a:b.txt");
  EXPECT_EQ(missing.line, 1);
  EXPECT_EQ(missing.rule, "input.missing");
  EXPECT_EQ(ParseInputError("x.bin: error: binary file (contains NUL bytes)").rule, "input.binary");
  EXPECT_EQ(ParseInputError("d.pdf: error: PDF files are not read by citelint (plain text …)").rule,
            "input.unsupported-format");
  EXPECT_EQ(ParseInputError("d: error: is a directory").rule, "input.error");
}

}  // namespace
}  // namespace citelint::report
