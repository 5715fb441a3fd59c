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

}  // namespace
}  // namespace citelint::report
