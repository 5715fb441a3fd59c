#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace citelint {
namespace {

TEST(LoaderErrorsTest, IllFormedUtf8IsReplacedAndNoted) {
  auto doc = LoadDocument(std::make_shared<const SourceFile>("draft.txt", std::string("\xC3\xA9\nbad \xC3\x28 here")));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->source->bytes(), "\xC3\xA9\nbad \xEF\xBF\xBD( here");
  ASSERT_EQ(doc->load_notes.size(), 1u);
  EXPECT_EQ(doc->load_notes[0].rule, "input.invalid-utf8");
  EXPECT_EQ(doc->source->Locate(doc->load_notes[0].span.begin).line, 2);
  EXPECT_EQ(doc->source->Locate(doc->load_notes[0].span.begin).column, 5);
}

TEST(LoaderErrorsTest, Utf16AndLegacyCharsetsAreDecoded) {
  const std::string le("\xFF\xFE" "A\0\xE9\0", 6);  // "Aé" in UTF-16LE with its BOM
  auto doc = LoadDocument(std::make_shared<const SourceFile>("le.txt", le));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->source->bytes(), "A\xC3\xA9");
  ASSERT_EQ(doc->load_notes.size(), 1u);
  EXPECT_EQ(doc->load_notes[0].message, "read as UTF-16LE; lines and columns count its characters");
  auto legacy = LoadDocument(std::make_shared<const SourceFile>("w.txt", std::string("\xA7 5 \x93quoted\x94")));
  ASSERT_TRUE(legacy.ok());
  EXPECT_EQ(legacy->source->bytes(), "\xC2\xA7 5 \xE2\x80\x9Cquoted\xE2\x80\x9D");  // § and curly quotes
  EXPECT_EQ(legacy->load_notes[0].rule, "input.encoding");
}

TEST(LoaderErrorsTest, BinaryFileIsAnError) {
  auto doc = LoadDocument(std::make_shared<const SourceFile>("img.txt", std::string("PNG\0\x01", 5)));
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("img.txt: error: binary file"), std::string::npos);
}

TEST(LoaderErrorsTest, FormatFromExtension) {
  EXPECT_EQ(FormatForPath("a/b.MD"), Format::kMarkdown);
  EXPECT_EQ(FormatForPath("a/b.xhtml"), Format::kHtml);
  EXPECT_EQ(FormatForPath("a/b.htm"), Format::kHtml);
  EXPECT_EQ(FormatForPath("a.dir/README"), Format::kText);
  EXPECT_EQ(FormatForPath("notes.rst"), Format::kRst);
  EXPECT_EQ(FormatForPath("notes.unknown"), Format::kText);
}

TEST(LoaderErrorsTest, FormatsCitelintDoesNotReadAreRefusedUnlessForced) {
  for (const char* name : {"draft.adoc", "paper.tex", "notes.org", "story.docx", "story.odt", "scan.pdf"}) {
    auto doc = LoadDocument(std::make_shared<const SourceFile>(name, std::string("Text.1\n\n1. Note\n")));
    ASSERT_FALSE(doc.ok()) << name;
    EXPECT_NE(doc.status().message().find(std::string(name) + ": error:"), std::string::npos) << doc.status().message();
    EXPECT_NE(doc.status().message().find("--input-format"), std::string::npos);
    auto forced = LoadDocument(std::make_shared<const SourceFile>(name, std::string("Text.1\n\n1. Note\n")), Format::kText);
    ASSERT_TRUE(forced.ok()) << name;
    EXPECT_EQ(forced->notes.size(), 1u);
  }
}

TEST(LoaderErrorsTest, EmptyAndBomOnlyInputs) {
  for (Format f : {Format::kText, Format::kMarkdown, Format::kHtml}) {
    Document doc = test::Load("", f);
    EXPECT_TRUE(doc.markers.empty());
    EXPECT_TRUE(doc.notes.empty());
    Document bom = test::Load("\xEF\xBB\xBF", f);
    EXPECT_TRUE(bom.markers.empty());
  }
}

}  // namespace
}  // namespace citelint
