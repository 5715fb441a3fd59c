// Every rule's documented examples are executed (the rules' docs cannot rot).
#include <gtest/gtest.h>

#include "checker/checks/register_checks.h"
#include "checker/testing/examples.h"
#include "tests/test_util.h"

namespace citelint {
namespace {

class RuleExamplesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleExamplesTest, ExamplesBehaveAsDocumented) {
  const CheckList checks = AllRules(test::ShippedResources());
  for (const auto& check : checks) {
    if (check->info().id != GetParam()) continue;
    for (const auto& f : testing::RunExamples(*check, test::ShippedResources())) {
      ADD_FAILURE() << f.rule << ": " << f.problem << "\n--- example ---\n" << f.example;
    }
    return;
  }
  FAIL() << "no rule " << GetParam();
}

std::vector<std::string> RuleIds() {
  std::vector<std::string> ids;
  for (const auto& check : AllRules(test::ShippedResources())) ids.emplace_back(check->info().id);
  return ids;
}

INSTANTIATE_TEST_SUITE_P(AllRules, RuleExamplesTest, ::testing::ValuesIn(RuleIds()),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace citelint
