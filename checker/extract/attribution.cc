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
#include <span>

#include "checker/base/scratch.h"
#include "checker/extract/extract.h"
#include "checker/text/unicode.h"

namespace citelint::extract {
namespace {

struct Token {
  Span span;
  std::string_view text;  // as written (without a trailing possessive), in the tokenized string
  std::string_view folded;  // case folded (kept by the Tokens it is one of)
  bool capitalized = false;
  bool possessive = false;  // Ridgeway’s
  std::string_view possessive_suffix;  // "’s" or "'s" as written (a literal)
  bool quoted = false;
  char punct = 0;           // ',', '(', ')', ':' for punctuation tokens; 0 for words
  bool dash = false;        // the ',' stands for a dash (—)
  uint32_t classes = 0;     // the word lists `folded` is in (LexiconIndex::ClassesOf)
  [[nodiscard]] bool Is(WordClass c) const { return (classes & c) != 0; }
};

// A piece of text's tokens, and the folded words they view: kept with them,
// one after another (folded straight into one string, on the heap so that a
// move leaves them where they are: see Tokenize), where a string of its own
// took 32 bytes a token and a call to fold. Read as `list` while the Tokens
// lives; not copied (a copy's tokens would view the original's bytes).
struct Tokens {
  Tokens() = default;
  Tokens(Tokens&&) = default;
  Tokens& operator=(Tokens&&) = default;
  Tokens(const Tokens&) = delete;
  Tokens& operator=(const Tokens&) = delete;
  ~Tokens() = default;
  std::vector<Token> list;
  std::string folded;
};

// A sentence's tokens (TokenizeSentence), in a Tokens lent by the thread's
// pool and given back when done: a sentence reuses an earlier sentence's
// buffers instead of allocating two of its own. (A pool, not one buffer:
// finding the speaker of one sentence can ask for the subject of an earlier
// one, tokenized while the first is read.)
class SentenceTokens {
 public:
  SentenceTokens(std::string_view s, const std::vector<Span>& quotes, const LexiconIndex& lex,
                 const MidSentenceCapitals* capitals);
  SentenceTokens(const SentenceTokens&) = delete;
  SentenceTokens& operator=(const SentenceTokens&) = delete;
  ~SentenceTokens() {
    // A long sentence's buffers are not kept. (The pool has room made for
    // kPool: giving one back never allocates, so never throws.)
    std::vector<Tokens>& pool = Pool();
    if (pool.size() < kPool && tokens_.list.capacity() <= 1024 && tokens_.folded.capacity() <= (8u << 10)) {
      pool.push_back(std::move(tokens_));
    }
  }
  [[nodiscard]] const std::vector<Token>& list() const { return tokens_.list; }

 private:
  static constexpr size_t kPool = 4;
  static std::vector<Tokens>& Pool() {
    thread_local std::vector<Tokens> pool;
    return pool;
  }
  Tokens tokens_;
};

void Tokenize(std::string_view s, const std::vector<Span>& quotes, Tokens& tokens) {
  std::vector<Token>& out = tokens.list;
  std::string& folded = tokens.folded;
  out.clear();
  folded.clear();
  out.reserve(s.size() / 4 + 1);  // prose has a token every five bytes or so: one allocation as a rule
  // As long as the words, as a rule (folding may lengthen a few); and never
  // less than a short string holds in place, which a move would copy from
  // under the views.
  folded.reserve(std::max<size_t>(s.size(), sizeof(std::string)));
  // By token: where its folded word is in folded (a buffer kept by the
  // thread from sentence to sentence).
  thread_local std::vector<std::pair<uint32_t, uint32_t>> folded_at;
  folded_at.clear();
  auto in_quote = [&](uint32_t at) {
    return std::any_of(quotes.begin(), quotes.end(), [&](const Span& q) { return at >= q.begin && at < q.end; });
  };
  uint32_t i = 0;
  while (i < s.size()) {
    const uint32_t start = i;
    const int32_t c = text::NextCodePoint(s, i);
    const bool double_hyphen = c == '-' && i < s.size() && s[i] == '-';
    if (c == ',' || c == '(' || c == ')' || c == ':' || c == ';' || c == 0x2014 || c == 0x2015 || c == '.' ||
        double_hyphen) {
      if (double_hyphen) ++i;
      Token& t = out.emplace_back();  // (made in place: a token built aside and copied in stalled on the copy)
      t.span = {start, i};
      t.dash = c == 0x2014 || c == 0x2015 || double_hyphen;
      t.punct = t.dash ? ',' : static_cast<char>(c);
      t.quoted = in_quote(start);
      folded_at.emplace_back(0, 0);
      continue;
    }
    if (!(text::IsLetter(c) || c == '@' || (c >= '0' && c <= '9'))) continue;
    uint32_t end = i;
    while (end < s.size()) {
      if (text::IsAsciiAlnum(s[end])) {  // the common case, answered without decoding
        ++end;
        continue;
      }
      uint32_t k = end;
      const int32_t d = text::NextCodePoint(s, k);
      if (text::IsLetter(d) || (d >= '0' && d <= '9') || d == '_' || d == '-' || d == 0x2011 ||
          ((d == '\'' || d == 0x2019 || d == '.' || d == '&') && k < s.size() && text::IsLetter(static_cast<unsigned char>(s[k])))) {
        end = k;
      } else {
        break;
      }
    }
    // A middle initial keeps its period ("Marc E. Elias", "G.K. Butterfield").
    const bool initials = end == start + 1 || (end - start <= 5 && end - start >= 3 && s[start + 1] == '.');
    if (initials && end < s.size() && s[end] == '.' && text::IsUpper(c) && end + 1 < s.size() && s[end + 1] == ' ' &&
        end + 2 < s.size() && text::IsUpper(static_cast<unsigned char>(s[end + 2]))) {
      ++end;
    }
    Token& t = out.emplace_back();
    t.span = {start, end};
    std::string_view word = s.substr(start, end - start);
    for (std::string_view poss : {std::string_view("\u2019s"), std::string_view("'s")}) {
      if (word.size() > poss.size() && word.ends_with(poss)) {
        word.remove_suffix(poss.size());
        t.possessive = true;
        t.possessive_suffix = poss;
      }
    }
    const auto folded_begin = static_cast<uint32_t>(folded.size());
    text::AppendFoldCase(word, folded);
    folded_at.emplace_back(folded_begin, static_cast<uint32_t>(folded.size()) - folded_begin);
    uint32_t k = 0;
    const int32_t first = text::NextCodePoint(word, k);
    t.capitalized = text::IsUpper(first) || first == '@';
    t.text = word;
    t.quoted = in_quote(start);
    i = end;
  }
  // The views, now that the folded words no longer move.
  for (size_t k = 0; k < out.size(); ++k) {
    out[k].folded = std::string_view(folded.data() + folded_at[k].first, folded_at[k].second);
  }
  LetGoIfOver(folded_at, 16u << 10);
  // "Chastened by …", "Enraged, …": a sentence opening with a participle.
  if (out.size() > 1 && out[0].punct == 0 && !out[0].quoted && out[0].text.size() > 4 &&
      out[0].text.compare(out[0].text.size() - 2, 2, "ed") == 0 &&
      (out[1].punct == ',' || (out[1].punct == 0 && (out[1].folded == "by" || out[1].folded == "with" ||
                                                     out[1].folded == "over" || out[1].folded == "about")))) {
    out[0].capitalized = false;
  }
  // A run of words in capitals ("LOS ANGELES —", "BREAKING NEWS") is a
  // dateline's or a headline's, not a name's.
  auto caps = [](const Token& t) {
    return t.punct == 0 && t.text.size() >= 2 &&
           std::none_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
           std::any_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  for (size_t k = 0; k + 1 < out.size(); ++k) {
    if (!caps(out[k]) || !caps(out[k + 1])) continue;
    size_t e = k;
    size_t longest = 0;
    while (e < out.size() && caps(out[e])) longest = std::max(longest, out[e++].text.size());
    if (longest >= 4) {
      for (size_t m = k; m < e; ++m) out[m].capitalized = false;
    }
    k = e;
  }
}

// The tokens of a sentence. "Things are …", "Last week …": a lone
// capitalized word opening it that the document never capitalizes inside a
// sentence is no name (a role's title, "Secretary of State …", a handle, a
// place or a name a lexicon knows, and a word with a capital inside,
// "McLenney", keep their capital).
void TokenizeSentence(std::string_view s, const std::vector<Span>& quotes, const LexiconIndex& lex,
                      const MidSentenceCapitals* capitals, Tokens& tokens) {
  Tokenize(s, quotes, tokens);
  std::vector<Token>& all = tokens.list;
  for (Token& t : all) t.classes = lex.ClassesOf(t.folded);  // one lookup a token, for every list
  // "Vermont Sen. Bernie Sanders": a title's period does not end the name.
  // Which periods go is decided first, then the rest of the tokens moved.
  thread_local std::vector<bool> dropped;  // (kept by the thread from sentence to sentence)
  dropped.assign(all.size(), false);
  for (size_t k = 1; k + 1 < all.size(); ++k) {
    dropped[k] = all[k].punct == '.' && !all[k].quoted && all[k - 1].punct == 0 &&
                 all[k - 1].Is(kTitleAbbreviation) && all[k + 1].punct == 0 && all[k + 1].capitalized &&
                 !all[k + 1].quoted;
  }
  // Compacted in place: nothing moves before the first dropped period.
  size_t kept = 0;
  for (size_t k = 0; k < all.size(); ++k) {
    if (dropped[k]) continue;
    if (kept != k) all[kept] = std::move(all[k]);
    ++kept;
  }
  LetGoIfOver(dropped, 128u << 10);
  all.resize(kept);
  std::vector<Token>& out = all;
  if (capitals != nullptr && !out.empty() && out[0].punct == 0 && !out[0].quoted && out[0].capitalized &&
      out[0].text[0] != '@' && !capitals->Has(out[0].folded) && !out[0].Is(kRole) &&
      !lex.IsPlace(out[0].text) && lex.ResolveName(out[0].text).lexicon < 0 &&
      std::none_of(out[0].text.begin() + 1, out[0].text.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&  // "McLenney"
      (out.size() == 1 || out[1].punct != 0 || out[1].quoted || !out[1].capitalized)) {
    out[0].capitalized = false;
  }
}

SentenceTokens::SentenceTokens(std::string_view s, const std::vector<Span>& quotes, const LexiconIndex& lex,
                               const MidSentenceCapitals* capitals) {
  std::vector<Tokens>& pool = Pool();
  if (pool.capacity() < kPool) pool.reserve(kPool);  // (here, where a failure may throw)
  if (!pool.empty()) {
    tokens_ = std::move(pool.back());
    pool.pop_back();
  }
  TokenizeSentence(s, quotes, lex, capitals, tokens_);
}

// A word in capitals longer than an acronym is a headline's, not a name's ("EXPLOSION").
bool Shouted(const Token& t) {
  if (t.text.size() < 5) return false;
  return std::none_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The words of tokens [from, to) as written, possessives kept ("the
// newspaper's editorial board"), one space apart.
std::string Words(const std::vector<Token>& toks, size_t from, size_t to) {
  std::string phrase;
  for (size_t k = from; k < to; ++k) {
    if (!phrase.empty()) phrase += ' ';
    phrase += toks[k].text;
    phrase += toks[k].possessive_suffix;
  }
  return phrase;
}

bool IsNameToken(const Token& t) {
  return t.punct == 0 && !t.quoted && t.capitalized && !t.Is(kPronoun) && !Shouted(t);
}

// The capitalized run ending at token `last` (inclusive), roles dropped.
std::string NameEndingAt(const std::vector<Token>& toks, int last, const LexiconIndex& lex, int* first_out) {
  int first = last;
  while (first - 1 >= 0 && first - 1 >= last - 5) {
    const Token& p = toks[first - 1];
    if (IsNameToken(p) && !p.possessive) {
      --first;
    } else if (p.punct == 0 && !p.quoted && (p.folded == "of" || p.folded == "&" || p.folded == "de" || p.folded == "for") &&
               first - 2 >= 0 &&
               IsNameToken(toks[first - 2])) {
      first -= 2;
    } else {
      break;
    }
  }
  // Function words that start a sentence are not part of a name ("As the Courier").
  while (first < last && toks[first].Is(kNotName)) ++first;
  if (first == last && toks[first].Is(kNotName)) return {};  // "Please", "Thanks"
  auto join = [&](int from) {
    std::string n;
    for (int k = from; k <= last; ++k) {
      if (!n.empty()) n += ' ';
      n += toks[k].text;
    }
    return n;
  };
  std::string name = join(first);
  // Titles before a name are dropped ("CEO Priya Anand"), unless the whole run
  // is a known entity (a lexicon outlet whose first word is a title).
  if (lex.ResolveName(name).lexicon < 0) {
    int from = first;
    while (from < last) {
      if (toks[from].Is(kRole)) {
        ++from;
      } else if (from + 2 <= last && toks[from].folded == "of" && from > first) {
        from += 2;  // "Secretary of State John Kerry": the title's complement goes too
      } else {
        break;
      }
    }
    // "Vermont Sen. Bernie Sanders", "Republican National Chairman Reince
    // Priebus": a title inside the run; the name is what follows it.
    for (int r = last - 1; r > from; --r) {
      if (toks[r].Is(kRole) || toks[r].Is(kTitleAbbreviation)) {
        bool names_after = true;
        for (int m = r + 1; m <= last && names_after; ++m) names_after = !toks[m].Is(kRole) && toks[m].folded != "of";
        if (names_after) from = r + 1;
        break;
      }
    }
    name = join(from);
  }
  // A place is where someone is, not who speaks ("…, South Carolina, says");
  // a date is when ("April 30", "March 2016").
  if (lex.IsPlace(name)) return {};
  bool date = true;
  for (int k = first; k <= last && date; ++k) {
    date = toks[k].Is(kMonth) || toks[k].Is(kNotName) || (!toks[k].text.empty() && toks[k].text[0] >= '0' && toks[k].text[0] <= '9');
  }
  if (date) return {};
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
  // "said a prominent committee member": an indefinite phrase names nobody.
  if (from < toks.size() && !toks[from].quoted && toks[from].punct == 0 && toks[from].Is(kDeterminer) &&
      toks[from].folded != "the" && !toks[from].capitalized) {
    return {};  // "said one resident", "said another lawyer"
  }
  if (from < toks.size() && toks[from].folded == "the" && !toks[from].quoted) ++from;
  // "said chief inspector Owen Hale", "said board chair Simon Eke": a few
  // lower-case words (titles) before the name; a preposition after them
  // names someone else ("said the lawyer for Senator Varga").
  for (int skipped = 0; skipped < 3 && from < toks.size() && toks[from].punct == 0 && !toks[from].quoted &&
                        !toks[from].capitalized;
       ++skipped) {
    if (skipped > 0 && toks[from].Is(kPreposition)) return {};
    ++from;
  }
  // The last capitalized run of the phrase: a title, a place or a group
  // before the name are not it ("said Republican party boss Reince Priebus",
  // "said former South Carolina Gov. Jim Hodges", "said Trump campaign
  // spokeswoman Hope Hicks"). The phrase ends at punctuation, a quotation or
  // a preposition ("said Clinton in a statement", "said Trump on CNN").
  std::string best;
  for (size_t k = from; k < toks.size() && k < from + 10; ++k) {
    const Token& t = toks[k];
    if (t.quoted) break;
    if (t.punct == '.' && k > from && toks[k - 1].Is(kRole)) continue;  // "Gov." "Sen."
    if (t.punct != 0) break;
    // "said Stu Rothenberg of the Political Report": the person before "of the".
    if (t.folded == "of" && !name.empty() && k + 1 < toks.size() && toks[k + 1].punct == 0 &&
        (toks[k + 1].folded == "the" || !toks[k + 1].capitalized)) {
      break;
    }
    if (!IsNameToken(t)) {
      if (t.Is(kPreposition) || t.Is(kCueVerb) || t.Is(kAuxiliary) || t.folded == "who" ||
          t.folded == "which" || t.folded == "that" || t.Is(kVerbMarker)) {
        break;
      }
      if (!name.empty()) best = name;
      name.clear();
      continue;  // a lower-case word between: "party", "campaign", "spokeswoman"
    }
    if (t.Is(kRole) || t.Is(kNotName)) {
      if (!name.empty() && !lex.IsPlace(name)) best = name;
      name.clear();
      continue;
    }
    if (!name.empty()) name += ' ';
    name += t.text;
    if (t.possessive) {
      name.clear();  // "Sanders’ campaign manager": the owner is not the speaker
      continue;
    }
  }
  if (name.empty() || lex.IsPlace(name)) name = best;
  if (lex.IsPlace(name)) return {};
  return name;
}

bool PhraseAt(const std::vector<Token>& toks, size_t at, const std::vector<std::string>& words) {
  if (at + words.size() > toks.size()) return false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (toks[at + k].punct != 0 || toks[at + k].quoted || toks[at + k].folded != words[k]) return false;
  }
  return true;
}

// A capitalized name right after `from` (an optional "the" first): the
// outlet or person spoken to ("told the Courier", "told the Ledger").
std::string NameRightAfter(const std::vector<Token>& toks, size_t from) {
  if (from < toks.size() && toks[from].folded == "the" && !toks[from].quoted) ++from;
  std::string name;
  for (size_t k = from; k < toks.size() && k < from + 5; ++k) {
    if (!IsNameToken(toks[k]) || toks[k].Is(kNotName)) break;
    if (!name.empty()) name += ' ';
    name += toks[k].text;
    if (toks[k].possessive) break;
  }
  return name;
}

// A name that may be the "he" or "she" of a later sentence: no outlet, no
// organization, no platform.
bool PersonLike(const EntityRef& e, const std::string& name, const LexiconIndex& lexicon) {
  if (e.kind == EntityKind::kPerson) return true;
  if (e.kind == EntityKind::kOutlet || lexicon.IsPlatform(name) || lexicon.IsPlace(name)) return false;
  // "Critics", "Officials": a group named by a common noun, no antecedent for "he".
  if (const std::string folded = text::FoldCase(name); lexicon.IsUnnamedSpeaker(folded) || lexicon.IsRole(folded)) {
    return false;
  }
  for (const std::string& w : NormalizedWords(name)) {
    if (lexicon.IsOrganizationWord(w)) return false;
  }
  return true;
}

// A speaker the sentence does not name, looking back from `k` ("a
// spokeswoman", "the senator", "officials", "the company"): its words.
std::string UnnamedAt(const std::vector<Token>& toks, int k) {
  if (k < 0 || toks[k].punct != 0 || toks[k].quoted) return {};
  const std::string_view w = toks[k].folded;
  if (w == "i" || w == "we" || w == "you") return std::string(toks[k].text);  // the writer, or the reader addressed
  // "a spokeswoman", "officials", "the President" (a role), "a tall soldier"
  // (any noun after a determiner).
  const Token& word = toks[k];
  const bool listed = word.Is(kUnnamedSpeaker) || word.Is(kRole);
  if (word.capitalized && !word.Is(kRole)) return {};
  // "a series of", "a swiftly (called meeting)": no noun ends there.
  if (!listed && (word.Is(kPreposition) || word.Is(kDeterminer) || (w.size() > 4 && w.ends_with("ly")))) return {};
  bool determined = false;
  for (int m = k - 1; m >= 0 && m >= k - 2; --m) {
    if (toks[m].punct != 0 || toks[m].quoted) break;
    if (toks[m].Is(kDeterminer)) {
      // "in the past described", "at the time said": a time or place, not a speaker.
      if (m > 0 && toks[m - 1].punct == 0 && toks[m - 1].Is(kPreposition)) return {};
      determined = true;
      break;
    }
  }
  if (!listed && !determined) return {};
  if (!listed && word.Is(kNotName)) return {};  // after a determiner a cue word is a noun: "the notes promise"
  std::string phrase(toks[k].text);
  for (int m = k - 1; m >= 0 && m >= k - 3; --m) {
    if (toks[m].punct != 0 || toks[m].quoted) break;
    // "is what former employees (have called)": the phrase starts after a verb
    // or a relative word.
    const std::string_view f = toks[m].folded;
    if (toks[m].Is(kAuxiliary) || toks[m].Is(kVerbMarker) || toks[m].Is(kPreposition) || toks[m].Is(kCueVerb) || f == "what" ||
        f == "who" || f == "which" || f == "that" || f == "and" || f == "or") {
      break;
    }
    // "the newspaper's editorial board" keeps its possessive.
    phrase.insert(0, 1, ' ');
    phrase.insert(0, toks[m].possessive_suffix);
    phrase.insert(0, toks[m].text);
    if (toks[m].folded == "a" || toks[m].folded == "an" || toks[m].folded == "the") break;
  }
  return phrase;
}

// An unnamed speaker right after `from`: a determiner or number, up to three
// lower-case words, ending in a speaker noun or a role ("a senior official",
// "one resident", "two people"); empty if none.
std::string UnnamedAfter(const std::vector<Token>& toks, size_t from) {
  std::string phrase;
  for (size_t m = from; m < toks.size() && m < from + 4; ++m) {
    const Token& t = toks[m];
    if (t.punct != 0 || t.quoted || (t.capitalized && m > from) || t.Is(kPreposition) || t.Is(kCueVerb)) break;
    const bool number = !t.text.empty() && t.text[0] >= '0' && t.text[0] <= '9';
    if (m == from && !t.Is(kDeterminer) && !number && !t.Is(kUnnamedSpeaker)) return {};
    if (!phrase.empty()) phrase += ' ';
    phrase += t.text;
    if (m > from && (t.Is(kUnnamedSpeaker) || t.Is(kRole))) return phrase;
  }
  return {};
}

// Looking back from `k` (the word before a cue) over a prepositional phrase
// to the speaker noun it qualifies ("a spokeswoman for the opposition said",
// "two people familiar with the talks said", "a lawyer for Senator Varga
// said"): that noun's index, or -1.
int QualifiedSpeakerNoun(const std::vector<Token>& toks, int k) {
  for (int m = k; m >= 1 && m >= k - 6; --m) {
    if (toks[m].punct != 0 || toks[m].quoted) return -1;
    if (!toks[m].Is(kPreposition) || m == k) continue;
    for (int n = m - 1; n >= 0 && n >= m - 2; --n) {
      const Token& t = toks[n];
      if (t.punct != 0 || t.quoted || t.capitalized) return -1;
      if (t.Is(kUnnamedSpeaker) || t.Is(kRole)) return n;
    }
    return -1;
  }
  return -1;
}

// Where a name (or unnamed phrase) built from these tokens stands: the first
// run of unquoted tokens spelling it.
Span FindMention(const std::vector<Token>& toks, const std::string& name) {
  thread_local std::vector<std::string_view> words;  // (kept by the thread from call to call)
  words.clear();
  size_t i = 0;
  while (i < name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string::npos) j = name.size();
    if (j > i) words.push_back(std::string_view(name).substr(i, j - i));
    i = j + 1;
  }
  if (words.empty()) return {};
  for (size_t t = 0; t + words.size() <= toks.size(); ++t) {
    bool match = true;
    for (size_t w = 0; w < words.size() && match; ++w) {
      match = !toks[t + w].quoted && toks[t + w].punct == 0 && toks[t + w].text == words[w];
    }
    if (match) return {toks[t].span.begin, toks[t + words.size() - 1].span.end};
  }
  return {};
}

// With toks[k] the comma closing an appositive that opens in lower case
// (", chairman of the Ways and Means Committee,", ", a 55-year-old salesman
// from Sumter, South Carolina,"), the name before it; -1 if none.
int AppositiveStart(const std::vector<Token>& toks, int k, const LexiconIndex& lex) {
  if (k < 2 || toks[k].punct != ',' || toks[k].dash) return -1;
  for (int open = k - 1; open >= 1 && open >= k - 24; --open) {
    if (toks[open].quoted) return -1;
    if (toks[open].punct != ',') continue;
    const Token& first = toks[open + 1];
    const bool lower_start = open + 1 < k && first.punct == 0 &&
                             (!first.capitalized || first.Is(kDeterminer) || first.possessive);  // ", Sanders’ campaign manager,"
    // "Rep. Jim Jordan (R-Ohio), an oversight panel member,": past the parenthetical.
    int before = open - 1;
    if (toks[before].punct == ')') {
      while (before > 0 && before >= open - 10 && toks[before].punct != '(') --before;
      if (toks[before].punct != '(') return -1;
      --before;
    }
    if (!lower_start || before < 0 || !IsNameToken(toks[before]) || lex.IsPlace(toks[before].text)) continue;
    // "X, president of the Union, which represents teachers, said": a
    // relative clause qualifies the appositive's name; the speaker is before.
    if (first.folded == "which" || first.folded == "who" || first.folded == "whose") {
      if (const int earlier = AppositiveStart(toks, open, lex); earlier >= 0) return earlier;
    }
    return before;
  }
  return -1;
}

// The subject at the start of a sentence (after sentence adverbs, times and
// "But"/"And"): a name ("Republican presidential candidate Donald Trump",
// "Band member Flea"), an unnamed phrase ("The Florida senator", "a woman"),
// or a pronoun. `limit` bounds the tokens looked at.
struct Subject {
  std::string name;      // named subject, or
  std::string unnamed;   // unnamed phrase, or
  int pronoun = -1;      // token index of a pronoun
  Span mention;
  bool definite = false;  // the name follows "the" ("The Republicans", "the Post"): not a person
};

Subject SubjectAt(const std::vector<Token>& toks, size_t limit, const LexiconIndex& lex) {
  Subject out;
  size_t t = 0;
  // Skip what leads a sentence: punctuation, numbers and times ("12:30 p.m."), "But", "And".
  while (t < limit && t < toks.size() && (toks[t].punct != 0 || toks[t].quoted ||
                                          (!toks[t].text.empty() && toks[t].text[0] >= '0' && toks[t].text[0] <= '9') ||
                                          toks[t].folded == "but" || toks[t].folded == "and" || toks[t].folded == "so" ||
                                          toks[t].folded == "p.m" || toks[t].folded == "a.m" || toks[t].folded == "then" ||
                                          toks[t].folded == "still" || toks[t].folded == "meanwhile" || toks[t].folded == "also")) {
    ++t;
  }
  if (t >= limit || t >= toks.size()) return out;
  // An introductory phrase ("Later on Sunday,", "Asked if he was bullied,",
  // "Speaking in Salem,"): the subject comes after its comma.
  const std::string_view lead = toks[t].folded;
  // A lone word before a comma and a pronoun ("Nonetheless, I write") or in
  // -ed ("Enraged, definitely") is such a phrase too.
  const bool lone_word = t + 2 < toks.size() && toks[t + 1].punct == ',' && !toks[t + 1].dash &&
                         (toks[t + 2].Is(kPronoun) || lead.ends_with("ed"));
  if (!IsNameToken(toks[t]) || toks[t].Is(kNotName) || toks[t].Is(kCueVerb) || lead.ends_with("ing") ||
      lead.ends_with("ly") || toks[t].Is(kMonth) || lone_word) {
    if (!toks[t].Is(kPronoun) && !toks[t].Is(kDeterminer)) {
      size_t comma = t;
      while (comma < limit && comma < toks.size() && comma < t + 14 && toks[comma].punct != ',' && !toks[comma].quoted) ++comma;
      if (comma < limit && comma < toks.size() && toks[comma].punct == ',' && comma + 1 < limit) {
        t = comma + 1;
        if (t >= toks.size()) return out;
      } else if (!toks[t].Is(kPronoun)) {
        return out;
      }
    }
  }
  if (toks[t].Is(kPronoun)) {
    out.pronoun = static_cast<int>(t);
    out.mention = toks[t].span;
    return out;
  }
  // A noun phrase: capitalized words and lower-case titles, after an optional determiner.
  size_t begin = t;
  const bool determined = toks[t].Is(kDeterminer);
  // An indefinite phrase ("A Clinton campaign official", "a longtime GOP data
  // expert") or a group of lower-case words ending in a noun ("Nuclear
  // proliferation experts") names nobody: its head is lower case.
  {
    size_t e = t + (determined ? 1 : 0);
    while (e < toks.size() && e < limit && e < t + 10 && toks[e].punct == 0 && !toks[e].quoted &&
           !toks[e].Is(kCueVerb) && !toks[e].Is(kVerbMarker) && !toks[e].Is(kPreposition) &&
           toks[e].folded != "who" && toks[e].folded != "which" && toks[e].folded != "that") {
      ++e;
    }
    // "Clinton's campaign took the step": the head is the first speaker noun
    // after the possessive.
    for (size_t k = t; k + 1 < e; ++k) {
      if (!toks[k].possessive || !toks[k].capitalized) continue;
      for (size_t m = k + 1; m < e && !toks[m].capitalized; ++m) {
        if (toks[m].Is(kUnnamedSpeaker) || toks[m].Is(kOrganizationWord)) {
          e = m + 1;
          break;
        }
      }
      break;
    }
    if (e > t + 1 && e > begin) {
      const Token& head = toks[e - 1];
      const bool indefinite = determined && toks[t].folded != "the" && toks[t].folded != "this" && toks[t].folded != "these" &&
                              toks[t].folded != "those";
      const bool possessed = e >= 2 && e - 2 >= t && toks[e - 2].possessive && toks[e - 2].capitalized;  // "Cruz's campaign"
      const bool speaker_noun = head.Is(kUnnamedSpeaker) || head.Is(kRole) || head.Is(kOrganizationWord);
      // "The Sanders campaign", "This Clinton ad": a name modifying the head.
      const bool modified = determined && !indefinite && e >= t + 3;
      if (!head.capitalized && speaker_noun &&
          (indefinite || possessed || modified || std::any_of(toks.begin() + static_cast<long>(t), toks.begin() + static_cast<long>(e - 1),
                                                  [](const Token& x) { return !x.capitalized; }))) {
        out.unnamed = Words(toks, begin, e);
        out.mention = {toks[begin].span.begin, toks[e - 1].span.end};
        return out;
      }
    }
  }
  if (determined) ++t;
  int last_capital = -1;
  size_t end = t;
  for (; end < toks.size() && end < limit && end < t + 8; ++end) {
    const Token& tok = toks[end];
    if (tok.punct != 0 || tok.quoted) break;
    if (IsNameToken(tok)) {
      last_capital = static_cast<int>(end);
    } else if (last_capital >= 0 && !tok.Is(kCueVerb) && !tok.Is(kAuxiliary) && end + 1 < toks.size() &&
               IsNameToken(toks[end + 1]) && !toks[end].possessive && !tok.Is(kVerbMarker) &&
               !tok.Is(kPreposition) && !(tok.folded.size() > 4 && tok.folded.ends_with("ed"))) {
      // "Conservative icon Phyllis Schlafly": a lower-case word between
      // capitalized ones (not a verb: "Cruz exhorted Republicans").
    } else if (!tok.Is(kRole) && !(determined && !tok.Is(kCueVerb) && !tok.Is(kAuxiliary) &&
                                            end + 1 < toks.size() && toks[end + 1].punct == 0 && !toks[end + 1].quoted &&
                                            toks[end + 1].Is(kRole))) {
      break;
    }
  }
  if (end == t) return out;
  const bool ends_with_role = !IsNameToken(toks[end - 1]);
  if (last_capital >= 0 && !ends_with_role) {
    const std::string name = NameEndingAt(toks, last_capital, lex, nullptr);
    if (!name.empty() && !lex.IsRole(text::FoldCase(name))) {
      out.name = name;
      out.mention = {toks[last_capital].span.begin, toks[last_capital].span.end};
      out.definite = determined && toks[begin].folded == "the";
      return out;
    }
  }
  // "The Florida senator", "a woman", "Campaign officials": unnamed.
  if (ends_with_role || determined) {
    if (toks[end - 1].Is(kRole) || toks[end - 1].Is(kUnnamedSpeaker)) {
      out.unnamed = Words(toks, begin, end);
      out.mention = {toks[begin].span.begin, toks[end - 1].span.end};
    }
  }
  return out;
}

std::optional<EntityRef> MediumIn(const std::vector<Token>& toks, size_t from, const LexiconIndex& lex) {
  for (size_t i = from; i < toks.size(); ++i) {
    if (toks[i].quoted || toks[i].punct != 0) continue;
    for (const Phrase& p : lex.Phrases(lex.PhrasesStartingWith(toks[i].folded), PhraseList::kMedia)) {
      if (!PhraseAt(toks, i, p.words)) continue;
      const std::string name = NameRightAfter(toks, i + p.words.size());
      if (!name.empty()) return lex.ResolveName(name);
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

// FindAttribution over the sentence's tokens.
std::optional<Attribution> AttributionIn(std::string_view s, const std::vector<Token>& toks, const LexiconIndex& lexicon,
                                         const LastPerson& last_person) {
  auto named = [&](const std::string& name, const std::string& cue, const char* how) {
    Attribution a;
    a.SetVoice(lexicon.ResolveName(name), cue);
    a.medium = MediumIn(toks, 0, lexicon);
    if (a.medium && SameEntity(*a.medium, a.Speaker())) a.medium.reset();
    a.how = how;
    a.mention = FindMention(toks, name);
    return a;
  };
  auto unnamed = [&](const std::string& phrase, const std::string& cue, const char* how) {
    Attribution a;
    EntityRef speaker = lexicon.ResolveName(phrase);
    speaker.kind = EntityKind::kUnknown;
    a.SetVoice(std::move(speaker), cue);
    a.unnamed = true;
    a.how = how;
    a.mention = FindMention(toks, phrase);
    return a;
  };

  // "Name: “…”" — a speaker's label before the words (transcripts, round-ups);
  // "Union steward: “…”" — a role's label, a speaker unnamed.
  {
    size_t k = 0;
    while (k < toks.size() && k < 4 && toks[k].punct == 0 && !toks[k].quoted &&
           (IsNameToken(toks[k]) || (k > 0 && toks[k].Is(kRole)))) {
      ++k;
    }
    if (k > 0 && k < toks.size() && toks[k].punct == ':' && k + 1 < toks.size() && toks[k + 1].quoted &&
        toks[0].capitalized) {
      const std::string name = NameEndingAt(toks, static_cast<int>(k) - 1, lexicon, nullptr);
      if (!name.empty() && !lexicon.IsRole(text::FoldCase(name)) && !toks[k - 1].Is(kRole)) {
        return named(name, ":", "label");
      }
      if (toks[k - 1].Is(kRole)) return unnamed(std::string(s.substr(toks[0].span.begin, toks[k - 1].span.end - toks[0].span.begin)), ":", "label");
    }
  }

  // "“…” ― Sonya Herridge": words signed with a dash after them (round-ups,
  // epigraphs). The name must close the sentence or be followed by a comma.
  for (size_t k = 1; k + 1 < toks.size(); ++k) {
    if (!toks[k].dash || toks[k].quoted || !toks[k - 1].quoted) continue;
    size_t e = k + 1;
    while (e < toks.size() && e < k + 5 && IsNameToken(toks[e])) ++e;
    if (e == k + 1 || (e < toks.size() && toks[e].punct != '.' && toks[e].punct != ',' && toks[e].punct != '(')) continue;
    const std::string name = NameEndingAt(toks, static_cast<int>(e) - 1, lexicon, nullptr);
    if (!name.empty() && !lexicon.IsRole(text::FoldCase(name))) {
      return named(name, std::string(s.substr(toks[k].span.begin, toks[k].span.end - toks[k].span.begin)), "named");
    }
  }

  std::optional<Attribution> fallback;  // an unnamed speaker, kept while a named one may follow
  // "he said": the last person named, or (with none) a speaker unnamed.
  auto pronoun = [&](const Token& t, const std::string& cue) -> std::optional<Attribution> {
    // "Trump took to Twitter to accuse …, what he called …": a person leading
    // the same sentence, else the last person before it.
    // (The last person is asked for only when the sentence has none.)
    const EntityRef* antecedent = nullptr;
    EntityRef subject_ref;
    if (const size_t at = static_cast<size_t>(&t - toks.data()); at > 0) {
      const Subject subject = SubjectAt(toks, at, lexicon);
      if (!subject.name.empty() && !subject.definite) {
        subject_ref = lexicon.ResolveName(subject.name);
        if (PersonLike(subject_ref, subject.name, lexicon)) antecedent = &subject_ref;
      }
    }
    if (antecedent == nullptr && last_person) {
      const EntityRef* last = last_person();
      if (last != nullptr && !last->empty()) antecedent = last;
    }
    if (antecedent != nullptr) {
      Attribution a;
      a.SetVoice(*antecedent, cue);
      a.pronoun = true;
      a.medium = MediumIn(toks, 0, lexicon);
      a.how = "pronoun";
      a.mention = t.span;
      return a;
    }
    if (!fallback) {
      fallback = unnamed(std::string(t.text), cue, "pronoun");
      fallback->mention = t.span;
    }
    return std::nullopt;
  };
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].quoted || toks[i].punct != 0) continue;
    // The phrases that may start here: those that begin with this word.
    const PhraseStarts* starts = lexicon.PhrasesStartingWith(toks[i].folded);
    auto phrases = [&](PhraseList list) { return lexicon.Phrases(starts, list); };
    // according to X
    for (const Phrase& p : phrases(PhraseList::kBeforeSpeaker)) {
      if (!PhraseAt(toks, i, p.words)) continue;
      std::string name = FirstNameAfter(toks, i + p.words.size(), lexicon);
      if (name.empty()) {
        // "according to a senior official"
        if (const std::string phrase = UnnamedAfter(toks, i + p.words.size()); !phrase.empty() && !fallback) {
          fallback = unnamed(phrase, p.text, "named");
        }
        continue;
      }
      return named(name, p.text, "named");
    }
    std::string cue;
    size_t cue_len = 0;
    for (const Phrase& p : phrases(PhraseList::kCue)) {
      if (PhraseAt(toks, i, p.words)) {
        cue = p.text;
        cue_len = p.words.size();
        break;
      }
    }
    if (cue.empty() && !toks[i].capitalized && toks[i].Is(kCueVerb)) {
      cue = toks[i].text;
      cue_len = 1;
    }
    if (cue.empty()) continue;
    bool not_cue = false;
    for (const Phrase& p : phrases(PhraseList::kNotCue)) not_cue = not_cue || PhraseAt(toks, i, p.words);
    if (not_cue) continue;
    // After a possessive or a determiner the cue is a noun: "Lovelace's
    // notes", "a prepared text", "a phone message".
    if (i > 0 && toks[i - 1].possessive && !toks[i - 1].quoted) continue;
    if (i > 0 && toks[i - 1].punct == 0 && toks[i - 1].Is(kDeterminer)) continue;
    if (i > 1 && toks[i].Is(kNounCue) && toks[i - 1].punct == 0 && !toks[i - 1].capitalized &&
        toks[i - 2].punct == 0 && toks[i - 2].Is(kDeterminer)) {
      continue;
    }
    // "a Facebook message", "of Republican claims": a name modifying the noun.
    if (i > 1 && toks[i].Is(kNounCue) && toks[i - 1].punct == 0 && !toks[i - 1].quoted &&
        toks[i - 2].punct == 0 && !toks[i - 2].quoted &&
        (toks[i - 2].folded == "a" || toks[i - 2].folded == "an" || toks[i - 2].Is(kPreposition))) {
      continue;
    }
    // Passive voice is not an attribution ("until AGI was declared"); the
    // progressive is ("Clinton is telling customers").
    const bool progressive = toks[i].folded.size() > 4 && toks[i].folded.ends_with("ing");
    if (!progressive && i > 0 && !toks[i - 1].quoted && toks[i - 1].punct == 0 && toks[i - 1].Is(kAuxiliary)) {
      continue;
    }
    // "…, saying “…”", "went after Bush, calling him": a participle's speaker
    // is the sentence's subject, not the name before the comma.
    if (progressive && i > 0 && toks[i - 1].punct == ',' && !toks[i - 1].dash) {
      const Subject subject = SubjectAt(toks, i, lexicon);
      if (!subject.name.empty()) {
        Attribution a = named(subject.name, cue, "named");
        a.mention = subject.mention;
        return a;
      }
      if (subject.pronoun >= 0) {
        if (auto a = pronoun(toks[subject.pronoun], cue)) return a;
      } else if (!subject.unnamed.empty() && !fallback) {
        fallback = unnamed(subject.unnamed, cue, "named");
      }
    }

    // Look back from the cue for the speaker.
    int k = static_cast<int>(i) - 1;
    std::optional<EntityRef> via_entity;
    bool appositive = false;
    auto skippable = [&](const Token& t) {
      if (t.punct != 0 || t.quoted) return false;
      const std::string_view w = t.folded;
      // "X's own blog framed it", "X quickly said", "X herself said", "X has said".
      return t.Is(kSpeakerNoun) || t.Is(kBetweenWord) || (w.size() > 4 && w.ends_with("ly"));
    };
    for (int guard = 0; k >= 0 && guard < 6; ++guard) {
      // "a survey that said", "officials who said"
      if (k + 1 == static_cast<int>(i) && toks[k].punct == 0 && !toks[k].quoted &&
          (toks[k].folded == "that" || toks[k].folded == "who" || toks[k].folded == "which")) {
        --k;
        continue;
      }
      if (toks[k].punct == ')') {
        // A parenthetical between speaker and cue may name an intermediary.
        int open = k;
        while (open >= 0 && toks[open].punct != '(') --open;
        if (open < 0) break;
        for (int m = open + 1; m < k; ++m) {
          for (const Phrase& p : lexicon.Phrases(lexicon.PhrasesStartingWith(toks[m].folded), PhraseList::kVia)) {
            if (PhraseAt(toks, static_cast<size_t>(m), p.words)) {
              const std::string name = FirstNameAfter(toks, m + p.words.size(), lexicon);
              if (!name.empty() && !via_entity) via_entity = lexicon.ResolveName(name);
            }
          }
        }
        k = open - 1;
      } else if (progressive && k + 1 == static_cast<int>(i) && toks[k].punct == 0 && toks[k].Is(kAuxiliary)) {
        --k;  // "Clinton is telling customers"
      } else if (skippable(toks[k]) && !toks[k].capitalized) {
        // "the statement continued": an unnamed speaker, unless a name comes before it.
        if (const std::string phrase = UnnamedAt(toks, k); !phrase.empty() && !fallback) {
          fallback = unnamed(phrase, cue, "named");
        }
        --k;
      } else if (int name_end = AppositiveStart(toks, k, lexicon); name_end >= 0) {
        // "Kevin Brady, chairman of the House Ways and Means Committee, said"
        k = name_end;
        appositive = true;
      } else if (toks[k].punct == ',' && k - 1 >= 0 && IsNameToken(toks[k - 1])) {
        --k;  // appositive: "…, Denise Dresser, told"
      } else if (toks[k].punct == ',' && !toks[k].dash) {
        // "X, a trade newsletter, reported": skip a lower-case appositive
        // between commas back to the name before it.
        int open = k - 1;
        while (open >= 0 && open >= k - 10 && toks[open].punct == 0 && !toks[open].quoted &&
               !toks[open].Is(kCueVerb)) {
          --open;
        }
        if (open >= 1 && open < k - 1 && toks[open].punct == ',' && !toks[open + 1].capitalized &&
            IsNameToken(toks[open - 1])) {
          k = open - 1;
          appositive = true;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    // "Section 600.4 affords", "PEP 8 says": a number ends the name.
    std::string number_suffix;
    if (k >= 1 && toks[k].punct == 0 && !toks[k].quoted && !toks[k].text.empty() && toks[k].text[0] >= '0' &&
        toks[k].text[0] <= '9' && IsNameToken(toks[k - 1])) {
      number_suffix = " ";
      number_suffix += toks[k].text;
      --k;
    }
    if (const int noun = k >= 0 ? QualifiedSpeakerNoun(toks, k) : -1; noun >= 0) {
      if (const std::string phrase = UnnamedAt(toks, noun); !phrase.empty()) {
        if (!fallback) fallback = unnamed(phrase, cue, "named");
        continue;
      }
    }
    if (k >= 0 && toks[k].punct == 0 && !toks[k].quoted) {
      // Only words like "also", "later", "has" between the pronoun and the cue.
      bool adverbs_only = true;
      for (int m = k + 1; m < static_cast<int>(i) && adverbs_only; ++m) adverbs_only = skippable(toks[m]) && !toks[m].capitalized;
      if (toks[k].Is(kPronoun) && adverbs_only) {  // "he said", "she has said", "he also said"
        if (auto a = pronoun(toks[k], cue)) return a;
        continue;
      }
      if (IsNameToken(toks[k]) || (toks[k].possessive && toks[k].capitalized)) {
        int first = k;
        std::string name = NameEndingAt(toks, k, lexicon, &first);
        // "Japan branded North Korea …", "Russia insisted …": a country
        // opening the sentence right before the cue speaks for its government.
        if (name.empty() && k + 1 == static_cast<int>(i) && !toks[k].possessive) {
          int start = k;
          while (start > 0 && IsNameToken(toks[start - 1]) && !toks[start - 1].possessive) --start;
          std::string place;
          for (int m = start; m <= k; ++m) {
            if (!place.empty()) place += ' ';
            place += toks[m].text;
          }
          if (start == 0 && lexicon.IsPlace(place)) {
            return named(place, cue, "named");
          }
        }
        // "Mr. Morgan of the Sierra Club said", "Dan Ames at the Review wrote":
        // the person before the preposition speaks, not the organization after it.
        int p = first - 1;
        if (p >= 0 && toks[p].punct == 0 && toks[p].folded == "the") --p;
        if (p >= 1 && toks[p].punct == 0 && !toks[p].quoted && (toks[p].Is(kPreposition) || toks[p].folded == "of") &&
            IsNameToken(toks[p - 1]) && !toks[p - 1].possessive) {
          const std::string person = NameEndingAt(toks, p - 1, lexicon, nullptr);
          if (!person.empty() && PersonLike(lexicon.ResolveName(person), person, lexicon) &&
              !lexicon.IsRole(text::FoldCase(person))) {
            name = person;
          }
        }
        if (!name.empty() && !number_suffix.empty()) name += number_suffix;
        // "as a Homeland Security memo put it": an indefinite document of the
        // name's, not the name, speaks.
        if (!name.empty() && first > 0 && toks[first - 1].punct == 0 &&
            (toks[first - 1].folded == "a" || toks[first - 1].folded == "an")) {
          int noun = -1;
          for (int m = k + 1; m < static_cast<int>(i) && noun < 0; ++m) {
            if (toks[m].punct == 0 && !toks[m].quoted && toks[m].Is(kSpeakerNoun)) noun = m;
          }
          if (noun >= 0) {
            if (!fallback) fallback = unnamed(Words(toks, first - 1, noun + 1), cue, "named");
            continue;
          }
        }
        if (!name.empty() && !lexicon.IsRole(text::FoldCase(name))) {
          Attribution a = named(name, cue, appositive ? "appositive" : "named");
          a.via = via_entity;
          return a;
        }
      }
      // "a spokeswoman said", "the senator said", "officials told".
      if (const std::string phrase = UnnamedAt(toks, k); !phrase.empty() && !fallback) {
        fallback = unnamed(phrase, cue, "named");
      }
    }
    // "“…,” said X" / "“…” answered X" / "“…,” said a spokeswoman"
    if (i > 0 && (toks[i - 1].quoted || toks[i - 1].punct == ',')) {
      const std::string name = FirstNameAfter(toks, i + cue_len, lexicon);
      if (!name.empty()) return named(name, cue, "after-quote");
      if (const std::string phrase = UnnamedAfter(toks, i + cue_len); !phrase.empty()) {
        if (!fallback) fallback = unnamed(phrase, cue, "after-quote");
        continue;
      }
      for (size_t m = i + cue_len; m < toks.size() && m < i + cue_len + 4; ++m) {
        if (toks[m].punct != 0 || toks[m].quoted || toks[m].Is(kPreposition)) break;  // "said in a phone interview"
        // "said a spokeswoman", "asked a worker", "answered the soldier stubbornly"
        const bool after_determiner = m > i + cue_len && toks[m - 1].Is(kDeterminer) && !toks[m].capitalized &&
                                      !toks[m].Is(kNotName);
        if (m == i + cue_len && toks[m].Is(kPronoun)) {  // "said he"
          if (auto a = pronoun(toks[m], cue)) return a;
          break;
        }
        if (toks[m].Is(kUnnamedSpeaker) || toks[m].Is(kRole) || after_determiner) {
          if (!fallback) fallback = unnamed(std::string(toks[m].text), cue, "after-quote");
          break;
        }
      }
    }
  }
  // "“…” — Jane Doe, CEO": a signature after the quotation.
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (!toks[i].quoted) continue;
    if (toks[i + 1].quoted) continue;
    if (toks[i + 1].punct == ',' && toks[i + 1].dash) {
      const std::string name = NameRightAfter(toks, i + 2);
      if (!name.empty()) return named(name, "\u2014", "signature");
    }
    break;
  }
  if (fallback) return fallback;
  // No cue: a sentence whose subject comes before a quotation of speech
  // ("Moore thanked him for “stepping up”", "Clinton released the following
  // statement: “…”") gives the quotation to its subject — unless it is passive.
  size_t first_quote = toks.size();
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].quoted) {
      first_quote = i;
      break;
    }
  }
  if (first_quote == toks.size() || first_quote == 0) return std::nullopt;
  // Passive ("was called “…” by X", "is known as “…”"): the subject did not say it.
  for (size_t i = 0; i < first_quote; ++i) {
    if (toks[i].punct != 0) continue;
    if (toks[i].folded == "by") return std::nullopt;
    if (toks[i].Is(kAuxiliary) && i + 1 < first_quote && toks[i + 1].punct == 0 &&
        (toks[i + 1].folded.ends_with("ed") || toks[i + 1].folded.ends_with("en") || toks[i + 1].Is(kCueVerb)) &&
        !toks[i + 1].folded.ends_with("ing")) {
      return std::nullopt;
    }
  }
  const Subject subject = SubjectAt(toks, first_quote, lexicon);
  std::optional<Attribution> a;
  if (!subject.name.empty()) {
    a = named(subject.name, "", "subject");
    a->mention = subject.mention;
  } else if (subject.pronoun >= 0) {
    a = pronoun(toks[subject.pronoun], "");
    if (!a) a = fallback;
  } else if (!subject.unnamed.empty()) {
    a = unnamed(subject.unnamed, "", "subject");
  }
  if (a) a->how = "subject";  // found without a cue: a guess that may confirm a note, never accuse one
  return a;
}

}  // namespace

std::optional<Attribution> FindAttribution(std::string_view s, const std::vector<Span>& quotes,
                                           const LexiconIndex& lexicon, const EntityRef* last_person,
                                           const MidSentenceCapitals* capitals) {
  const SentenceTokens tokens(s, quotes, lexicon, capitals);
  return AttributionIn(s, tokens.list(), lexicon,
                       last_person == nullptr ? LastPerson() : LastPerson([last_person] { return last_person; }));
}

std::optional<Attribution> FindSpeaker(std::string_view s, const std::vector<Span>& quotes, const LexiconIndex& lexicon,
                                       const LastPerson& last_person, const MidSentenceCapitals* capitals) {
  const SentenceTokens tokens(s, quotes, lexicon, capitals);
  return AttributionIn(s, tokens.list(), lexicon, last_person);
}

const EntityRef& Attribution::Speaker() const {
  static const EntityRef* const kNobody = new EntityRef();
  return voice_ ? voice_->speaker : *kNobody;
}

MidSentenceCapitals FindMidSentenceCapitals(std::string_view s) {
  MidSentenceCapitals out;
  std::string folded;
  int32_t before = '.';  // the last character before the current word that is not a space
  bool after_abbreviation = false;
  uint32_t i = 0;
  while (i < s.size()) {
    const uint32_t start = i;
    const int32_t c = text::NextCodePoint(s, i);
    if (!text::IsLetter(c)) {
      if (c == '\n' && i < s.size() && s[i] == '\n') before = '.';  // a paragraph starts
      if (!text::IsWhitespace(c)) before = c;
      continue;
    }
    uint32_t end = i;
    while (end < s.size()) {
      if (text::IsAsciiAlnum(s[end])) {  // the common case, answered without decoding
        ++end;
        continue;
      }
      uint32_t k = end;
      const int32_t d = text::NextCodePoint(s, k);
      if (!text::IsLetter(d) && d != '-' && !(d >= '0' && d <= '9')) break;
      end = k;
    }
    // Inside a sentence: after a word, a comma or a closing bracket, not
    // after a full stop, a colon, a dash or an opening quotation mark.
    // After a title's abbreviation ("Sen. Cruz", "Mr. Cruz") is inside too.
    const bool inside = text::IsLetter(before) || (before >= '0' && before <= '9') || before == ',' || before == ';' ||
                        before == ')' || before == '&' || (before == '.' && after_abbreviation);
    if (inside && text::IsUpper(c)) {
      text::FoldCase(s.substr(start, end - start), folded);
      out.folded.insert(folded);  // (a word seen before is not copied again)
    }
    after_abbreviation = text::IsUpper(c) && end - start <= 4 && end < s.size() && s[end] == '.';
    before = 'a';
    i = end;
  }
  return out;
}

namespace {

// SentenceSubject over the sentence's tokens.
std::optional<EntityRef> SubjectIn(const std::vector<Token>& toks, const LexiconIndex& lexicon) {
  const Subject subject = SubjectAt(toks, std::min<size_t>(toks.size(), 12), lexicon);
  if (!subject.name.empty() && !subject.definite) {
    EntityRef e = lexicon.ResolveName(subject.name);
    if (PersonLike(e, subject.name, lexicon)) return e;
  }
  // An unnamed person ("A spokeswoman met …") may be the "she" that follows;
  // a group ("The ferry union met …", "The Republicans abstained") may not,
  // and the person the sentence goes on to name may.
  if (subject.pronoun >= 0) return std::nullopt;
  if (!subject.unnamed.empty()) {
    const std::vector<std::string> words = NormalizedWords(subject.unnamed);
    if (words.empty() || !lexicon.IsOrganizationWord(words.back())) return std::nullopt;
  }
  std::optional<EntityRef> last;
  for (size_t k = 0; k < toks.size(); ++k) {
    if (!IsNameToken(toks[k])) continue;
    size_t e = k;
    while (e + 1 < toks.size() && IsNameToken(toks[e + 1]) && !toks[e].possessive) ++e;
    int first = static_cast<int>(k);
    const std::string name = NameEndingAt(toks, static_cast<int>(e), lexicon, &first);
    const bool definite = first > 0 && toks[first - 1].punct == 0 && toks[first - 1].Is(kDeterminer);
    if (!name.empty() && !definite && !toks[e].possessive && !lexicon.IsRole(text::FoldCase(name))) {
      EntityRef ref = lexicon.ResolveName(name);
      if (PersonLike(ref, name, lexicon)) last = ref;
    }
    k = e;
  }
  return last;
}

}  // namespace

std::optional<EntityRef> SentenceSubject(std::string_view s, const std::vector<Span>& quotes, const LexiconIndex& lexicon,
                                         const MidSentenceCapitals* capitals) {
  const SentenceTokens tokens(s, quotes, lexicon, capitals);
  return SubjectIn(tokens.list(), lexicon);
}


}  // namespace citelint::extract
