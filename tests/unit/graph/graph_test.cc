// The citation graph on the seed: exactly the three rotated citations are
// wrong, the JSON export is well-formed and the DOT export renders.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "checker/engine/check.h"
#include "checker/testing/fixture.h"
#include "tests/test_util.h"

namespace citelint {
namespace {

Document SeedDocument() {
  const auto path = test::SourceDir() / "fixtures/e2e/openai-microsoft-partnership.txt";
  const testing::Fixture f = testing::ParseFixture(test::ReadFile(path), Format::kText);
  return test::Load(f.source, Format::kText, "seed.txt");
}

TEST(GraphTest, SeedHasThreeWrongCitesEdgesAndOneRotation) {
  const Document doc = SeedDocument();
  const Analysis analysis(doc, test::ShippedResources(), /*graph_nodes=*/true);
  std::ostringstream json;
  analysis.graph().WriteJson(json);
  const auto j = nlohmann::json::parse(json.str());
  EXPECT_EQ(j["version"], 1);
  std::vector<std::pair<std::string, std::string>> wrong, should;
  std::map<std::string, std::string> claim_line;
  for (const auto& n : j["nodes"]) {
    if (n["kind"] == "claim") claim_line[n["id"]] = std::to_string(n["line"].get<int>());
  }
  for (const auto& e : j["edges"]) {
    if (e["wrong"].get<bool>()) wrong.push_back({claim_line[e["from"]], e["to"]});
    if (e["kind"] == "should-cite") should.push_back({claim_line[e["from"]], e["to"]});
  }
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(wrong, (Pairs{{"28", "note:7"}, {"34", "note:8"}, {"38", "note:9"}}));
  EXPECT_EQ(should, (Pairs{{"28", "note:8"}, {"34", "note:9"}, {"38", "note:7"}}));
  const auto cycles = analysis.graph().MismatchCycles();
  ASSERT_EQ(cycles.size(), 1u);
  std::vector<std::string> labels;
  for (int n : cycles[0]) labels.push_back(doc.notes[n].label);
  EXPECT_EQ(labels, (std::vector<std::string>{"7", "8", "9"}));
}

// A check keeps no nodes or edges (they are for citelint graph), and its
// graph answers the same: every credit and the rotation.
TEST(GraphTest, WithoutNodesTheQueriesAnswerTheSame) {
  const Document doc = SeedDocument();
  const Analysis with(doc, test::ShippedResources(), /*graph_nodes=*/true);
  const Analysis without(doc, test::ShippedResources());
  const auto& a = with.graph().credits();
  const auto& b = without.graph().credits();
  ASSERT_EQ(a.size(), b.size());
  size_t mismatches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].verdict, b[i].verdict) << "claim " << i;
    EXPECT_EQ(a[i].cited, b[i].cited) << "claim " << i;
    EXPECT_EQ(a[i].suggested, b[i].suggested) << "claim " << i;
    mismatches += b[i].verdict == graph::Verdict::kMismatch;
  }
  EXPECT_EQ(mismatches, 3u);
  EXPECT_EQ(with.graph().MismatchCycles(), without.graph().MismatchCycles());
  std::ostringstream json;
  without.graph().WriteJson(json);
  const auto j = nlohmann::json::parse(json.str());
  EXPECT_TRUE(j["nodes"].empty());
  EXPECT_TRUE(j["edges"].empty());
}

TEST(GraphTest, CommandExportsDotThatGraphvizRenders) {
  const std::string seed = (test::SourceDir() / "fixtures/e2e/openai-microsoft-partnership.txt").string();
  const auto r = test::RunCitelint("graph '" + seed + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("digraph citations {", 0), 0u);
  size_t red = 0;
  for (size_t at = r.out.find(", color=red"); at != std::string::npos; at = r.out.find(", color=red", at + 1)) ++red;
  EXPECT_EQ(red, 3u);
  // Graphviz must accept it (ci/install-deps installs graphviz).
  const auto dot = std::filesystem::temp_directory_path() / "citelint-seed.dot";
  std::ofstream(dot) << r.out;
  EXPECT_EQ(std::system(("dot -Tsvg '" + dot.string() + "' -o /dev/null").c_str()), 0);
  const auto json = test::RunCitelint("graph --format json '" + seed + "'");
  ASSERT_EQ(json.exit_code, 0);
  const auto parsed = nlohmann::json::parse(json.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(parsed.is_discarded());
  EXPECT_EQ(parsed["edges"].size(), nlohmann::json::parse(json.out)["edges"].size());
}

}  // namespace
}  // namespace citelint
