// `citelint report PATH... [-o report.html]`: the editor's integrity report,
// one self-contained HTML page for one draft or many. The drafts are checked
// exactly as `check` checks them (config, profile, suppressions); exit status
// as `check --fail-on error` (under a gate profile: its verdict): 0 ready,
// 1 hold, 2 input or configuration errors.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "checker/checks/register_checks.h"
#include "checker/cli/app.h"
#include "checker/cli/commands.h"
#include "checker/cli/inputs.h"
#include "checker/document/loader.h"
#include "checker/extract/quote_sheet.h"
#include "checker/report/html.h"

namespace citelint::cli {

int RunReport(const ReportOptions& options) {
  if (options.paths.empty()) {
    std::cerr << "citelint report: error: no input paths (give files, directories, or - for stdin)\n";
    return kExitError;
  }
  std::optional<Format> forced;
  if (!options.input_format.empty()) forced = ParseFormat(options.input_format);
  std::vector<std::string> errors;
  std::set<std::string> walked;
  const std::vector<std::string> files = ExpandPaths(options.paths, errors, &walked);
  for (const std::string& path : files) {
    std::error_code ec;
    if (!options.output.empty() && (path == options.output || std::filesystem::equivalent(path, options.output, ec))) {
      std::cerr << fmt::format("{}: error: -o names an input; citelint never writes over what it reads\n", options.output);
      return kExitError;
    }
  }
  std::map<std::string, Setup> setups;
  // Each draft with what the page shows: its document, one Analysis (the
  // checks and the page read the same extraction), findings and quote sheet.
  struct Held {
    std::unique_ptr<Document> doc;
    const Setup* setup = nullptr;
    std::unique_ptr<Analysis> analysis;
  };
  std::vector<Held> held;
  for (const std::string& path : files) {
    const std::string config_path = options.config.empty() ? FindConfig(path) : options.config;
    auto it = setups.find(config_path);
    if (it == setups.end()) {
      auto setup = MakeSetup(config_path, options.rules_dir, options.extra_rules, false, options.profile);
      if (!setup.ok()) {
        std::cerr << setup.status().message() << '\n';
        return kExitError;
      }
      it = setups.emplace(config_path, std::move(setup).value()).first;
    }
    if (walked.count(path) && it->second.config.Ignored(path)) continue;  // as check does
    auto doc = LoadPath(path, InputFormat(path, forced));
    if (!doc.ok()) {
      errors.push_back(doc.status().message());
      continue;
    }
    held.push_back({std::make_unique<Document>(std::move(doc).value()), &it->second, nullptr});
  }
  // HTML endnotes in another of the files (chapter.xhtml → endnotes.xhtml#note-3), as check resolves them.
  std::vector<Document*> docs;
  for (Held& h : held) docs.push_back(h.doc.get());
  ResolveAcrossDocuments(docs);
  std::vector<report::HtmlDraft> drafts;
  for (Held& h : held) {
    h.analysis = std::make_unique<Analysis>(*h.doc, h.setup->resources);
    report::HtmlDraft draft;
    draft.doc = h.doc.get();
    draft.extraction = &h.analysis->extraction();
    draft.diagnostics = CheckDocument(*h.analysis, h.setup->resources, h.setup->config, h.setup->enabled);
    draft.quotes = extract::QuoteSheet(*h.doc, h.analysis->extraction(), h.analysis->lexicon());
    if (h.setup->profile.gate()) draft.blocking = h.setup->profile.Blocking(draft.diagnostics);
    drafts.push_back(std::move(draft));
  }
  if (drafts.empty() && errors.empty()) {
    std::cerr << "citelint report: error: no files to report on\n";
    return kExitError;
  }
  const std::vector<RuleInfo> rules = KnownRules(setups);
  report::HtmlOptions html;
  html.version = CITELINT_VERSION;
  html.input_errors = errors;
  html.gate = std::any_of(setups.begin(), setups.end(), [](const auto& kv) { return kv.second.profile.gate(); });
  std::ofstream file;
  if (!options.output.empty()) {
    file.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << fmt::format("{}: error: cannot write the report: {}\n", options.output, std::strerror(errno));
      return kExitError;
    }
  }
  std::ostream& out = options.output.empty() ? std::cout : file;
  report::WriteHtmlReport(out, drafts, rules, html);
  out.flush();
  if (!out) {
    std::cerr << fmt::format("{}: error: cannot write the report\n", options.output.empty() ? "stdout" : options.output);
    return kExitError;
  }
  for (const std::string& e : errors) std::cerr << e << '\n';
  if (!errors.empty()) return kExitError;
  for (const report::HtmlDraft& d : drafts) {
    for (size_t i = 0; i < d.diagnostics.size(); ++i) {
      // Under a gate, a draft held is 1; otherwise any error.
      if (html.gate ? i < d.blocking.size() && d.blocking[i] : d.diagnostics[i].severity == Severity::kError) return kExitFindings;
    }
  }
  return kExitClean;
}

}  // namespace citelint::cli
