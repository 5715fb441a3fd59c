// `citelint quotes`: every quotation with its speaker, cue, covering note and
// whether that note holds the words — the quote sheet a fact-checker makes.
#include <iostream>

#include "checker/checks/register_checks.h"
#include "checker/cli/app.h"
#include "checker/cli/commands.h"
#include "checker/cli/inputs.h"
#include "checker/document/loader.h"
#include "checker/report/quotes.h"

namespace citelint::cli {

int RunQuotes(const QuotesOptions& options) {
  if (options.paths.empty()) {
    std::cerr << "citelint quotes: error: no input paths (give files, directories, or - for stdin)\n";
    return kExitError;
  }
  auto rules = LoadRules(options.rules_dir.empty() ? DefaultRulesDir() : options.rules_dir);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << '\n';
    return kExitError;
  }
  std::optional<Format> forced;
  if (!options.input_format.empty()) forced = ParseFormat(options.input_format);
  std::vector<std::string> errors;
  const std::vector<std::string> files = ExpandPaths(options.paths, errors);
  std::vector<report::QuoteSheetFile> sheets;
  for (const std::string& path : files) {
    auto doc = LoadPath(path, InputFormat(path, forced));
    if (!doc.ok()) {
      errors.push_back(doc.status().message());
      continue;
    }
    const Analysis analysis(*doc, *rules);
    sheets.push_back({doc->source, extract::QuoteSheet(*doc, analysis.extraction(), analysis.lexicon())});
  }
  if (options.format == "json") {
    report::WriteQuotesJson(std::cout, sheets);
  } else {
    report::WriteQuotesText(std::cout, sheets);
  }
  std::cout.flush();
  for (const std::string& e : errors) std::cerr << e << '\n';
  return errors.empty() ? kExitClean : kExitError;
}

}  // namespace citelint::cli
