// Real documents from ../shared/corpora/documents (skipped when absent): the
// loaders must find every note and resolve every reference, and the
// structural checks must stay quiet where the documents are sound.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "checker/checks/register_checks.h"
#include "checker/extract/extract.h"
#include "tests/test_util.h"

namespace citelint {
namespace {

namespace fs = std::filesystem;

fs::path Documents() {
  const fs::path shared = test::SharedDir();
  return shared.empty() ? fs::path() : shared / "corpora/documents";
}

#define REQUIRE_CORPUS()                                                   \
  if (Documents().empty() || !fs::is_directory(Documents())) {             \
    GTEST_SKIP() << "../shared/corpora is absent";                         \
  }

Document LoadFile(const fs::path& p) {
  auto doc = LoadPath(p.string());
  if (!doc.ok()) throw std::runtime_error(doc.status().message());
  return std::move(doc).value();
}

// Findings of the structural `notes.` rules (the attribution rules are
// measured by ci/attribution-report instead).
std::map<std::string, int> CountFindings(const Document& doc) {
  std::map<std::string, int> counts;
  for (const Diagnostic& d : RunChecks(doc, BuiltinChecks(), test::ShippedResources())) {
    if (d.rule.rfind("notes.", 0) == 0) ++counts[d.rule];
  }
  return counts;
}

std::vector<std::string> Labels(const Document& doc) {
  std::vector<std::string> labels;
  for (const Marker& m : doc.markers) labels.push_back(m.label);
  return labels;
}

void ExpectNumberedOneToN(const Document& doc, int n) {
  ASSERT_EQ(static_cast<int>(doc.notes.size()), n);
  for (int i = 0; i < n; ++i) ASSERT_EQ(doc.notes[i].label, std::to_string(i + 1)) << doc.path();
  ASSERT_EQ(static_cast<int>(doc.markers.size()), n) << doc.path();
  for (int i = 0; i < n; ++i) {
    ASSERT_EQ(doc.markers[i].note, i) << doc.path() << " marker " << i;
  }
}

TEST(CorpusTest, MuellerPlainTextAndHtmlAgree) {
  REQUIRE_CORPUS();
  const std::pair<int, int> volumes[] = {{1, 1283}, {2, 1092}};
  for (const auto& [volume, notes] : volumes) {
    const std::string name = "mueller-report-vol-" + std::to_string(volume);
    const Document txt = LoadFile(Documents() / "mueller-report/derived-plaintext" / (name + ".txt"));
    const Document html = LoadFile(Documents() / "mueller-report/html" / (name + ".html"));
    ExpectNumberedOneToN(txt, notes);
    ExpectNumberedOneToN(html, notes);
    EXPECT_EQ(Labels(txt), Labels(html));
    EXPECT_TRUE(CountFindings(txt).empty()) << name << ".txt";
    EXPECT_TRUE(CountFindings(html).empty()) << name << ".html";
  }
}

// SplitSentences gives ICU a run of lines at a time, as UTF-16: on every
// document of the corpus, the boundaries are the ones ICU finds in the whole
// text through its UTF-8 adapter.
TEST(CorpusTest, SentenceBoundariesByRunsAreTheWholeTexts) {
  REQUIRE_CORPUS();
  int texts = 0;
  for (const auto& entry : fs::recursive_directory_iterator(Documents())) {
    if (!entry.is_regular_file()) continue;
    auto doc = LoadPath(entry.path().string());
    if (!doc.ok() || doc.value().text.empty()) continue;
    const std::string& text = doc.value().text;
    ASSERT_EQ(extract::SentenceBoundaries(text), extract::SentenceBoundaries(text, SIZE_MAX, false)) << entry.path();
    ASSERT_EQ(extract::SentenceBoundaries(text, 200), extract::SentenceBoundaries(text, SIZE_MAX, false)) << entry.path();
    ++texts;
  }
  EXPECT_GT(texts, 100);
}

struct Totals {
  int files = 0, markers = 0, resolved = 0, notes = 0;
  std::map<std::string, int> findings;
};

Totals LoadMarkdownTree(const fs::path& root) {
  Totals t;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const Document doc = LoadFile(f);
    ++t.files;
    t.markers += static_cast<int>(doc.markers.size());
    t.notes += static_cast<int>(doc.notes.size());
    for (const Marker& m : doc.markers) t.resolved += m.note >= 0;
    for (const auto& [rule, n] : CountFindings(doc)) t.findings[rule] += n;
  }
  return t;
}

TEST(CorpusTest, MarkdownReferencesResolveAsCounted) {
  REQUIRE_CORPUS();
  // SOURCES.md's regex counts (defs/refs): rust-blog ~141/139, rust-rfcs 51/53,
  // ethereum-eips 26/28. Every reference resolves; the differences from the
  // regex counts are explained inline.
  const Totals blog = LoadMarkdownTree(Documents() / "rust-blog/files");
  EXPECT_EQ(blog.files, 63);
  EXPECT_EQ(blog.notes, 141);
  // 143, not 139: four references are followed by a colon in mid-line
  // (`Launching Pad[^1]: Jonathan Pallant`, `[^name]: the ability`,
  // `[^sleep]:`, `[^always-async-maybe]:`), which a `[^x]:` regex skips.
  EXPECT_EQ(blog.markers, 143);
  EXPECT_EQ(blog.resolved, blog.markers);
  EXPECT_EQ(blog.findings.count("notes.dangling-marker"), 0u);
  EXPECT_EQ(blog.findings.count("notes.unused-note"), 0u);

  const Totals rfcs = LoadMarkdownTree(Documents() / "rust-rfcs/files");
  EXPECT_EQ(rfcs.files, 18);
  EXPECT_EQ(rfcs.notes, 51);
  EXPECT_EQ(rfcs.markers, 53);
  EXPECT_EQ(rfcs.resolved, rfcs.markers);
  EXPECT_EQ(rfcs.findings.count("notes.dangling-marker"), 0u);
  EXPECT_EQ(rfcs.findings.count("notes.unused-note"), 0u);

  const Totals eips = LoadMarkdownTree(Documents() / "ethereum-eips/files");
  EXPECT_EQ(eips.notes, 26);  // includes the 8 commented-out copies in eip-8173
  EXPECT_EQ(eips.markers, 28);
  EXPECT_EQ(eips.resolved, eips.markers);
  EXPECT_EQ(eips.findings.at("notes.duplicate-label"), 8);
}

TEST(CorpusTest, Eip8173ReportsItsDuplicatedLabels) {
  REQUIRE_CORPUS();
  const Document doc = LoadFile(Documents() / "ethereum-eips/files/EIPS/eip-8173.md");
  std::vector<std::pair<std::string, int>> found;
  for (const Diagnostic& d : RunChecks(doc, BuiltinChecks(), test::ShippedResources())) {
    if (d.rule == "notes.duplicate-label") found.push_back({*d.note, doc.source->Locate(d.span.begin).line});
  }
  ASSERT_EQ(found.size(), 8u);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(found[i].first, std::to_string(i + 1));
    EXPECT_EQ(found[i].second, 235 + i);  // the copies inside the HTML comment
  }
}

TEST(CorpusTest, WikipediaCiteNotesResolve) {
  REQUIRE_CORPUS();
  // (page, cite_note links, notes); grouped [n 1] notes included.
  const std::tuple<const char*, int, int> pages[] = {
      {"wikipedia", 76, 72}, {"wikipedia-2", 445, 379}, {"wikipedia-3", 6, 5}, {"wikipedia-4", 81, 80}};
  for (const auto& [page, links, notes] : pages) {
    const Document doc = LoadFile(Documents() / "wikipedia-html" / page / "source.html");
    EXPECT_EQ(static_cast<int>(doc.notes.size()), notes) << page;
    int cite_links = 0;
    for (const Marker& m : doc.markers) {
      if (m.Target().find("#cite_note-") == std::string::npos) continue;
      ++cite_links;
      EXPECT_GE(m.note, 0) << page << " " << m.Target();
      EXPECT_FALSE(m.external) << page << " " << m.Target();
    }
    EXPECT_EQ(cite_links, links) << page;
    const auto findings = CountFindings(doc);
    EXPECT_EQ(findings.count("notes.dangling-marker"), 0u) << page;
    EXPECT_EQ(findings.count("notes.unused-note"), 0u) << page;
  }
}

TEST(CorpusTest, StandardEbooksEndnotesResolveAcrossFiles) {
  REQUIRE_CORPUS();
  // Ten Days: 20 endnotes in endnotes.xhtml, cited from the chapters; other
  // noterefs link into appendices (sections, not notes).
  std::vector<Document> docs;
  const fs::path root = Documents() / "standard-ebooks/john-reed_ten-days-that-shook-the-world/src/epub/text";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(root)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) docs.push_back(LoadFile(f));
  std::vector<Document*> pointers;
  for (auto& d : docs) pointers.push_back(&d);
  ResolveAcrossDocuments(pointers);
  int notes = 0;
  for (const Document& d : docs) {
    notes += static_cast<int>(d.notes.size());
    const auto findings = CountFindings(d);
    EXPECT_EQ(findings.count("notes.dangling-marker"), 0u) << d.path();
    EXPECT_EQ(findings.count("notes.unused-note"), 0u) << d.path();
  }
  EXPECT_EQ(notes, 20);
}

}  // namespace
}  // namespace citelint
