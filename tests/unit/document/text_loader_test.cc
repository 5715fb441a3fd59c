// The plain-text loader on each trap the foundation issue lists.
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace citelint {
namespace {

constexpr const char* kNineNotes =
    "\nNotes\n1. One\n2. Two\n3. Three\n4. Four\n5. Five\n6. Six\n7. Seven\n8. Eight\n9. Nine\n";

// Labels of the markers the loader finds in `body` followed by nine notes.
std::vector<std::string> MarkerLabels(const std::string& body, const char* notes = kNineNotes) {
  Document doc = test::Load(body + notes, Format::kText);
  std::vector<std::string> labels;
  for (const Marker& m : doc.markers) labels.push_back(m.label);
  return labels;
}

using Labels = std::vector<std::string>;

TEST(TextLoaderTest, DigitsGluedToWordsPunctuationAndQuotes) {
  EXPECT_EQ(MarkerLabels("It achieved AGI.1 Then it did not."), Labels{"1"});
  EXPECT_EQ(MarkerLabels("It was “frankly staggering.”5"), Labels{"5"});
  EXPECT_EQ(MarkerLabels("It ended exclusivity.4 TechCrunch notes more.2"), (Labels{"4", "2"}));
  EXPECT_EQ(MarkerLabels("A ‘nested quote.’”3 ends here."), Labels{"3"});
  EXPECT_EQ(MarkerLabels("Inside a parenthesis (as reported).7 Next."), Labels{"7"});
}

TEST(TextLoaderTest, SuperscriptsListsAndRanges) {
  // Superscripts glue into one label; 12 is a dangling marker here.
  EXPECT_EQ(MarkerLabels("Claimed twice.¹² Once.³"), (Labels{"12", "3"}));
  EXPECT_EQ(MarkerLabels("Both sources agree.7,8 Yes."), (Labels{"7", "8"}));
  EXPECT_EQ(MarkerLabels("Three sources agree.7–9 Yes."), (Labels{"7", "8", "9"}));
  EXPECT_EQ(MarkerLabels("Bracketed style.[4] And a list.[5, 6]"), (Labels{"4", "5", "6"}));
}

TEST(TextLoaderTest, NumbersThatArePartOfTheText) {
  EXPECT_TRUE(MarkerLabels("The deal was signed in 2019.").empty());
  EXPECT_TRUE(MarkerLabels("It relies on Section 230.").empty());
  EXPECT_TRUE(MarkerLabels("Tests for COVID-19 were scarce.").empty());
  EXPECT_TRUE(MarkerLabels("They fly the Boeing 737 and the iPhone 15.").empty());
  EXPECT_TRUE(MarkerLabels("Revenue rose in Q3. Profit did not.").empty());
  EXPECT_TRUE(MarkerLabels("It raised $4.5bn. Then it spent it.").empty());
  EXPECT_TRUE(MarkerLabels("It made the top 10. Twice.").empty());
  EXPECT_TRUE(MarkerLabels("Handles @7dlt…clgf and @4qd8…qnwa are not notes.").empty());
  EXPECT_TRUE(MarkerLabels("A 6‑year deal at 20% on $50 billion; 1.4 million users; 10,000 staff.").empty());
  EXPECT_TRUE(MarkerLabels("- 2019–2025: From exclusive honeymoon to AGI time bomb\n"
                           "- April 26–27, 2026: The new deal lands\n2019–2025: heading")
                  .empty());
  EXPECT_TRUE(MarkerLabels("1. A numbered list item in the body\n2. Another one\n\nThen prose.").empty());
}

TEST(TextLoaderTest, MarkerMustNameAPlausibleNote) {
  // With nine notes, "in 2019." is never a marker, but a strong marker with
  // no note is still found (and reported as dangling).
  Document doc = test::Load(std::string("It began in 2019. It ended badly.”12 Fine.3") + kNineNotes, Format::kText);
  ASSERT_EQ(doc.markers.size(), 2u);
  EXPECT_EQ(doc.markers[0].label, "12");
  EXPECT_EQ(doc.markers[0].note, -1);
  EXPECT_EQ(doc.markers[1].label, "3");
  EXPECT_EQ(doc.notes[doc.markers[1].note].label, "3");
}

TEST(TextLoaderTest, WeakGlueNeedsCitationOrder) {
  // "U.S.1" and "2016.2" are weakly glued: taken only as the next note in order.
  EXPECT_EQ(MarkerLabels("Made in the U.S.1 Then in 2016.2 More."), (Labels{"1", "2"}));
  EXPECT_TRUE(MarkerLabels("See Section IV.A.3 and 600.4 of the rules.").empty());
}

TEST(TextLoaderTest, NotesListFormsHeadingsAndChrome) {
  Document doc = test::Load("Body cites one.1 And two.2\n\nSources\n[1] First source\n[2] Second source\n"
                            "Story coverage\nWrite a comment\n",
                            Format::kText);
  ASSERT_EQ(doc.notes.size(), 2u);
  EXPECT_EQ(doc.notes[0].text, "First source");
  EXPECT_EQ(doc.notes[1].text, "Second source");
  EXPECT_EQ(doc.markers.size(), 2u);

  Document parens = test::Load("Claim.1\n\n1) Note one, https://example.org/a.\n", Format::kText);
  ASSERT_EQ(parens.notes.size(), 1u);
  ASSERT_EQ(parens.notes[0].Urls().size(), 1u);
  EXPECT_EQ(parens.notes[0].Urls()[0], "https://example.org/a");
  EXPECT_EQ(parens.markers[0].note, 0);
}

TEST(TextLoaderTest, TrailingListWithoutHeadingOrCitationsIsText) {
  Document doc = test::Load("Steps to follow:\n1. Open the box\n2. Remove the tray\n", Format::kText);
  EXPECT_TRUE(doc.notes.empty());
  EXPECT_TRUE(doc.markers.empty());
}

TEST(TextLoaderTest, MarkerPositionsAndBlocks) {
  Document doc = test::Load("Title Line\nFirst claim.1\n\nNotes\n1. Source\n", Format::kText);
  ASSERT_EQ(doc.markers.size(), 1u);
  const LineCol lc = doc.source->Locate(doc.markers[0].span.begin);
  EXPECT_EQ(lc.line, 2);
  EXPECT_EQ(lc.column, 13);
  ASSERT_GE(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc.blocks.back().kind, BlockKind::kNotes);
  EXPECT_EQ(doc.markers[0].block, 1);
  // The analysis text drops the marker digits.
  EXPECT_NE(doc.text.find("First claim."), std::string::npos);
  EXPECT_EQ(doc.text.find("claim.1"), std::string::npos);
}

TEST(TextLoaderTest, DuplicateNoteLabels) {
  Document doc = test::Load("A.1 B.2\n\nNotes\n1. One\n2. Two\n2. Two again\n", Format::kText);
  ASSERT_EQ(doc.notes.size(), 3u);
  EXPECT_EQ(doc.notes[2].duplicate_of, 1);
  EXPECT_EQ(doc.markers[1].note, 1);
}

}  // namespace
}  // namespace citelint

namespace citelint {
namespace {

TEST(TextLoaderTest, HardWrappedParagraphsJoinAndOneLineParagraphsDoNot) {
  Document wrapped = test::Load(
      "Harbour Report\n\nThe harbour board met on Monday and agreed to dredge the\nchannel before the "
      "autumn storms, the minutes say, at a\ncost that nobody has yet put a figure on.1\n\nNotes\n1. Minutes\n",
      Format::kText);
  int paragraphs = 0;
  for (const Block& b : wrapped.blocks) paragraphs += b.kind == BlockKind::kParagraph;
  EXPECT_EQ(paragraphs, 1);
  EXPECT_NE(wrapped.text.find("dredge the channel before"), std::string::npos);

  Document per_line = test::Load("The board met on Monday.1\nThe board voted on Tuesday and it was close.2\n\n"
                                 "Notes\n1. A\n2. B\n",
                                 Format::kText);
  int lines = 0;
  for (const Block& b : per_line.blocks) lines += b.kind == BlockKind::kParagraph;
  EXPECT_EQ(lines, 2);
}

TEST(TextLoaderTest, NotesWrapOverManyLinesAndFrontMatterIsNotText) {
  Document doc = test::Load(
      "---\ntitle: Report\ndate: 2026-01-01\n---\nClaim one.1 Claim two.2\n\nNotes\n"
      "1. First note that wraps\n   over a second line\n   and a third\n   and a fourth.\n2. Second note.\n",
      Format::kText);
  ASSERT_EQ(doc.notes.size(), 2u);
  EXPECT_EQ(doc.notes[0].text, "First note that wraps over a second line and a third and a fourth.");
  EXPECT_EQ(doc.markers[1].note, 1);
  EXPECT_EQ(doc.text.find("title"), std::string::npos);
}

TEST(TextLoaderTest, APageBreakInMidSentenceDoesNotEndTheParagraph) {
  Document doc = test::Load("He said the plan was “a\n\nreasonable compromise” in the end.1\n\nNotes\n1. A\n", Format::kText);
  EXPECT_NE(doc.text.find("“a reasonable compromise”"), std::string::npos);
}

// A label or a one-line note as written is read where the source has it (no
// copy); a note that reads differently (its spaces collapsed) is kept
// by the document; either way it reads the same.
TEST(TextLoaderTest, LabelsAndNotesAsWrittenAreReadInTheSource) {
  Document doc = test::Load("Claim one.1 Claim two.2\n\nNotes\n1. A note as written.\n2. Two  spaces here.\n",
                            Format::kText);
  auto in_source = [&](std::string_view s) { return test::ViewsSource(doc, s); };
  ASSERT_EQ(doc.notes.size(), 2u);
  EXPECT_EQ(doc.notes[0].text, "A note as written.");
  EXPECT_TRUE(in_source(doc.notes[0].text));
  EXPECT_TRUE(in_source(doc.notes[0].label));
  EXPECT_TRUE(in_source(doc.markers[1].label));
  EXPECT_EQ(doc.notes[1].text, "Two spaces here.");
  EXPECT_FALSE(in_source(doc.notes[1].text));
  // Superscript digits are not the label's bytes: the label is kept.
  Document sup = test::Load("Claim.\u00B9\n\nNotes\n1. A\n", Format::kText);
  ASSERT_EQ(sup.markers.size(), 1u);
  EXPECT_EQ(sup.markers[0].label, "1");
  EXPECT_FALSE(test::ViewsSource(sup, sup.markers[0].label));
}

}  // namespace
}  // namespace citelint
