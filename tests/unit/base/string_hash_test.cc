#include "checker/base/string_hash.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace citelint {
namespace {

TEST(FlatStringMapTest, FindsWhatWasInsertedAndNothingElse) {
  FlatStringMap<int> map;
  EXPECT_EQ(map.find("said"), nullptr);  // an empty map has no table yet
  EXPECT_TRUE(map.empty());
  for (int i = 0; i < 10000; ++i) {
    const auto [value, inserted] = map.try_emplace("word" + std::to_string(i), i);
    EXPECT_TRUE(inserted);
    EXPECT_EQ(*value, i);
  }
  EXPECT_EQ(map.size(), 10000u);
  for (int i = 0; i < 10000; ++i) {
    const int* value = map.find("word" + std::to_string(i));
    ASSERT_NE(value, nullptr) << i;
    EXPECT_EQ(*value, i);
  }
  EXPECT_EQ(map.find("word10000"), nullptr);
  EXPECT_EQ(map.find("word"), nullptr);
  EXPECT_EQ(map.find(""), nullptr);
  EXPECT_EQ(map.count("word42"), 1u);
  EXPECT_FALSE(map.contains("Word42"));  // keys compare byte for byte
}

TEST(FlatStringMapTest, KeepsTheFirstValueOfAKey) {
  FlatStringMap<std::vector<size_t>> map;
  map["according"].push_back(1);
  map["according"].push_back(2);
  const auto [value, inserted] = map.try_emplace("according", std::vector<size_t>{9});
  EXPECT_FALSE(inserted);
  EXPECT_EQ(*value, (std::vector<size_t>{1, 2}));
  EXPECT_EQ(map.size(), 1u);
}

TEST(FlatStringMapTest, AsASetOfWords) {
  FlatStringSet set;
  EXPECT_TRUE(set.insert("spokeswoman"));
  EXPECT_FALSE(set.insert("spokeswoman"));
  EXPECT_TRUE(set.insert(""));  // the empty string is a key like another
  EXPECT_TRUE(set.contains(""));
  EXPECT_TRUE(set.contains("spokeswoman"));
  EXPECT_FALSE(set.contains("spokesman"));
  // Keys longer than a hash's eight-byte steps, and ones that differ only past them.
  EXPECT_TRUE(set.insert("a-long-word-of-many-bytes-1"));
  EXPECT_TRUE(set.insert("a-long-word-of-many-bytes-2"));
  EXPECT_TRUE(set.contains("a-long-word-of-many-bytes-1"));
  EXPECT_FALSE(set.contains("a-long-word-of-many-bytes-3"));
  EXPECT_EQ(set.size(), 4u);
}

}  // namespace
}  // namespace citelint
