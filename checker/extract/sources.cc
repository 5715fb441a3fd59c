// What a note says its source is: "Title — Outlet verb …", "@handle on X — “…”",
// "Name on Bluesky: …", "… the Courier reported …", or a URL's domain.
#include "checker/extract/extract.h"
#include "checker/text/regex.h"
#include "checker/text/unicode.h"

namespace citelint::extract {
namespace {

// The separator between a note's title and its description, outside quotes.
size_t FindDash(std::string_view s) {
  int depth = 0;
  uint32_t i = 0;
  while (i < s.size()) {
    const uint32_t at = i;
    const int32_t c = text::NextCodePoint(s, i);
    if (c == 0x201C) ++depth;
    if (c == 0x201D && depth > 0) --depth;
    if (depth == 0 && (c == 0x2014 || c == 0x2013) && at > 0 && s[at - 1] == ' ' && i < s.size() && s[i] == ' ') {
      return at;
    }
  }
  return std::string_view::npos;
}

// The host part of a URL, as offsets into it.
Span Domain(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  const size_t end = std::min(url.find_first_of("/?#:", start), url.size());
  return {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
}

// Where a piece of the note's text (a view into it) lies in the text.
Span Within(std::string_view text, std::string_view part) {
  const auto begin = static_cast<uint32_t>(part.data() - text.data());
  return {begin, begin + static_cast<uint32_t>(part.size())};
}

}  // namespace

const EntityRef& Source::Publisher() const {
  static const EntityRef* const kNone = new EntityRef();
  return publisher_ref != nullptr ? *publisher_ref : *kNone;
}

Source DescribeNote(const Note& note, const LexiconIndex& lex, std::vector<std::string>& words,
                    EntityRef& publisher, std::vector<Quote>& quotes, std::vector<Figure>& figures,
                    TextArena& quote_words) {
  publisher = EntityRef();
  quotes.clear();
  Source src;
  const std::string_view t = note.text;
  std::vector<UnbalancedQuote> ignored;
  FindQuotes(t, quotes, ignored, quote_words);
  figures = FindFigures(t, &lex);
  ClassifyQuotes(t, quotes, lex);
  NormalizedWords(t, words);
  if (!note.Urls().empty()) src.domain = Domain(note.Urls().front());
  const std::string_view domain = src.Domain(note);

  const size_t dash = FindDash(t);
  std::string_view head = dash == std::string_view::npos ? t : t.substr(0, dash);
  std::string_view rest = dash == std::string_view::npos ? std::string_view() : t.substr(dash + 3);
  src.described = dash != std::string_view::npos;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!head.empty() && head.back() == ' ') head.remove_suffix(1);

  // "@sama on X — …": a handle on a platform.
  if (!head.empty() && head.front() == '@') {
    size_t end = 1;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '_')) ++end;
    src.handle = Within(t, head.substr(1, end - 1));
    publisher = lex.ResolveHandle(src.Handle(note));
    src.publisher_from_text = true;
    src.described = true;
    const size_t on = head.find(" on ", end);
    if (on != std::string_view::npos) src.platform = Within(t, head.substr(on + 4));
    return src;
  }
  // "Mara Quint on Bluesky — …" / "Mara Quint on Bluesky: …"
  if (const size_t on = head.find(" on "); on != std::string_view::npos && on < 60) {
    std::string_view platform = head.substr(on + 4);
    const size_t stop = platform.find_first_of(":,");
    if (stop != std::string_view::npos) platform = platform.substr(0, stop);
    if (lex.IsPlatform(std::string(platform))) {
      src.platform = Within(t, platform);
      publisher = lex.ResolveName(head.substr(0, on));
      src.publisher_from_text = true;
      src.described = true;
      src.title = Within(t, head);
      return src;
    }
  }
  src.title = Within(t, head);
  // "— Outlet verb …": the capitalized words at the start of the description.
  if (!rest.empty()) {
    std::vector<Span> quote_spans;
    if (auto a = FindAttribution(rest.substr(0, std::min<size_t>(rest.size(), 160)), quote_spans, lex, nullptr);
        a && !a->unnamed && a->how != "subject") {
      // Only a speaker at the very start of the description is the note's source.
      const std::string first_words = text::FoldCase(rest.substr(0, a->Speaker().display.size() + 4));
      if (first_words.find(text::FoldCase(a->Speaker().display)) != std::string::npos) {
        publisher = a->Speaker();
      }
    }
  }
  // Otherwise whoever the note's opening words credit ("Ferry strike, the Courier
  // reported"). Later credits in a long note (a legal footnote discussing
  // what someone said) do not make the note that person's source.
  if (publisher.empty()) {
    constexpr size_t kOpeningWords = 25;
    size_t cut = 0;
    for (size_t words = 0; cut < t.size() && words < kOpeningWords; ++cut) {
      if (t[cut] == ' ') ++words;
    }
    const std::string_view opening = t.substr(0, cut);
    std::vector<Span> quote_spans;
    for (const Quote& q : quotes) {
      if (q.text.begin < opening.size()) quote_spans.push_back({q.text.begin, std::min<uint32_t>(q.text.end, static_cast<uint32_t>(opening.size()))});
    }
    if (auto a = FindAttribution(opening, quote_spans, lex, nullptr); a && !a->unnamed && a->how != "subject") {
      publisher = a->Speaker();
    }
  }
  if (!publisher.empty()) src.publisher_from_text = true;
  if (publisher.empty() && !domain.empty()) publisher = lex.ResolveDomain(domain);
  return src;
}

}  // namespace citelint::extract
