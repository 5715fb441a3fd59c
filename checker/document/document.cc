#include "checker/document/document.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <unordered_map>

#include "checker/base/lines.h"
#include "checker/base/string_hash.h"
#include "checker/text/unicode.h"

namespace citelint {

const char* FormatName(Format format) {
  switch (format) {
    case Format::kText: return "txt";
    case Format::kMarkdown: return "md";
    case Format::kHtml: return "html";
    case Format::kRst: return "rst";
  }
  return "txt";
}

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "txt" || name == "text") return Format::kText;
  if (name == "md" || name == "markdown") return Format::kMarkdown;
  if (name == "html" || name == "htm" || name == "xhtml") return Format::kHtml;
  if (name == "rst" || name == "rest" || name == "restructuredtext") return Format::kRst;
  return std::nullopt;
}

namespace {

std::string Extension(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

Format FormatForPath(std::string_view path) {
  const std::string ext = Extension(path);
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "rst" || ext == "rest") return Format::kRst;
  return Format::kText;
}

std::optional<std::string> UnreadFormatForPath(std::string_view path) {
  static const std::pair<const char*, const char*> kUnread[] = {
      {"adoc", "AsciiDoc"},      {"asciidoc", "AsciiDoc"},    {"asc", "AsciiDoc"},   {"tex", "LaTeX"},
      {"latex", "LaTeX"},        {"org", "Org"},              {"docx", "Word"},      {"doc", "Word"},
      {"odt", "OpenDocument"},   {"pdf", "PDF"},              {"rtf", "RTF"},        {"epub", "EPUB"},
      {"pages", "Pages"},        {"textile", "Textile"},      {"wiki", "wiki markup"}};
  const std::string ext = Extension(path);
  for (const auto& [e, name] : kUnread) {
    if (ext == e) return std::string(name);
  }
  return std::nullopt;
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
  if (!pieces_.empty() && length > 0) {
    Piece& last = pieces_.back();
    if (last.length > 0 && last.text + last.length == text_offset && last.source + last.length == source_offset) {
      last.length += length;
      return;
    }
  }
  pieces_.push_back({text_offset, source_offset, length});
}

uint32_t OffsetMap::ToSource(uint32_t text_offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), text_offset,
                             [](uint32_t t, const Piece& p) { return t < p.text; });
  if (it == pieces_.begin()) return pieces_.empty() ? 0 : pieces_.front().source;
  --it;
  const uint32_t delta = std::min(text_offset - it->text, it->length);
  // Decoded text can be longer than what it was written as (an entity, an
  // escape): never past the end of the source.
  return std::min(it->source + delta, limit_);
}

Span OffsetMap::ToSource(Span text) const {
  const uint32_t begin = ToSource(text.begin);
  return {begin, std::max(begin, ToSource(text.end))};
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

void Document::ShrinkToFit() {
  text.shrink_to_fit();
  text_map.ShrinkToFit();
  blocks.shrink_to_fit();
  markers.shrink_to_fit();
  notes.shrink_to_fit();
}

void Document::SetLinks(Note& note, const std::vector<std::string>& urls, std::string_view id,
                        std::string_view backlink) {
  note.anchored = !id.empty() || !backlink.empty();
  if (!note.anchored) {
    note.links = strings->KeepAll(urls);
    return;
  }
  std::vector<TextRef> refs = {Keep(id), Keep(backlink)};
  for (const std::string& url : urls) refs.push_back(Keep(url));
  note.links = strings->KeepList(refs);
}

TextBuilder::TextBuilder(Document& doc) : TextBuilder(doc, doc.source ? doc.source->bytes().size() : 0) {}

TextBuilder::TextBuilder(Document& doc, size_t extent) : doc_(doc) {
  if (doc.source) {
    doc_.text_map.SetLimit(static_cast<uint32_t>(doc.source->bytes().size()));
    // The text is at most about the size of what it is made of (markup goes,
    // separators come): reserved once rather than doubled into (a doubling
    // holds 3x).
    doc_.text.reserve(extent + extent / 16);
  }
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

namespace {

// The end of a character reference starting with "&" at `original[at]`,
// whose decoded text ends where `decoded[d]` begins: its name or number and
// an optional ";" — or, for a legacy reference without ";" ("&nbsprose"),
// the shortest name after which the original goes on as the decoded text does.
size_t ReferenceEnd(std::string_view original, size_t at, std::string_view decoded, size_t d) {
  size_t e = at + 1;
  while (e < original.size() && e - at < 40 &&
         (std::isalnum(static_cast<unsigned char>(original[e])) || original[e] == '#')) {
    ++e;
  }
  if (e < original.size() && original[e] == ';') return e + 1;
  const std::string_view rest = decoded.substr(d, 4);
  for (size_t k = at + 2; k <= e; ++k) {
    if (original.substr(k, rest.size()) == rest) return k;
  }
  return e;
}

// The length of the UTF-8 sequence starting at s[i] (1 for a stray byte).
size_t CodePointLength(std::string_view s, size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const size_t n = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  size_t k = 1;
  while (k < n && i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80) ++k;
  return k;
}

}  // namespace

void TextBuilder::AppendDecoded(std::string_view decoded, std::string_view original, uint32_t source_offset) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  auto emit = [&](std::string_view bytes, uint32_t at) {
    doc_.text_map.Add(static_cast<uint32_t>(doc_.text.size()), at, static_cast<uint32_t>(bytes.size()));
    doc_.text.append(bytes);
    last_source_ = at + 1;
  };
  size_t o = 0, d = 0;
  while (d < decoded.size()) {
    const uint32_t at = source_offset + static_cast<uint32_t>(std::min(o, original.size()));
    // A no-break space (written &nbsp; or as the character) reads as a space.
    if (decoded[d] == '\xC2' && decoded.compare(d, 2, "\xC2\xA0") == 0) {
      if (!doc_.text.empty() && !is_space(doc_.text.back())) emit(" ", at);
      d += 2;
      if (original.compare(o, 2, "\xC2\xA0") == 0) {
        o += 2;
      } else if (o < original.size() && original[o] == '&') {
        o = ReferenceEnd(original, o, decoded, d);  // &nbsp; or the legacy &nbsp
      }
      continue;
    }
    if (is_space(decoded[d])) {
      // Collapse whitespace; none at the start of a block.
      if (!doc_.text.empty() && !is_space(doc_.text.back())) emit(" ", at);
      ++d;
      while (o < original.size() && is_space(original[o])) ++o;
      continue;
    }
    if (o < original.size() && original[o] == '&') {
      size_t len = 1;  // the decoded code point the reference stands for
      while (d + len < decoded.size() && (static_cast<unsigned char>(decoded[d + len]) & 0xC0) == 0x80) ++len;
      const size_t e = ReferenceEnd(original, o, decoded, d + len);
      const std::string_view ref = original.substr(o, e - o);
      if (!decoded.substr(d).starts_with(ref) || ref.size() == 1) {
        // A character reference: its decoded code point (or two) stand at the `&`.
        if (ref.size() > 1 || decoded[d] != '&') {
          if (is_space(decoded[d])) {
            if (!doc_.text.empty() && !is_space(doc_.text.back())) emit(" ", at);
          } else {
            emit(decoded.substr(d, len), at);
          }
          d += len;
          o = e;
          continue;
        }
      }
    }
    if (o < original.size() && original[o] == decoded[d]) {
      // As written: this byte and the run after it that the branches above
      // would not take (no space, no no-break space, no reference), appended
      // and mapped at once, as byte after byte would be.
      size_t run = 1;
      while (o + run < original.size() && d + run < decoded.size() && original[o + run] == decoded[d + run] &&
             original[o + run] != '&' && decoded[d + run] != '\xC2' && !is_space(decoded[d + run])) {
        ++run;
      }
      emit(decoded.substr(d, run), at);
      last_source_ = at + static_cast<uint32_t>(run);
      o += run;
      d += run;
      continue;
    }
    if (o < original.size() && original[o] == '\r') {
      ++o;
      continue;
    }
    // Anything else: a character the parser replaced (a control character or
    // NUL becomes U+FFFD) or a reference decoded differently. One decoded
    // code point stands for one written one, so what follows stays in step.
    if (o < original.size()) {
      const size_t dl = CodePointLength(decoded, d);
      emit(decoded.substr(d, dl), at);
      d += dl;
      o += CodePointLength(original, o);
      continue;
    }
    // The decoded text runs on past what was written: the rest stands at its end.
    for (; d < decoded.size(); ++d) {
      if (is_space(decoded[d])) {
        if (!doc_.text.empty() && !is_space(doc_.text.back())) emit(" ", at);
      } else {
        emit(decoded.substr(d, 1), at);
      }
    }
  }
}

void TextBuilder::AppendUnescaped(std::string_view decoded, std::string_view original, uint32_t source_offset) {
  auto emit = [&](std::string_view bytes, size_t o) {
    const uint32_t at = source_offset + static_cast<uint32_t>(std::min(o, original.size()));
    doc_.text_map.Add(static_cast<uint32_t>(doc_.text.size()), at, static_cast<uint32_t>(bytes.size()));
    doc_.text.append(bytes);
    last_source_ = at + 1;
  };
  size_t o = 0, d = 0;
  while (d < decoded.size()) {
    const size_t len = CodePointLength(decoded, d);
    if (o < original.size() && original[o] == '&') {
      const size_t e = ReferenceEnd(original, o, decoded, d + len);
      if (decoded.substr(d).starts_with(original.substr(o, e - o))) {
        emit(decoded.substr(d, 1), o);  // a literal "&", as written
        ++o;
        ++d;
      } else {
        emit(decoded.substr(d, len), o);  // a character reference: its code point stands at the "&"
        o = e;
        d += len;
      }
      continue;
    }
    if (o < original.size() && original[o] == decoded[d]) {
      // As written: this byte and the run after it that is written as it
      // reads (no reference), appended and mapped at once, as byte after
      // byte would be.
      size_t run = 1;
      while (o + run < original.size() && d + run < decoded.size() && original[o + run] == decoded[d + run] &&
             original[o + run] != '&') {
        ++run;
      }
      emit(decoded.substr(d, run), o);
      last_source_ = source_offset + static_cast<uint32_t>(o + run);
      o += run;
      d += run;
      continue;
    }
    if (o + 1 < original.size() && original[o] == '\\' && original[o + 1] == decoded[d]) {
      emit(decoded.substr(d, 1), o);  // a backslash escape stands at its backslash
      o += 2;
      ++d;
      continue;
    }
    // Anything else: one code point for one, so what follows stays in step.
    emit(decoded.substr(d, len), o);
    d += len;
    if (o < original.size()) o += CodePointLength(original, o);
  }
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

CrossFileFacts FactsOf(const Document& doc) {
  CrossFileFacts f;
  f.path = doc.path();
  f.format = doc.format;
  f.element_ids = doc.element_ids;
  for (const Note& n : doc.notes) f.notes.emplace_back(n.Id(), n.Backlink());
  for (size_t i = 0; i < doc.markers.size(); ++i) {
    if (doc.markers[i].external) f.external.emplace_back(static_cast<int>(i), doc.markers[i].Target());
  }
  return f;
}

std::vector<CrossFileLinks> ResolveAcross(const std::vector<CrossFileFacts>& facts) {
  std::vector<CrossFileLinks> links(facts.size());
  // Files are matched by path: the link's file part is relative to the
  // directory of the document that holds the link.
  auto normal = [](const std::filesystem::path& p) { return p.lexically_normal().string(); };
  std::unordered_map<std::string, size_t> by_path;
  for (size_t i = 0; i < facts.size(); ++i) {
    if (facts[i].format == Format::kHtml) by_path.emplace(normal(facts[i].path), i);
  }
  if (by_path.empty()) return links;
  std::vector<std::vector<bool>> cited(facts.size());
  for (size_t i = 0; i < facts.size(); ++i) cited[i].assign(facts[i].notes.size(), false);
  // Notes whose backlink leads into a file not checked now.
  for (size_t d = 0; d < facts.size(); ++d) {
    if (facts[d].format != Format::kHtml) continue;
    const std::filesystem::path dir = std::filesystem::path(facts[d].path).parent_path();
    for (size_t n = 0; n < facts[d].notes.size(); ++n) {
      const std::string& backlink = facts[d].notes[n].second;
      const size_t hash = backlink.find('#');
      if (hash == 0 || hash == std::string::npos || backlink.find("://") != std::string::npos) continue;
      const std::filesystem::path file = dir / backlink.substr(0, hash);
      if (normal(file) != normal(facts[d].path) && !by_path.count(normal(file))) cited[d][n] = true;
    }
  }
  // Per target document: note ids.
  std::unordered_map<size_t, std::unordered_map<std::string, int>> ids;
  for (size_t d = 0; d < facts.size(); ++d) {
    for (const auto& [marker, target_ref] : facts[d].external) {
      const size_t hash = target_ref.find('#');
      if (hash == std::string::npos) continue;
      const std::filesystem::path file = std::filesystem::path(facts[d].path).parent_path() / target_ref.substr(0, hash);
      auto target = by_path.find(normal(file));
      if (target == by_path.end()) continue;  // not among the inputs: stays external
      const CrossFileFacts& t = facts[target->second];
      auto& index = ids[target->second];
      if (index.empty()) {
        for (size_t i = 0; i < t.notes.size(); ++i) index.emplace(t.notes[i].first, static_cast<int>(i));
      }
      const std::string id = target_ref.substr(hash + 1);
      auto note = index.find(id);
      if (note == index.end()) {
        // A link to another element (an appendix section) is not a note
        // reference; a target id the file lacks is a dangling marker.
        if (!std::binary_search(t.element_ids.begin(), t.element_ids.end(), id)) links[d].dangling.push_back(marker);
      } else {
        cited[target->second][static_cast<size_t>(note->second)] = true;
      }
    }
  }
  for (size_t d = 0; d < facts.size(); ++d) {
    for (size_t n = 0; n < cited[d].size(); ++n) {
      if (cited[d][n]) links[d].cited_elsewhere.push_back(static_cast<int>(n));
    }
  }
  return links;
}

void ApplyLinks(Document& doc, const CrossFileLinks& links) {
  for (int n : links.cited_elsewhere) {
    if (n >= 0 && static_cast<size_t>(n) < doc.notes.size()) doc.notes[static_cast<size_t>(n)].cited_elsewhere = true;
  }
  for (int m : links.dangling) {
    if (m < 0 || static_cast<size_t>(m) >= doc.markers.size()) continue;
    doc.markers[static_cast<size_t>(m)].external = false;
    doc.markers[static_cast<size_t>(m)].note = -1;
  }
}

void ResolveAcrossDocuments(const std::vector<Document*>& docs) {
  std::vector<CrossFileFacts> facts;
  facts.reserve(docs.size());
  for (const Document* d : docs) facts.push_back(FactsOf(*d));
  const std::vector<CrossFileLinks> links = ResolveAcross(facts);
  for (size_t i = 0; i < docs.size(); ++i) ApplyLinks(*docs[i], links[i]);
}

std::vector<Span> SourceLines(std::string_view src) {
  std::vector<Span> lines;
  size_t begin = src.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  // A line ends at LF, CRLF or a lone CR (old Mac files), as cmark-gfm's do.
  ForEachLineEnd(src, [&](size_t end, size_t next) {
    lines.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    begin = next;
  });
  if (begin < src.size()) lines.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(src.size())});
  return lines;
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
  // Notes by normalized label, open addressing over note indexes: 4 to 8
  // bytes a note where a hash map of strings took 64 (a note-dense draft's
  // loading peaks here). A label that normalizing leaves as it is (a
  // number) is read where the note keeps it; another is kept once here.
  std::vector<std::string_view> keys(doc.notes.size());
  std::deque<std::string> normalized;
  for (size_t i = 0; i < doc.notes.size(); ++i) {
    std::string n = NormalizeLabel(doc.notes[i].label);
    keys[i] = n == std::string_view(doc.notes[i].label) ? std::string_view(doc.notes[i].label)
                                                         : std::string_view(normalized.emplace_back(std::move(n)));
  }
  size_t capacity = 16;
  while (capacity < 2 * keys.size()) capacity *= 2;
  std::vector<int32_t> slots(capacity, -1);
  const StringHash hash;
  // The slot holding the first note with this label, or the empty one where it would go.
  auto slot = [&](std::string_view key) -> int32_t& {
    for (size_t at = hash(key) & (capacity - 1);; at = (at + 1) & (capacity - 1)) {
      if (slots[at] < 0 || keys[static_cast<size_t>(slots[at])] == key) return slots[at];
    }
  };
  for (size_t i = 0; i < keys.size(); ++i) {
    int32_t& first = slot(keys[i]);
    if (first < 0) {
      first = static_cast<int32_t>(i);
    } else {
      doc.notes[i].duplicate_of = first;
    }
  }
  for (Marker& m : doc.markers) {
    if (m.external) continue;
    m.note = slot(NormalizeLabel(m.label));
  }
}

}  // namespace citelint
