// The Markdown loader: what cmark-gfm calls a footnote, plus what it drops.
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace citelint {
namespace {

struct Found {
  std::string label;
  int line;
  int column;
  bool resolved;
};

std::vector<Found> Markers(const Document& doc) {
  std::vector<Found> out;
  for (const Marker& m : doc.markers) {
    const LineCol lc = doc.source->Locate(m.span.begin);
    out.push_back({m.label, lc.line, lc.column, m.note >= 0});
  }
  return out;
}

TEST(MarkdownLoaderTest, ReferencesDefinitionsAndNamedLabels) {
  Document doc = test::Load(
      "Plain[^1] and named[^Note].\n\n[^1]: First note\n    continued, see https://x.example/a.\n\n"
      "[^note]: Named note.\n",
      Format::kMarkdown);
  ASSERT_EQ(doc.markers.size(), 2u);
  EXPECT_EQ(doc.markers[0].label, "1");
  EXPECT_EQ(doc.markers[1].label, "Note");
  ASSERT_EQ(doc.notes.size(), 2u);
  EXPECT_EQ(doc.notes[doc.markers[1].note].label, "note");  // labels match case-insensitively
  EXPECT_EQ(doc.notes[0].text, "First note continued, see https://x.example/a.");
  ASSERT_EQ(doc.notes[0].Urls().size(), 1u);
  EXPECT_EQ(doc.notes[0].Urls()[0], "https://x.example/a");
  const auto found = Markers(doc);
  EXPECT_EQ(found[0].line, 1);
  EXPECT_EQ(found[0].column, 6);
  EXPECT_EQ(found[1].column, 20);
}

TEST(MarkdownLoaderTest, MultiParagraphDefinition) {
  Document doc = test::Load("Claim.[^long]\n\n[^long]: First paragraph.\n\n    Second paragraph.\n\nAfter.\n",
                            Format::kMarkdown);
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_EQ(doc.notes[0].text, "First paragraph. Second paragraph.");
  EXPECT_EQ(doc.source->Locate(doc.notes[0].span.end).line, 5);
}

TEST(MarkdownLoaderTest, CodeIsNotAReference) {
  Document doc = test::Load("Inline `x[^1]` code.\n\n```\nblock [^1]\n```\n\n    indented [^1]\n\nReal.[^1]\n\n[^1]: N.\n",
                            Format::kMarkdown);
  ASSERT_EQ(doc.markers.size(), 1u);
  EXPECT_EQ(doc.source->Locate(doc.markers[0].span.begin).line, 9);
}

TEST(MarkdownLoaderTest, ReferenceFollowedByColonMidLineIsNotADefinition) {
  Document doc = test::Load("- Launching Pad[^1]: Jonathan Pallant\n\n[^1]: The team page.\n", Format::kMarkdown);
  ASSERT_EQ(doc.markers.size(), 1u);
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_EQ(doc.markers[0].note, 0);
  EXPECT_EQ(doc.notes[0].text, "The team page.");
}

TEST(MarkdownLoaderTest, UnresolvedEscapedUnusedAndDuplicate) {
  Document doc = test::Load(
      "Missing[^zz] but escaped \\[^zz] and spaced [^a b].[^1]\n\n[^1]: One.\n[^1]: Again.\n[^spare]: Unused.\n",
      Format::kMarkdown);
  const auto found = Markers(doc);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].label, "zz");
  EXPECT_FALSE(found[0].resolved);
  EXPECT_EQ(found[0].column, 8);
  EXPECT_TRUE(found[1].resolved);
  ASSERT_EQ(doc.notes.size(), 3u);
  EXPECT_EQ(doc.notes[1].label, "1");
  EXPECT_EQ(doc.notes[1].duplicate_of, 0);
  EXPECT_EQ(doc.notes[2].label, "spare");
  EXPECT_EQ(doc.notes[2].duplicate_of, -1);
}

TEST(MarkdownLoaderTest, ReferencesInsideContainers) {
  Document doc = test::Load("> Quoted[^1] text.\n> - item[^2]\n\n1. list[^1]\n\n[^1]: A.\n[^2]: B.\n",
                            Format::kMarkdown);
  const auto found = Markers(doc);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].line, 1);
  EXPECT_EQ(found[0].column, 9);
  EXPECT_EQ(found[1].line, 2);
  EXPECT_EQ(found[1].column, 9);
  EXPECT_EQ(found[2].line, 4);
  EXPECT_EQ(found[2].column, 8);
  for (const auto& f : found) EXPECT_TRUE(f.resolved);
}

TEST(MarkdownLoaderTest, DefinitionInsideHtmlCommentIsHidden) {
  Document doc = test::Load("Claim.[^1]\n\n<!--\n[^1]: Old copy.\n-->\n\n[^1]: Real note.\n", Format::kMarkdown);
  ASSERT_EQ(doc.notes.size(), 2u);
  EXPECT_TRUE(doc.notes[0].hidden);
  EXPECT_EQ(doc.notes[0].duplicate_of, 1);
  EXPECT_EQ(doc.markers[0].note, 1);
}

// Labels are read in the source as written; a definition repeated on one
// line is read there too; a definition's rendered text is kept by the
// document. Either way each reads as written.
TEST(MarkdownLoaderTest, LabelsAndRepeatedDefinitionsAreReadInTheSource) {
  Document doc = test::Load("Claim.[^a] Other.[^bee]\n\n[^a]: First *note*.\n[^bee]: Second.\n[^a]:   A repeat.\n",
                            Format::kMarkdown);
  auto in_source = [&](std::string_view s) { return test::ViewsSource(doc, s); };
  ASSERT_EQ(doc.markers.size(), 2u);
  EXPECT_EQ(doc.markers[1].label, "bee");
  EXPECT_TRUE(in_source(doc.markers[1].label));
  ASSERT_EQ(doc.notes.size(), 3u);
  EXPECT_EQ(doc.notes[0].label, "a");
  EXPECT_TRUE(in_source(doc.notes[0].label));
  EXPECT_EQ(doc.notes[0].text, "First note.");  // rendered: the emphasis marks go
  EXPECT_FALSE(in_source(doc.notes[0].text));
  EXPECT_EQ(doc.notes[2].duplicate_of, 0);
  EXPECT_EQ(doc.notes[2].text, "A repeat.");
  EXPECT_TRUE(in_source(doc.notes[2].text));
}

}  // namespace
}  // namespace citelint

namespace citelint {
namespace {

TEST(MarkdownLoaderTest, FrontMatterAndInlineCodeAreNotProse) {
  const std::string md = "+++\ntitle = \"Release \\\"quoted\\\"\"\n+++\n\nClaim with `\"code\" 42` here.[^1]\n\n[^1]: Note.\n";
  Document doc = test::Load(md, Format::kMarkdown);
  EXPECT_EQ(doc.text.find("Release"), std::string::npos);
  EXPECT_EQ(doc.text.find("code"), std::string::npos);
  ASSERT_EQ(doc.markers.size(), 1u);
  EXPECT_EQ(doc.source->Locate(doc.markers[0].span.begin).line, 5);  // positions after front matter stay right
}

TEST(MarkdownLoaderTest, FrontMatterAfterAByteOrderMarkWithCrlfAndNoFinalNewline) {
  // The source is given to cmark-gfm in pieces (the front matter blanked,
  // then the rest as written, then the appendix of definition labels).
  const std::string md =
      "\xEF\xBB\xBF---\r\ntitle: Harbour ferries\r\n---\r\n\r\nThe fares rose.[^a]\r\n\r\n[^a]: Harbour Gazette.";
  Document doc = test::Load(md, Format::kMarkdown);
  EXPECT_EQ(doc.text.find("Harbour ferries"), std::string::npos);
  ASSERT_EQ(doc.markers.size(), 1u);
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_EQ(doc.markers[0].note, 0);
  EXPECT_EQ(doc.notes[0].text, "Harbour Gazette.");
  const LineCol at = doc.source->Locate(doc.markers[0].span.begin);
  EXPECT_EQ(at.line, 5);
  EXPECT_EQ(at.column, 16);
}

}  // namespace
}  // namespace citelint

namespace citelint {
namespace {

TEST(MarkdownLoaderTest, ColumnsStayTrueThroughEscapesAndCharacterReferences) {
  // cmark-gfm decodes "\*", "&amp;", "&ldquo;" and merges the line into one
  // text node; every byte after them still maps to where it was written.
  const std::string md =
      "R\\&D \\*really\\* &amp; \\[x\\] &ldquo;costs&rdquo; &#9; &#x41; R&D &x counted 48,000 ballots.[^1]\n\n"
      "[^1]: Vote count\n";
  Document doc = test::Load(md, Format::kMarkdown);
  EXPECT_NE(doc.text.find("R&D *really* & [x] \u201Ccosts\u201D"), std::string::npos) << doc.text;
  for (const char* word : {"really", "costs", "48,000", "ballots"}) {
    const size_t t = doc.text.find(word);
    ASSERT_NE(t, std::string::npos) << word;
    EXPECT_EQ(doc.text_map.ToSource(static_cast<uint32_t>(t)), md.find(word)) << word;
  }
  const size_t quote = doc.text.find("\u201C");  // a decoded reference stands at its "&"
  EXPECT_EQ(doc.text_map.ToSource(static_cast<uint32_t>(quote)), md.find("&ldquo;"));
}

}  // namespace
}  // namespace citelint
