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
  if (bytes.find('\0') != std::string_view::npos) {
    return Status::Error(fmt::format("{}: error: binary file (contains NUL bytes)", source->path()));
  }
  if (auto bad = text::FindInvalidUtf8(bytes)) {
    const LineCol lc = source->Locate(*bad);
    return Status::Error(fmt::format("{}:{}:{}: error: invalid UTF-8 at byte offset {}",
                                     source->path(), lc.line, lc.column, *bad));
  }
  switch (format.value_or(FormatForPath(source->path()))) {
    case Format::kMarkdown: return loaders::LoadMarkdown(std::move(source));
    case Format::kHtml: return loaders::LoadHtml(std::move(source));
    case Format::kRst: return loaders::LoadRst(std::move(source));
    case Format::kText: break;
  }
  return loaders::LoadText(std::move(source));
}

std::string CmarkGfmVersion() { return cmark_version_string(); }

Expected<Document> LoadPath(const std::string& path, std::optional<Format> format) {
  auto source = SourceFile::Read(path);
  if (!source.ok()) return source.status();
  return LoadDocument(std::make_shared<const SourceFile>(std::move(source).value()), format);
}

}  // namespace citelint
