// HTML loader on gumbo. Note references are `<a href="#id">` links that look
// like note references (inside or around a `<sup>`, `epub:type="noteref"`,
// `role="doc-noteref"`, `data-footnote-ref`, a `footnote-ref` class) and plain
// `<sup>N</sup>` numbers. Notes are the items of a notes container
// (`<section data-footnotes>`, `<div class="footnotes">`, `<ol
// class="references">`, `epub:type="endnotes"`, …): its `<li>` elements, or,
// when it has none (tex4ht), its paragraphs that carry an id; and any
// `<aside epub:type="footnote">`. A reference resolves through its target id
// to the note holding that id. gumbo reports byte offsets into the original
// source, so every span maps back to the HTML line it came from.
#include <gumbo.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "checker/document/loader.h"
#include "checker/text/regex.h"

namespace citelint::loaders {
namespace {

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

bool HasToken(const char* value, std::string_view token) {
  if (value == nullptr) return false;
  std::string_view v(value);
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && v[i] == ' ') ++i;
    size_t j = i;
    while (j < v.size() && v[j] != ' ') ++j;
    if (v.substr(i, j - i) == token) return true;
    i = j;
  }
  return false;
}

bool AnyToken(const char* value, std::initializer_list<std::string_view> tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [&](std::string_view t) { return HasToken(value, t); });
}

GumboTag Tag(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

bool IsNotesContainer(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  if (Attr(n, "data-footnotes") != nullptr) return true;
  if (AnyToken(Attr(n, "class"), {"footnotes", "references", "reflist", "endnotes", "notes", "footnote-list"})) {
    return true;
  }
  if (AnyToken(Attr(n, "epub:type"), {"footnotes", "endnotes", "rearnotes"})) return true;
  if (AnyToken(Attr(n, "role"), {"doc-endnotes", "doc-footnotes"})) return true;
  const char* id = Attr(n, "id");
  return id != nullptr && (std::strcmp(id, "footnotes") == 0 || std::strcmp(id, "endnotes") == 0);
}

bool IsStandaloneNote(const GumboNode* n) {
  // pulldown-cmark and mdBook: <div class="footnote-definition" id="x">.
  if (AnyToken(Attr(n, "class"), {"footnote-definition"}) && Attr(n, "id") != nullptr) return true;
  return AnyToken(Attr(n, "epub:type"), {"footnote", "endnote", "rearnote"}) ||
         AnyToken(Attr(n, "role"), {"doc-footnote", "doc-endnote"});
}

bool IsSkipped(const GumboNode* n) {
  const GumboTag t = Tag(n);
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_TEMPLATE ||
         t == GUMBO_TAG_NOSCRIPT;
}

// A backlink inside a note ("↩", "^", tex4ht's footnote-mark): not note text.
bool IsNoteChrome(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  const char* cls = Attr(n, "class");
  if (AnyToken(cls, {"footnote-mark", "mw-cite-backlink", "footnote-backref", "data-footnote-backref",
                     "backlink", "backref"})) {
    return true;
  }
  if (Attr(n, "data-footnote-backref") != nullptr) return true;
  if (AnyToken(Attr(n, "role"), {"doc-backlink"})) return true;
  return AnyToken(Attr(n, "epub:type"), {"backlink"});
}

void CollectText(const GumboNode* n, std::string& out, bool skip_chrome) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
    out += n->v.text.text;
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT || IsSkipped(n) || (skip_chrome && IsNoteChrome(n))) return;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    CollectText(static_cast<const GumboNode*>(kids.data[i]), out, skip_chrome);
  }
  const GumboTag t = Tag(n);
  if (t == GUMBO_TAG_P || t == GUMBO_TAG_DIV || t == GUMBO_TAG_LI || t == GUMBO_TAG_BR) out += ' ';
}

void CollectUrls(const GumboNode* n, std::vector<std::string>& urls) {
  if (n->type != GUMBO_NODE_ELEMENT || IsNoteChrome(n)) return;
  if (Tag(n) == GUMBO_TAG_A) {
    const char* href = Attr(n, "href");
    if (href != nullptr && (std::strncmp(href, "http://", 7) == 0 || std::strncmp(href, "https://", 8) == 0)) {
      if (std::find(urls.begin(), urls.end(), href) == urls.end()) urls.emplace_back(href);
    }
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) CollectUrls(static_cast<const GumboNode*>(kids.data[i]), urls);
}

// The href of a note's backlink (`<a epub:type="backlink" href="ch1.xhtml#noteref-3">`).
std::string FindBacklink(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return {};
  if (Tag(n) == GUMBO_TAG_A && IsNoteChrome(n)) {
    const char* href = Attr(n, "href");
    return href != nullptr ? href : "";
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    std::string found = FindBacklink(static_cast<const GumboNode*>(kids.data[i]));
    if (!found.empty()) return found;
  }
  return {};
}

const GumboNode* FirstText(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEXT) return n;
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    if (const GumboNode* t = FirstText(static_cast<const GumboNode*>(kids.data[i]))) return t;
  }
  return nullptr;
}

std::string StripBrackets(std::string s) {
  s = CollapseWhitespace(s);
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
  return s;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

uint32_t EndOffset(const GumboNode* n) {
  if (n->type == GUMBO_NODE_ELEMENT) {
    const GumboElement& e = n->v.element;
    if (e.original_end_tag.length > 0) return static_cast<uint32_t>(e.end_pos.offset + e.original_end_tag.length);
    if (e.end_pos.offset > e.start_pos.offset) return static_cast<uint32_t>(e.end_pos.offset);
    return static_cast<uint32_t>(e.start_pos.offset + e.original_tag.length);
  }
  return static_cast<uint32_t>(n->v.text.start_pos.offset + n->v.text.original_text.length);
}

uint32_t StartOffset(const GumboNode* n) {
  return static_cast<uint32_t>(n->type == GUMBO_NODE_ELEMENT ? n->v.element.start_pos.offset
                                                             : n->v.text.start_pos.offset);
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

class HtmlWalker {
 public:
  HtmlWalker(Document& doc, const SourceFile& source) : doc_(doc), source_(source), text_(doc) {}
  void Run(const GumboNode* root);

 private:
  // Indexes every id under `n` (the first element with an id wins); for a
  // note (`note` >= 0), `first` gets the first id, in document order, that
  // names it.
  void IndexIds(const GumboNode* n, int note, std::string_view* first = nullptr);
  void FindNotes(const GumboNode* n, bool in_container);
  void CollectContainerNotes(const GumboNode* container);
  void AddNote(const GumboNode* n, const std::string& ordinal_label);
  void Walk(const GumboNode* n, int depth_in_notes);
  void AddMarker(const GumboNode* anchor, const GumboNode* label_node, std::string label,
                 const std::string& target, bool external, int note);

  Document& doc_;
  const SourceFile& source_;
  TextBuilder text_;
  std::unordered_map<std::string, int> note_of_id_;
  std::unordered_map<std::string, bool> id_exists_;
  std::unordered_map<const GumboNode*, int> note_of_node_;
  std::vector<bool> ordinal_label_;  // per note: label is its list position
  bool in_note_ = false;              // Walk is inside a note or notes container
  int code_depth_ = 0;                // Walk is inside <pre>, <code>, …
};

void HtmlWalker::IndexIds(const GumboNode* n, int note, std::string_view* first) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  // Inside a note, a <sup> is a reference to another note (its id is that
  // reference's own, a backlink target), not a name of this note.
  if (note >= 0 && Tag(n) == GUMBO_TAG_SUP) {
    if (const char* id = Attr(n, "id")) id_exists_.emplace(id, true);
    return;
  }
  if (const char* id = Attr(n, "id")) {
    id_exists_.emplace(id, true);
    if (note >= 0) {
      const bool named = note_of_id_.emplace(id, note).second;  // the first element with an id wins
      if (named && first != nullptr && first->empty()) *first = id;
    }
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) IndexIds(static_cast<const GumboNode*>(kids.data[i]), note, first);
}

void HtmlWalker::AddNote(const GumboNode* n, const std::string& ordinal_label) {
  Note note;
  std::string label = ordinal_label;
  // tex4ht and similar put the note's own number in a mark (a <sup> or <a>)
  // at its start.
  if (Tag(n) != GUMBO_TAG_LI) {
    std::vector<const GumboNode*> stack{n};
    int budget = 8;  // only look at the first few elements
    while (!stack.empty() && budget-- > 0) {
      const GumboNode* m = stack.back();
      stack.pop_back();
      if (m->type != GUMBO_NODE_ELEMENT) continue;
      if (Tag(m) == GUMBO_TAG_SUP || Tag(m) == GUMBO_TAG_A) {
        std::string mark;
        CollectText(m, mark, false);
        mark = StripBrackets(mark);
        if (AllDigits(mark)) {
          label = mark;
          break;
        }
      }
      const GumboVector& kids = m->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  const char* li_value = Attr(n, "value");
  if (li_value != nullptr && AllDigits(li_value)) label = li_value;
  note.label = doc_.Keep(label);
  note.span = {StartOffset(n), EndOffset(n)};
  note.label_span = {note.span.begin, note.span.begin};
  if (const GumboNode* t = FirstText(n)) {
    // The first words of the note stand for its label in reports.
    const std::string_view original(t->v.text.original_text.data, t->v.text.original_text.length);
    const size_t lead = original.find_first_not_of(" \t\r\n");
    if (lead != std::string_view::npos) {
      const uint32_t begin = StartOffset(t) + static_cast<uint32_t>(lead);
      note.label_span = {begin, StartOffset(t) + static_cast<uint32_t>(original.size())};
    }
  }
  std::string text;
  CollectText(n, text, true);
  note.text = doc_.Keep(CollapseWhitespace(text));
  std::vector<std::string> urls;
  CollectUrls(n, urls);
  const std::string backlink = FindBacklink(n);
  for (std::string& url : text::FindUrls(note.text)) {
    if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(std::move(url));
  }
  const int index = static_cast<int>(doc_.notes.size());
  ordinal_label_.push_back(label == ordinal_label && Tag(n) == GUMBO_TAG_LI);
  const char* id_attr = Attr(n, "id");
  if (id_attr != nullptr) {
    // Two notes with one id: the later one can never be reached.
    if (auto earlier = note_of_id_.find(id_attr); earlier != note_of_id_.end()) note.duplicate_of = earlier->second;
  }
  note_of_node_[n] = index;
  doc_.notes.push_back(std::move(note));
  // Without an id of its own, the first id inside the note names it
  // (tex4ht: <a id="fn1x0">): found as its ids are indexed, not by a scan
  // of every id indexed so far.
  std::string_view first_inner;
  IndexIds(n, index, &first_inner);
  const std::string_view id = id_attr != nullptr && *id_attr != '\0' ? std::string_view(id_attr) : first_inner;
  doc_.SetLinks(doc_.notes[index], urls, id, backlink);
}

void HtmlWalker::CollectContainerNotes(const GumboNode* container) {
  // First choice: the list items of the container's lists.
  std::vector<const GumboNode*> stack{container};
  std::vector<std::pair<const GumboNode*, std::string>> items;
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag t = Tag(n);
    if (t == GUMBO_TAG_OL || t == GUMBO_TAG_UL) {
      int ordinal = 1;
      if (const char* start = Attr(n, "start"); start != nullptr && AllDigits(start)) ordinal = std::atoi(start);
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        const auto* li = static_cast<const GumboNode*>(kids.data[i]);
        if (Tag(li) != GUMBO_TAG_LI) continue;
        if (const char* v = Attr(li, "value"); v != nullptr && AllDigits(v)) ordinal = std::atoi(v);
        items.push_back({li, std::to_string(ordinal++)});
      }
      continue;
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  if (items.empty()) {
    // tex4ht: <div class="footnotes"><p><span class="footnote-mark"><a id="fn1x0">1</a>…
    std::vector<const GumboNode*> walk{container};
    int ordinal = 1;
    while (!walk.empty()) {
      const GumboNode* n = walk.back();
      walk.pop_back();
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag t = Tag(n);
      if (n != container && (t == GUMBO_TAG_P || t == GUMBO_TAG_DIV || t == GUMBO_TAG_ASIDE)) {
        bool has_id = Attr(n, "id") != nullptr;
        std::vector<const GumboNode*> inner{n};
        while (!has_id && !inner.empty()) {
          const GumboNode* m = inner.back();
          inner.pop_back();
          if (m->type != GUMBO_NODE_ELEMENT) continue;
          if (m != n && Attr(m, "id") != nullptr) has_id = true;
          const GumboVector& kids = m->v.element.children;
          for (unsigned i = 0; i < kids.length; ++i) inner.push_back(static_cast<const GumboNode*>(kids.data[i]));
        }
        if (has_id) {
          items.push_back({n, std::to_string(ordinal++)});
          continue;
        }
      }
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) walk.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  for (const auto& [node, label] : items) AddNote(node, label);
}

void HtmlWalker::FindNotes(const GumboNode* n, bool in_container) {
  if (n->type != GUMBO_NODE_ELEMENT || IsSkipped(n)) return;
  if (!in_container && IsNotesContainer(n)) {
    doc_.blocks.push_back({BlockKind::kNotes, {StartOffset(n), EndOffset(n)}});
    CollectContainerNotes(n);
    in_container = true;
  } else if (!in_container && IsStandaloneNote(n)) {
    AddNote(n, std::to_string(doc_.notes.size() + 1));
    return;
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) FindNotes(static_cast<const GumboNode*>(kids.data[i]), in_container);
}

bool LooksLikeNoteRef(const GumboNode* a) {
  if (AnyToken(Attr(a, "epub:type"), {"noteref"}) || AnyToken(Attr(a, "role"), {"doc-noteref"}) ||
      Attr(a, "data-footnote-ref") != nullptr || AnyToken(Attr(a, "class"), {"footnote-ref", "footnote-reference"})) {
    return true;
  }
  for (const GumboNode* p = a->parent; p != nullptr && p->type == GUMBO_NODE_ELEMENT; p = p->parent) {
    if (Tag(p) == GUMBO_TAG_SUP) return true;
    if (Tag(p) != GUMBO_TAG_SPAN) break;
  }
  const GumboVector& kids = a->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    if (Tag(static_cast<const GumboNode*>(kids.data[i])) == GUMBO_TAG_SUP) return true;
  }
  return false;
}

void HtmlWalker::AddMarker(const GumboNode* anchor, const GumboNode* label_node, std::string label,
                           const std::string& target, bool external, int note) {
  Marker m;
  m.in_note = in_note_;
  m.label = doc_.Keep(StripBrackets(std::move(label)));
  if (!target.empty()) m.target = target;
  m.external = external;
  m.note = note;
  m.span = {StartOffset(anchor), EndOffset(anchor)};
  if (label_node != nullptr) {
    // Point at the label itself inside the original text ("[7]" → "7").
    const uint32_t begin = StartOffset(label_node);
    const std::string_view original(label_node->v.text.original_text.data, label_node->v.text.original_text.length);
    const size_t at = m.label.empty() ? std::string_view::npos : original.find(m.label);
    m.span = at == std::string_view::npos
                 ? Span{begin, begin + static_cast<uint32_t>(original.size())}
                 : Span{begin + static_cast<uint32_t>(at), begin + static_cast<uint32_t>(at + m.label.size())};
  }
  doc_.markers.push_back(std::move(m));
}

void HtmlWalker::Walk(const GumboNode* n, int note_depth) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
    if (note_depth == 0 && code_depth_ == 0) {
      text_.AppendDecoded(n->v.text.text, std::string_view(n->v.text.original_text.data, n->v.text.original_text.length),
                          StartOffset(n));
    }
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT || IsSkipped(n)) return;
  const GumboTag t = Tag(n);
  const bool is_note = note_of_node_.count(n) > 0;
  const bool is_container = IsNotesContainer(n);
  const int depth = note_depth + (is_note || is_container ? 1 : 0);
  in_note_ = note_depth > 0;

  // A link or superscript the parser re-created (an unclosed <a> reopened in
  // the next paragraph, a clone made by the adoption agency) was not written
  // there: its text is prose, not a note reference.
  const bool recreated = (n->parse_flags & (GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                                                      GUMBO_INSERTION_ADOPTION_AGENCY_CLONED)) != 0;
  if (t == GUMBO_TAG_A && !recreated) {
    const char* href = Attr(n, "href");
    const char* hash = href != nullptr ? std::strchr(href, '#') : nullptr;
    if (hash != nullptr && hash[1] != '\0') {
      const std::string file(href, hash);
      const std::string id(hash + 1);
      // A link whose fragment names a note here is local even when written as
      // an absolute URL of this page (Wikipedia's saved pages do that).
      const bool other_file = !file.empty() && BaseName(file) != BaseName(source_.path()) &&
                              note_of_id_.count(id) == 0;
      std::string label;
      CollectText(n, label, false);
      const GumboNode* label_node = FirstText(n);
      if (other_file) {
        if (LooksLikeNoteRef(n) && note_depth == 0) AddMarker(n, label_node, label, href, true, -1);
        return;
      }
      auto note = note_of_id_.find(id);
      if (note != note_of_id_.end()) {
        // A note's plain link to itself (a permalink) is not a reference;
        // a note-reference-shaped one is (a note citing itself).
        int enclosing = -1;
        for (const GumboNode* p = n->parent; p != nullptr && enclosing < 0; p = p->parent) {
          if (auto it = note_of_node_.find(p); it != note_of_node_.end()) enclosing = it->second;
        }
        if (enclosing != note->second || LooksLikeNoteRef(n)) {
          AddMarker(n, label_node, label, href, false, note->second);
          return;
        }
      } else if (note_depth == 0 && !id_exists_.count(id) && LooksLikeNoteRef(n)) {
        AddMarker(n, label_node, label, href, false, -1);  // dangling
        return;
      }
    }
  }
  if (t == GUMBO_TAG_SUP && note_depth == 0 && !recreated) {
    // A bare superscript number with no link inside: resolved by label later.
    std::string label;
    CollectText(n, label, false);
    label = StripBrackets(label);
    bool has_link = false;
    std::vector<const GumboNode*> inner{n};
    while (!inner.empty() && !has_link) {
      const GumboNode* m = inner.back();
      inner.pop_back();
      if (m->type != GUMBO_NODE_ELEMENT) continue;
      if (Tag(m) == GUMBO_TAG_A) has_link = true;
      const GumboVector& kids = m->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) inner.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
    if (!has_link && AllDigits(label) && !doc_.notes.empty()) {
      AddMarker(n, FirstText(n), label, "", false, -3);  // -3: resolve by label
      return;
    }
  }
  if (t == GUMBO_TAG_BR && note_depth == 0) {
    text_.Separator(" ");  // a line break inside a paragraph, not a new paragraph
    return;
  }
  const bool block = t == GUMBO_TAG_P || t == GUMBO_TAG_LI || t == GUMBO_TAG_BLOCKQUOTE ||
                     t == GUMBO_TAG_PRE || (t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6) || t == GUMBO_TAG_DIV ||
                     t == GUMBO_TAG_TD || t == GUMBO_TAG_TH || t == GUMBO_TAG_TR || t == GUMBO_TAG_TABLE ||
                     t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL || t == GUMBO_TAG_DT ||
                     t == GUMBO_TAG_DD || t == GUMBO_TAG_FIGCAPTION || t == GUMBO_TAG_SECTION ||
                     t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER ||
                     t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_HR;
  // Code is not prose: its text stays out of the analysis text.
  const bool code = t == GUMBO_TAG_PRE || t == GUMBO_TAG_CODE || t == GUMBO_TAG_KBD || t == GUMBO_TAG_SAMP ||
                    t == GUMBO_TAG_VAR || t == GUMBO_TAG_MATH;
  if (code && note_depth == 0) text_.Separator(" ");
  if (block && note_depth == 0) {
    text_.Separator("\n\n");
    BlockKind kind = BlockKind::kParagraph;
    bool record = true;
    switch (t) {
      case GUMBO_TAG_LI: kind = BlockKind::kListItem; break;
      case GUMBO_TAG_BLOCKQUOTE: kind = BlockKind::kBlockquote; break;
      case GUMBO_TAG_PRE: kind = BlockKind::kCode; break;
      case GUMBO_TAG_P: kind = BlockKind::kParagraph; break;
      default:
        if (t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6) {
          kind = BlockKind::kHeading;
        } else {
          record = false;
        }
    }
    if (record && !is_container) doc_.blocks.push_back({kind, {StartOffset(n), EndOffset(n)}});
  }
  const GumboVector& kids = n->v.element.children;
  if (code) ++code_depth_;
  for (unsigned i = 0; i < kids.length; ++i) Walk(static_cast<const GumboNode*>(kids.data[i]), depth);
  if (code) --code_depth_;
  if (block && note_depth == 0) text_.Separator("\n\n");
}

void HtmlWalker::Run(const GumboNode* root) {
  // Pass 1: notes (and every id, to tell a dangling target from another link).
  FindNotes(root, false);
  IndexIds(root, -1);
  // Pass 2: references, blocks and text in document order.
  Walk(root, 0);

  std::unordered_map<std::string, int> by_label;
  for (size_t i = 0; i < doc_.notes.size(); ++i) by_label.emplace(doc_.notes[i].label, static_cast<int>(i));
  for (Marker& m : doc_.markers) {
    if (m.note == -3) {
      auto it = by_label.find(m.label);
      m.note = it == by_label.end() ? -1 : it->second;
    }
  }
  // A list item's number is only its position; the first reference to it
  // shows the label readers see ("n 5" for Wikipedia's grouped notes).
  for (const Marker& m : doc_.markers) {
    if (m.note >= 0 && ordinal_label_[m.note] && !m.label.empty()) {
      doc_.notes[m.note].label = m.label;
      ordinal_label_[m.note] = false;
    }
  }
  IndexBlocks(doc_);
  for (const auto& [id, exists] : id_exists_) doc_.element_ids.push_back(id);
  std::sort(doc_.element_ids.begin(), doc_.element_ids.end());
}

constexpr int kMaxHtmlDepth = 1000;

// A rough nesting depth from the tags alone: +1 per start tag of an element
// that needs an end tag, -1 per end tag. Elements whose end tag may be left
// out (p, li, td, …) and void elements are not counted, so real pages stay
// far below the limit. The offset of a start tag past kMaxHtmlDepth * 4, if any.
std::optional<uint32_t> TooDeep(std::string_view src) {
  static const std::unordered_set<std::string> kUncounted = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
      "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rt", "rp",
      "colgroup", "caption", "html", "head", "body"};
  int depth = 0;
  for (size_t i = src.find('<'); i != std::string_view::npos; i = src.find('<', i + 1)) {
    size_t j = i + 1;
    const bool end = j < src.size() && src[j] == '/';
    if (end) ++j;
    size_t k = j;
    while (k < src.size() && (std::isalnum(static_cast<unsigned char>(src[k])) || src[k] == '-')) ++k;
    if (k == j) continue;  // "<!", "<?", a lone "<"
    std::string name(src.substr(j, k - j));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kUncounted.count(name)) continue;
    const size_t close = src.find('>', k);
    const bool self_closing = close != std::string_view::npos && close > k && src[close - 1] == '/';
    if (end) {
      depth = std::max(0, depth - 1);
    } else if (!self_closing && ++depth > kMaxHtmlDepth * 4) {
      return static_cast<uint32_t>(i);
    }
  }
  return std::nullopt;
}

}  // namespace

Expected<Document> LoadHtml(std::shared_ptr<const SourceFile> source) {
  Document doc;
  doc.source = source;
  doc.format = Format::kHtml;
  const std::string_view src = source->bytes();
  // gumbo's parse slows down quadratically with nesting (its stack of open
  // elements is scanned per tag): a linear look at the tags first refuses
  // what is far too deep before gumbo sees it.
  if (auto at = TooDeep(src)) {
    const LineCol lc = source->Locate(*at);
    return Status::Error(fmt::format("{}:{}:{}: error: HTML nested more than {} elements deep; citelint does not read it",
                                     source->path(), lc.line, lc.column, kMaxHtmlDepth));
  }
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, src.data(), src.size());
  // The walk recurses once per level of nesting; no real page nests more than
  // a few dozen deep, so a tree deeper than kMaxHtmlDepth is refused (measured
  // without recursion) rather than risk the stack.
  std::vector<std::pair<const GumboNode*, int>> stack{{output->root, 1}};
  int deepest = 0;
  const GumboNode* too_deep = nullptr;
  while (!stack.empty() && too_deep == nullptr) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, depth);
    if (depth > kMaxHtmlDepth) too_deep = n;
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) stack.emplace_back(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
  }
  if (too_deep != nullptr) {
    const size_t offset = too_deep->type == GUMBO_NODE_ELEMENT ? too_deep->v.element.start_pos.offset
                                                               : too_deep->v.text.start_pos.offset;
    const LineCol at = source->Locate(static_cast<uint32_t>(std::min(offset, src.size())));
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return Status::Error(fmt::format("{}:{}:{}: error: HTML nested more than {} elements deep; citelint does not read it",
                                     source->path(), at.line, at.column, kMaxHtmlDepth));
  }
  HtmlWalker(doc, *source).Run(output->root);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return doc;
}

}  // namespace citelint::loaders
