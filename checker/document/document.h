// Document: what a loader makes of one input. Normalized analysis text with a
// map back to source bytes, blocks, footnote markers and notes. All spans are
// byte offsets into the SourceFile; line and column are for report/ only.
#pragma once

#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checker/base/boxed.h"
#include "checker/base/source_file.h"
#include "checker/base/span.h"
#include "checker/base/text_ref.h"

namespace citelint {

enum class Format { kText, kMarkdown, kHtml, kRst };
const char* FormatName(Format format);
std::optional<Format> ParseFormat(std::string_view name);
// txt for .txt and unknown extensions, md for .md/.markdown, html for
// .html/.htm/.xhtml, rst for .rst/.rest.
Format FormatForPath(std::string_view path);
// The name of a format citelint does not read ("AsciiDoc" for .adoc, "PDF"
// for .pdf, …), for a file named by extension; nullopt otherwise.
std::optional<std::string> UnreadFormatForPath(std::string_view path);

enum class BlockKind { kHeading, kParagraph, kListItem, kBlockquote, kCode, kNotes };
const char* BlockKindName(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Span span;  // source bytes
};

// A footnote reference in the body: `AGI.1`, `[^note]`, `<sup><a href="#fn7">7</a></sup>`.
// (Its flags share the indexes' words: 40 bytes.)
struct Marker {
  TextRef label;         // as written: "7", "note", "n 1" (kept by the document)
  Span span;             // the label (or reference) in the source
  int block : 31 = -1;   // index into Document::blocks, -1 if none
  bool in_note : 1 = false;   // the reference sits inside a note (a note citing a note)
  int note : 31 = -1;    // index into Document::notes once resolved, -1 if dangling
  bool external : 1 = false;  // HTML: points into another file; not resolved here
  // HTML: the href ("#fn7", "endnotes.xhtml#note-3"); none otherwise (8
  // bytes in a marker of another format, where a string took 32).
  Boxed<std::string> target;

  [[nodiscard]] std::string_view Target() const { return target ? std::string_view(*target) : std::string_view(); }
};
// (GCC and Clang pack each flag into its index's 32 bits.)
static_assert(sizeof(void*) != 8 || sizeof(Marker) == 40, "a Marker is 40 bytes on a 64-bit build");

// A note body: `7. … — Valley Courier notes …`, `[^7]: …`, `<li id="fn7">…</li>`.
// (Its members are in the order that leaves no padding: 64 bytes.)
struct Note {
  TextRef label;         // as written; HTML ordinals become "1", "2", … (kept by the document)
  Span span;             // the whole note in the source
  Span label_span;       // the label itself (or the start of the note)
  TextRef text;          // plain text of the note body, whitespace collapsed (kept by the document)
  // Its URLs and, in HTML, its id and backlink (the first two, when
  // `anchored`): set with Document::SetLinks, read with
  // Urls(), Id() and Backlink().
  TextRefList links;
  int duplicate_of = -1; // index of another note with the same label (the one that counts)
  bool hidden = false;   // Markdown: a definition inside an HTML comment, never shown
  bool cited_elsewhere = false;  // HTML: a marker in another checked file cites it (or may: see backlink)
  bool anchored = false; // `links` begins with an id and a backlink

  // Where a finding about this note points: its label, else its start.
  [[nodiscard]] Span Anchor() const { return label_span.empty() ? Span{span.begin, span.begin} : label_span; }
  [[nodiscard]] std::span<const TextRef> Urls() const { return links.span().subspan(anchored ? 2 : 0); }
  // HTML: its id attribute and its link back to its reference
  // ("chapter-3.xhtml#noteref-7"), either possibly empty.
  [[nodiscard]] std::string_view Id() const { return anchored ? std::string_view(links[0]) : std::string_view(); }
  [[nodiscard]] std::string_view Backlink() const { return anchored ? std::string_view(links[1]) : std::string_view(); }
};

// Maps analysis-text offsets back to source offsets. Pieces are appended in
// increasing text order; a synthetic byte maps to the source position of the
// piece it was appended after.
class OffsetMap {
 public:
  // Adds a piece; one that continues the last piece in both texts extends it.
  void Add(uint32_t text_offset, uint32_t source_offset, uint32_t length);
  [[nodiscard]] uint32_t ToSource(uint32_t text_offset) const;
  // A text span's source span. Never reversed: where the text came out of
  // source order (an HTML parser moves misnested or foster-parented content),
  // the span shrinks to its start rather than running backwards.
  [[nodiscard]] Span ToSource(Span text) const;
  void ShrinkToFit() { pieces_.shrink_to_fit(); }
  // No source offset past this (the source's size).
  void SetLimit(uint32_t limit) { limit_ = limit; }
  // The text offset standing for a source offset (the first text byte at or
  // after it); assumes pieces were added in increasing source order.
  [[nodiscard]] uint32_t ToText(uint32_t source_offset) const;

 private:
  struct Piece {
    uint32_t text, source, length;
  };
  std::vector<Piece> pieces_;
  uint32_t limit_ = UINT32_MAX;
};

// Something the loader noticed about how the input read, reported with the
// findings (rule input.encoding or input.invalid-utf8).
struct LoadNote {
  std::string rule;
  int severity = 2;  // as Severity: 0 error, 1 warning, 2 info
  Span span;         // source bytes
  std::string message;
};

struct Document {
  // As read; UTF-8 (converted when the input was not). Set once, before
  // anything is kept: labels and notes' texts may view its bytes.
  std::shared_ptr<const SourceFile> source;
  std::vector<LoadNote> load_notes;
  Format format = Format::kText;
  std::string text;  // normalized analysis text (markers removed, markup stripped)
  OffsetMap text_map;
  std::vector<Block> blocks;
  std::vector<Marker> markers;
  std::vector<Note> notes;
  std::vector<std::string> element_ids;  // HTML: every id attribute, sorted (cross-file targets)
  // Keeps the markers' and notes' labels and the notes' texts and URLs
  // that are not read in the source as written (shared by a copy of the
  // document, whose markers and notes point into it too).
  std::shared_ptr<TextArena> strings = std::make_shared<TextArena>();

  // A copy of `s` that lives as long as the document: for a label or a note's text.
  TextRef Keep(std::string_view s) { return strings->Keep(s); }
  // The same, read where the source has it when the source holds these very
  // bytes at `at` (a label or a one-line note as written): no copy.
  TextRef KeepWritten(std::string_view s, uint32_t at) {
    const std::string_view bytes = source ? source->bytes() : std::string_view();
    if (!s.empty() && at <= bytes.size() && s.size() <= bytes.size() - at && bytes.compare(at, s.size(), s) == 0) {
      return TextRef(bytes.substr(at, s.size()));
    }
    return Keep(s);
  }
  // A note's URLs and (HTML) its id and backlink, kept as long as the document.
  void SetLinks(Note& note, const std::vector<std::string>& urls, std::string_view id = {},
                std::string_view backlink = {});

  [[nodiscard]] const std::string& path() const { return source->path(); }
  // Gives back what the loader's growing vectors and the text's reserve
  // left unused (up to half of each): once, when the document is loaded.
  void ShrinkToFit();
  // Index of the block containing a source offset, or -1.
  [[nodiscard]] int BlockAt(uint32_t offset) const;
};

// Builds Document::text and its map: copy a range of source, or add
// synthetic separators (a space for a soft break, "\n\n" between blocks).
class TextBuilder {
 public:
  explicit TextBuilder(Document& doc);  // the map's limit: the source's size
  // The same, for a text made of the first `extent` bytes of the source at
  // most (plain text's body, its notes list left out): room reserved for those.
  TextBuilder(Document& doc, size_t extent);
  void Copy(std::string_view source, Span span);
  // Appends `text` (e.g. decoded HTML) that stands for the source at `source_offset`.
  void Append(std::string_view text, uint32_t source_offset);
  // Appends `decoded` (HTML text with character references decoded) that was
  // written as `original` at `source_offset`, mapping every byte to where it
  // was written (a decoded `&amp;` maps to its `&`), with runs of whitespace
  // collapsed to one space as HTML renders them.
  void AppendDecoded(std::string_view decoded, std::string_view original, uint32_t source_offset);
  // Appends a Markdown text literal `decoded` that was written as `original`
  // at `source_offset`: backslash escapes and character references mapped
  // to where they were written, whitespace kept as it is.
  void AppendUnescaped(std::string_view decoded, std::string_view original, uint32_t source_offset);
  // Appends a synthetic separator unless the text already ends with it.
  void Separator(std::string_view sep);

 private:
  Document& doc_;
  uint32_t last_source_ = 0;
};

// Resolves markers to notes by label (the first note with the label wins)
// and marks later notes with an already-used label as duplicates. Labels
// compare after case folding and whitespace collapsing.
void ResolveByLabel(Document& doc);
std::string NormalizeLabel(std::string_view label);

// Sorts blocks by start and sets each marker's block (for loaders that
// collect blocks out of source order).
void IndexBlocks(Document& doc);

// Resolves HTML references into other files (`endnotes.xhtml#note-3`) among
// the documents checked together: the note is marked cited_elsewhere, and a
// reference into a checked file that has no such note becomes dangling. A
// note whose backlink points into a file that is not among them may be cited
// there: it is marked cited_elsewhere too (it cannot be called unused).
void ResolveAcrossDocuments(const std::vector<Document*>& docs);

// The same resolution in two steps, so a run need not hold every document
// at once: what it needs of a document (ids and links, not the text) ...
struct CrossFileFacts {
  std::string path;
  Format format = Format::kText;
  std::vector<std::pair<std::string, std::string>> notes;  // id, backlink
  std::vector<std::string> element_ids;                    // sorted
  std::vector<std::pair<int, std::string>> external;       // marker index, target
};
CrossFileFacts FactsOf(const Document& doc);
// ... what it changes in each (indices into notes and markers) ...
struct CrossFileLinks {
  std::vector<int> cited_elsewhere;  // notes
  std::vector<int> dangling;         // markers that point at an id their file lacks
};
std::vector<CrossFileLinks> ResolveAcross(const std::vector<CrossFileFacts>& facts);
// ... and the change applied when the document is loaded again.
void ApplyLinks(Document& doc, const CrossFileLinks& links);

// The lines of a source (a byte-order mark skipped; each span excludes its
// "\n" or "\r\n"), for the line-based loaders.
std::vector<Span> SourceLines(std::string_view bytes);

// Collapses runs of whitespace to one space and trims the ends.
std::string CollapseWhitespace(std::string_view s);

}  // namespace citelint
