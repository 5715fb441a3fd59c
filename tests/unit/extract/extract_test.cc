// Extractors one by one: quotes, attribution patterns, figures, note
// descriptions, sentences. Names here are not in the shipped lexicons unless
// a test says so: the extractors must work from the text alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "checker/extract/extract.h"
#include "tests/test_util.h"

namespace citelint::extract {
namespace {

const LexiconIndex& Lex() {
  static const LexiconIndex* lex = new LexiconIndex(test::ShippedResources().lexicons);
  return *lex;
}

std::vector<std::string> QuoteTexts(std::string_view text, std::vector<UnbalancedQuote>* unbalanced = nullptr) {
  std::vector<Quote> quotes;
  std::vector<UnbalancedQuote> u;
  TextArena kept;
  FindQuotes(text, quotes, u, kept);
  if (unbalanced) *unbalanced = u;
  std::vector<std::string> out;
  for (const Quote& q : quotes) out.emplace_back(text.substr(q.text.begin, q.text.size()));
  return out;
}

TEST(QuotesTest, CurlyStraightGuillemetsAndLowQuotes) {
  EXPECT_EQ(QuoteTexts("He said “a ‘nested’ one” and \"a straight one\"."),
            (std::vector<std::string>{"a ‘nested’ one", "a straight one"}));
  EXPECT_EQ(QuoteTexts("Elle a dit «bonjour» puis „hallo“."), (std::vector<std::string>{"bonjour", "hallo"}));
  EXPECT_TRUE(QuoteTexts("It’s the company’s ’90s plan.").empty());
}

TEST(QuotesTest, UnbalancedIsReportedAndDoesNotSpill) {
  std::vector<UnbalancedQuote> u;
  const auto q = QuoteTexts("He said “never mind. Then more.\n\nNext paragraph “quoted” here.", &u);
  ASSERT_EQ(u.size(), 1u);
  EXPECT_EQ(u[0].offset, 8u);
  EXPECT_EQ(q, std::vector<std::string>{"quoted"});
  // A quotation over several paragraphs reopens each one and closes the last.
  std::vector<UnbalancedQuote> none;
  QuoteTexts("“Comrades! You are the masters.\n\n“Defend the treasures.”", &none);
  EXPECT_TRUE(none.empty());
}

std::string Speaker(std::string_view text, const EntityRef* last = nullptr) {
  std::vector<Quote> quotes;
  std::vector<UnbalancedQuote> u;
  TextArena kept;
  FindQuotes(text, quotes, u, kept);
  std::vector<Span> spans;
  for (const Quote& q : quotes) spans.push_back(q.text);
  auto a = FindAttribution(text, spans, Lex(), last);
  return a ? a->Speaker().display : "";
}

TEST(AttributionTest, NewsStylePatterns) {
  EXPECT_EQ(Speaker("Mara Quint said the talks had failed."), "Mara Quint");
  EXPECT_EQ(Speaker("The ministry’s figures, according to Harbour Weekly, were wrong."), "Harbour Weekly");
  EXPECT_EQ(Speaker("“We are done,” Quint said on Bluesky."), "Quint");
  EXPECT_EQ(Speaker("“We are done,” said union organiser Mara Quint."), "Mara Quint");
  EXPECT_EQ(Speaker("As the Valley Courier put it, the vote was close."), "Valley Courier");
  EXPECT_EQ(Speaker("Or as Harbour Weekly neatly summarizes it: the deal is off."), "Harbour Weekly");
  EXPECT_EQ(Speaker("Ridgeway Mining’s own blog framed it as a pause."), "Ridgeway Mining");
  EXPECT_EQ(Speaker("The firm’s chief operating officer, Ana Ruiz, told staff the plant would close."), "Ana Ruiz");
  EXPECT_EQ(Speaker("On Bluesky, Tomas Berg amplified a critique of the plan."), "Tomas Berg");
  EXPECT_EQ(Speaker("CEO Priya Anand wrote on LinkedIn: “a good day”."), "Priya Anand");
  EXPECT_EQ(Speaker("The Financial Times reports that talks stalled."), "Financial Times");  // lexicon, whole
}

TEST(AttributionTest, NotAttributions) {
  EXPECT_EQ(Speaker("Payments ran until the milestone was declared."), "");
  // "called off" is no speech cue: the union is only the sentence's subject, a guess.
  const std::string vote = "The union called off the vote, “for now”.";
  const uint32_t for_at = static_cast<uint32_t>(vote.find("for now"));
  const std::vector<Span> for_now{{for_at, for_at + 7}};
  auto union_vote = FindAttribution(vote, for_now, Lex(), nullptr);
  EXPECT_TRUE(!union_vote || union_vote->how == "subject");
  EXPECT_EQ(Speaker("Trade across the United States slowed."), "");
  EXPECT_EQ(Speaker("A sentence that “Quint said nothing” quotes a cue."), "");
}

TEST(AttributionTest, PronounsAndIntermediaries) {
  const EntityRef last = Lex().ResolveName("Mara Quint");
  EXPECT_EQ(Speaker("“It is over,” she said.", &last), "Mara Quint");
  // With nobody to refer back to, "she" is a speaker the text does not name.
  std::vector<Span> quote{{3, 14}};
  auto unresolved = FindAttribution("“It is over,” she said.", quote, Lex(), nullptr);
  ASSERT_TRUE(unresolved.has_value());
  EXPECT_TRUE(unresolved->unnamed);
  std::vector<Span> none;
  auto a = FindAttribution("Ridge Post reporting (summarized by the Valley Courier) suggested delays.", none, Lex(), nullptr);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->Speaker().display, "Ridge Post");
  ASSERT_TRUE(a->via.has_value());
  EXPECT_EQ(a->via->display, "Valley Courier");
}

TEST(FiguresTest, NormalizedValues) {
  const std::string_view text = "A $50B deal, $50 billion in all, €3m, 20% and 20 percent, in 2019, 1,200 workers.";
  const auto f = FindFigures(text, &Lex());
  ASSERT_EQ(f.size(), 7u);
  EXPECT_EQ(f[0].kind, FigureKind::kMoney);
  EXPECT_DOUBLE_EQ(f[0].value, 5e10);
  EXPECT_DOUBLE_EQ(f[1].value, 5e10);
  EXPECT_EQ(f[1].Written(text), "$50 billion");
  EXPECT_EQ(f[2].Unit(), "€");
  EXPECT_EQ(f[0].Unit(), "$");
  EXPECT_EQ(f[3].Unit(), "");
  EXPECT_DOUBLE_EQ(f[2].value, 3e6);
  EXPECT_EQ(f[3].kind, FigureKind::kPercent);
  EXPECT_DOUBLE_EQ(f[3].value, 20);
  EXPECT_EQ(f[4].kind, FigureKind::kPercent);
  EXPECT_EQ(f[5].kind, FigureKind::kYear);
  EXPECT_EQ(f[6].kind, FigureKind::kCount);
  EXPECT_DOUBLE_EQ(f[6].value, 1200);
  // Its words, found again in the text it was found in.
  const FigureWords words = WordsOf(f[6], text, 0, 4, &Lex());
  EXPECT_TRUE(words.context.Contains("worker"));
  EXPECT_FALSE(words.context.Contains("work"));
  EXPECT_EQ(words.noun.Words(), (std::vector<std::string_view>{"worker"}));
  const std::string_view came = "About 1,200 workers came.";
  EXPECT_TRUE(WordsOf(FindFigures(came, &Lex())[0], came, 0, 0, &Lex()).context.empty());  // no window, no context
  // A claim's figure, moved into the document's text, finds its words in
  // the claim, as FindFigures on the claim alone does: not past the marker
  // that ends the claim, nor in the claim before it.
  Document doc = test::Load("Ferry crews voted today.1 The mill spent $1.2 million on repairs,2 officials said.\n\n"
                            "Notes\n1. A\n2. B\n",
                            Format::kText);
  const Extraction x = Extract(doc, Lex());
  ASSERT_EQ(x.claims.size(), 2u);
  const Claim& mill = x.claims[1];
  ASSERT_EQ(x.FiguresOf(mill).size(), 1u);
  const std::string_view claim_text = std::string_view(doc.text).substr(mill.text.begin, mill.text.size());
  const FigureWords in_claim = WordsOf(x.FiguresOf(mill)[0], claim_text, mill.text.begin, 4, &Lex());
  EXPECT_EQ(in_claim.context.packed(), WordsOf(FindFigures(claim_text, &Lex())[0], claim_text, 0, 4, &Lex()).context.packed());
  EXPECT_TRUE(in_claim.context.Contains("mill"));
  EXPECT_TRUE(in_claim.context.Contains("repair"));
  EXPECT_FALSE(in_claim.context.Contains("official"));  // after the claim's marker
  EXPECT_FALSE(in_claim.context.Contains("crew"));      // in the claim before
}

TEST(FiguresTest, NumbersInsideWordsAreNotFigures) {
  EXPECT_TRUE(FindFigures("COVID-19 and the 737MAX and @4qd8 and utf_8", &Lex()).empty());
}

// A note's description, with the parts a Source keeps as offsets into the
// note read out while the note is there.
struct Described : Source {
  std::string title, handle, platform, domain;
  EntityRef publisher;  // a copy: the Source's points into the extraction
  size_t quotes = 0;    // how many quotes the note has
};

Described Describe(const std::string& note_text) {
  Document doc = test::Load("Claim.1\n\nNotes\n1. " + note_text + "\n", Format::kText);
  Extraction x = Extract(doc, Lex());
  Described d{x.sources.at(0), "", "", "", "", x.sources.at(0).Publisher(), x.QuotesOf(0).size()};
  const Note& n = doc.notes.at(0);
  d.title = d.Title(n), d.handle = d.Handle(n), d.platform = d.Platform(n), d.domain = d.Domain(n);
  return d;
}

TEST(NoteDescriptionTest, OutletsHandlesAndDomains) {
  Described s = Describe("Port reopens — Harbour Gazette reports that ships are moving again");
  EXPECT_EQ(s.title, "Port reopens");
  EXPECT_EQ(s.publisher.display, "Harbour Gazette");

  s = Describe("@sama on X — “we have updated our partnership”");
  EXPECT_EQ(s.handle, "sama");
  EXPECT_EQ(s.platform, "X");
  EXPECT_EQ(s.publisher.display, "Sam Altman");  // the lexicon knows this handle
  ASSERT_EQ(s.quotes, 1u);

  s = Describe("@unknownperson on Bluesky — “hello”");
  EXPECT_EQ(s.publisher.display, "@unknownperson");

  s = Describe("Mara Quint on Bluesky — “the strike is over”");
  EXPECT_EQ(s.publisher.display, "Mara Quint");
  EXPECT_EQ(s.platform, "Bluesky");

  s = Describe("Funding news, https://news.ridgepost.co.uk/story/1");
  EXPECT_EQ(s.publisher.key, "ridgepost");
  EXPECT_EQ(s.domain, "news.ridgepost.co.uk");

  s = Describe("The next phase of the partnership — The amended agreement is framed as a change");
  EXPECT_TRUE(s.publisher.empty());
}

TEST(SentencesTest, QuotesMarkersAndAbbreviations) {
  Document doc = test::Load(
      "The U.S. regulator met Mr. Smith of Acme Inc. on Friday. It ended “broadly.”1 Then more.2\n\n1. A\n2. B\n",
      Format::kText);
  const auto sentences = SplitSentences(doc);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(doc.text.substr(sentences[1].text.begin, sentences[1].text.size()), "It ended “broadly.”");
  const Extraction x = Extract(doc, Lex());
  ASSERT_EQ(x.claims.size(), 2u);
  EXPECT_EQ(doc.text.substr(x.claims[0].text.begin, x.claims[0].text.size()), "It ended “broadly.”");
  EXPECT_EQ(x.claims[0].Quotes().size(), 1u);
}

// Each speaker is found once and kept once: a claim that is its whole
// sentence points at the sentence's speaker, sentences that carry a speaker
// on share one copy, and a clause after an earlier marker has its own.
TEST(SentencesTest, BoundariesARunOfLinesAtATimeAreTheWholeTextsBoundaries) {
  // Abbreviations ICU suppresses breaks after (whole, "Ph.D."-style partial
  // ones, and their prefixes), quotations, every kind of line end, and
  // characters of one to four bytes (an emoji is two UTF-16 units), in a
  // pseudo-random order; split into runs as small as one line.
  const char* const kPieces[] = {"Mr. ", "Dr. Smith ", "U.S. ", "Ph.D. ", "Ph. ", "e.g. ", "i.e., ", "etc. and ",
                                 "No. 5 ", "Inc. ", "Gen.", "St. ", "A.", "b. ", "Jan. ", "He said. ", "It rose.",
                                 " \u201cHello,\u201d she said. ", "Why?\u201d asked ", "Stop!\u201d ", "\n", "\r\n",
                                 "\n\n", "\r", "\u00e9", "\U0001F600", "\u2028", "\u2029", "\u0085", "word ", "The ",
                                 ". ", "! ", "? ", "...", "(", ")", "\"", "'", "1.5 ", "\t", "  ", "\u00a0", "Z"};
  uint32_t state = 2024;
  for (int doc = 0; doc < 60; ++doc) {
    std::string text;
    for (int k = 0; k < 1500; ++k) {
      state = state * 1103515245u + 12345u;
      text += kPieces[(state >> 16) % (sizeof kPieces / sizeof *kPieces)];
    }
    const std::vector<uint32_t> whole = SentenceBoundaries(text, SIZE_MAX, false);  // one UTF-8 text, as ICU reads it
    ASSERT_FALSE(whole.empty());
    for (const size_t run : {size_t{1}, size_t{7}, size_t{64}, size_t{500}, kSentenceRun}) {
      ASSERT_EQ(SentenceBoundaries(text, run), whole) << "document " << doc << ", runs of " << run << " bytes";
      ASSERT_EQ(SentenceBoundaries(text, run, false), whole) << "document " << doc << ", UTF-8 runs of " << run;
    }
  }
  // Not well-formed UTF-8: those runs go through ICU's UTF-8 adapter.
  const std::string broken = "One.\nTwo \xC3 three.\nFour \xF0\x9F.\nFive.";
  EXPECT_EQ(SentenceBoundaries(broken, 1), SentenceBoundaries(broken, SIZE_MAX, false));
}

TEST(ExtractTest, SpeakersAreSharedAndClaimsViewTheirRuns) {
  Document doc = test::Load(
      "Odile Brandt said the ferry would run.1 “It will,” she added. “Every day.” “All year.”\n\n"
      "The Skerry Post reported a delay,2,3 and Ines Varga said “no”.4\n\n"
      "1. A\n2. B\n3. C\n4. D\n",
      Format::kText);
  const Extraction x = Extract(doc, Lex());
  ASSERT_EQ(x.sentences.size(), 5u);
  ASSERT_EQ(x.claims.size(), 3u);
  // Claim 1 is the whole first sentence: the same object as the sentence's.
  ASSERT_NE(x.claims[0].attribution, nullptr);
  EXPECT_EQ(x.claims[0].attribution, x.sentence_attribution[0]);
  EXPECT_EQ(x.claims[0].attribution->Speaker().display, "Odile Brandt");
  // “Every day.” and “All year.” carry the speaker of “It will,” she added on,
  // one copy for the run.
  ASSERT_NE(x.sentence_attribution[2], nullptr);
  EXPECT_EQ(x.sentence_attribution[2]->how, "context");
  EXPECT_EQ(x.sentence_attribution[3], x.sentence_attribution[2]);
  // The group 2,3 and the clause after it, each a run of the flat vectors.
  EXPECT_EQ(std::vector<int>(x.claims[1].Group().begin(), x.claims[1].Group().end()), (std::vector<int>{1, 2}));
  EXPECT_EQ(std::vector<int>(x.claims[2].Group().begin(), x.claims[2].Group().end()), (std::vector<int>{3}));
  EXPECT_EQ(x.claims[2].Quotes().size(), 1u);
  EXPECT_TRUE(x.claims[1].Quotes().empty());
  ASSERT_NE(x.claims[2].attribution, nullptr);
  EXPECT_EQ(x.claims[2].attribution->Speaker().display, "Ines Varga");
  EXPECT_NE(x.claims[2].attribution, x.sentence_attribution[4]);
  // Every speaker kept is one some sentence or claim points at.
  size_t pointed = 0;
  for (const Attribution& a : x.attributions) {
    const bool used = std::find(x.sentence_attribution.begin(), x.sentence_attribution.end(), &a) !=
                          x.sentence_attribution.end() ||
                      std::any_of(x.claims.begin(), x.claims.end(), [&](const Claim& c) { return c.attribution == &a; });
    pointed += used ? 1 : 0;
  }
  EXPECT_EQ(pointed, x.attributions.size());
}

}  // namespace
}  // namespace citelint::extract

namespace citelint::extract {
namespace {

std::vector<std::string> Cited(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : FindCitations(text)) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(CitationsTest, ReportersStatutesAndId) {
  EXPECT_EQ(Cited("See United States v. Marlow, 746 F.3d 273, 286 (4th Cir. 2014)."), std::vector<std::string>{"746 F.3d 2"});
  EXPECT_EQ(Cited("It is a felony. 22 U.S.C. § 618."), std::vector<std::string>{"§"});
  EXPECT_EQ(Cited("Id. at 5."), std::vector<std::string>{"Id."});
  EXPECT_TRUE(Cited("About 3 U.S. troops were there in 2019.").empty());
}

}  // namespace
}  // namespace citelint::extract

namespace citelint::extract {
namespace {

std::vector<std::string> Written(std::string_view text) {
  std::vector<std::string> out;
  for (const Figure& f : FindFigures(text, &Lex())) out.emplace_back(f.Written(text));
  return out;
}

TEST(FiguresTest, IdentifiersCitationsAndDatesAreNotFigures) {
  EXPECT_TRUE(Written("It merges PR #131961, follows RFC 2119 and PEP 8, needs Python 3.11 and version 1.2.3.").empty());
  EXPECT_TRUE(Written("See 746 F.3d 273, 286 (4th Cir. 2014); 18 U.S.C. § 1001; Id. at 5; No. 17-cr-201.").empty());
  EXPECT_TRUE(Written("On June 5, at 10:30 and at 5 p.m., the ISBN 978-0-00-000000-2 was issued.").empty());
  // "In 1841," is a year (never compared or counted); 7 rooms is a count; a Boeing 737 is a model.
  const std::string_view mill = "In 1841, the mill had 7 rooms and the Boeing 737 fleet flew.";
  const auto f = FindFigures(mill, &Lex());
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, FigureKind::kYear);
  EXPECT_EQ(f[1].Written(mill), "7");
}

TEST(FiguresTest, CountsNeedANounAndCommaGroupedNumbersAreNotYears) {
  const std::string_view ballots = "About 48,000 mail ballots and 1,900 people came; 2019 was the year.";
  const auto f = FindFigures(ballots, &Lex());
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].kind, FigureKind::kCount);
  EXPECT_EQ(WordsOf(f[0], ballots, 0, 4, &Lex()).noun.Words(), (std::vector<std::string_view>{"mail", "ballot"}));
  EXPECT_EQ(f[1].kind, FigureKind::kCount);  // 1,900 with a comma is a count, not a year
  EXPECT_EQ(f[2].kind, FigureKind::kYear);
}

TEST(FiguresTest, Ranges) {
  auto f = FindFigures("inside the 1–3% band and $5-7 million, from 1,900 to 2,100 people", &Lex());
  ASSERT_EQ(f.size(), 3u);
  EXPECT_TRUE(f[0].range());
  EXPECT_DOUBLE_EQ(f[0].value, 1);
  EXPECT_DOUBLE_EQ(f[0].high, 3);
  EXPECT_EQ(f[0].kind, FigureKind::kPercent);
  EXPECT_EQ(f[1].kind, FigureKind::kMoney);
  EXPECT_DOUBLE_EQ(f[1].high, 7e6);
  EXPECT_DOUBLE_EQ(f[2].high, 2100);
  EXPECT_TRUE(FindFigures("pages 12-13 and case 17-201", &Lex()).empty());
}

std::vector<Quote> Quotes(std::string_view text) {
  std::vector<Quote> quotes;
  std::vector<UnbalancedQuote> u;
  static TextArena kept;  // the quotes returned view their words here: kept for the whole run
  FindQuotes(text, quotes, u, kept);
  ClassifyQuotes(text, quotes, Lex());
  return quotes;
}

TEST(QuotesTest, KindsOfQuotation) {
  auto q = Quotes("She said “we will reopen on Monday.” The “default binding mode” terminology and the \"slow\" parser, "
                  "the report titled “Annual Harbour Review” and the string \"utf-8\".");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0].kind, QuoteKind::kSpeech);
  EXPECT_EQ(q[1].kind, QuoteKind::kTerm);
  EXPECT_EQ(q[2].kind, QuoteKind::kTerm);
  EXPECT_EQ(q[3].kind, QuoteKind::kTitle);
  EXPECT_EQ(q[4].kind, QuoteKind::kCode);
}

TEST(QuotesTest, EditorialBracketsAndEllipsesMakeFragments) {
  auto q = Quotes("“[The company has] never raised prices … in winter [sic].”");
  ASSERT_EQ(q.size(), 1u);
  ASSERT_EQ(q[0].fragments.size(), 2u);
  const auto fragments = q[0].fragments.Split();
  EXPECT_EQ(fragments[0], (std::vector<std::string_view>{"never", "raised", "prices"}));
  EXPECT_EQ(fragments[1], (std::vector<std::string_view>{"in", "winter"}));
  EXPECT_EQ(q[0].word_count, 5u);
  EXPECT_EQ(q[0].Words(), (std::vector<std::string_view>{"never", "raised", "prices", "in", "winter"}));
  WordIndex index;
  index.Add(0, NormalizedWords("We have never raised prices, not once, in winter."));
  index.Add(2, NormalizedWords("Prices were raised in summer."));
  index.Add(3, NormalizedWords("They never raised prices."));
  index.Seal();
  EXPECT_TRUE(index.ContainsVerbatim(0, fragments));
  EXPECT_FALSE(index.ContainsVerbatim(1, fragments));  // no text 1
  EXPECT_FALSE(index.ContainsVerbatim(2, fragments));
  // "never raised prices" is in texts 0 and 3, "in winter" only in 0.
  EXPECT_EQ(index.Candidates(fragments), (std::vector<int>{0, 3}));
  EXPECT_DOUBLE_EQ(index.Overlap(0, fragments), 1.0);
  EXPECT_DOUBLE_EQ(index.Overlap(3, fragments), 0.5);
  EXPECT_DOUBLE_EQ(index.Overlap(2, fragments), 0.0);
  // Both at once: the candidates, each with its overlap.
  EXPECT_EQ(index.Overlaps(index.RunsOf(fragments)), (std::vector<std::pair<int, double>>{{0, 1.0}, {3, 0.5}}));
}

// Overlaps answers as Candidates and Overlap do, one by one: on texts that
// repeat a quote's words (a run found twice in one text counts once), share
// some of them, or hold none.
TEST(WordIndexTest, OverlapsIsCandidatesWithTheirOverlap) {
  WordIndex index;
  const std::vector<std::string> texts = {
      "we will keep every route open and we will keep every route open",
      "every route open",
      "nothing like it",
      "",
      "we will keep the ferry running; every route open, we will keep",
      "keep keep keep every every route",
  };
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i != 3) index.Add(static_cast<int>(i), NormalizedWords(texts[i]));  // text 3 skipped: empty
  }
  index.Seal();
  for (const WordIndex::Fragments& quote :
       {WordIndex::Fragments{{"we", "will", "keep", "every", "route", "open"}},
        WordIndex::Fragments{{"every", "route"}, {"we", "will"}}, WordIndex::Fragments{{"keep"}},
        WordIndex::Fragments{{"absent", "words", "only"}},
        // Runs with a word no text has beside runs every text has, and a run repeated.
        WordIndex::Fragments{{"we", "will", "keep", "absent", "every", "route", "open"}},
        WordIndex::Fragments{{"we", "will", "we", "will", "we", "will"}}}) {
    const WordIndex::Runs runs = index.RunsOf(quote);
    std::vector<std::pair<int, double>> one_by_one;
    for (int n : index.Candidates(runs)) one_by_one.emplace_back(n, index.Overlap(n, runs));
    EXPECT_EQ(index.Overlaps(runs), one_by_one);
    // Every text, not only the candidates: a text Overlaps leaves out has no overlap.
    const auto overlaps = index.Overlaps(runs);
    for (int n = 0; n < static_cast<int>(texts.size()); ++n) {
      const bool listed = std::any_of(overlaps.begin(), overlaps.end(), [&](const auto& o) { return o.first == n; });
      EXPECT_EQ(listed, index.Overlap(n, runs) > 0) << n;
    }
  }
  // Runs holding an unknown word count in the whole: two of the five 3-grams are known, and text 0 holds both.
  const auto mixed = index.Overlaps(index.RunsOf({{"we", "will", "keep", "absent", "every", "route", "open"}}));
  ASSERT_FALSE(mixed.empty());
  EXPECT_EQ(mixed.front().first, 0);
  EXPECT_DOUBLE_EQ(mixed.front().second, 2.0 / 5.0);  // "we will keep" and "every route open"
  EXPECT_FALSE(index.Overlaps(index.RunsOf({{"we", "will", "keep", "every", "route", "open"}})).empty());
}

// Thousands of distinct words (the vocabulary's table grown many times):
// every word keeps its id and every run is still found in its own text only.
TEST(WordIndexTest, ManyDistinctWords) {
  WordIndex index;
  constexpr int kTexts = 5000;
  for (int i = 0; i < kTexts; ++i) {
    index.Add(i, {"harbour", "gazette", "count", std::to_string(i), "w" + std::to_string(i * 7)});
  }
  index.Seal();
  for (int i = 0; i < kTexts; i += 97) {
    const std::string number = std::to_string(i);
    const std::string seven = "w" + std::to_string(i * 7);
    const WordIndex::Fragments quote{{"count", number}};
    EXPECT_EQ(index.Candidates(quote), (std::vector<int>{i})) << i;
    EXPECT_TRUE(index.ContainsVerbatim(i, {{number, seven}})) << i;
    EXPECT_FALSE(index.ContainsVerbatim(i + 1, quote)) << i;
    EXPECT_TRUE(index.HoldsName(i, {number})) << i;
  }
  // A word no text has, and a run whose words are all known but never side by side.
  EXPECT_TRUE(index.Candidates(WordIndex::Fragments{{"count", "5000"}}).empty());
  EXPECT_TRUE(index.Candidates(WordIndex::Fragments{{"count", "harbour"}}).empty());
  EXPECT_EQ(index.Candidates(WordIndex::Fragments{{"harbour", "gazette"}}).size(), static_cast<size_t>(kTexts));
}

TEST(QuotesTest, ReversedAndNestedMarks) {
  std::vector<UnbalancedQuote> u;
  EXPECT_EQ(QuoteTexts("He called it ”a disaster” and ”a mess.”", &u), (std::vector<std::string>{"a disaster", "a mess."}));
  EXPECT_TRUE(u.empty());
  EXPECT_EQ(QuoteTexts("“He read: ‘publish “every vote” in full.’ ”", &u),
            (std::vector<std::string>{"He read: ‘publish “every vote” in full.’ "}));
  EXPECT_TRUE(u.empty());
}

TEST(AttributionTest, ConventionsBeyondSaid) {
  EXPECT_EQ(Speaker("“Where is the train?” answered Plekhanov."), "Plekhanov");
  EXPECT_EQ(Speaker("Ridge Post, a weekly trade newsletter, reported the plan."), "Ridge Post");
  EXPECT_EQ(Speaker("Trotsky: “All power to the Soviets.”"), "Trotsky");
  EXPECT_EQ(Speaker("“We hold the line.” — Mara Quint, union organiser"), "Mara Quint");
  EXPECT_EQ(Speaker("Please, said nobody, “stop”."), "");  // "Please" names nobody
  const std::string said = "a spokeswoman said “the line is closed today”";
  const uint32_t open = static_cast<uint32_t>(said.find("the line"));
  const std::vector<Span> quote{{open, static_cast<uint32_t>(said.rfind("\u201D"))}};
  auto a = FindAttribution(said, quote, Lex(), nullptr);
  ASSERT_TRUE(a.has_value());
  EXPECT_TRUE(a->unnamed);
  auto told = FindAttribution("Ana Ruiz told the Valley Courier that the trucks would wait.", {}, Lex(), nullptr);
  ASSERT_TRUE(told.has_value());
  EXPECT_EQ(told->Speaker().display, "Ana Ruiz");
  ASSERT_TRUE(told->medium.has_value());
  EXPECT_EQ(told->medium->display, "Valley Courier");
  // "called off" is no speech cue: the union is only the sentence's subject, a guess.
  const std::string vote = "The union called off the vote, “for now”.";
  const uint32_t for_at = static_cast<uint32_t>(vote.find("for now"));
  const std::vector<Span> for_now{{for_at, for_at + 7}};
  auto union_vote = FindAttribution(vote, for_now, Lex(), nullptr);
  EXPECT_TRUE(!union_vote || union_vote->how == "subject");
  EXPECT_EQ(Speaker("In Lady Lovelace’s notes we find her view."), "");  // a possessive makes "notes" a noun
}

}  // namespace
}  // namespace citelint::extract
