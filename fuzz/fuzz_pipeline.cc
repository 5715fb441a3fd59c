// libFuzzer target: the whole check of one document — load (the format from
// the first byte), extract, graph, every default rule, suppressions — and
// a report writer (each input picks one; the HTML report includes the quote
// sheet).
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "checker/checks/register_checks.h"
#include "checker/document/loader.h"
#include "checker/engine/check.h"
#include "checker/engine/config.h"
#include "checker/extract/quote_sheet.h"
#include "checker/report/html.h"
#include "checker/report/report.h"
#include "fuzz/fuzz_common.h"

namespace {

struct Shipped {
  citelint::Resources resources;
  citelint::Config config;
  citelint::CheckList enabled;
  std::vector<citelint::RuleInfo> rules;
};

const Shipped& Rules() {
  static const Shipped shipped = [] {
    Shipped s;
    auto r = citelint::LoadRules(CITELINT_FUZZ_RULES_DIR);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().message().c_str());
      std::abort();
    }
    s.resources = std::move(r).value();
    s.enabled = citelint::EnabledRules(s.resources, s.config, false);
    for (const auto& check : citelint::AllRules(s.resources)) s.rules.push_back(check->info());
    return s;
  }();
  return shipped;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace citelint;
  if (size == 0) return 0;
  static const Format kFormats[] = {Format::kText, Format::kMarkdown, Format::kHtml, Format::kRst};
  static const char* kNames[] = {"fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.rst"};
  const int which = data[0] % 4;
  auto source = std::make_shared<const SourceFile>(
      kNames[which], std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  auto doc = LoadDocument(source, kFormats[which]);
  if (!doc.ok()) return 0;
  ResolveAcrossDocuments({&*doc});
  fuzz::CheckInvariants(*doc);
  const Shipped& shipped = Rules();
  const Analysis analysis(*doc, shipped.resources);
  std::vector<Diagnostic> found = CheckDocument(analysis, shipped.resources, shipped.config, shipped.enabled);
  for (const Diagnostic& d : found) {
    if (d.span.end > doc->source->bytes().size() || d.span.begin > d.span.end) {
      std::fprintf(stderr, "finding %s outside the source\n", d.rule.c_str());
      std::abort();
    }
  }
  std::map<std::string, std::shared_ptr<const SourceFile>> sources{{doc->path(), doc->source}};
  report::Input input{found, sources, report::Summary{1, static_cast<int>(doc->markers.size()),
                                                      static_cast<int>(doc->notes.size())}};
  input.rules = &shipped.rules;
  // One writer per input (chosen by the first byte's upper bits): running all
  // nine on every input made each execution ~9 times slower, and libFuzzer's
  // mutations of the first byte reach every writer anyway.
  std::ostringstream out;
  switch ((data[0] / 4) % 9) {
    case 0: report::WriteText(out, input); break;
    case 1: report::WriteJson(out, input); break;
    case 2: report::WriteConcise(out, input); break;
    case 3: report::WriteGithub(out, input); break;
    case 4: report::WriteGitlab(out, input); break;
    case 5: report::WriteJunit(out, input, Severity::kError); break;
    case 6: report::WriteMarkdown(out, input); break;
    case 7: report::WriteSarif(out, input, report::SarifOptions{}); break;
    default: {
      report::HtmlDraft draft;
      draft.doc = &*doc;
      draft.extraction = &analysis.extraction();
      draft.diagnostics = found;
      draft.quotes = extract::QuoteSheet(*doc, analysis.extraction(), analysis.lexicon());
      report::WriteHtmlReport(out, {draft}, shipped.rules, report::HtmlOptions{});
    }
  }
  return 0;
}
