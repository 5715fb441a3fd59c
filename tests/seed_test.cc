// The seed article (fixtures/e2e/openai-microsoft-partnership.txt, a copy of
// ../shared/seed with inline expectations): 9 notes and 28 markers, each at
// the line and column a person reading the article finds it. Positions are
// given as (line, the words the marker is glued to): the marker is the
// trailing digit of that context.
#include <gtest/gtest.h>

#include "checker/testing/fixture.h"
#include "tests/test_util.h"

namespace citelint {
namespace {

struct Expected {
  int line;
  const char* context;  // ends with the marker digit
};

// Read off the article by hand: every footnote digit, in reading order.
constexpr Expected kMarkers[] = {
    {12, "AGI.1"},          {13, "ambitions.2"},     {14, "intelligence.’”3"}, {15, "Azure.3"},
    {17, "platform.2"},     {18, "exclusivity.4"},   {18, "AGI.”2"},           {19, "staggering.”5"},
    {22, "opportunities.”1"}, {24, "provider.”1"},   {25, "non‑exclusive.”1"}, {26, "progress.”1"},
    {27, "achieved.”6"},    {28, "2030.”7"},         {29, "platform.4"},       {32, "cap.3"},
    {33, "vague.”6"},       {34, "structure.8"},     {38, "platforms.9"},      {38, "Amazon.”2"},
    {39, "Francisco.6"},    {40, "clouds.6"},        {44, "deal.2"},           {46, "Microsoft.1"},
    {48, "advantage.1"},    {49, "access.6"},        {50, "cap.1"},            {51, "winners.”2"},
};

int CodePoints(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(SeedTest, NineNotesAndTwentyEightMarkersAtTheirPlaces) {
  const auto path = test::SourceDir() / "fixtures/e2e/openai-microsoft-partnership.txt";
  const testing::Fixture fixture = testing::ParseFixture(test::ReadFile(path), Format::kText);
  Document doc = test::Load(fixture.source, Format::kText, "seed.txt");

  ASSERT_EQ(doc.notes.size(), 9u);
  for (int i = 0; i < 9; ++i) {
    EXPECT_EQ(doc.notes[i].label, std::to_string(i + 1));
    const LineCol lc = doc.source->Locate(doc.notes[i].label_span.begin);
    EXPECT_EQ(lc.line, 56 + i);
    EXPECT_EQ(lc.column, 1);
  }
  EXPECT_TRUE(doc.notes[7].text.starts_with("@sama on X — “we have updated our partnership"));

  ASSERT_EQ(doc.markers.size(), std::size(kMarkers));
  for (size_t i = 0; i < std::size(kMarkers); ++i) {
    const Expected& e = kMarkers[i];
    const std::string_view line = doc.source->Line(e.line);
    const size_t at = line.find(e.context);
    ASSERT_NE(at, std::string_view::npos) << e.context;
    const std::string_view ctx(e.context);
    const int column = CodePoints(line.substr(0, at)) + CodePoints(ctx) ;  // the last code point
    const LineCol lc = doc.source->Locate(doc.markers[i].span.begin);
    EXPECT_EQ(lc.line, e.line) << "marker " << i;
    EXPECT_EQ(lc.column, column) << "marker " << i << " " << e.context;
    EXPECT_EQ(doc.markers[i].label, std::string(1, ctx.back())) << e.context;
    ASSERT_GE(doc.markers[i].note, 0);
    EXPECT_EQ(doc.notes[doc.markers[i].note].label, doc.markers[i].label);
  }
}

TEST(SeedTest, MatchesTheSharedSeedWhenPresent) {
  const auto shared = test::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent";
  const std::string original = test::ReadFile(shared / "seed/openai-microsoft-partnership.txt");
  const testing::Fixture fixture = testing::ParseFixture(
      test::ReadFile(test::SourceDir() / "fixtures/e2e/openai-microsoft-partnership.txt"), Format::kText);
  EXPECT_EQ(fixture.source, original) << "the fixture must be the seed plus annotations only";
}

}  // namespace
}  // namespace citelint
