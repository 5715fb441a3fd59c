// The reStructuredText loader: footnote and citation references and
// definitions, auto-numbering, and what is not prose.
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace citelint {
namespace {

std::vector<std::string> Labels(const Document& doc) {
  std::vector<std::string> out;
  for (const Marker& m : doc.markers) out.push_back(m.label + "->" + (m.note >= 0 ? doc.notes[m.note].label : "none"));
  return out;
}

TEST(RstLoaderTest, FootnotesCitationsAndAutoNumbers) {
  Document doc = test::Load(
      "Title\n=====\n\nA claim [1]_ and an auto note [#]_ and a named one [#ship]_,\n"
      "a citation [CIT2002]_ and a symbol [*]_. Another auto [#]_.\n\n"
      ".. [1] Manual note.\n.. [#] First auto note,\n   continued on a second line.\n"
      ".. [#ship] Named auto note.\n.. [CIT2002] A citation.\n.. [*] A symbol note.\n.. [#] Second auto.\n",
      Format::kRst);
  ASSERT_EQ(doc.notes.size(), 6u);
  EXPECT_EQ(doc.notes[1].text, "First auto note, continued on a second line.");
  // Auto numbers skip the manual 1: [#] is 2, [#ship] 3, the second [#] 4.
  EXPECT_EQ(doc.notes[1].label, "2");
  EXPECT_EQ(doc.notes[2].label, "#ship");
  EXPECT_EQ(doc.notes[5].label, "4");
  EXPECT_EQ(Labels(doc), (std::vector<std::string>{"1->1", "2->2", "#ship->#ship", "CIT2002->CIT2002", "*1->*1", "4->4"}));
  const LineCol lc = doc.source->Locate(doc.markers[0].span.begin);
  EXPECT_EQ(lc.line, 4);
  EXPECT_EQ(lc.column, 9);
}

TEST(RstLoaderTest, CodeCommentsDirectivesAndHeaderAreNotProse) {
  Document doc = test::Load(
      "PEP: 8\nTitle: Style\nAuthor: A Writer\n\n"
      "Intro text [1]_::\n\n    literal [2]_ block \"not a quote\"\n\n"
      "``inline [3]_`` stays out; :func:`call(\"x\")` too; :pep:`484` reads as PEP 484.\n\n"
      ">>> doctest(\"no\")\n'no'\n\n"
      ".. code-block:: python\n\n   x = \"[4]_\"\n\n"
      "..\n   A comment [5]_.\n\n"
      ".. note:: An admonition is prose [1]_.\n\n"
      ".. [1] One.\n",
      Format::kRst);
  ASSERT_EQ(doc.markers.size(), 2u);  // the two [1]_ in prose; none in code, comments or literals
  EXPECT_EQ(doc.text.find("not a quote"), std::string::npos);
  EXPECT_EQ(doc.text.find("doctest"), std::string::npos);
  EXPECT_EQ(doc.text.find("Style"), std::string::npos);  // the PEP header
  EXPECT_EQ(doc.text.find("call("), std::string::npos);
  EXPECT_NE(doc.text.find("PEP 484"), std::string::npos);
  EXPECT_NE(doc.text.find("Intro text"), std::string::npos);
  EXPECT_EQ(doc.text.find("::"), std::string::npos);
  EXPECT_NE(doc.text.find("An admonition is prose"), std::string::npos);
}

TEST(RstLoaderTest, DanglingAndUnusedWithTables) {
  Document doc = test::Load(
      "=====  ======\nName   Source\n=====  ======\nalpha  x [1]_\n=====  ======\n\nMissing [9]_.\n\n.. [1] One.\n.. [2] Two.\n",
      Format::kRst);
  ASSERT_EQ(doc.markers.size(), 2u);
  EXPECT_EQ(doc.markers[0].note, 0);  // a reference inside a simple table still counts
  EXPECT_EQ(doc.markers[1].note, -1);
  EXPECT_EQ(doc.text.find("alpha"), std::string::npos);
}

}  // namespace
}  // namespace citelint

namespace citelint {
namespace {

TEST(RstLoaderTest, TabIndentationIsColumnsForNestingAndBytesForOffsets) {
  // A tab is eight columns deep but one byte long: offsets must stay inside their lines.
  Document doc = test::Load("\tTitle\n=====\n\n    Para ends::\n\n\tx = \"[1]_\"\n\nText [1]_.\n\n.. [1] One.\n", Format::kRst);
  for (const Block& b : doc.blocks) EXPECT_LE(b.span.begin, b.span.end);
  ASSERT_EQ(doc.markers.size(), 1u);  // the reference in the tab-indented literal block is code
  EXPECT_EQ(doc.source->Locate(doc.markers[0].span.begin).line, 8);
  EXPECT_NE(doc.text.find("Title"), std::string::npos);
}

}  // namespace
}  // namespace citelint
