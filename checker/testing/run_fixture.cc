#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checker/checks/register_checks.h"
#include "checker/document/loader.h"
#include "checker/engine/check.h"
#include "checker/testing/fixture.h"

namespace citelint::testing {

namespace fs = std::filesystem;

std::vector<std::string> FixtureFiles(const std::string& root) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".rst") {
      files.push_back(fs::relative(entry.path(), root).string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

FixtureRun RunFixture(const std::string& root, const std::string& relative_path, const Resources& resources) {
  FixtureRun run;
  const fs::path rel(relative_path);
  const fs::path path = fs::path(root) / rel;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const Format format = FormatForPath(path.string());
  const Fixture fixture = ParseFixture(bytes.str(), format);
  run.expectations = static_cast<int>(fixture.expectations.size());
  auto source = std::make_shared<const SourceFile>(rel.string(), fixture.source);
  auto doc = LoadDocument(source, format);
  if (!doc.ok()) {
    run.error = doc.status().message();
    return run;
  }
  auto part = rel.begin();
  const std::string pack = part->string();
  if (pack == "speakers") {
    run.rule = "(speakers)";
    run.expectations = static_cast<int>(fixture.speakers.size());
    const Analysis analysis(*doc, resources);
    run.outcome = MatchSpeakers(fixture, *source, extract::QuoteSheet(*doc, analysis.extraction(), analysis.lexicon()));
    return run;
  }
  // e2e/ runs the default rule set, e2e-strict/ the strict profile.
  const bool strict = pack == "e2e-strict";
  const bool e2e = pack == "e2e" || strict;
  if (!fixture.speakers.empty()) {
    run.error = "expect-speaker belongs in fixtures/speakers/";
    return run;
  }
  if (!e2e && std::distance(rel.begin(), rel.end()) < 3) {
    run.error = "fixture is not in <pack>/<name>/, e2e/ or e2e-strict/";
    return run;
  }
  run.rule = e2e ? "" : pack + "." + std::next(part)->string();
  const Config none;
  const bool meta = run.rule.rfind("meta.", 0) == 0;
  CheckList selected;
  for (auto& check : e2e || meta ? EnabledRules(resources, none, false, strict ? "strict" : "default") : AllRules(resources)) {
    if (e2e || meta || check->info().id == run.rule) selected.push_back(std::move(check));
  }
  if (!e2e && std::none_of(selected.begin(), selected.end(), [&](const auto& c) { return c->info().id == run.rule; })) {
    run.error = "fixture folder names no rule: " + run.rule;
    return run;
  }
  // e2e and meta fixtures see the whole pipeline (suppressions included);
  // a meta fixture keeps only its rule's findings.
  std::vector<Diagnostic> found = e2e || meta ? CheckDocument(*doc, resources, none, selected) : RunChecks(*doc, selected, resources);
  if (meta) std::erase_if(found, [&](const Diagnostic& d) { return d.rule != run.rule; });
  run.outcome = Match(fixture, *source, found);
  return run;
}

}  // namespace citelint::testing
