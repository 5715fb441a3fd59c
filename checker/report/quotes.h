// Writers for the quote sheet (`citelint quotes`): text for people, versioned
// JSON for tools. Byte spans become 1-based lines and code-point columns here.
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "checker/base/source_file.h"
#include "checker/extract/quote_sheet.h"

namespace citelint::report {

struct QuoteSheetFile {
  std::shared_ptr<const SourceFile> source;
  std::vector<extract::SheetEntry> entries;
};

void WriteQuotesText(std::ostream& out, const std::vector<QuoteSheetFile>& files);
// {"version": 1, "quotes": [{"path", "line", "column", "end_line", "end_column", "text", "kind",
//  "speaker": {"name", "kind", "via", "line", "column"} | null, "cue", "marker", "note", "in_note"}]}
void WriteQuotesJson(std::ostream& out, const std::vector<QuoteSheetFile>& files);

}  // namespace citelint::report
