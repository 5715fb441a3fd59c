// reStructuredText loader (the subset that matters for citations). Footnote
// and citation references (`[1]_`, `[#]_`, `[#name]_`, `[*]_`, `[CIT2002]_`)
// are markers; `.. [1] …` definitions with their indented continuation are
// notes. What is not prose never reaches the analysis text: a PEP's RFC 2822
// header, section underlines and transitions, comments, hyperlink targets and
// substitution definitions, directives other than admonitions (code, math,
// raw, images, tables…), literal blocks after `::`, doctest blocks, tables,
// and inline literals. Interpreted text keeps its words (`:pep:`279`` → 279,
// `` `Title <url>`_ `` → Title). Auto-numbered footnotes are numbered as
// docutils numbers them: in definition order, skipping manual numbers; the
// k-th `[#]_` reference cites the k-th `.. [#]` definition.
#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "checker/document/loader.h"
#include "checker/text/regex.h"
#include "checker/text/unicode.h"

namespace citelint::loaders {
namespace {

using Line = Span;  // a source line, without its line terminator

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// Leading blanks in bytes (for offsets), as opposed to Indent's columns (for
// comparing indentation: a tab counts to the next multiple of 8).
size_t Lead(std::string_view s) {
  const size_t n = s.find_first_not_of(" \t");
  return n == std::string_view::npos ? s.size() : n;
}

int Indent(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if (c == ' ') ++n;
    else if (c == '\t') n = (n / 8 + 1) * 8;
    else break;
  }
  return n;
}

bool IsPunct(char c) {
  return c == '=' || c == '-' || c == '~' || c == '^' || c == '"' || c == '\'' || c == '`' || c == '#' ||
         c == '*' || c == '+' || c == '<' || c == '>' || c == ':' || c == '.' || c == '_';
}

// A line of one repeated punctuation character (a section adornment).
bool IsAdornment(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  if (s.size() < 3 || !IsPunct(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

bool IsLabelChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':' || c == '+';
}

// A footnote or citation label as written between the brackets: a number,
// `#`, `#name`, `*`, or a citation name (starts with a letter).
bool ValidLabel(std::string_view l) {
  if (l.empty()) return false;
  if (l == "#" || l == "*") return true;
  if (l[0] == '#') l.remove_prefix(1);
  if (l.empty() || !std::all_of(l.begin(), l.end(), IsLabelChar)) return false;
  return true;
}

// `[label]_` at s[i]: the length of the whole reference, or 0.
size_t ReferenceAt(std::string_view s, size_t i) {
  if (i >= s.size() || s[i] != '[') return 0;
  const size_t close = s.substr(0, std::min(s.size(), i + 66)).find(']', i + 1);  // labels are short: a bounded search
  if (close == std::string_view::npos) return 0;
  if (close + 1 >= s.size() || s[close + 1] != '_') return 0;
  if (!ValidLabel(s.substr(i + 1, close - i - 1))) return 0;
  // The reference must end at a word boundary: `[1]_` but not `[1]_x`.
  if (close + 2 < s.size() && std::isalnum(static_cast<unsigned char>(s[close + 2]))) return 0;
  // ... and start at one: `a[1]_` is not a reference.
  if (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) return 0;
  return close + 2 - i;
}

// Directives whose content is prose (admonitions and friends).
bool IsProseDirective(std::string_view name) {
  static const char* const kProse[] = {"note",      "warning",   "tip",       "important", "attention",
                                       "caution",   "danger",    "error",     "hint",      "admonition",
                                       "seealso",   "topic",     "sidebar",   "epigraph",  "highlights",
                                       "pull-quote", "container", "compound", "deprecated", "versionadded",
                                       "versionchanged", "rubric",   "only",     "class"};
  return std::any_of(std::begin(kProse), std::end(kProse), [&](const char* p) { return name == p; });
}

// Roles whose text is prose (a reference, a term, a document); the others
// (:func:, :class:, :mod:, :envvar:, …) name code.
bool IsProseRole(std::string_view role) {
  static const char* const kProse[] = {"ref", "doc", "term", "abbr", "title", "title-reference", "t", "emphasis",
                                       "strong", "sub", "sup", "subscript", "superscript", "pep", "rfc",
                                       "pep-reference", "rfc-reference", "dfn", "guilabel", "menuselection", "numref",
                                       "download", "index"};
  return std::any_of(std::begin(kProse), std::end(kProse), [&](const char* p) { return role == p; });
}

// A bullet or enumerated list item's marker length at the start of `s`
// (after indentation), or 0.
size_t ListMarker(std::string_view s) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t')) return 2;
  if (s.starts_with("\u2022 ")) return 4;  // •
  size_t i = 0;
  const bool paren = !s.empty() && s[0] == '(';
  if (paren) ++i;
  const size_t start = i;
  while (i < s.size() && i - start < 4 && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '#')) ++i;
  if (i == start && i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;  // a. b. (single letter)
  if (i == start || i >= s.size()) return 0;
  if (paren ? s[i] != ')' : (s[i] != '.' && s[i] != ')')) return 0;
  ++i;
  if (i >= s.size() || (s[i] != ' ' && s[i] != '\t')) return 0;
  return i + 1;
}

// A PEP-style RFC 2822 header line: `Field-Name: value`.
bool IsHeaderField(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '-')) ++i;
  return i > 0 && i + 1 < s.size() + 1 && i < s.size() && s[i] == ':' && std::isupper(static_cast<unsigned char>(s[0])) &&
         (i + 1 == s.size() || s[i + 1] == ' ');
}

struct Definition {
  std::string label;  // as written: "1", "#", "#name", "*", "CIT2002"
  Span label_span;    // "[label]" in the source
  Span span;          // the whole definition
  std::vector<Span> body;  // source ranges of the body text (first line rest, continuation lines)
};

struct Reference {
  std::string label;
  Span span;  // "[label]_"
  bool in_note = false;
};

class RstParser {
 public:
  RstParser(Document& doc, std::string_view src) : doc_(doc), src_(src), text_(doc) {}
  void Run();

 private:
  std::string_view L(size_t i) const { return src_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin); }
  bool Blank(size_t i) const { return IsBlank(L(i)); }
  // The end (exclusive) of the block indented more than `indent` after line i.
  size_t IndentedBlockEnd(size_t i, int indent) const {
    size_t j = i + 1;
    size_t last = i;
    while (j < lines_.size()) {
      if (Blank(j)) {
        ++j;
        continue;
      }
      if (Indent(L(j)) <= indent) break;
      last = j;
      ++j;
    }
    return last + 1;
  }
  size_t ExplicitMarkup(size_t i);
  size_t Paragraph(size_t i);
  // Finds references in a block that is not prose (a table): markers only.
  void ScanReferences(size_t from, size_t to) {
    std::vector<Span> ranges;
    for (size_t k = from; k < to; ++k) ranges.push_back({lines_[k].begin, lines_[k].end});
    std::string ignored;
    Inline(ranges, false, &ignored);
  }
  // Emits prose (inline markup resolved) for source ranges into the text,
  // collecting references; for notes, into `out` instead.
  void Inline(const std::vector<Span>& ranges, bool in_note, std::string* out);

  Document& doc_;
  std::string_view src_;
  TextBuilder text_;
  std::vector<Line> lines_;
  std::vector<Definition> defs_;
  std::vector<Reference> refs_;
  bool literal_next_ = false;  // the previous paragraph ended with "::"
  int literal_base_ = 0;       // ... and had this indentation
};

void RstParser::Inline(const std::vector<Span>& ranges, bool in_note, std::string* out) {
  auto emit = [&](Span s) {
    if (s.empty()) return;
    if (out) out->append(src_.substr(s.begin, s.size()));
    else text_.Copy(src_, s);
  };
  auto space = [&] {
    if (out) out->push_back(' ');
    else text_.Separator(" ");
  };
  if (ranges.empty()) return;
  const auto alnum = [&](uint32_t at) { return std::isalnum(static_cast<unsigned char>(src_[at])) != 0; };
  size_t r = 0;
  uint32_t i = ranges[0].begin;
  uint32_t run = i;
  std::string_view role;  // the role of the interpreted text that follows
  while (r < ranges.size()) {
    const uint32_t end = ranges[r].end;
    if (i >= end) {
      emit({run, end});
      if (++r < ranges.size()) {
        space();
        i = run = ranges[r].begin;
      }
      continue;
    }
    const char c = src_[i];
    if (c == '\\' && i + 1 < end) {  // an escape: keep the next character
      emit({run, i});
      run = i + 1;
      i += 2;
      continue;
    }
    if (c == '`' && i + 1 < end && src_[i + 1] == '`') {
      // ``inline literal``: code, not prose; it may run over a line break
      // (searched only to the end of its paragraph).
      const size_t close = src_.substr(0, ranges.back().end).find("``", i + 2);
      if (close != std::string_view::npos && close < ranges.back().end) {
        emit({run, i});
        space();
        const uint32_t target = static_cast<uint32_t>(close + 2);
        while (r < ranges.size() && target >= ranges[r].end) ++r;
        if (r == ranges.size()) return;
        i = run = std::max(target, ranges[r].begin);
        continue;
      }
    }
    if (c == ':' && (i == ranges[r].begin || !alnum(i - 1))) {
      // :role:`text` — drop the role, keep the text.
      // Role names are short: a bounded look (a run of ":-:-:" is not rescanned from every colon).
      uint32_t j = i + 1;
      const uint32_t role_end = std::min(end, i + 40);
      while (j < role_end && (alnum(j) || src_[j] == '-' || src_[j] == '_' || src_[j] == '.' || src_[j] == ':' ||
                              src_[j] == '+')) {
        ++j;
      }
      if (j > i + 2 && j < role_end && src_[j - 1] == ':' && src_[j] == '`') {
        emit({run, i});
        role = src_.substr(i + 1, j - i - 2);
        if (const size_t colon = role.rfind(':'); colon != std::string_view::npos) role = role.substr(colon + 1);
        run = i = j;
        continue;
      }
    }
    if (c == '`') {
      // `interpreted text`, `link <url>`_, `name`_: keep the words.
      const size_t close = src_.substr(0, end).find('`', i + 1);
      if (close != std::string_view::npos && close < end) {
        emit({run, i});
        const std::string_view this_role = role;
        role = {};
        if (!this_role.empty() && !IsProseRole(this_role)) {
          // :func:`len`, :class:`Foo`: code, like an inline literal.
          space();
          uint32_t after = static_cast<uint32_t>(close + 1);
          while (after < end && src_[after] == '_') ++after;
          run = i = after;
          continue;
        }
        if (this_role == "pep" || this_role == "rfc") {
          // :pep:`8` reads "PEP 8": the number names a document.
          const std::string name = this_role == "pep" ? "PEP " : "RFC ";
          if (out) out->append(name);
          else text_.Append(name, i);
        }
        const std::string_view inner = src_.substr(i + 1, close - i - 1);
        uint32_t inner_end = static_cast<uint32_t>(close);
        if (const size_t lt = inner.rfind('<'); lt != std::string_view::npos && inner.ends_with(">")) {
          inner_end = static_cast<uint32_t>(i + 1 + lt);
          while (inner_end > i + 1 && src_[inner_end - 1] == ' ') --inner_end;
        }
        emit({i + 1, inner_end});
        uint32_t after = static_cast<uint32_t>(close + 1);
        while (after < end && src_[after] == '_') ++after;
        if (after < end && src_[after] == ':') {  // `text`:role:
          uint32_t j = after + 1;
          while (j < end && alnum(j)) ++j;
          if (j < end && src_[j] == ':') after = j + 1;
        }
        run = i = after;
        continue;
      }
    }
    if (c == '[') {
      if (const size_t len = ReferenceAt(src_.substr(0, end), i); len > 0) {
        emit({run, i});
        Reference ref;
        ref.label = std::string(src_.substr(i + 1, len - 3));
        ref.span = {i, i + static_cast<uint32_t>(len)};
        ref.in_note = in_note;
        refs_.push_back(std::move(ref));
        i += static_cast<uint32_t>(len);
        run = i;
        continue;
      }
    }
    if (c == '_' && i > ranges[r].begin && alnum(i - 1) && (i + 1 == end || !alnum(i + 1)) &&
        (i + 1 == end || src_[i + 1] != '_')) {
      // name_ (a hyperlink reference): drop the underscore.
      emit({run, i});
      run = ++i;
      continue;
    }
    ++i;
  }
}

size_t RstParser::ExplicitMarkup(size_t i) {
  const std::string_view line = L(i);
  const int indent = Indent(line);
  const size_t end = IndentedBlockEnd(i, indent);
  std::string_view rest = line.substr(line.find_first_not_of(" \t") + 2);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  const uint32_t content_at = lines_[i].end - static_cast<uint32_t>(rest.size());
  // .. [label] text — a footnote or citation.
  if (!rest.empty() && rest.front() == '[') {
    const size_t close = rest.find(']');
    if (close != std::string_view::npos && ValidLabel(rest.substr(1, close - 1)) &&
        (close + 1 == rest.size() || rest[close + 1] == ' ' || rest[close + 1] == '\t')) {
      Definition d;
      d.label = std::string(rest.substr(1, close - 1));
      d.label_span = {content_at, content_at + static_cast<uint32_t>(close + 1)};
      d.span = {lines_[i].begin, lines_[end - 1].end};
      uint32_t body = d.label_span.end;
      while (body < lines_[i].end && (src_[body] == ' ' || src_[body] == '\t')) ++body;
      if (body < lines_[i].end) d.body.push_back({body, lines_[i].end});
      for (size_t k = i + 1; k < end; ++k) {
        if (Blank(k)) continue;
        const uint32_t b = lines_[k].begin + static_cast<uint32_t>(L(k).find_first_not_of(" \t"));
        d.body.push_back({b, lines_[k].end});
      }
      doc_.blocks.push_back({BlockKind::kNotes, d.span});
      defs_.push_back(std::move(d));
      return end;
    }
  }
  // .. name:: arguments — a directive.
  if (const size_t colons = rest.find("::"); colons != std::string_view::npos && colons > 0 &&
                                             rest.substr(0, colons).find(' ') == std::string_view::npos &&
                                             rest.front() != '_' && rest.front() != '|') {
    std::string name(rest.substr(0, colons));
    if (const size_t c = name.rfind(':'); c != std::string::npos) name = name.substr(c + 1);  // py:function
    const bool caption = name == "figure" || name == "list-table" || name == "table";
    if (IsProseDirective(name) || caption) {
      // Its options (`:class: x`) are not prose; its content is read as body.
      size_t k = i + 1;
      while (k < lines_.size() && !Blank(k) && Indent(L(k)) > indent &&
             L(k).substr(L(k).find_first_not_of(" \t")).starts_with(":")) {
        ++k;
      }
      // An admonition's argument is its title: prose.
      const std::string_view arg = rest.substr(colons + 2);
      if (!IsBlank(arg) && name != "figure") {
        text_.Separator("\n\n");
        const uint32_t at = lines_[i].end - static_cast<uint32_t>(arg.size());
        doc_.blocks.push_back({BlockKind::kParagraph, {at, lines_[i].end}});
        Inline({{at, lines_[i].end}}, false, nullptr);
      }
      return k;
    }
    doc_.blocks.push_back({BlockKind::kCode, {lines_[i].begin, lines_[end - 1].end}});
    if (name == "csv-table") ScanReferences(i + 1, end);
    return end;
  }
  // Comments, hyperlink targets, substitution definitions: not prose.
  return end;
}

size_t RstParser::Paragraph(size_t i) {
  const int indent = Indent(L(i));
  // Doctest blocks: `>>>` up to the next blank line.
  const std::string_view first = L(i).substr(Lead(L(i)));
  if (first.starts_with(">>>")) {
    size_t j = i;
    while (j < lines_.size() && !Blank(j)) ++j;
    doc_.blocks.push_back({BlockKind::kCode, {lines_[i].begin, lines_[j - 1].end}});
    return j;
  }
  // Grid tables (`+---+`) and simple tables (`=== ===`): not prose.
  if (first.starts_with("+-") || first.starts_with("+=") ||
      (first.starts_with("=") && first.find(' ') != std::string_view::npos && IsAdornment(first.substr(0, first.find(' '))))) {
    const bool grid = first.starts_with("+");
    size_t j = i + 1;
    int borders = 1;
    while (j < lines_.size()) {
      if (grid) {
        if (Blank(j)) break;
      } else {
        const std::string_view t = L(j).substr(Lead(L(j)));
        if (t.starts_with("=") && IsAdornment(t.substr(0, t.find(' ')))) {
          ++borders;
          if (j + 1 >= lines_.size() || Blank(j + 1)) {
            if (borders >= 3 || (borders >= 2 && (j + 1 >= lines_.size() || Blank(j + 1)))) {
              ++j;
              break;
            }
          }
        }
      }
      ++j;
    }
    doc_.blocks.push_back({BlockKind::kCode, {lines_[i].begin, lines_[j - 1].end}});
    ScanReferences(i, j);
    return j;
  }
  // A transition or a lone adornment line.
  if (IsAdornment(first) && (i + 1 >= lines_.size() || Blank(i + 1))) return i + 1;
  // Overline + title + underline.
  if (IsAdornment(first) && i + 2 < lines_.size() && !Blank(i + 1) && IsAdornment(L(i + 2))) {
    const uint32_t b = lines_[i + 1].begin + static_cast<uint32_t>(Lead(L(i + 1)));
    doc_.blocks.push_back({BlockKind::kHeading, {b, lines_[i + 1].end}});
    text_.Separator("\n\n");
    Inline({{b, lines_[i + 1].end}}, false, nullptr);
    return i + 3;
  }
  // Title + underline.
  if (i + 1 < lines_.size() && IsAdornment(L(i + 1)) && !IsAdornment(first) &&
      L(i + 1).size() + 1 >= first.size() / 2) {
    const uint32_t b = lines_[i].begin + static_cast<uint32_t>(Lead(L(i)));
    doc_.blocks.push_back({BlockKind::kHeading, {b, lines_[i].end}});
    text_.Separator("\n\n");
    Inline({{b, lines_[i].end}}, false, nullptr);
    return i + 2;
  }
  // A paragraph or list item: lines up to a blank line, a new list item, or
  // explicit markup.
  BlockKind kind = indent > 0 ? BlockKind::kBlockquote : BlockKind::kParagraph;
  size_t j = i;
  std::vector<Span> ranges;
  const size_t marker = ListMarker(first);
  if (marker > 0) kind = BlockKind::kListItem;
  while (j < lines_.size() && !Blank(j)) {
    const std::string_view t = L(j);
    const int ind = Indent(t);
    const std::string_view content = t.substr(Lead(t));
    if (j > i && (content.starts_with(".. ") || content == ".." || (ListMarker(content) > 0 && ind <= indent))) break;
    uint32_t b = lines_[j].begin + static_cast<uint32_t>(t.find_first_not_of(" \t"));
    if (j == i && marker > 0) b += static_cast<uint32_t>(marker);
    ranges.push_back({b, lines_[j].end});
    ++j;
  }
  // A paragraph ending with "::" introduces a literal block; "::" alone is dropped.
  std::string_view last = L(j - 1);
  while (!last.empty() && (last.back() == ' ' || last.back() == '\r')) last.remove_suffix(1);
  const bool literal = last.ends_with("::");
  if (literal) {
    Span& r = ranges.back();
    r.end = lines_[j - 1].begin + static_cast<uint32_t>(last.size()) - 1;  // "text::" reads "text:"
    const std::string_view body = src_.substr(r.begin, r.end - r.begin);
    if (IsBlank(body.substr(0, body.size() - (body.ends_with(":") ? 1 : 0)))) ranges.pop_back();
    // "Paragraph ::" (space before) drops both colons.
    if (!ranges.empty() && src_.substr(ranges.back().begin, ranges.back().size()).ends_with(" :")) {
      ranges.back().end -= 2;
    }
  }
  if (!ranges.empty()) {
    doc_.blocks.push_back({kind, {ranges.front().begin, ranges.back().end}});
    text_.Separator("\n\n");
    Inline(ranges, false, nullptr);
  }
  literal_next_ = literal;
  // The literal block is indented relative to the paragraph's text.
  literal_base_ = j - 1 == i ? indent + static_cast<int>(marker) : Indent(L(j - 1));
  return j;
}

void RstParser::Run() {
  lines_ = SourceLines(src_);
  size_t i = 0;
  // A PEP's header (RFC 2822 fields) or a docinfo field list at the top.
  while (i < lines_.size() && Blank(i)) ++i;
  if (i < lines_.size() && IsHeaderField(L(i))) {
    size_t j = i;
    int fields = 0;
    while (j < lines_.size() && !Blank(j)) {
      if (IsHeaderField(L(j))) ++fields;
      else if (Indent(L(j)) == 0) break;
      ++j;
    }
    if (fields >= 2 && (j >= lines_.size() || Blank(j))) {
      doc_.blocks.push_back({BlockKind::kCode, {lines_[i].begin, lines_[j - 1].end}});
      i = j;
    }
  }
  while (i < lines_.size()) {
    if (Blank(i)) {
      ++i;
      continue;
    }
    const std::string_view line = L(i);
    const int indent = Indent(line);
    const std::string_view content = line.substr(Lead(line));
    if (literal_next_) {
      // The indented (or quoted) block after "::" is literal.
      literal_next_ = false;
      size_t k = i;
      if (indent > literal_base_) {
        while (k < lines_.size() && (Blank(k) || Indent(L(k)) > literal_base_)) ++k;
        while (k > i && Blank(k - 1)) --k;
      } else if (!content.empty() && IsPunct(content[0])) {
        // A quoted literal block: lines starting with the same punctuation.
        while (k < lines_.size() && !Blank(k) && Indent(L(k)) == indent && L(k).substr(Lead(L(k))).starts_with(content[0])) ++k;
      }
      if (k > i) {
        doc_.blocks.push_back({BlockKind::kCode, {lines_[i].begin, lines_[k - 1].end}});
        i = k;
        continue;
      }
    }
    if (content.starts_with(".. ") || content == "..") {
      i = ExplicitMarkup(i);
      continue;
    }
    i = Paragraph(i);
  }

  // Notes: number auto-numbered footnotes as docutils does.
  std::set<int> manual;
  for (const Definition& d : defs_) {
    if (!d.label.empty() && std::all_of(d.label.begin(), d.label.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      manual.insert(std::atoi(d.label.c_str()));
    }
  }
  int next_number = 1;
  std::vector<std::string> anonymous;  // labels given to `.. [#]` definitions, in order
  std::vector<std::string> symbols;    // `.. [*]`
  for (const Definition& d : defs_) {
    Note note;
    note.label_span = d.label_span;
    note.span = d.span;
    if (d.label[0] == '#') {
      while (manual.count(next_number)) ++next_number;
      const std::string number = std::to_string(next_number++);
      if (d.label == "#") {
        anonymous.push_back(number);
        note.label = doc_.Keep(number);
      } else {
        note.label = doc_.Keep(d.label);  // "#name": cited by that name
      }
    } else if (d.label == "*") {
      note.label = doc_.Keep("*" + std::to_string(symbols.size() + 1));
      symbols.emplace_back(note.label);
    } else {
      note.label = doc_.Keep(d.label);
    }
    std::string body;
    Inline(d.body, true, &body);
    note.text = doc_.Keep(CollapseWhitespace(body));
    doc_.SetLinks(note, text::FindUrls(note.text));
    doc_.notes.push_back(std::move(note));
  }
  // References in document order (notes' bodies were read last).
  std::stable_sort(refs_.begin(), refs_.end(), [](const Reference& a, const Reference& b) { return a.span.begin < b.span.begin; });
  size_t next_anonymous = 0, next_symbol = 0;
  for (Reference& r : refs_) {
    Marker m;
    m.span = r.span;
    m.in_note = r.in_note;
    if (r.label == "#") {
      m.label = next_anonymous < anonymous.size() ? doc_.Keep(anonymous[next_anonymous++]) : TextRef("#");
    } else if (r.label == "*") {
      m.label = next_symbol < symbols.size() ? doc_.Keep(symbols[next_symbol++]) : TextRef("*");
    } else {
      m.label = doc_.Keep(r.label);
    }
    doc_.markers.push_back(std::move(m));
  }
  ResolveByLabel(doc_);
  IndexBlocks(doc_);
}

}  // namespace

Document LoadRst(std::shared_ptr<const SourceFile> source) {
  Document doc;
  doc.source = source;
  doc.format = Format::kRst;
  RstParser(doc, source->bytes()).Run();
  return doc;
}

}  // namespace citelint::loaders
