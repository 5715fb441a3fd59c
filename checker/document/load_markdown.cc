// Markdown loader on cmark-gfm (GFM footnotes with source positions).
//
// cmark-gfm resolves `[^label]` references itself, so what is a reference and
// what stays literal text (inline code, escapes, a label with a space) is
// exactly GFM's answer. Two things it throws away are needed by a linter:
// definitions nobody cites (unlinked and freed) and a repeated definition of
// the same label (only the first is kept). So the loader parses the source
// with an appendix paragraph that cites every label that looks defined; the
// appendix lies past the last source line and is ignored afterwards, so a
// definition only the appendix cites is an unused note. A definition line
// that no block of the tree covers was dropped as a duplicate.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "checker/document/loader.h"
#include "checker/text/regex.h"

namespace citelint::loaders {
namespace {

bool IsLabelChar(char c) { return c != ']' && c != '[' && c != ' ' && c != '\t' && c != '\n' && c != '\r'; }

// `[^label]` at src[i]: returns the label length, or 0.
size_t ReferenceAt(std::string_view src, size_t i) {
  if (src.substr(i, 2) != "[^") return 0;
  size_t j = i + 2;
  while (j < src.size() && IsLabelChar(src[j])) ++j;
  if (j == i + 2 || j >= src.size() || src[j] != ']') return 0;
  return j - i - 2;
}

struct DefinitionLine {
  int line;            // 1-based
  uint32_t offset;     // of "[^"
  std::string label;
};

// Lines that may open a footnote definition: `[^label]:` after indentation,
// blockquote markers and list markers. Over-inclusive on purpose: a false
// candidate only adds an unresolved reference to the ignored appendix.
std::vector<DefinitionLine> FindDefinitionLines(const SourceFile& source) {
  std::vector<DefinitionLine> out;
  const std::string_view src = source.bytes();
  for (int line = 1; line <= source.line_count(); ++line) {
    const std::string_view text = source.Line(line);
    size_t i = 0;
    while (i < text.size()) {
      const char c = text[i];
      if (c == ' ' || c == '\t' || c == '>') {
        ++i;
      } else if ((c == '-' || c == '*' || c == '+') && i + 1 < text.size() && text[i + 1] == ' ') {
        i += 2;
      } else if (c >= '0' && c <= '9') {
        size_t j = i;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
        if (j < text.size() && (text[j] == '.' || text[j] == ')') && j + 1 < text.size() &&
            text[j + 1] == ' ') {
          i = j + 2;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    const size_t len = ReferenceAt(text, i);
    if (len > 0 && i + len + 3 < text.size() + 1 && text.substr(i + len + 3, 1) == ":") {
      const uint32_t offset = source.LineStart(line) + static_cast<uint32_t>(i);
      out.push_back({line, offset, std::string(src.substr(offset + 2, len))});
    }
  }
  return out;
}

class Walker {
 public:
  Walker(Document& doc, const SourceFile& source) : doc_(doc), source_(source), text_(doc) {}

  void Run(cmark_node* root, const std::vector<DefinitionLine>& definition_lines);

 private:
  uint32_t Offset(int line, int column) const {
    if (line < 1) return 0;
    const uint32_t start = source_.LineStart(line);
    const uint32_t end = start + static_cast<uint32_t>(source_.Line(line).size());
    return std::min(end, start + static_cast<uint32_t>(std::max(column, 1) - 1));
  }
  // End offset (exclusive) of a node; cmark's end column is inclusive.
  uint32_t EndOffset(cmark_node* node) const {
    const int line = cmark_node_get_end_line(node);
    if (line < 1) return Offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    const uint32_t start = source_.LineStart(line);
    const uint32_t end = start + static_cast<uint32_t>(source_.Line(line).size());
    const int column = cmark_node_get_end_column(node);
    if (column < 1) {
      // Column 0 means the node ended with the previous line.
      if (line < 2) return start;
      return source_.LineStart(line - 1) + static_cast<uint32_t>(source_.Line(line - 1).size());
    }
    return std::min(end, start + static_cast<uint32_t>(column));
  }
  bool InAppendix(cmark_node* node) const { return cmark_node_get_start_line(node) > source_.line_count(); }

  void AddReference(cmark_node* node);
  void AddUnresolved(cmark_node* node, uint32_t block_end);
  void AddDefinition(cmark_node* node);
  void AddBlock(cmark_node* node);
  void AppendInlineText(cmark_node* leaf);

  Document& doc_;
  const SourceFile& source_;
  TextBuilder text_;
  std::vector<std::pair<int, int>> covered_;  // line ranges of leaf blocks
  std::vector<std::pair<int, int>> comments_; // line ranges of HTML comment blocks
  int in_definition_ = 0;
  std::vector<int> marker_ix_;                // per marker: cmark's footnote index
  std::vector<std::pair<size_t, uint32_t>> pending_;  // resolved references to place: marker, block end
  void PlaceReferences(const std::vector<int>& note_of_ix);
};

// Records a resolved reference at cmark's position; the span is checked
// (and, where cmark's inline positions drift, e.g. after a hard line break,
// found by searching forward) once the definitions' labels are known.
void Walker::AddReference(cmark_node* node) {
  const uint32_t guess = Offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
  cmark_node* block = cmark_node_parent(node);
  while (block != nullptr && (cmark_node_get_type(block) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) {
    block = cmark_node_parent(block);
  }
  Marker marker;
  marker.span = {guess, guess};
  marker.in_note = in_definition_ > 0;
  const char* ix = cmark_node_get_literal(node);
  doc_.markers.push_back(std::move(marker));
  marker_ix_.push_back(ix != nullptr ? std::atoi(ix) : 0);
  pending_.push_back({doc_.markers.size() - 1, block != nullptr ? EndOffset(block) : guess});
}

void Walker::PlaceReferences(const std::vector<int>& note_of_ix) {
  const std::string_view src = source_.bytes();
  uint32_t previous_end = 0;
  for (const auto& [index, block_end] : pending_) {
    Marker& m = doc_.markers[index];
    const int ix = marker_ix_[index];
    const int note = ix > 0 && ix < static_cast<int>(note_of_ix.size()) ? note_of_ix[ix] : -1;
    const std::string want = note >= 0 ? NormalizeLabel(doc_.notes[note].label) : std::string();
    auto matches = [&](size_t at) {
      const size_t len = ReferenceAt(src, at);
      return len > 0 && (want.empty() || NormalizeLabel(src.substr(at + 2, len)) == want);
    };
    uint32_t at = m.span.begin;
    if (!matches(at)) {
      size_t from = at;
      if (previous_end > from && previous_end <= block_end) from = previous_end;
      size_t found = std::string_view::npos;
      for (size_t k = src.find("[^", from); k != std::string_view::npos && k <= block_end; k = src.find("[^", k + 1)) {
        if (k > 0 && src[k - 1] == '\\') continue;
        if (matches(k)) {
          found = k;
          break;
        }
      }
      if (found == std::string_view::npos) {  // keep cmark's position and the definition's label
        if (note >= 0) m.label = doc_.notes[note].label;
        continue;
      }
      at = static_cast<uint32_t>(found);
    }
    const size_t len = ReferenceAt(src, at);
    m.label = doc_.KeepWritten(src.substr(at + 2, len), at + 2);
    m.span = {at, at + static_cast<uint32_t>(len) + 3};
    previous_end = m.span.end;
  }
}

// A text node holding `[^label]` that cmark-gfm left as text because no
// definition matched: a dangling marker (unless it was escaped).
void Walker::AddUnresolved(cmark_node* node, uint32_t block_end) {
  const char* literal = cmark_node_get_literal(node);
  if (literal == nullptr) return;
  const std::string_view lit(literal);
  if (lit.find("[^") == std::string_view::npos) return;
  const std::string_view src = source_.bytes();
  uint32_t search;
  if (cmark_node_get_start_line(node) > 0) {
    search = Offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
  } else if (cmark_node* prev = cmark_node_previous(node)) {
    search = EndOffset(prev);
  } else {
    cmark_node* parent = cmark_node_parent(node);
    search = Offset(cmark_node_get_start_line(parent), cmark_node_get_start_column(parent));
  }
  for (size_t i = lit.find("[^"); i != std::string_view::npos; i = lit.find("[^", i + 1)) {
    const size_t len = ReferenceAt(lit, i);
    if (len == 0) continue;
    const std::string needle(lit.substr(i, len + 3));
    for (size_t at = src.find(needle, search); at != std::string_view::npos && at < block_end;
         at = src.find(needle, at + 1)) {
      size_t backslashes = 0;
      while (at > backslashes && src[at - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2 == 1) continue;  // \[^x] is literal text, not a reference
      Marker marker;
      marker.label = doc_.KeepWritten(std::string_view(needle).substr(2, len), static_cast<uint32_t>(at) + 2);
      marker.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
      marker.in_note = in_definition_ > 0;
      doc_.markers.push_back(std::move(marker));
      marker_ix_.push_back(0);
      search = static_cast<uint32_t>(at + needle.size());
      break;
    }
  }
}

void CollectNoteText(cmark_node* def, std::string& text, std::vector<std::string>& urls) {
  cmark_iter* it = cmark_iter_new(def);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    const auto type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_EXIT) {
      if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM) {
        text += ' ';
      }
      continue;
    }
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
      text += cmark_node_get_literal(n);
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      text += ' ';
    } else if (type == CMARK_NODE_LINK) {
      const char* url = cmark_node_get_url(n);
      const std::string_view u = url != nullptr ? url : "";
      if (u.starts_with("http://") || u.starts_with("https://")) urls.emplace_back(u);
    }
  }
  cmark_iter_free(it);
}

void Walker::AddDefinition(cmark_node* node) {
  const std::string_view src = source_.bytes();
  const int line = cmark_node_get_start_line(node);
  uint32_t start = Offset(line, cmark_node_get_start_column(node));
  // The node starts at its content; the label is the last `[^` before it.
  uint32_t label_at = start;
  for (int l = line; l >= std::max(1, line - 1); --l) {
    const uint32_t line_start = source_.LineStart(l);
    const std::string_view before = src.substr(line_start, (l == line ? start : line_start + source_.Line(l).size()) - line_start);
    const size_t at = before.rfind("[^");
    if (at != std::string_view::npos && ReferenceAt(src, line_start + at) > 0) {
      label_at = line_start + static_cast<uint32_t>(at);
      break;
    }
  }
  Note note;
  const size_t len = ReferenceAt(src, label_at);
  note.label = doc_.KeepWritten(src.substr(label_at + 2, len), label_at + 2);
  note.label_span = {label_at, label_at + static_cast<uint32_t>(len) + 3};
  note.span = {label_at, std::max(EndOffset(node), note.label_span.end)};
  std::string text;
  std::vector<std::string> urls;
  CollectNoteText(node, text, urls);
  note.text = doc_.Keep(CollapseWhitespace(text));
  for (std::string& url : text::FindUrls(note.text)) {
    if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(std::move(url));
  }
  doc_.SetLinks(note, urls);
  doc_.notes.push_back(std::move(note));
  covered_.push_back({source_.LineOf(label_at), cmark_node_get_end_line(node)});
}

void Walker::AddBlock(cmark_node* node) {
  const auto type = cmark_node_get_type(node);
  const int start_line = cmark_node_get_start_line(node);
  const int end_line = std::max(start_line, cmark_node_get_end_line(node));
  if (type == CMARK_NODE_HTML_BLOCK) {
    const char* literal = cmark_node_get_literal(node);
    if (literal != nullptr && std::string_view(literal).starts_with("<!--")) {
      comments_.push_back({start_line, end_line});
    }
  }
  if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CODE_BLOCK ||
      type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_THEMATIC_BREAK) {
    covered_.push_back({start_line, end_line});
  } else if (cmark_node_get_type_string(node) == std::string_view("table")) {
    covered_.push_back({start_line, end_line});
  }
  BlockKind kind;
  switch (type) {
    case CMARK_NODE_HEADING: kind = BlockKind::kHeading; break;
    case CMARK_NODE_CODE_BLOCK: kind = BlockKind::kCode; break;
    case CMARK_NODE_BLOCK_QUOTE: kind = BlockKind::kBlockquote; break;
    case CMARK_NODE_ITEM: kind = BlockKind::kListItem; break;
    case CMARK_NODE_FOOTNOTE_DEFINITION: kind = BlockKind::kNotes; break;
    case CMARK_NODE_PARAGRAPH: kind = BlockKind::kParagraph; break;
    default: return;
  }
  const uint32_t begin = Offset(start_line, cmark_node_get_start_column(node));
  doc_.blocks.push_back({kind, {begin, std::max(begin, EndOffset(node))}});
}

void Walker::AppendInlineText(cmark_node* leaf) {
  text_.Separator("\n\n");
  cmark_iter* it = cmark_iter_new(leaf);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    const auto type = cmark_node_get_type(n);
    const uint32_t at = Offset(cmark_node_get_start_line(n), cmark_node_get_start_column(n));
    if (type == CMARK_NODE_TEXT) {
      // cmark-gfm merges a line's text into one node with escapes and
      // references decoded: map it against what was written.
      const int line = cmark_node_get_start_line(n);
      if (line > 0 && cmark_node_get_end_line(n) == line) {
        const uint32_t end = std::max(at, EndOffset(n));
        text_.AppendUnescaped(cmark_node_get_literal(n), source_.bytes().substr(at, end - at), at);
      } else {
        text_.Append(cmark_node_get_literal(n), at);
      }
    } else if (type == CMARK_NODE_CODE) {
      text_.Separator(" ");  // inline code is not prose: no quotes, figures or speakers in it
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      text_.Separator(" ");
    }
  }
  cmark_iter_free(it);
}

void Walker::Run(cmark_node* root, const std::vector<DefinitionLine>& definition_lines) {
  // Footnote definitions are moved to the end of the document in cmark's
  // index order: the k-th definition there has index k.
  std::vector<int> note_of_ix(1, -1);
  cmark_iter* it = cmark_iter_new(root);
  cmark_event_type ev;

  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    const auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_FOOTNOTE_DEFINITION) {
      if (ev == CMARK_EVENT_ENTER) {
        ++in_definition_;
        if (!InAppendix(n)) {
          note_of_ix.push_back(static_cast<int>(doc_.notes.size()));
          AddDefinition(n);
        } else {
          note_of_ix.push_back(-1);
        }
      } else {
        --in_definition_;
      }
    }
    if (ev != CMARK_EVENT_ENTER || InAppendix(n) ||
        (cmark_node_get_start_line(n) == 0 && type != CMARK_NODE_TEXT)) {
      continue;
    }
    if (type == CMARK_NODE_FOOTNOTE_REFERENCE) {
      AddReference(n);
    } else if (type == CMARK_NODE_TEXT) {
      cmark_node* parent = cmark_node_parent(n);
      while (parent != nullptr && cmark_node_get_type(parent) != CMARK_NODE_PARAGRAPH &&
             cmark_node_get_type(parent) != CMARK_NODE_HEADING &&
             (cmark_node_get_type(parent) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) {
        parent = cmark_node_parent(parent);
      }
      if (parent != nullptr && !InAppendix(parent)) AddUnresolved(n, EndOffset(parent) + 1);
    } else if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
      AddBlock(n);
      if (in_definition_ == 0 && (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING)) {
        AppendInlineText(n);
      }
    }
  }
  cmark_iter_free(it);

  PlaceReferences(note_of_ix);
  for (size_t i = 0; i < doc_.markers.size(); ++i) {
    const int ix = marker_ix_[i];
    doc_.markers[i].note = ix > 0 && ix < static_cast<int>(note_of_ix.size()) ? note_of_ix[ix] : -1;
  }

  // Definition lines no block covers were dropped by cmark-gfm as repeats of
  // an earlier definition of the same label. A definition inside an HTML
  // comment is not a definition for GFM, but one that repeats a real label is
  // a stale copy worth reporting.
  auto covering = [](std::vector<std::pair<int, int>>& ranges) {
    std::sort(ranges.begin(), ranges.end());
    return [&ranges](int line) {
      auto up = std::upper_bound(ranges.begin(), ranges.end(), std::make_pair(line, INT32_MAX));
      for (auto r = up; r != ranges.begin();) {  // ranges may nest: look back a little
        --r;
        if (r->second >= line) return true;
        if (up - r > 64) break;
      }
      return false;
    };
  };
  auto covered = covering(covered_);
  auto commented = covering(comments_);
  std::unordered_map<std::string, int> first_by_label;
  for (size_t i = 0; i < doc_.notes.size(); ++i) {
    first_by_label.emplace(NormalizeLabel(doc_.notes[i].label), static_cast<int>(i));
  }
  const std::string_view src = source_.bytes();
  for (const DefinitionLine& d : definition_lines) {
    const bool hidden = commented(d.line);
    if (covered(d.line) && !hidden) continue;
    auto first = first_by_label.find(NormalizeLabel(d.label));
    if (first == first_by_label.end()) continue;
    Note note;
    note.label = doc_.KeepWritten(d.label, d.offset + 2);
    note.label_span = {d.offset, d.offset + static_cast<uint32_t>(d.label.size()) + 3};
    const uint32_t line_end = source_.LineStart(d.line) + static_cast<uint32_t>(source_.Line(d.line).size());
    note.span = {d.offset, line_end};
    // The text as written starts after the colon and the spaces after it.
    uint32_t text_at = note.label_span.end + 1;
    while (text_at < line_end && (src[text_at] == ' ' || src[text_at] == '\t')) ++text_at;
    note.text = doc_.KeepWritten(CollapseWhitespace(src.substr(note.label_span.end + 1, line_end - std::min(line_end, note.label_span.end + 1))),
                                 text_at);
    doc_.SetLinks(note, text::FindUrls(note.text));
    note.duplicate_of = first->second;
    note.hidden = hidden;
    doc_.notes.push_back(std::move(note));
  }

  // Markers and notes in source order; keep marker→note links valid.
  std::vector<int> order(doc_.notes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return doc_.notes[a].span.begin < doc_.notes[b].span.begin; });
  std::vector<int> new_index(order.size());
  std::vector<Note> sorted;
  sorted.reserve(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    new_index[order[k]] = static_cast<int>(k);
    sorted.push_back(std::move(doc_.notes[order[k]]));
  }
  for (Note& n : sorted) {
    if (n.duplicate_of >= 0) n.duplicate_of = new_index[n.duplicate_of];
  }
  doc_.notes = std::move(sorted);
  for (Marker& m : doc_.markers) {
    if (m.note >= 0) m.note = new_index[m.note];
  }
  std::stable_sort(doc_.markers.begin(), doc_.markers.end(),
                   [](const Marker& a, const Marker& b) { return a.span.begin < b.span.begin; });
  IndexBlocks(doc_);
}

// Front matter (YAML between `---` lines, TOML between `+++` lines) at the
// top of the file is metadata, not prose: the bytes [begin, end) that
// cmark-gfm is given as blanks (line ends kept, so every position after
// them stays where it is); begin == end when there is none.
Span FrontMatter(std::string_view s) {
  const size_t start = s.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::string_view fence;
  if (s.substr(start).starts_with("---\n") || s.substr(start).starts_with("---\r\n")) fence = "---";
  else if (s.substr(start).starts_with("+++\n") || s.substr(start).starts_with("+++\r\n")) fence = "+++";
  else return {};
  size_t line = s.find('\n', start) + 1;
  while (line < s.size()) {
    size_t end = s.find('\n', line);
    if (end == std::string_view::npos) end = s.size();
    std::string_view text = s.substr(line, end - line);
    if (text.ends_with("\r")) text.remove_suffix(1);
    if (text == fence || (fence == "---" && text == "...")) {
      return {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    }
    line = end + 1;
  }
  return {};
}

}  // namespace

Document LoadMarkdown(std::shared_ptr<const SourceFile> source) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

  Document doc;
  doc.source = source;
  doc.format = Format::kMarkdown;
  const std::vector<DefinitionLine> definition_lines = FindDefinitionLines(*source);

  std::unordered_set<std::string> seen;
  std::string appendix;
  for (const DefinitionLine& d : definition_lines) {
    if (seen.insert(d.label).second) appendix += "[^" + d.label + "] ";
  }

  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  // The source is fed as it is, in pieces (cmark-gfm joins them as one
  // stream), not copied whole: front matter as blanks, then the appendix
  // that makes every definition line a reference.
  const std::string_view bytes = source->bytes();
  auto feed = [&](std::string_view piece) {
    if (!piece.empty()) cmark_parser_feed(parser, piece.data(), piece.size());
  };
  const Span front = FrontMatter(bytes);
  feed(bytes.substr(0, front.begin));
  std::string blanked(bytes.substr(front.begin, front.size()));
  for (char& c : blanked) {
    if (c != '\n' && c != '\r') c = ' ';
  }
  feed(blanked);
  feed(bytes.substr(front.end));
  if (!appendix.empty()) {
    if (!bytes.empty() && bytes.back() != '\n') feed("\n");
    feed("\n" + appendix + "\n");
  }
  cmark_node* root = cmark_parser_finish(parser);
  Walker(doc, *source).Run(root, definition_lines);
  cmark_node_free(root);
  cmark_parser_free(parser);
  return doc;
}

}  // namespace citelint::loaders
