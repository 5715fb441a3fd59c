// Rule-first attribution: who a sentence says is speaking. Patterns, tried
// from the left of the text, outside quotations:
//   according to X                       (cues.before_speaker)
//   X said / X notes that / X put it      (cues.verbs, cues.phrases)
//   “…,” CEO X said  /  “…,” said X       (speaker after the quote; roles dropped)
//   X’s own blog framed it                (cues.speaker_nouns between)
//   …’s chief revenue officer, X, told    (appositive)
//   X reporting (summarized by Y) …       (an intermediary: cues.via)
//   he said                               (a pronoun: the last named person)
#include <algorithm>

#include "checker/extract/extract.h"
#include "checker/text/unicode.h"

namespace citelint::extract {
namespace {

struct Token {
  Span span;
  std::string text;    // as written (without a trailing possessive)
  std::string folded;
  bool capitalized = false;
  bool possessive = false;  // Ridgeway’s
  bool quoted = false;
  char punct = 0;           // ',', '(', ')', ':' for punctuation tokens; 0 for words
};

std::vector<Token> Tokenize(std::string_view s, const std::vector<Span>& quotes) {
  std::vector<Token> out;
  auto in_quote = [&](uint32_t at) {
    return std::any_of(quotes.begin(), quotes.end(), [&](const Span& q) { return at >= q.begin && at < q.end; });
  };
  uint32_t i = 0;
  while (i < s.size()) {
    const uint32_t start = i;
    const int32_t c = text::NextCodePoint(s, i);
    if (c == ',' || c == '(' || c == ')' || c == ':' || c == ';' || c == 0x2014 || c == '.') {
      Token t;
      t.span = {start, i};
      t.punct = c == 0x2014 ? ',' : static_cast<char>(c);
      t.quoted = in_quote(start);
      out.push_back(std::move(t));
      continue;
    }
    if (!(text::IsLetter(c) || c == '@' || (c >= '0' && c <= '9'))) continue;
    uint32_t end = i;
    while (end < s.size()) {
      uint32_t k = end;
      const int32_t d = text::NextCodePoint(s, k);
      if (text::IsLetter(d) || (d >= '0' && d <= '9') || d == '_' || d == '-' || d == 0x2011 ||
          ((d == '\'' || d == 0x2019 || d == '.' || d == '&') && k < s.size() && text::IsLetter(static_cast<unsigned char>(s[k])))) {
        end = k;
      } else {
        break;
      }
    }
    Token t;
    t.span = {start, end};
    std::string word(s.substr(start, end - start));
    for (std::string_view poss : {"\u2019s", "'s"}) {
      if (word.size() > poss.size() && word.compare(word.size() - poss.size(), poss.size(), poss) == 0) {
        word.resize(word.size() - poss.size());
        t.possessive = true;
      }
    }
    t.text = word;
    t.folded = text::FoldCase(word);
    uint32_t k = 0;
    const int32_t first = text::NextCodePoint(word, k);
    t.capitalized = text::IsUpper(first) || first == '@';
    t.quoted = in_quote(start);
    out.push_back(std::move(t));
    i = end;
  }
  return out;
}

bool IsNameToken(const Token& t, const LexiconIndex& lex) {
  return t.punct == 0 && !t.quoted && t.capitalized && !lex.IsPronoun(t.folded);
}

// The capitalized run ending at token `last` (inclusive), roles dropped.
std::string NameEndingAt(const std::vector<Token>& toks, int last, const LexiconIndex& lex, int* first_out) {
  int first = last;
  while (first - 1 >= 0 && first - 1 >= last - 5) {
    const Token& p = toks[first - 1];
    if (IsNameToken(p, lex) && !p.possessive) {
      --first;
    } else if (p.punct == 0 && !p.quoted && (p.folded == "of" || p.folded == "&" || p.folded == "de") && first - 2 >= 0 &&
               IsNameToken(toks[first - 2], lex)) {
      first -= 2;
    } else {
      break;
    }
  }
  // Function words that start a sentence are not part of a name ("As the Courier").
  while (first < last && lex.IsNotName(toks[first].folded)) ++first;
  auto join = [&](int from) {
    std::string n;
    for (int k = from; k <= last; ++k) n += (n.empty() ? "" : " ") + toks[k].text;
    return n;
  };
  std::string name = join(first);
  // Titles before a name are dropped ("CEO Priya Anand"), unless the whole run
  // is a known entity (a lexicon outlet whose first word is a title).
  if (lex.ResolveName(name).lexicon < 0) {
    int from = first;
    while (from < last && lex.IsRole(toks[from].folded)) ++from;
    name = join(from);
  }
  if (first_out) *first_out = first;
  // A lone sentence-initial function word is not a name ("The", "In").
  if (first == last && (toks[first].folded == "the" || toks[first].folded == "a" || toks[first].folded == "in" ||
                        toks[first].folded == "on" || toks[first].folded == "as" || toks[first].folded == "or")) {
    return {};
  }
  return name;
}

std::string FirstNameAfter(const std::vector<Token>& toks, size_t from, const LexiconIndex& lex) {
  std::string name;
  if (from < toks.size() && toks[from].folded == "the" && !toks[from].quoted) ++from;
  // "said chief inspector Owen Hale", "said board chair Simon Eke": a few
  // lower-case words (titles) before the name.
  for (int skipped = 0; skipped < 3 && from < toks.size() && toks[from].punct == 0 && !toks[from].quoted &&
                        !toks[from].capitalized;
       ++skipped) {
    ++from;
  }
  for (size_t k = from; k < toks.size() && k < from + 5; ++k) {
    if (!IsNameToken(toks[k], lex)) break;
    if (lex.IsRole(toks[k].folded)) continue;
    if (!name.empty()) name += ' ';
    name += toks[k].text;
    if (toks[k].possessive) break;
  }
  return name;
}

bool PhraseAt(const std::vector<Token>& toks, size_t at, const std::vector<std::string>& words) {
  if (at + words.size() > toks.size()) return false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (toks[at + k].punct != 0 || toks[at + k].quoted || toks[at + k].folded != words[k]) return false;
  }
  return true;
}

std::vector<std::vector<std::string>> Split(const std::vector<std::string>& phrases) {
  std::vector<std::vector<std::string>> out;
  for (const auto& p : phrases) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < p.size()) {
      size_t j = p.find(' ', i);
      if (j == std::string::npos) j = p.size();
      if (j > i) words.push_back(text::FoldCase(p.substr(i, j - i)));
      i = j + 1;
    }
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

std::string PlatformAfter(const std::vector<Token>& toks, size_t from, const LexiconIndex& lex) {
  for (size_t k = from; k + 1 < toks.size() && k < from + 8; ++k) {
    if (toks[k].folded == "on" && !toks[k].quoted && lex.IsPlatform(toks[k + 1].text)) return toks[k + 1].text;
  }
  return {};
}

}  // namespace

std::optional<Attribution> FindAttribution(std::string_view s, const std::vector<Span>& quotes,
                                           const LexiconIndex& lexicon, const EntityRef* last_person) {
  const std::vector<Token> toks = Tokenize(s, quotes);
  const Lexicons& lex = lexicon.lexicons();
  static thread_local const Lexicons* cached_for = nullptr;
  static thread_local std::vector<std::vector<std::string>> before, via, phrases;
  if (cached_for != &lex) {
    before = Split(lex.before_speaker);
    via = Split(lex.via);
    phrases = Split(lex.cue_phrases);
    cached_for = &lex;
  }
  // Platform named before the speaker: "On Bluesky, Tomas Berg amplified".
  std::string leading_platform;
  if (toks.size() > 1 && toks[0].folded == "on" && lexicon.IsPlatform(toks[1].text)) leading_platform = toks[1].text;

  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].quoted || toks[i].punct != 0) continue;
    // according to X
    for (const auto& p : before) {
      if (!PhraseAt(toks, i, p)) continue;
      std::string name = FirstNameAfter(toks, i + p.size(), lexicon);
      if (name.empty()) continue;
      Attribution a;
      a.speaker = lexicon.ResolveName(name);
      a.cue = lex.before_speaker[&p - before.data()];
      a.platform = PlatformAfter(toks, i + p.size(), lexicon);
      return a;
    }
    std::string cue;
    size_t cue_len = 0;
    for (const auto& p : phrases) {
      if (PhraseAt(toks, i, p)) {
        cue = lex.cue_phrases[&p - phrases.data()];
        cue_len = p.size();
        break;
      }
    }
    if (cue.empty() && !toks[i].capitalized && lexicon.IsCueVerb(toks[i].folded)) {
      cue = toks[i].text;
      cue_len = 1;
    }
    if (cue.empty()) continue;
    // Passive voice is not an attribution ("until AGI was declared").
    if (i > 0 && !toks[i - 1].quoted && toks[i - 1].punct == 0 && lexicon.IsAuxiliary(toks[i - 1].folded)) continue;

    // Look back from the cue for the speaker.
    int k = static_cast<int>(i) - 1;
    std::optional<EntityRef> via_entity;
    auto skippable = [&](const Token& t) {
      if (t.punct != 0 || t.quoted) return false;
      const std::string& w = t.folded;
      return lexicon.IsSpeakerNoun(w) || (w.size() > 4 && w.substr(w.size() - 2) == "ly") || w == "also" ||
             w == "has" || w == "have" || w == "had" || w == "then" || w == "later";
    };
    for (int guard = 0; k >= 0 && guard < 6; ++guard) {
      if (toks[k].punct == ')') {
        // A parenthetical between speaker and cue may name an intermediary.
        int open = k;
        while (open >= 0 && toks[open].punct != '(') --open;
        if (open < 0) break;
        for (int m = open + 1; m < k; ++m) {
          for (const auto& p : via) {
            if (PhraseAt(toks, static_cast<size_t>(m), p)) {
              const std::string name = FirstNameAfter(toks, m + p.size(), lexicon);
              if (!name.empty() && !via_entity) via_entity = lexicon.ResolveName(name);
            }
          }
        }
        k = open - 1;
      } else if (skippable(toks[k]) && !toks[k].capitalized) {
        --k;
      } else if (toks[k].punct == ',' && k - 1 >= 0 && IsNameToken(toks[k - 1], lexicon)) {
        --k;  // appositive: "…, Denise Dresser, told"
      } else {
        break;
      }
    }
    if (k >= 0 && toks[k].punct == 0 && !toks[k].quoted) {
      if (lexicon.IsPronoun(toks[k].folded) && k + 1 == static_cast<int>(i)) {
        if (last_person != nullptr && !last_person->empty()) {
          Attribution a;
          a.speaker = *last_person;
          a.cue = cue;
          a.pronoun = true;
          a.platform = PlatformAfter(toks, i + cue_len, lexicon);
          return a;
        }
        continue;
      }
      if (IsNameToken(toks[k], lexicon) || toks[k].possessive) {
        std::string name = NameEndingAt(toks, k, lexicon, nullptr);
        if (!name.empty() && !lexicon.IsRole(text::FoldCase(name))) {
          Attribution a;
          a.speaker = lexicon.ResolveName(name);
          a.cue = cue;
          a.via = via_entity;
          a.platform = PlatformAfter(toks, i + cue_len, lexicon);
          if (a.platform.empty()) a.platform = leading_platform;
          return a;
        }
      }
    }
    // "“…,” said X"
    if (i > 0 && (toks[i - 1].quoted || toks[i - 1].punct == ',')) {
      const std::string name = FirstNameAfter(toks, i + cue_len, lexicon);
      if (!name.empty()) {
        Attribution a;
        a.speaker = lexicon.ResolveName(name);
        a.cue = cue;
        a.platform = PlatformAfter(toks, i + cue_len, lexicon);
        return a;
      }
    }
  }
  return std::nullopt;
}

}  // namespace citelint::extract
