// Quotations: where they are, the words they hold (editorial insertions in
// brackets and ellipses split a quotation into fragments that must each be
// found in the source), and what kind of quotation it is — reported speech,
// or words quoted as words (a term, a title, a string of code).
#include <algorithm>
#include <array>

#include "checker/extract/extract.h"
#include "checker/text/regex.h"
#include "checker/text/unicode.h"

namespace citelint::extract {

const char* QuoteKindName(QuoteKind k) {
  switch (k) {
    case QuoteKind::kSpeech: return "speech";
    case QuoteKind::kTerm: return "term";
    case QuoteKind::kTitle: return "title";
    case QuoteKind::kCode: return "code";
  }
  return "speech";
}

namespace {

// Splits the inside of a quotation into fragments at editorial brackets
// (`[The company has]`, `[sic]`, `[…]`) and ellipses (`…`, `...`, `. . .`);
// the bracketed words are the writer's, not the source's.
QuoteFragments Fragments(std::string_view inner, uint32_t& word_count, TextArena& kept) {
  thread_local std::string packed;  // (reused from quote to quote)
  packed.clear();
  size_t start = 0;
  thread_local std::vector<std::string> words;  // (reused from fragment to fragment)
  auto flush = [&](size_t end) {
    if (end > start) {
      NormalizedWords(inner.substr(start, end - start), words);
      word_count += static_cast<uint32_t>(words.size());
      QuoteFragments::Pack(words, packed);
    }
  };
  size_t i = 0;
  bool closing_bracket = inner.find(']') != std::string_view::npos;  // none left: stop looking
  while (i < inner.size()) {
    // Only '[', '.' and the lead byte of '…' can start a cut: on to the next.
    if (inner[i] != '[' && inner[i] != '.' && inner[i] != '\xE2') {
      ++i;
      continue;
    }
    if (inner[i] == '[' && closing_bracket) {
      const size_t close = inner.find(']', i);
      if (close != std::string_view::npos) {
        flush(i);
        start = i = close + 1;
        continue;
      }
      closing_bracket = false;
    }
    if (inner.compare(i, 3, "\u2026") == 0) {
      flush(i);
      start = i = i + 3;
      continue;
    }
    if (inner.compare(i, 3, "...") == 0 || inner.compare(i, 5, ". . .") == 0) {
      flush(i);
      size_t j = i;
      while (j < inner.size() && (inner[j] == '.' || inner[j] == ' ')) ++j;
      start = i = j;
      continue;
    }
    ++i;
  }
  flush(inner.size());
  return QuoteFragments(kept.Keep(packed));
}

// The bytes a quotation's search stops at (see FindQuotes).
constexpr auto kQuoteSearchByte = [] {
  std::array<bool, 256> stop{};
  for (unsigned char b : {'\n', '"', '\xE2', '\xC2'}) stop[b] = true;
  return stop;
}();

bool IsOpeningContext(int32_t before) {
  return before < 0 || text::IsWhitespace(before) || before == '(' || before == '[' || before == 0x2014 ||
         before == 0x2013 || before == '/';
}

}  // namespace

void FindQuotes(std::string_view text, std::vector<Quote>& quotes, std::vector<UnbalancedQuote>& unbalanced,
                TextArena& kept) {
  uint32_t i = 0;
  while (i < text.size()) {
    // Only '"' and the marks “ ” „ « (lead bytes 0xE2 and 0xC2, which never
    // continue another character) can open a quotation: on to the next such
    // byte without decoding what lies between.
    while (i < text.size() && text[i] != '"' && text[i] != '\xE2' && text[i] != '\xC2') ++i;
    if (i >= text.size()) break;
    const uint32_t open_at = i;
    const int32_t c = text::NextCodePoint(text, i);
    int32_t close = -1;
    bool reversed = false;  // ”…” (a conversion artefact that opens with a closing mark)
    auto before = [&] {
      uint32_t p = open_at;
      return text::PrevCodePoint(text, p);
    };
    if (c == 0x201C) close = 0x201D;            // “ … ”
    else if (c == 0x00AB) close = 0x00BB;       // « … »
    else if (c == 0x201E) close = 0x201C;       // „ … “
    else if (c == '"') {
      // A straight quote opens only at the start of a word.
      if (!IsOpeningContext(before())) continue;
      close = '"';
    } else if (c == 0x201D && IsOpeningContext(before())) {
      // A closing mark at the start of a word, before a letter, opens.
      uint32_t k = i;
      const int32_t after = text::NextCodePoint(text, k);
      if (!(text::IsLetter(after) || (after >= '0' && after <= '9'))) continue;
      close = 0x201D;
      reversed = true;
    }
    if (close < 0) continue;
    const uint32_t body = i;
    uint32_t j = i;
    bool closed = false;
    uint32_t body_end = 0;
    int depth = 0;  // “…‘…“…”…’…”: a quotation nested in a quotation in a quotation
    // A reversed opener is a guess: its closing mark is looked for nearby only.
    const uint32_t limit = reversed ? std::min<uint32_t>(static_cast<uint32_t>(text.size()), body + 2000)
                                    : static_cast<uint32_t>(text.size());
    while (j < limit) {
      // Only a line feed, '"' and the marks “ ” „ « » (lead bytes 0xE2 and
      // 0xC2, which never continue another character) end, nest or close a
      // quotation: on to the next such byte without decoding what lies between.
      if (!kQuoteSearchByte[static_cast<unsigned char>(text[j])]) {
        ++j;
        continue;
      }
      const uint32_t at = j;
      const int32_t d = text::NextCodePoint(text, j);
      if (d == '\n' && j < text.size() && text[j] == '\n') break;  // a paragraph ends the search
      if (!reversed && c == 0x201C && d == 0x201C) {
        ++depth;
        continue;
      }
      if (d == close && depth > 0) {
        --depth;
        continue;
      }
      if (d == close) {
        // A reversed opener closes at a mark that ends a word, not one that opens another.
        uint32_t q = at;
        if (reversed && IsOpeningContext(text::PrevCodePoint(text, q))) break;
        closed = true;
        body_end = at;
        break;
      }
      if (d == c && c != '"' && c != close && c != 0x201C) break;  // a second opening before any closing
      if (reversed && d == 0x201C) break;
    }
    if (!closed) {
      if (reversed) continue;  // a stray mark, not an unbalanced quotation
      // Skip to the end of the paragraph so the rest is not read as quoted.
      const size_t para = text.find("\n\n", body);
      i = para == std::string_view::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(para);
      // A quotation that runs over several paragraphs opens each one and
      // closes only the last: not unbalanced.
      uint32_t next = i;
      while (next < text.size() && (text[next] == '\n' || text[next] == ' ' || text[next] == '\t')) ++next;
      uint32_t peek = next;
      const bool continued = next < text.size() && text::NextCodePoint(text, peek) == c;
      if (!continued) unbalanced.push_back({open_at});
      continue;
    }
    Quote q;
    q.text = {body, body_end};
    const std::string_view inner = text.substr(body, body_end - body);
    q.fragments = Fragments(inner, q.word_count, kept);
    uint32_t e = body_end;
    const int32_t last = text::PrevCodePoint(text, e);
    q.punctuated = last == ',' || last == '.' || last == '!' || last == '?' || last == 0x2026 || last == 0x2014;
    if (q.word_count > 0) quotes.push_back(std::move(q));
    i = j;
  }
}

namespace {

bool CodeLike(std::string_view inner) {
  if (inner.empty()) return false;
  for (std::string_view sign : {"()", "=", "{", "}", "::", "->", "=>", "\\", "_", "</", "/>", "${", "%s", "%d", "#!"}) {
    if (inner.find(sign) != std::string_view::npos) return true;
  }
  const char first = inner.front();
  if (first == '.' || first == '-' || first == '/' || first == '$' || first == '%' || first == '<' || first == '@') {
    return true;
  }
  // One token with characters a word does not have (os.path, utf8, a.b-c).
  if (inner.find_first_of(" \t\n") == std::string_view::npos) {
    uint32_t i = 0;
    while (i < inner.size()) {
      const int32_t ch = text::NextCodePoint(inner, i);
      if (!text::IsLetter(ch) && ch != '-' && ch != '\'' && ch != 0x2019 && ch != '.' && ch != ',' && ch != '!' && ch != '?') {
        return true;
      }
      if (ch == '.' && i < inner.size() && text::IsLetter(static_cast<unsigned char>(inner[i]))) return true;
    }
  }
  return false;
}

bool TitleLike(std::string_view inner) {
  // Most of the longer words capitalized: the title of a work or a name.
  int long_words = 0, capitalized = 0;
  uint32_t i = 0;
  bool first_word = true;
  bool first_capital = false;
  while (i < inner.size()) {
    while (i < inner.size() && !text::IsLetter(static_cast<unsigned char>(inner[i])) && (static_cast<unsigned char>(inner[i]) < 0x80)) ++i;
    if (i >= inner.size()) break;
    const uint32_t start = i;
    uint32_t k = i;
    const int32_t c = text::NextCodePoint(inner, k);
    int letters = 0;
    uint32_t end = i;
    while (end < inner.size()) {
      uint32_t m = end;
      const int32_t d = text::NextCodePoint(inner, m);
      if (!text::IsLetter(d) && d != '\'' && d != 0x2019 && d != '-') break;
      ++letters;
      end = m;
    }
    if (end == start) {
      i = k;
      continue;
    }
    if (first_word) first_capital = text::IsUpper(c);
    first_word = false;
    if (letters >= 4) {
      ++long_words;
      if (text::IsUpper(c)) ++capitalized;
    }
    i = end;
  }
  return first_capital && long_words >= 2 && capitalized * 4 >= long_words * 3;
}

}  // namespace

void ClassifyQuotes(std::string_view text, std::vector<Quote>& quotes, const LexiconIndex& lex) {
  // Parenthesis depth before each quote, in one pass (paragraphs reset it):
  // from one '(', ')' or line feed to the next, each found by find (memchr;
  // most bytes are none of them), the end of the text when there is none.
  int depth = 0;
  auto next = [&](char c, size_t from) { return std::min(text.find(c, from), text.size()); };
  size_t open = next('(', 0), close = next(')', 0), line = next('\n', 0);
  for (Quote& q : quotes) {
    for (;;) {
      const size_t pos = std::min({open, close, line});
      if (pos >= q.text.begin) break;
      if (pos == open) {
        ++depth;
        open = next('(', pos + 1);
      } else if (pos == close) {
        if (depth > 0) --depth;
        close = next(')', pos + 1);
      } else {
        if (pos + 1 < text.size() && text[pos + 1] == '\n') depth = 0;
        line = next('\n', pos + 1);
      }
    }
    q.parenthetical = depth > 0;
  }
  std::vector<std::string> words;  // the words before a quote, reused from quote to quote
  for (Quote& q : quotes) {
    const std::string_view inner = text.substr(q.text.begin, q.text.size());
    if (CodeLike(inner)) {
      q.kind = QuoteKind::kCode;
      continue;
    }
    // The words before the opening mark, in the same sentence.
    const uint32_t open = q.text.begin;
    const uint32_t from = open > 80 ? open - 80 : 0;
    std::string_view before = text.substr(from, open - from);
    if (const size_t nl = before.rfind('\n'); nl != std::string_view::npos) before.remove_prefix(nl + 1);
    NormalizedWords(before, words);
    // Naming words right before: "titled", "the term", "so-called".
    bool named = false;
    for (size_t k = words.size() > 2 ? words.size() - 2 : 0; k < words.size(); ++k) {
      if (lex.IsQuoteNaming(words[k])) named = true;
    }
    // "the “Static async fn in traits” RFC", "the “borrow checker of the
    // future”": a quotation after a determiner names a thing.
    const bool determined = !words.empty() && !q.punctuated && lex.IsDeterminer(words.back()) && words.back() != "one";
    if (determined) named = true;
    if (TitleLike(inner) || (named && !q.punctuated)) {
      q.kind = named && !TitleLike(inner) ? QuoteKind::kTerm : QuoteKind::kTitle;
      continue;
    }
    // A short quotation with no punctuation of its own and no speech cue
    // before it is a word or phrase in quotation marks (a scare quote, a
    // term), not reported speech.
    if (q.word_count <= 4 && !q.punctuated) {
      bool cue = false;
      for (size_t k = words.size() > 6 ? words.size() - 6 : 0; k < words.size(); ++k) {
        if (lex.IsCueVerb(words[k])) cue = true;
      }
      uint32_t b = open;
      text::PrevCodePoint(text, b);  // the opening mark
      int32_t prev = text::PrevCodePoint(text, b);
      while (prev == ' ') prev = text::PrevCodePoint(text, b);
      if (prev == ':' || prev == ',') cue = true;
      if (!cue) q.kind = QuoteKind::kTerm;
    }
  }
}

}  // namespace citelint::extract

namespace citelint::extract {

std::vector<Span> FindCitations(std::string_view text) {
  // A reporter or code citation (746 F.3d 273; 800 F. Supp. 2d at 292;
  // 52 U.S.C. 30121), a section or paragraph sign, Id. and Ibid.
  static const text::Regex* const kCitation = [] {
    auto re = text::Regex::Compile(
        "(?:\\bId\\.|\\bIbid\\b|\u00A7|\u00B6|\\b\\d{1,4} (?:[A-Z][A-Za-z]{0,7}\\.\\s?){1,4}(?:\\d[a-z]{1,2} )?(?:at )?\\d)");
    return re.ok() ? new text::Regex(std::move(re).value()) : nullptr;
  }();
  if (kCitation == nullptr) return {};
  return kCitation->FindAll(text);
}

}  // namespace citelint::extract
