// Throughput in bytes per second, per format and size, on synthetic documents
// that grow linearly (every paragraph cites a note; the notes list grows with
// it), at three depths: the loader alone (BM_Load_*), load + the structural
// rules (notes.*: markers and notes only, no sentences; BM_Structural_*), and
// load + every default rule (BM_Text, BM_Markdown, BM_Html). Linear time
// shows as flat bytes/second across sizes.
//
// BM_Floor_* measure what the libraries citelint is built on take alone on
// the same documents: gumbo's parse (HTML), cmark-gfm's parse (Markdown)
// and ICU's sentence iterator (every format's text). No end-to-end figure
// can beat its format's floor.
#include <benchmark/benchmark.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <gumbo.h>

#include <string>

#include "checker/checks/register_checks.h"
#include "checker/document/loader.h"
#include "checker/extract/extract.h"

namespace citelint {
namespace {

std::string MakeText(int paragraphs) {
  std::string body, notes = "\nNotes\n";
  for (int i = 1; i <= paragraphs; ++i) {
    body += "In 2019 the board met " + std::to_string(i) +
            " times, according to the minutes, and the chair said it was “frankly routine.”" +
            std::to_string(i) + " Analysts at Q3 briefings disagreed; COVID-19 costs rose 4.5%.\n\n";
    notes += std::to_string(i) + ". Board minutes volume " + std::to_string(i) + " — Example Gazette reports\n";
  }
  return body + notes;
}

std::string MakeMarkdown(int paragraphs) {
  std::string body, notes;
  for (int i = 1; i <= paragraphs; ++i) {
    body += "In 2019 the board met, and the chair called it “frankly routine.”[^" + std::to_string(i) +
            "] Code like `a[^1]` is not a reference.\n\n";
    notes += "[^" + std::to_string(i) + "]: Board minutes volume " + std::to_string(i) + ".\n";
  }
  return body + "\n" + notes;
}

std::string MakeHtml(int paragraphs) {
  std::string body = "<html><body>", notes = "<section data-footnotes><ol>";
  for (int i = 1; i <= paragraphs; ++i) {
    const std::string n = std::to_string(i);
    body += "<p>The chair called it “frankly routine.”<sup><a href=\"#fn" + n + "\">" + n + "</a></sup></p>\n";
    notes += "<li id=\"fn" + n + "\">Board minutes volume " + n + ".</li>\n";
  }
  return body + notes + "</ol></section></body></html>";
}

const Resources& Rules() {
  static const Resources* r = new Resources(LoadRules(DefaultRulesDir()).value());
  return *r;
}

// The loader alone: the document's markers, notes, blocks and analysis text.
void Load(benchmark::State& state, Format format, std::string (*make)(int)) {
  const std::string text = make(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto doc = LoadDocument(std::make_shared<const SourceFile>("bench", text), format);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

// The default rules, or only the structural ones (notes.*), which read the
// markers and notes and never ask for sentences, speakers or the graph.
CheckList Checks(bool structural_only) {
  CheckList checks = EnabledRules(Rules(), Config(), false);
  if (structural_only) {
    std::erase_if(checks, [](const auto& c) { return !c->info().id.starts_with("notes."); });
  }
  return checks;
}

// Load + the rules (structure, attribution graph, YAML rules, suppressions).
void Run(benchmark::State& state, Format format, std::string (*make)(int), bool structural_only = false) {
  const std::string text = make(static_cast<int>(state.range(0)));
  const Config config;
  const CheckList checks = Checks(structural_only);
  for (auto _ : state) {
    auto doc = LoadDocument(std::make_shared<const SourceFile>("bench", text), format);
    auto found = CheckDocument(*doc, Rules(), config, checks);
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_Load_Text(benchmark::State& s) { Load(s, Format::kText, MakeText); }
void BM_Load_Markdown(benchmark::State& s) { Load(s, Format::kMarkdown, MakeMarkdown); }
void BM_Load_Html(benchmark::State& s) { Load(s, Format::kHtml, MakeHtml); }
void BM_Structural_Text(benchmark::State& s) { Run(s, Format::kText, MakeText, true); }
void BM_Structural_Markdown(benchmark::State& s) { Run(s, Format::kMarkdown, MakeMarkdown, true); }
void BM_Structural_Html(benchmark::State& s) { Run(s, Format::kHtml, MakeHtml, true); }
void BM_Text(benchmark::State& s) { Run(s, Format::kText, MakeText); }
void BM_Markdown(benchmark::State& s) { Run(s, Format::kMarkdown, MakeMarkdown); }
void BM_Html(benchmark::State& s) { Run(s, Format::kHtml, MakeHtml); }

// gumbo's parse and the freeing of its tree, as LoadHtml has them.
void BM_Floor_Gumbo(benchmark::State& state) {
  const std::string text = MakeHtml(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size());
    benchmark::DoNotOptimize(output);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

// cmark-gfm's parse with footnotes and the extensions LoadMarkdown attaches.
void BM_Floor_Cmark(benchmark::State& state) {
  cmark_gfm_core_extensions_ensure_registered();
  const std::string text = MakeMarkdown(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser, ext);
      }
    }
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* root = cmark_parser_finish(parser);
    benchmark::DoNotOptimize(root);
    cmark_node_free(root);
    cmark_parser_free(parser);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

// ICU's sentence boundaries (its abbreviation suppressions on) over the
// plain-text document, as SplitSentences asks for them.
void BM_Floor_IcuSentences(benchmark::State& state) {
  const std::string text = MakeText(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto boundaries = extract::SentenceBoundaries(text);
    benchmark::DoNotOptimize(boundaries);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

#define CITELINT_SIZES(bm) BENCHMARK(bm)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)
CITELINT_SIZES(BM_Load_Text);
CITELINT_SIZES(BM_Load_Markdown);
CITELINT_SIZES(BM_Load_Html);
CITELINT_SIZES(BM_Structural_Text);
CITELINT_SIZES(BM_Structural_Markdown);
CITELINT_SIZES(BM_Structural_Html);
CITELINT_SIZES(BM_Text);
CITELINT_SIZES(BM_Markdown);
CITELINT_SIZES(BM_Html);
CITELINT_SIZES(BM_Floor_Gumbo);
CITELINT_SIZES(BM_Floor_Cmark);
CITELINT_SIZES(BM_Floor_IcuSentences);

}  // namespace
}  // namespace citelint

BENCHMARK_MAIN();
