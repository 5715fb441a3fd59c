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

std::vector<std::string> FixtureFiles() { return testing::FixtureFiles((test::SourceDir() / "fixtures").string()); }

class FixtureTest : public ::testing::TestWithParam<std::string> {};

// The same code as `citelint test`.
TEST_P(FixtureTest, FindingsMatchInlineExpectations) {
  const testing::FixtureRun run =
      testing::RunFixture((test::SourceDir() / "fixtures").string(), GetParam(), test::ShippedResources());
  ASSERT_TRUE(run.error.empty()) << run.error;
  for (const std::string& f : run.outcome.failures) ADD_FAILURE() << f;
  EXPECT_GT(run.expectations, 0) << "a fixture must carry at least one expectation";
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
