// The HTML loader on the reference and note shapes found in the wild.
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace citelint {
namespace {

TEST(HtmlLoaderTest, GithubStyleSectionFootnotes) {
  Document doc = test::Load(
      "<p>Claim<sup><a href=\"#fn7\" id=\"fnref7\" data-footnote-ref>7</a></sup>.</p>\n"
      "<section data-footnotes class=\"footnotes\"><ol start=\"7\">\n"
      "<li id=\"fn7\"><p>Source seven. <a href=\"https://example.org/s\">link</a> "
      "<a href=\"#fnref7\" class=\"data-footnote-backref\">↩</a></p></li>\n</ol></section>\n",
      Format::kHtml);
  ASSERT_EQ(doc.markers.size(), 1u);
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_EQ(doc.markers[0].label, "7");
  EXPECT_EQ(doc.markers[0].note, 0);
  EXPECT_EQ(doc.notes[0].label, "7");
  EXPECT_EQ(doc.notes[0].text, "Source seven. link");
  ASSERT_EQ(doc.notes[0].Urls().size(), 1u);
  const LineCol lc = doc.source->Locate(doc.markers[0].span.begin);
  EXPECT_EQ(lc.line, 1);
  EXPECT_EQ(lc.column, 59);  // the "7" inside the link: 8 + 5 + 45 bytes before it
}

TEST(HtmlLoaderTest, WikipediaCiteNotes) {
  Document doc = test::Load(
      "<p>A<sup id=\"cite_ref-1\" class=\"reference\"><a href=\"#cite_note-1\">[1]</a></sup> "
      "B<sup class=\"reference\"><a href=\"#cite_note-x-2\">[2]</a></sup> "
      "C<sup class=\"reference\"><a href=\"#cite_note-1\">[1]</a></sup></p>\n"
      "<div class=\"reflist\"><ol class=\"references\">\n"
      "<li id=\"cite_note-1\"><span class=\"mw-cite-backlink\"><a href=\"#cite_ref-1\">^</a></span> "
      "<span class=\"reference-text\">One.</span></li>\n"
      "<li id=\"cite_note-x-2\"><span class=\"mw-cite-backlink\">^</span> Two.</li>\n</ol></div>\n",
      Format::kHtml);
  ASSERT_EQ(doc.markers.size(), 3u);
  EXPECT_EQ(doc.markers[2].note, 0);
  EXPECT_EQ(doc.markers[1].note, 1);
  EXPECT_EQ(doc.notes[0].text, "One.");
}

TEST(HtmlLoaderTest, Tex4htFootnotesAndLineMapping) {
  Document doc = test::Load(
      "<p>Counsel.<span class=\"footnote-mark\"><a \nhref=\"#fn1x0\" id=\"fn1x0-bk\"><sup "
      "class=\"textsuperscript\">1</sup></a></span></p>\n"
      "<div class=\"footnotes\"><p class=\"indent\"><span class=\"footnote-mark\"><a \nhref=\"#fn1x0-bk\" "
      "id=\"fn1x0\"><sup class=\"textsuperscript\">1</sup></a></span><span>FBI personnel.</span></p></div>\n",
      Format::kHtml);
  ASSERT_EQ(doc.markers.size(), 1u);
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_EQ(doc.markers[0].note, 0);
  EXPECT_EQ(doc.notes[0].label, "1");
  EXPECT_EQ(doc.notes[0].text, "FBI personnel.");
  EXPECT_EQ(doc.source->Locate(doc.markers[0].span.begin).line, 2);
}

TEST(HtmlLoaderTest, EpubNoterefsAsidesAndOtherFiles) {
  Document doc = test::Load(
      "<p>X<a href=\"#n1\" epub:type=\"noteref\">1</a> Y<a href=\"endnotes.xhtml#note-2\" "
      "epub:type=\"noteref\">2</a> Z<a href=\"#n3\" epub:type=\"noteref\">3</a></p>\n"
      "<aside epub:type=\"footnote\" id=\"n1\"><p>Aside note.</p></aside>\n",
      Format::kHtml, "chapter.xhtml");
  ASSERT_EQ(doc.markers.size(), 3u);
  EXPECT_EQ(doc.markers[0].note, 0);
  EXPECT_TRUE(doc.markers[1].external);
  EXPECT_EQ(doc.markers[2].note, -1);  // dangling: no element with id n3
  EXPECT_FALSE(doc.markers[2].external);
}

TEST(HtmlLoaderTest, PlainSupNumbersResolveByLabel) {
  Document doc = test::Load("<p>Said so.<sup>2</sup> And <sup>th</sup>.</p><ol class=\"footnotes\"><li>A</li><li>B</li></ol>",
                            Format::kHtml);
  ASSERT_EQ(doc.markers.size(), 1u);
  EXPECT_EQ(doc.markers[0].note, 1);
}

}  // namespace
}  // namespace citelint

namespace citelint {
namespace {

TEST(HtmlLoaderTest, ColumnsStayTrueAfterCharacterReferences) {
  // Text after &amp; &rdquo; &#8217; and a no-break space maps to the byte it was written at.
  const std::string html = "<p>R&amp;D &ldquo;works&rdquo; &#8217;90s&nbsp;era, target.<sup><a href=\"#n\">1</a></sup></p>\n"
                           "<ol class=\"footnotes\"><li id=\"n\">Note.</li></ol>\n";
  Document doc = test::Load(html, Format::kHtml);
  const size_t target = doc.text.find("target");
  ASSERT_NE(target, std::string::npos);
  EXPECT_EQ(doc.text_map.ToSource(static_cast<uint32_t>(target)), html.find("target"));
  const size_t works = doc.text.find("works");
  EXPECT_EQ(doc.text_map.ToSource(static_cast<uint32_t>(works)), html.find("works"));
  EXPECT_NE(doc.text.find("90s era"), std::string::npos);  // &nbsp; reads as a space
}

TEST(HtmlLoaderTest, SourceLineBreaksAndBrDoNotEndSentencesAndCodeIsNotProse) {
  Document doc = test::Load(
      "<p>She told the Courier:<br>\n&ldquo;we will\nreopen&rdquo; <code>\"x = 1\"</code> soon.</p>\n<pre>\"quoted\" code</pre>\n",
      Format::kHtml);
  EXPECT_NE(doc.text.find("Courier: “we will reopen”"), std::string::npos) << doc.text;
  EXPECT_EQ(doc.text.find("x = 1"), std::string::npos);
  EXPECT_EQ(doc.text.find("quoted"), std::string::npos);
}

TEST(HtmlLoaderTest, EndnotesWhoseBacklinkLeadsToAnUncheckedFileAreNotUnused) {
  Document endnotes = test::Load(
      "<section epub:type=\"endnotes\"><ol><li id=\"note-1\"><p>Seen elsewhere. "
      "<a href=\"chapter-9.xhtml#noteref-1\" epub:type=\"backlink\">↩</a></p></li></ol></section>\n",
      Format::kHtml);
  ASSERT_EQ(endnotes.notes.size(), 1u);
  EXPECT_EQ(endnotes.notes[0].Backlink(), "chapter-9.xhtml#noteref-1");
  std::vector<Document*> docs{&endnotes};
  ResolveAcrossDocuments(docs);
  EXPECT_TRUE(endnotes.notes[0].cited_elsewhere);
}

}  // namespace
}  // namespace citelint

namespace citelint {
namespace {

TEST(HtmlLoaderTest, LegacyReferenceWithoutSemicolonKeepsColumns) {
  const std::string html = "<p>Tax&nbsprose and then target</p>\n";
  Document doc = test::Load(html, Format::kHtml);
  const size_t target = doc.text.find("target");
  ASSERT_NE(target, std::string::npos);
  EXPECT_EQ(doc.text_map.ToSource(static_cast<uint32_t>(target)), html.find("target"));
  EXPECT_NE(doc.text.find("Tax rose"), std::string::npos) << doc.text;
}

}  // namespace
}  // namespace citelint

namespace citelint {
namespace {

TEST(HtmlLoaderTest, ControlCharactersTheParserReplacesKeepColumns) {
  // The HTML parser turns U+001F and U+007F into U+FFFD (three bytes for one):
  // text after them still maps to where it was written.
  for (const char* control : {"\x1f", "\x01", "\x7f"}) {
    const std::string html = std::string("<p>") + control + "48,000 ballots and the target.</p>\n";
    Document doc = test::Load(html, Format::kHtml);
    const size_t target = doc.text.find("target");
    ASSERT_NE(target, std::string::npos) << doc.text;
    EXPECT_EQ(doc.text_map.ToSource(static_cast<uint32_t>(target)), html.find("target")) << int(control[0]);
    const size_t figure = doc.text.find("48,000");
    EXPECT_EQ(doc.text_map.ToSource(Span{static_cast<uint32_t>(figure), static_cast<uint32_t>(figure + 6)}),
              (Span{static_cast<uint32_t>(html.find("48,000")), static_cast<uint32_t>(html.find("48,000") + 6)}));
  }
}

TEST(HtmlLoaderTest, ALinkTheParserReopensIsNotAMarker) {
  // An unclosed <a> is reopened by the parser around the next paragraph's
  // text; only the one written is a note reference, and the next paragraph
  // stays prose.
  Document doc = test::Load(
      "<p>Turnout rose.<sup><a href=\"#n1\">1</sup></p>\n<p>The vote was held in May.</p>\n"
      "<ol class=\"footnotes\"><li id=\"n1\">Vote count</li></ol>\n",
      Format::kHtml);
  ASSERT_EQ(doc.markers.size(), 1u);
  EXPECT_EQ(doc.markers[0].label, "1");
  EXPECT_NE(doc.text.find("The vote was held in May."), std::string::npos) << doc.text;
}

TEST(OffsetMapTest, ASpanIsNeverReversed) {
  // Text that came out of source order (the parser moved it) maps to a span
  // that shrinks to its start rather than running backwards.
  OffsetMap map;
  map.Add(0, 50, 10);  // text 0..10 was written at 50..60
  map.Add(10, 0, 10);  // text 10..20 was written at 0..10
  EXPECT_EQ(map.ToSource(Span{5, 15}), (Span{55, 55}));
  EXPECT_EQ(map.ToSource(Span{11, 14}), (Span{1, 4}));
}

}  // namespace
}  // namespace citelint
