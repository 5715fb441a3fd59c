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

namespace citelint {
namespace {

// A sieve says yes to every word added (it turns a word away only when the
// set cannot hold it), and no to words whose length or first bytes no added
// word has.
TEST(WordSieveTest, NoWordAddedIsTurnedAway) {
  WordSieve sieve;
  const std::vector<std::string> added = {"critics", "some", "it", "a", "", "people", "reportedly", "officials’",
                                          "an-extraordinarily-long-first-word"};
  for (const auto& w : added) sieve.Add(w);
  for (const auto& w : added) EXPECT_TRUE(sieve.MayHold(w)) << w;
  EXPECT_TRUE(sieve.MayHold("critiqs"));  // same length, same first two bytes: sent on to the set
  EXPECT_FALSE(sieve.MayHold("the"));      // no word of three bytes
  EXPECT_FALSE(sieve.MayHold("critic"));   // nor of six starting "cr"
  EXPECT_FALSE(sieve.MayHold("xylophones"));
  EXPECT_FALSE(WordSieve().MayHold("critics"));  // an empty sieve holds nothing
}

}  // namespace
}  // namespace citelint
