#include "checker/document/document.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "checker/text/unicode.h"

namespace citelint {

const char* FormatName(Format format) {
  switch (format) {
    case Format::kText: return "txt";
    case Format::kMarkdown: return "md";
    case Format::kHtml: return "html";
  }
  return "txt";
}

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "txt" || name == "text") return Format::kText;
  if (name == "md" || name == "markdown") return Format::kMarkdown;
  if (name == "html" || name == "htm" || name == "xhtml") return Format::kHtml;
  return std::nullopt;
}

Format FormatForPath(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return Format::kText;
  }
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  return Format::kText;
}

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading: return "heading";
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kListItem: return "list-item";
    case BlockKind::kBlockquote: return "blockquote";
    case BlockKind::kCode: return "code";
    case BlockKind::kNotes: return "notes";
  }
  return "paragraph";
}

void OffsetMap::Add(uint32_t text_offset, uint32_t source_offset, uint32_t length) {
  pieces_.push_back({text_offset, source_offset, length});
}

uint32_t OffsetMap::ToSource(uint32_t text_offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), text_offset,
                             [](uint32_t t, const Piece& p) { return t < p.text; });
  if (it == pieces_.begin()) return pieces_.empty() ? 0 : pieces_.front().source;
  --it;
  const uint32_t delta = std::min(text_offset - it->text, it->length);
  return it->source + delta;
}

uint32_t OffsetMap::ToText(uint32_t source_offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), source_offset,
                             [](uint32_t s, const Piece& p) { return s < p.source; });
  if (it == pieces_.begin()) return 0;
  --it;
  return it->text + std::min(source_offset - it->source, it->length);
}

int Document::BlockAt(uint32_t offset) const {
  // Blocks are sorted by start; a nested block wins over its container.
  auto it = std::upper_bound(blocks.begin(), blocks.end(), offset,
                             [](uint32_t o, const Block& b) { return o < b.span.begin; });
  while (it != blocks.begin()) {
    --it;
    if (it->span.Contains(offset)) return static_cast<int>(it - blocks.begin());
    if (blocks.end() - it > 64) break;  // bounded look-back keeps this O(1)
  }
  return -1;
}

void TextBuilder::Copy(std::string_view source, Span span) {
  if (span.empty()) return;
  doc_.text_map.Add(static_cast<uint32_t>(doc_.text.size()), span.begin, span.size());
  doc_.text.append(source.substr(span.begin, span.size()));
  last_source_ = span.end;
}

void TextBuilder::Append(std::string_view text, uint32_t source_offset) {
  if (text.empty()) return;
  doc_.text_map.Add(static_cast<uint32_t>(doc_.text.size()), source_offset,
                    static_cast<uint32_t>(text.size()));
  doc_.text.append(text);
  last_source_ = source_offset;
}

void TextBuilder::Separator(std::string_view sep) {
  if (doc_.text.empty()) return;
  // Never stack separators: "\n\n" after "\n\n" adds nothing.
  if (doc_.text.size() >= sep.size() &&
      std::string_view(doc_.text).substr(doc_.text.size() - sep.size()) == sep) {
    return;
  }
  doc_.text_map.Add(static_cast<uint32_t>(doc_.text.size()), last_source_, 0);
  doc_.text.append(sep);
}

void IndexBlocks(Document& doc) {
  std::stable_sort(doc.blocks.begin(), doc.blocks.end(),
                   [](const Block& a, const Block& b) { return a.span.begin < b.span.begin; });
  for (Marker& m : doc.markers) m.block = doc.BlockAt(m.span.begin);
}

void ResolveAcrossDocuments(const std::vector<Document*>& docs) {
  // Files are matched by path: the link's file part is relative to the
  // directory of the document that holds the link.
  auto normal = [](const std::filesystem::path& p) { return p.lexically_normal().string(); };
  std::unordered_map<std::string, Document*> by_path;
  for (Document* d : docs) {
    if (d->format == Format::kHtml) by_path.emplace(normal(d->path()), d);
  }
  if (by_path.empty()) return;
  // Per target document: note ids.
  std::unordered_map<const Document*, std::unordered_map<std::string, int>> ids;
  for (Document* d : docs) {
    for (Marker& m : d->markers) {
      if (!m.external) continue;
      const size_t hash = m.target.find('#');
      if (hash == std::string::npos) continue;
      const std::filesystem::path file = std::filesystem::path(d->path()).parent_path() / m.target.substr(0, hash);
      auto target = by_path.find(normal(file));
      if (target == by_path.end()) continue;  // not among the inputs: stays external
      Document* t = target->second;
      auto& index = ids[t];
      if (index.empty()) {
        for (size_t i = 0; i < t->notes.size(); ++i) index.emplace(t->notes[i].id, static_cast<int>(i));
      }
      const std::string id = m.target.substr(hash + 1);
      auto note = index.find(id);
      if (note == index.end()) {
        // A link to another element (an appendix section) is not a note
        // reference; a target id the file lacks is a dangling marker.
        if (!std::binary_search(t->element_ids.begin(), t->element_ids.end(), id)) {
          m.external = false;
          m.note = -1;
        }
      } else {
        t->notes[note->second].cited_elsewhere = true;
      }
    }
  }
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  uint32_t i = 0;
  while (i < s.size()) {
    const uint32_t start = i;
    const int32_t c = text::NextCodePoint(s, i);
    if (text::IsWhitespace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::string NormalizeLabel(std::string_view label) {
  return text::FoldCase(CollapseWhitespace(label));
}

void ResolveByLabel(Document& doc) {
  std::unordered_map<std::string, int> by_label;
  by_label.reserve(doc.notes.size());
  for (size_t i = 0; i < doc.notes.size(); ++i) {
    auto [it, inserted] = by_label.emplace(NormalizeLabel(doc.notes[i].label), static_cast<int>(i));
    if (!inserted) doc.notes[i].duplicate_of = it->second;
  }
  for (Marker& m : doc.markers) {
    if (m.external) continue;
    auto it = by_label.find(NormalizeLabel(m.label));
    m.note = it == by_label.end() ? -1 : it->second;
  }
}

}  // namespace citelint
