#include "checker/base/text_ref.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

namespace citelint {
namespace {

// A TextRef cannot be made from a std::string (its bytes would go with it).
static_assert(!std::is_constructible_v<TextRef, std::string>);
static_assert(!std::is_constructible_v<TextRef, const std::string&>);
static_assert(!std::is_constructible_v<TextRef, std::string_view>);
static_assert(!std::is_assignable_v<TextRef&, std::string>);

TEST(TextArenaTest, KeptTextStaysPutWhileTheArenaGrows) {
  TextArena arena;
  std::vector<TextRef> kept;
  std::vector<std::string> expected;
  // Many small strings (every chunk filled and a new one begun) and a few
  // larger than any chunk.
  for (int i = 0; i < 20000; ++i) {
    std::string s = i % 5000 == 4999 ? std::string(100000, static_cast<char>('a' + i % 26)) : "note " + std::to_string(i);
    kept.push_back(arena.Keep(s));
    expected.push_back(std::move(s));  // the original is gone from `s`: the arena has its own copy
  }
  ASSERT_EQ(kept.size(), expected.size());
  for (size_t i = 0; i < kept.size(); ++i) ASSERT_EQ(std::string_view(kept[i]), expected[i]) << i;
  // Each a copy, not a view of the argument.
  std::string changing = "before";
  const TextRef copy = arena.Keep(changing);
  changing[0] = 'X';
  EXPECT_EQ(copy, "before");
}

TEST(TextArenaTest, EmptyLiteralAndConcatenation) {
  TextArena arena;
  EXPECT_TRUE(arena.Keep("").empty());
  const TextRef literal = "7";
  EXPECT_EQ(literal, "7");
  EXPECT_EQ(literal.size(), 1u);
  const TextRef label = arena.Keep(std::string("12"));
  EXPECT_EQ("note " + label, "note 12");
  EXPECT_EQ(label + " and " + literal, "12 and 7");
  EXPECT_EQ(std::string(label), "12");
}

TEST(TextArenaTest, KeepAllKeepsAListOfStrings) {
  TextArena arena;
  EXPECT_TRUE(arena.KeepAll({}).empty());
  std::vector<TextRefList> lists;
  for (int i = 0; i < 3000; ++i) {
    arena.Keep(std::string(static_cast<size_t>(i % 7), 'x'));  // leaves the arena at odd offsets
    lists.push_back(arena.KeepAll({"https://a.example/" + std::to_string(i), "b" + std::to_string(i)}));
  }
  for (int i = 0; i < 3000; ++i) {
    ASSERT_EQ(lists[static_cast<size_t>(i)].size(), 2u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(lists[static_cast<size_t>(i)].begin()) % alignof(TextRef), 0u);
    EXPECT_EQ(lists[static_cast<size_t>(i)][0], "https://a.example/" + std::to_string(i));
    EXPECT_EQ(lists[static_cast<size_t>(i)][1], "b" + std::to_string(i));
  }
}

}  // namespace
}  // namespace citelint
