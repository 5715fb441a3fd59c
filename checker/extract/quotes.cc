#include "checker/extract/extract.h"
#include "checker/text/unicode.h"

namespace citelint::extract {

void FindQuotes(std::string_view text, std::vector<Quote>& quotes, std::vector<UnbalancedQuote>& unbalanced) {
  uint32_t i = 0;
  while (i < text.size()) {
    const uint32_t open_at = i;
    const int32_t c = text::NextCodePoint(text, i);
    int32_t close = -1;
    if (c == 0x201C) close = 0x201D;            // “ … ”
    else if (c == 0x00AB) close = 0x00BB;       // « … »
    else if (c == 0x201E) close = 0x201C;       // „ … “
    else if (c == '"') {
      // A straight quote opens only at the start of a word.
      uint32_t p = open_at;
      const int32_t before = text::PrevCodePoint(text, p);
      if (before >= 0 && !text::IsWhitespace(before) && before != '(' && before != '[' && before != 0x2014) continue;
      close = '"';
    }
    if (close < 0) continue;
    const uint32_t body = i;
    uint32_t j = i;
    bool closed = false;
    uint32_t body_end = 0;
    while (j < text.size()) {
      const uint32_t at = j;
      const int32_t d = text::NextCodePoint(text, j);
      if (d == '\n' && j < text.size() && text[j] == '\n') break;  // a paragraph ends the search
      if (d == close) {
        closed = true;
        body_end = at;
        break;
      }
      if (d == c && c != '"' && c != close) break;  // a second opening before any closing
    }
    if (!closed) {
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
    q.words = NormalizedWords(text.substr(body, body_end - body));
    if (!q.words.empty()) quotes.push_back(std::move(q));
    i = j;
  }
}

}  // namespace citelint::extract
