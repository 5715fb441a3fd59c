#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace citelint {
namespace {

TEST(LoaderErrorsTest, InvalidUtf8NamesFileLineAndOffset) {
  auto doc = LoadDocument(std::make_shared<const SourceFile>("draft.txt", std::string("ok\nbad \xC3\x28 here")));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(), "draft.txt:2:5: error: invalid UTF-8 at byte offset 7");
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
