// Runs every fixture under fixtures/ against its inline expectations.
// fixtures/<pack>/<name>/ runs rule <pack>.<name> alone; fixtures/e2e/ runs
// every rule, and every finding must be claimed by an annotation.
#include <gtest/gtest.h>

#include <filesystem>

#include "checker/checks/register_checks.h"
#include "checker/testing/fixture.h"
#include "tests/test_util.h"

namespace citelint {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> FixtureFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(test::SourceDir() / "fixtures")) {
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), test::SourceDir() / "fixtures").string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class FixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureTest, FindingsMatchInlineExpectations) {
  const fs::path rel = GetParam();
  const fs::path path = test::SourceDir() / "fixtures" / rel;
  const Format format = FormatForPath(path.string());
  const testing::Fixture fixture = testing::ParseFixture(test::ReadFile(path), format);
  auto source = std::make_shared<const SourceFile>(rel.string(), fixture.source);
  auto doc = LoadDocument(source, format);
  ASSERT_TRUE(doc.ok()) << doc.status().message();

  const std::string pack = rel.begin()->string();
  const std::string rule = pack == "e2e" ? "" : pack + "." + std::next(rel.begin())->string();
  CheckList all = rule.empty() ? DefaultChecks(test::ShippedResources(), false) : AllRules(test::ShippedResources());
  CheckList selected;
  for (auto& check : all) {
    if (rule.empty() || check->info().id == rule) selected.push_back(std::move(check));
  }
  ASSERT_FALSE(selected.empty()) << "fixture folder names no rule: " << rel;
  const auto findings = RunChecks(*doc, selected, test::ShippedResources());
  const testing::Outcome outcome = testing::Match(fixture, *source, findings);
  for (const std::string& f : outcome.failures) ADD_FAILURE() << f;
  EXPECT_GT(outcome.true_positives + static_cast<int>(fixture.expectations.size()), 0)
      << "a fixture must carry at least one expectation";
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTest, ::testing::ValuesIn(FixtureFiles()), [](const auto& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
});

TEST(FixtureLayoutTest, EveryRuleHasAFixtureFolder) {
  for (const auto& check : AllRules(test::ShippedResources())) {
    const std::string id(check->info().id);
    const fs::path dir = test::SourceDir() / "fixtures" / id.substr(0, id.find('.')) / id.substr(id.find('.') + 1);
    EXPECT_TRUE(fs::is_directory(dir)) << "missing fixture folder " << dir;
  }
}

}  // namespace
}  // namespace citelint
