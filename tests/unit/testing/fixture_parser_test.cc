#include <gtest/gtest.h>

#include "checker/testing/fixture.h"

namespace citelint::testing {
namespace {

TEST(FixtureParserTest, ParsesKindsAnchorsAndMessagesAndStripsText) {
  const Fixture f = ParseFixture(
      "Line one.7 <!-- expect: attribution.mismatch @\"7\" ~\"note 8\" -->\n"
      "Line two. <!-- expect-not: notes.dangling-marker --> <!-- todo-expect: quotes.x -->\n"
      "<!-- expect-doc: notes.unused-note -->\n",
      Format::kText);
  ASSERT_EQ(f.expectations.size(), 4u);
  EXPECT_EQ(f.expectations[0].kind, ExpectKind::kExpect);
  EXPECT_EQ(f.expectations[0].rule, "attribution.mismatch");
  EXPECT_EQ(f.expectations[0].line, 1);
  EXPECT_EQ(*f.expectations[0].anchor, "7");
  EXPECT_EQ(*f.expectations[0].message, "note 8");
  EXPECT_EQ(f.expectations[1].kind, ExpectKind::kExpectNot);
  EXPECT_EQ(f.expectations[2].kind, ExpectKind::kTodoExpect);
  EXPECT_EQ(f.expectations[3].kind, ExpectKind::kExpectDoc);
  EXPECT_EQ(f.expectations[3].line, 0);
  EXPECT_EQ(f.source, "Line one.7\nLine two.\n\n");
  EXPECT_TRUE(f.errors.empty());
}

TEST(FixtureParserTest, MarkdownKeepsComments) {
  const Fixture f = ParseFixture("A.[^1] <!-- expect: notes.dangling-marker -->\n", Format::kMarkdown);
  EXPECT_EQ(f.source, "A.[^1] <!-- expect: notes.dangling-marker -->\n");
}

TEST(FixtureParserTest, MalformedAnnotationIsAnError) {
  const Fixture f = ParseFixture("x <!-- expect: rule.id @\"open -->\n", Format::kText);
  EXPECT_EQ(f.errors.size(), 1u);
}

Diagnostic Finding(const std::string& rule, uint32_t begin, const std::string& message = "m") {
  Diagnostic d;
  d.rule = rule;
  d.span = {begin, begin + 1};
  d.message = message;
  return d;
}

TEST(FixtureMatchTest, UnclaimedFindingsAndMissesFail) {
  const Fixture f = ParseFixture("ab7 <!-- expect: r.x @\"7\" -->\ncd\n", Format::kText);
  SourceFile src("f.txt", f.source);
  EXPECT_TRUE(Match(f, src, {Finding("r.x", 2)}).ok());
  EXPECT_FALSE(Match(f, src, {Finding("r.x", 1)}).ok());                         // wrong column
  EXPECT_FALSE(Match(f, src, {}).ok());                                          // missed
  EXPECT_FALSE(Match(f, src, {Finding("r.x", 2), Finding("r.y", 5)}).ok());       // unexpected
  const Outcome o = Match(f, src, {Finding("r.x", 2), Finding("r.y", 5)});
  EXPECT_EQ(o.true_positives, 1);
  EXPECT_EQ(o.false_positives, 1);
}

TEST(FixtureMatchTest, TodoAndExpectNot) {
  const Fixture f = ParseFixture(
      "a <!-- todo-expect: r.x -->\nb <!-- expect-not: r.y -->\nc <!-- todo-expect-not: r.z -->\n", Format::kText);
  SourceFile src("f.txt", f.source);
  const Outcome o = Match(f, src, {Finding("r.z", 4)});
  EXPECT_TRUE(o.ok());
  EXPECT_EQ(o.todo, 2);
  EXPECT_FALSE(Match(f, src, {Finding("r.y", 2)}).ok());
}

}  // namespace
}  // namespace citelint::testing
