// Loading a SourceFile into a Document: format detection, encoding checks
// (binary files and invalid UTF-8 are errors naming the file and offset), and
// the three loaders (plain text, Markdown via cmark-gfm, HTML via gumbo).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "checker/base/source_file.h"
#include "checker/base/status.h"
#include "checker/document/document.h"

namespace citelint {

// Loads a document from an already-read source. `format` defaults to the
// format implied by the path's extension; a file whose extension names a
// format citelint does not read (.adoc, .tex, .org, .docx, .odt, .pdf, …)
// is refused unless `format` says how to read it.
Expected<Document> LoadDocument(std::shared_ptr<const SourceFile> source,
                                std::optional<Format> format = std::nullopt);

// The cmark-gfm version citelint runs with ("0.29.0.gfm.6").
std::string CmarkGfmVersion();

// Reads and loads a file ("-" is standard input).
Expected<Document> LoadPath(const std::string& path, std::optional<Format> format = std::nullopt);

namespace loaders {
// The loaders proper; the source is known to be valid UTF-8 without NUL bytes.
Document LoadText(std::shared_ptr<const SourceFile> source);
Document LoadMarkdown(std::shared_ptr<const SourceFile> source);
// An HTML tree nested deeper than 1,000 elements is refused with an error.
Expected<Document> LoadHtml(std::shared_ptr<const SourceFile> source);
Document LoadRst(std::shared_ptr<const SourceFile> source);
}  // namespace loaders

}  // namespace citelint
