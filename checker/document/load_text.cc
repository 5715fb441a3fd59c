// Plain-text loader. Footnote markers are digits glued to the end of a word,
// closing punctuation or a closing quote (`AGI.1`, `staggering.”5`), Unicode
// superscripts (`¹²`), bracketed numbers (`[12]`), and lists or ranges
// (`7,8`, `7–9`). The notes are the trailing run of `N. …` / `N) …` / `[N] …`
// lines, optionally under a Notes/Sources/References heading, before any page
// chrome. Marker-ness is decided with the notes in hand: a number that is part
// of the text (`in 2019.`, `COVID-19`, `Q3.`, `$4.5bn.`) is never a marker, and
// a weakly glued number (`U.S.3`, `2016.45`) only counts when it is the next
// note in citation order.
#include <algorithm>
#include <climits>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "checker/document/loader.h"
#include "checker/text/regex.h"
#include "checker/text/unicode.h"

namespace citelint::loaders {
namespace {

using Line = Span;  // a source line, without "\r\n"

bool IsDigit(int32_t c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A parsed notes-list line: `7. text`, `7) text`, `[7] text`.
struct NoteLine {
  int label = 0;
  Span label_span;     // source bytes of the digits
  uint32_t text_begin; // first byte of the note text
};

std::optional<NoteLine> ParseNoteLine(std::string_view src, Line line) {
  uint32_t i = line.begin;
  while (i < line.end && i - line.begin < 4 && (src[i] == ' ' || src[i] == '\t')) ++i;
  const bool bracket = i < line.end && src[i] == '[';
  if (bracket) ++i;
  const uint32_t digits = i;
  // Up to six digits: a notes list may run past 9,999 (a book's endnotes).
  while (i < line.end && IsDigit(src[i]) && i - digits < 7) ++i;
  if (i == digits || i - digits > 6 || src[digits] == '0') return std::nullopt;
  const Span label_span{digits, i};
  if (bracket) {
    if (i >= line.end || src[i] != ']') return std::nullopt;
  } else if (i >= line.end || (src[i] != '.' && src[i] != ')')) {
    return std::nullopt;
  }
  ++i;
  if (i >= line.end || (src[i] != ' ' && src[i] != '\t')) return std::nullopt;
  while (i < line.end && (src[i] == ' ' || src[i] == '\t')) ++i;
  if (i >= line.end) return std::nullopt;
  int label = 0;
  for (uint32_t k = label_span.begin; k < label_span.end; ++k) label = label * 10 + (src[k] - '0');
  return NoteLine{label, label_span, i};
}

bool IsNotesHeading(std::string_view line) {
  std::string folded = text::FoldCase(Trim(line));
  while (!folded.empty() && (folded.back() == ':' || folded.back() == '.')) folded.pop_back();
  static const char* const kHeadings[] = {"notes", "sources", "references", "endnotes",
                                          "footnotes", "citations", "works cited", "bibliography"};
  return std::any_of(std::begin(kHeadings), std::end(kHeadings),
                     [&](const char* h) { return folded == h; });
}

struct NotesSection {
  int first_line = -1;        // first line of the section (heading or first note); -1 if none
  bool has_heading = false;
  struct Item {
    NoteLine head;
    int first_line;
    int last_line;
  };
  std::vector<Item> items;    // in document order
};

// Finds the trailing notes list. Going up from the end: skip blank lines and a
// few short chrome lines ("Story coverage"), then take note lines whose labels
// do not increase going up; up to two non-note lines between notes are
// continuations of the note above them; a Notes heading ends the section.
NotesSection FindNotes(std::string_view src, const std::vector<Line>& lines) {
  constexpr int kMaxChrome = 4;
  constexpr uint32_t kMaxChromeBytes = 60;
  constexpr size_t kMaxContinuation = 2;
  NotesSection section;
  int i = static_cast<int>(lines.size()) - 1;
  auto blank = [&](int k) { return Trim(src.substr(lines[k].begin, lines[k].end - lines[k].begin)).empty(); };
  int chrome = 0;
  while (i >= 0) {
    if (blank(i)) { --i; continue; }
    if (ParseNoteLine(src, lines[i])) break;
    const std::string_view text = Trim(src.substr(lines[i].begin, lines[i].end - lines[i].begin));
    if (chrome < kMaxChrome && text.size() <= kMaxChromeBytes && !IsNotesHeading(text)) {
      ++chrome;
      --i;
      continue;
    }
    break;
  }
  std::vector<NotesSection::Item> reversed;
  std::vector<int> pending;  // non-note lines above the last note seen
  int last_label = INT_MAX;
  int bottom = i;            // last line of the note being collected
  while (i >= 0) {
    if (blank(i)) {
      if (pending.size() > kMaxContinuation) break;  // a paragraph of body text above the notes
      --i;
      continue;
    }
    const std::string_view text = src.substr(lines[i].begin, lines[i].end - lines[i].begin);
    if (auto note = ParseNoteLine(src, lines[i])) {
      if (note->label > last_label) break;
      reversed.push_back({*note, i, bottom});
      last_label = note->label;
      pending.clear();
      bottom = i - 1;
      --i;
      continue;
    }
    if (!reversed.empty() && IsNotesHeading(text)) {
      section.has_heading = true;
      section.first_line = i;
      break;
    }
    // A note may wrap over any number of lines; across a blank line only a
    // short continuation belongs to the note above it (checked above).
    pending.push_back(i);
    --i;
  }
  // Trim the last note's range back to its last non-blank line.
  for (auto& item : reversed) {
    while (item.last_line > item.first_line && blank(item.last_line)) --item.last_line;
  }
  section.items.assign(reversed.rbegin(), reversed.rend());
  if (!section.items.empty() && section.first_line < 0) section.first_line = section.items.front().first_line;
  return section;
}

enum class Glue { kNone, kWeak, kStrong };

// How a digit run starting at byte `i` of `body` is attached to what precedes it.
Glue ClassifyGlue(std::string_view body, uint32_t i, bool* decimal_like) {
  *decimal_like = false;
  uint32_t p = i;
  const int32_t prev = text::PrevCodePoint(body, p);
  if (prev < 0) return Glue::kNone;
  uint32_t b = p;
  const int32_t before = text::PrevCodePoint(body, b);
  if (text::IsClosingQuote(prev)) {
    // A closing quote follows text. After a space it may be a stray closing
    // quote or an apostrophe that opens ('90s): weak. So is a run of marks
    // after a space: two apostrophes standing for an opening quote
    // (`finding: ''27 companies`) open, whatever the marks' shape.
    if (before < 0) return Glue::kNone;
    uint32_t q = b;
    int32_t lead = before;  // the first character before the run of marks
    while (lead >= 0 && (text::IsClosingQuote(lead) || lead == '\'' || lead == '"')) lead = text::PrevCodePoint(body, q);
    return lead < 0 || text::IsWhitespace(lead) ? Glue::kWeak : Glue::kStrong;
  }
  if (prev == ' ' && (before == '.' || text::IsClosingQuote(before))) {
    // A marker that drifted off its sentence ("complaint. 535 Page"): only
    // before a new sentence, and only as the next note in order.
    *decimal_like = true;
    return Glue::kWeak;
  }
  if (prev == '.' || prev == ',' || prev == ';' || prev == ':' || prev == '!' || prev == '?' ||
      prev == ')' || prev == ']') {
    if (before < 0 || text::IsWhitespace(before)) return Glue::kNone;
    if (IsDigit(before)) {
      if (prev == ':') return Glue::kNone;  // 10:30
      // 1.4, 600.4, 2016.45 and "December 2016,19": weak. Thousands
      // ("10,000") start with a zero or fail the citation-order test.
      *decimal_like = prev == '.';
      return Glue::kWeak;
    }
    if (text::IsLetter(before) && prev == '.') {
      // A single letter before the period is an initial or a section path
      // (U.S.1, IV.A.1): weak.
      uint32_t w = b;
      const int32_t before_word = text::PrevCodePoint(body, w);
      if (before_word < 0 || !text::IsLetter(before_word)) {
        *decimal_like = true;
        return Glue::kWeak;
      }
    }
    return Glue::kStrong;
  }
  if (prev == '_') {
    // A redaction (a run of underscores) standing where the cited text was.
    return before == '_' ? Glue::kStrong : Glue::kNone;
  }
  if (text::IsLetter(prev)) {
    // Glued straight to a word: only a lower-case word of two or more letters
    // that is not part of a handle or an alphanumeric code (weeks6, not Q3,
    // GPT4, @4qd8).
    if (!text::IsLower(prev)) return Glue::kNone;
    uint32_t w = p;
    int letters = 0;
    int32_t c = prev;
    while (true) {
      uint32_t save = w;
      c = text::PrevCodePoint(body, w);
      if (c < 0 || !text::IsLetter(c)) {
        w = save;
        break;
      }
      ++letters;
    }
    uint32_t w2 = w;
    const int32_t before_word = text::PrevCodePoint(body, w2);
    if (letters < 2) return Glue::kNone;
    if (before_word >= 0 && (IsDigit(before_word) || before_word == '@' || before_word == '#' ||
                             before_word == '_' || before_word == '/' || before_word == '\\' ||
                             before_word == '.')) {
      return Glue::kNone;
    }
    return Glue::kWeak;
  }
  return Glue::kNone;
}

// What may follow a marker's digits.
bool FollowOk(std::string_view body, uint32_t j, bool decimal_like, bool word_glued) {
  uint32_t k = j;
  const int32_t next = text::NextCodePoint(body, k);
  if (next < 0 || next == '\n' || next == '\r') return true;
  if (decimal_like) {
    // 2016.45 counts only before a new sentence: "… 2016.45 The".
    if (!text::IsWhitespace(next)) return false;
    int32_t after = text::NextCodePoint(body, k);
    while (after == ' ' || after == '\t') after = text::NextCodePoint(body, k);
    return after < 0 || after == '\n' || after == '\r' || text::IsUpper(after) || after == 0x201C ||
           after == '"' || after == '(' || after == '[';
  }
  if (text::IsWhitespace(next) || next == ')' || next == ']') return true;
  if (next == ',' || text::IsRangeDash(next)) {
    uint32_t m = k;
    int32_t after = text::NextCodePoint(body, m);
    if (next == ',' && after == ' ') after = text::NextCodePoint(body, m);
    if (IsDigit(after)) return true;  // a list or range of markers
  }
  if (next == 0x2014 || next == 0x2013) return true;  // "Campaign433—took place"
  if (word_glued && (next == '.' || next == ',' || next == ';' || next == ':')) {
    const int32_t after = text::NextCodePoint(body, k);
    return after < 0 || text::IsWhitespace(after);
  }
  return false;
}

struct Candidate {
  std::vector<std::pair<int, Span>> labels;  // label value and its span
  bool strong = false;
};

// Parses further labels of a list or range after the first one ("7,8", "7–9").
void ParseListTail(std::string_view body, uint32_t j, int max_digits, Candidate& cand) {
  while (true) {
    uint32_t k = j;
    const int32_t sep = text::NextCodePoint(body, k);
    if (sep != ',' && !text::IsRangeDash(sep)) return;
    uint32_t d = k;
    if (sep == ',' && d < body.size() && body[d] == ' ') ++d;
    uint32_t e = d;
    while (e < body.size() && IsDigit(body[e])) ++e;
    if (e == d || static_cast<int>(e - d) > max_digits || body[d] == '0') return;
    if (e < body.size() && (text::IsLetter(static_cast<unsigned char>(body[e])) || body[e] == '.') &&
        !(e + 1 >= body.size() || body[e + 1] == ' ' || body[e + 1] == '\n')) {
      return;
    }
    int value = 0;
    for (uint32_t x = d; x < e; ++x) value = value * 10 + (body[x] - '0');
    const int prev = cand.labels.back().first;
    if (text::IsRangeDash(sep)) {
      if (value <= prev || value - prev > 20) return;
      for (int v = prev + 1; v < value; ++v) cand.labels.push_back({v, {j, e}});
    } else if (value <= prev) {
      return;
    }
    cand.labels.push_back({value, {d, e}});
    j = e;
  }
}

std::vector<Candidate> FindCandidates(std::string_view body, int max_digits) {
  std::vector<Candidate> out;
  uint32_t i = 0;
  while (i < body.size()) {
    const unsigned char ch = static_cast<unsigned char>(body[i]);
    if (ch >= 0x80) {
      if (ch != 0xC2 && ch != 0xE2) {
        ++i;  // no superscript digit starts here (¹²³ lead with 0xC2, ⁰⁴…⁹ with 0xE2)
        continue;
      }
      // Superscript digits: ¹²³ are markers wherever they stand.
      uint32_t k = i;
      int value = 0;
      int count = 0;
      uint32_t end = i;
      while (true) {
        uint32_t save = k;
        const int d = text::SuperscriptDigit(text::NextCodePoint(body, k));
        if (d < 0) { k = save; break; }
        if (count < 9) value = value * 10 + d;  // a longer run is no marker (count > max_digits): no overflow
        ++count;
        end = k;
      }
      if (count > 0) {
        if (count <= max_digits && value > 0) {
          Candidate c;
          c.labels.push_back({value, {i, end}});
          c.strong = true;
          out.push_back(std::move(c));
        }
        i = end;
        continue;
      }
      ++i;
      continue;
    }
    if (ch == '[' && i + 1 < body.size() && IsDigit(body[i + 1])) {
      // Bracketed markers: "[12]", "[1, 2]", "[1–3]", not at a line start.
      uint32_t j = i + 1;
      while (j < body.size() && IsDigit(body[j])) ++j;
      const bool line_start = i == 0 || body[i - 1] == '\n';
      if (!line_start && static_cast<int>(j - i - 1) <= max_digits && body[i + 1] != '0') {
        Candidate c;
        int value = 0;
        for (uint32_t x = i + 1; x < j; ++x) value = value * 10 + (body[x] - '0');
        c.labels.push_back({value, {i + 1, j}});
        ParseListTail(body, j, max_digits, c);
        uint32_t close = c.labels.back().second.end;
        if (close < body.size() && body[close] == ']' &&
            (close + 1 >= body.size() || (body[close + 1] != '(' && body[close + 1] != ':'))) {
          c.strong = true;
          out.push_back(std::move(c));
          i = close + 1;
          continue;
        }
      }
      i = j;
      continue;
    }
    if (!IsDigit(ch)) {
      ++i;
      continue;
    }
    uint32_t j = i;
    while (j < body.size() && IsDigit(body[j])) ++j;
    const int digits = static_cast<int>(j - i);
    bool decimal_like = false;
    const Glue glue = digits <= max_digits && body[i] != '0' ? ClassifyGlue(body, i, &decimal_like)
                                                             : Glue::kNone;
    if (glue != Glue::kNone) {
      uint32_t p = i;
      const bool word_glued = text::IsLetter(text::PrevCodePoint(body, p));
      if (FollowOk(body, j, decimal_like, word_glued)) {
        Candidate c;
        int value = 0;
        for (uint32_t x = i; x < j; ++x) value = value * 10 + (body[x] - '0');
        c.labels.push_back({value, {i, j}});
        c.strong = glue == Glue::kStrong;
        ParseListTail(body, j, max_digits, c);
        j = c.labels.back().second.end;
        out.push_back(std::move(c));
      }
    }
    i = j;
  }
  return out;
}

int DigitCount(int v) {
  int n = 1;
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

// Chooses the markers among the candidates, in citation order: a strong
// candidate naming a note is a marker; a weak one only when it names the next
// note not yet cited; a strong one naming no note is a dangling marker.
std::vector<std::pair<int, Span>> DecideMarkers(std::string_view body,
                                                const std::unordered_set<int>& labels,
                                                int max_label, int* resolved) {
  const int max_digits = std::max(3, DigitCount(max_label));
  std::vector<std::pair<int, Span>> accepted;
  int max_first_cited = 0;
  *resolved = 0;
  for (const Candidate& c : FindCandidates(body, max_digits)) {
    const int first = c.labels.front().first;
    const bool known = labels.count(first) > 0;
    const bool take = known ? c.strong || first == max_first_cited + 1
                            : c.strong && DigitCount(first) <= 3;
    if (!take) continue;
    for (const auto& [value, span] : c.labels) {
      const bool value_known = labels.count(value) > 0;
      if (!c.strong && !value_known) continue;
      accepted.push_back({value, span});
      if (value_known) {
        ++*resolved;
        max_first_cited = std::max(max_first_cited, value);
      }
    }
  }
  return accepted;
}

bool IsListItemLine(std::string_view line) {
  line = Trim(line);
  return line.starts_with("- ") || line.starts_with("* ") || line.starts_with("• ") ||
         line.starts_with("– ") || line.starts_with("— ");
}

bool IsHeadingLine(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.size() > 120) return false;
  uint32_t end = static_cast<uint32_t>(line.size());
  const int32_t last = text::PrevCodePoint(line, end);
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == ',' ||
      text::IsClosingQuote(last) || last == ')' || IsDigit(last)) {
    return false;
  }
  uint32_t k = 0;
  return text::IsUpper(text::NextCodePoint(line, k)) || IsDigit(static_cast<unsigned char>(line[0]));
}

// Lines no wider than this (in code points) are hard-wrapped text.
constexpr size_t kMaxWrapWidth = 100;

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Does a line end a sentence (after any marker digits)?
bool EndsSentence(std::string_view t) {
  uint32_t end = static_cast<uint32_t>(t.size());
  int32_t last = text::PrevCodePoint(t, end);
  while (IsDigit(last) && end > 0) last = text::PrevCodePoint(t, end);  // a marker after the sentence
  return last == '.' || last == '!' || last == '?' || last == ':' || text::IsClosingQuote(last) || last == ')' ||
         last == ']';
}

// Is the group of lines [from, to) one hard-wrapped paragraph (or several
// with list items)? Its lines are short, fill most of the width, and mostly
// break mid-sentence; one paragraph per line (short news paragraphs, a
// heading above a line) ends each line with a sentence.
bool HardWrapped(std::string_view src, const std::vector<Line>& lines, int from, int to) {
  if (to - from < 2) return false;
  size_t widest = 0;
  for (int k = from; k < to; ++k) widest = std::max(widest, CodePoints(src.substr(lines[k].begin, lines[k].end - lines[k].begin)));
  if (widest > kMaxWrapWidth || widest < 40) return false;
  int mid_sentence = 0;
  for (int k = from; k + 1 < to; ++k) {
    const std::string_view t = Trim(src.substr(lines[k].begin, lines[k].end - lines[k].begin));
    if (CodePoints(t) * 2 < widest) return false;
    if (!EndsSentence(t)) ++mid_sentence;
  }
  return mid_sentence * 2 >= to - from - 1;
}

// YAML front matter (`---` … `---` with `key: value` lines) at the top of a
// plain-text file is metadata: the first body line after it.
int FrontMatterEnd(std::string_view src, const std::vector<Line>& lines, int body_lines) {
  int i = 0;
  auto text = [&](int k) { return Trim(src.substr(lines[k].begin, lines[k].end - lines[k].begin)); };
  if (body_lines == 0 || (text(0) != "---" && text(0) != "+++")) return 0;
  const std::string_view fence = text(0);
  bool keys = false;
  for (i = 1; i < body_lines && i < 80; ++i) {
    const std::string_view t = text(i);
    if (t == fence || (fence == "---" && t == "...")) return keys ? i + 1 : 0;
    const size_t sep = t.find(fence == "---" ? ':' : '=');
    if (sep != std::string_view::npos && sep > 0 && Trim(t.substr(0, sep)).find(' ') == std::string_view::npos) keys = true;
  }
  return 0;
}

}  // namespace

Document LoadText(std::shared_ptr<const SourceFile> source) {
  Document doc;
  doc.source = source;
  doc.format = Format::kText;
  const std::string_view src = source->bytes();

  std::vector<Line> lines = SourceLines(src);

  NotesSection notes = FindNotes(src, lines);
  const uint32_t body_end =
      notes.first_line >= 0 ? lines[notes.first_line].begin : static_cast<uint32_t>(src.size());
  const std::string_view body = src.substr(0, body_end);

  {
    // What decides the markers is gone before the text and the notes are
    // made (a note-dense draft's peak is the loader's).
    std::unordered_set<int> labels;
    int max_label = 0;
    for (const auto& item : notes.items) {
      labels.insert(item.head.label);
      max_label = std::max(max_label, item.head.label);
    }
    int resolved = 0;
    std::vector<std::pair<int, Span>> accepted = DecideMarkers(body, labels, max_label, &resolved);
    // A numbered list at the end with no heading and no marker citing it is
    // part of the text, not a notes list.
    if (!notes.has_heading && resolved == 0 && !notes.items.empty()) {
      notes = NotesSection{};
      labels.clear();
      accepted = DecideMarkers(src, labels, 0, &resolved);
    }
    doc.markers.reserve(accepted.size());  // as many as there are: no growth to give back
    for (const auto& [value, span] : accepted) {
      Marker marker;
      marker.label = doc.KeepWritten(std::to_string(value), span.begin);
      marker.span = span;
      doc.markers.push_back(std::move(marker));
    }
  }

  // Blocks and analysis text for the body. Paragraphs are separated by
  // blank lines; a group of lines that is hard-wrapped (every line short) is
  // one paragraph whose lines join with a space, except that a list item
  // starts a block of its own. A group with long lines (one paragraph per
  // line, as in the seed) keeps one block per line.
  const int body_lines = notes.first_line >= 0 ? notes.first_line : static_cast<int>(lines.size());
  // The text is the body's (the notes are not in it).
  TextBuilder text(doc, notes.first_line >= 0 ? lines[notes.first_line].begin : src.size());
  size_t next_marker = 0;
  const int first_body = FrontMatterEnd(src, lines, body_lines);
  auto content_of = [&](int li) { return src.substr(lines[li].begin, lines[li].end - lines[li].begin); };
  auto is_blank = [&](int li) { return Trim(content_of(li)).empty(); };
  // Copies line k from `pos` into the text, markers left out, and gives the
  // markers on it the current block.
  auto copy_line = [&](int k, uint32_t pos) {
    while (next_marker < doc.markers.size() && doc.markers[next_marker].span.begin < lines[k].end) {
      Marker& m = doc.markers[next_marker++];
      m.block = static_cast<int>(doc.blocks.size()) - 1;
      if (m.span.begin >= pos) {
        text.Copy(src, {pos, m.span.begin});
        pos = m.span.end;
      }
    }
    text.Copy(src, {pos, lines[k].end});
  };
  // Opening minus closing curly quotation marks in the current block, kept as
  // lines are added (a page break inside an open quotation continues the paragraph).
  int open_quotes = 0;
  auto count_quotes = [&](int k) {
    const std::string_view t = content_of(k);
    for (size_t at = t.find("\u201C"); at != std::string_view::npos; at = t.find("\u201C", at + 3)) ++open_quotes;
    for (size_t at = t.find("\u201D"); at != std::string_view::npos; at = t.find("\u201D", at + 3)) --open_quotes;
  };
  int li = first_body;
  while (li < body_lines) {
    if (is_blank(li)) {
      ++li;
      continue;
    }
    int group_end = li;
    while (group_end < body_lines && !is_blank(group_end)) ++group_end;
    // A heading line on top of a hard-wrapped paragraph is a block of its own.
    if (group_end - li >= 3 && IsHeadingLine(content_of(li)) && HardWrapped(src, lines, li + 1, group_end)) {
      doc.blocks.push_back({BlockKind::kHeading, {lines[li].begin, lines[li].end}});
      text.Separator("\n\n");
      copy_line(li, lines[li].begin);
      open_quotes = 0;
      ++li;
    }
    const bool wrapped = HardWrapped(src, lines, li, group_end);
    // A paragraph cut by a page break (a blank line in mid-sentence, the
    // next line starting in lower case) goes on across it.
    bool resumes = false;
    if (!doc.blocks.empty() && doc.blocks.back().kind != BlockKind::kListItem) {
      uint32_t first = 0;
      const std::string_view head = Trim(content_of(li));
      const int32_t c = text::NextCodePoint(head, first);
      const std::string_view before = Trim(src.substr(doc.blocks.back().span.begin,
                                                      doc.blocks.back().span.end - doc.blocks.back().span.begin));
      // The next line starts in lower case, or a quotation is left open.
      const bool open_quote = open_quotes > 0;
      uint32_t e = static_cast<uint32_t>(before.size());
      const int32_t last = text::PrevCodePoint(before, e);
      const bool sentence_end = last == '.' || last == '!' || last == '?' || last == ':' || text::IsClosingQuote(last);
      resumes = (text::IsLower(c) || open_quote) && !sentence_end && !IsDigit(last);
      // A line read as a heading that goes on in lower case was a paragraph's start.
      if (resumes) doc.blocks.back().kind = BlockKind::kParagraph;
    }
    for (int k = li; k < group_end; ++k) {
      const std::string_view content = content_of(k);
      const bool joins = (resumes && k == li) ||
                         (wrapped && k > li && !IsListItemLine(content) && !ParseNoteLine(src, lines[k]));
      if (joins) {
        doc.blocks.back().span.end = lines[k].end;
        text.Separator(" ");
        count_quotes(k);
      } else {
        open_quotes = 0;
        count_quotes(k);
        BlockKind kind = IsListItemLine(content) ? BlockKind::kListItem
                         : !wrapped && IsHeadingLine(content) ? BlockKind::kHeading
                                                            : BlockKind::kParagraph;
        doc.blocks.push_back({kind, {lines[k].begin, lines[k].end}});
        text.Separator("\n\n");
      }
      uint32_t pos = lines[k].begin;
      if (joins) {
        while (pos < lines[k].end && (src[pos] == ' ' || src[pos] == '\t')) ++pos;
      }
      copy_line(k, pos);
    }
    li = group_end;
  }

  // Notes: one block for the section, one Note per item.
  if (notes.first_line >= 0) {
    const Line last = lines[notes.items.empty() ? notes.first_line : notes.items.back().last_line];
    doc.blocks.push_back({BlockKind::kNotes, {lines[notes.first_line].begin, last.end}});
  }
  doc.notes.reserve(notes.items.size());
  for (const auto& item : notes.items) {
    Note note;
    note.label = doc.KeepWritten(std::to_string(item.head.label), item.head.label_span.begin);
    note.label_span = item.head.label_span;
    note.span = {lines[item.first_line].begin, lines[item.last_line].end};
    std::string body_text(src.substr(item.head.text_begin, lines[item.first_line].end - item.head.text_begin));
    for (int k = item.first_line + 1; k <= item.last_line; ++k) {
      body_text += ' ';
      body_text += src.substr(lines[k].begin, lines[k].end - lines[k].begin);
    }
    note.text = doc.KeepWritten(CollapseWhitespace(body_text), item.head.text_begin);
    doc.SetLinks(note, text::FindUrls(note.text));
    doc.notes.push_back(std::move(note));
  }
  notes = NotesSection{};
  std::vector<Line>().swap(lines);
  ResolveByLabel(doc);
  return doc;
}

}  // namespace citelint::loaders
