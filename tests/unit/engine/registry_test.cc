#include <gtest/gtest.h>

#include <set>

#include "checker/checks/register_checks.h"

namespace citelint {
namespace {

TEST(RegistryTest, IdsAreUniqueSortedAndDocumented) {
  const CheckList checks = BuiltinChecks();
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
