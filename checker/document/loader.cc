#include "checker/document/loader.h"

#include <cmark-gfm.h>
#include <fmt/format.h>

#include "checker/text/unicode.h"

namespace citelint {

Expected<Document> LoadDocument(std::shared_ptr<const SourceFile> source,
                                std::optional<Format> format) {
  if (!format) {
    if (auto unread = UnreadFormatForPath(source->path())) {
      return Status::Error(fmt::format(
          "{}: error: {} files are not read by citelint (plain text, Markdown, reStructuredText and HTML are); "
          "convert it, or pass --input-format txt|md|rst|html to read it as one of those",
          source->path(), *unread));
    }
  }
  const std::string_view bytes = source->bytes();
  const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  if (!utf16 && bytes.find('\0') != std::string_view::npos) {
    return Status::Error(fmt::format("{}: error: binary file (contains NUL bytes)", source->path()));
  }
  // Encodings as they arrive: UTF-16 with a BOM and legacy 8-bit text are
  // converted (and said so); a few ill-formed bytes in UTF-8 become U+FFFD.
  std::vector<LoadNote> notes;
  if (utf16 || text::FindInvalidUtf8(bytes)) {
    auto decoded = text::Decode(bytes);
    if (!decoded) return Status::Error(fmt::format("{}: error: cannot decode this file", source->path()));
    if (decoded->utf8.find('\0') != std::string::npos) {
      return Status::Error(fmt::format("{}: error: binary file (contains NUL characters)", source->path()));
    }
    auto text = std::make_shared<const SourceFile>(source->path(), std::move(decoded->utf8));
    if (decoded->replaced > 0) {
      const LineCol at = text->Locate(decoded->first_replaced);
      notes.push_back({"input.invalid-utf8", 1, {decoded->first_replaced, decoded->first_replaced + 3},
                       fmt::format("{} ill-formed UTF-8 sequence{} replaced with U+FFFD (the first at line {}, column {}); "
                                   "the rest of the file is checked",
                                   decoded->replaced, decoded->replaced == 1 ? "" : "s", at.line, at.column)});
    } else {
      notes.push_back({"input.encoding", 2, {0, 0},
                       fmt::format("read as {}; lines and columns count its characters", decoded->encoding)});
    }
    source = std::move(text);
  }
  Expected<Document> doc = Status::Error("");
  switch (format.value_or(FormatForPath(source->path()))) {
    case Format::kMarkdown: doc = loaders::LoadMarkdown(std::move(source)); break;
    case Format::kHtml: doc = loaders::LoadHtml(std::move(source)); break;
    case Format::kRst: doc = loaders::LoadRst(std::move(source)); break;
    case Format::kText: doc = loaders::LoadText(std::move(source)); break;
  }
  if (doc.ok()) {
    doc->load_notes = std::move(notes);
    doc->ShrinkToFit();
  }
  return doc;
}

std::string CmarkGfmVersion() { return cmark_version_string(); }

Expected<Document> LoadPath(const std::string& path, std::optional<Format> format) {
  auto source = SourceFile::Read(path);
  if (!source.ok()) return source.status();
  return LoadDocument(std::make_shared<const SourceFile>(std::move(source).value()), format);
}

}  // namespace citelint
