#include "checker/testing/examples.h"

#include <fmt/format.h>

#include "checker/checks/register_checks.h"
#include "checker/document/loader.h"

namespace citelint::testing {
namespace {

constexpr std::string_view kOpen = "\u27e6";
constexpr std::string_view kClose = "\u27e7";

}  // namespace

std::vector<ExampleFailure> RunExamples(const Check& check, const Resources& resources) {
  const RuleInfo& info = check.info();
  std::vector<ExampleFailure> failures;
  const Format format = ParseFormat(info.format).value_or(Format::kText);
  auto run = [&](std::string_view example, bool bad) {
    std::string text(example);
    std::optional<uint32_t> expected;
    if (const size_t open = text.find(kOpen); open != std::string::npos) {
      text.erase(open, kOpen.size());
      const size_t close = text.find(kClose, open);
      if (close != std::string::npos) text.erase(close, kClose.size());
      expected = static_cast<uint32_t>(open);
    }
    auto fail = [&](std::string problem) {
      failures.push_back({std::string(info.id), std::string(example), std::move(problem)});
    };
    if (bad && !expected) return fail("bad example has no \u27e6\u2026\u27e7 span");
    auto doc = LoadDocument(std::make_shared<const SourceFile>(fmt::format("<{} example>", info.id), text), format);
    if (!doc.ok()) return fail(doc.status().message());
    std::vector<Diagnostic> found;
    if (info.id.rfind("meta.", 0) == 0) {
      // Meta findings come from the suppression pass over every default rule.
      const Config none;
      for (auto& d : CheckDocument(*doc, resources, none, EnabledRules(resources, none, false))) {
        if (d.rule == info.id) found.push_back(std::move(d));
      }
    } else {
      Sink sink(*doc, info, found);
      const Analysis analysis(*doc, resources);
      check.Run(analysis, sink);
    }
    if (!bad) {
      if (!found.empty()) fail(fmt::format("good example reported: {}", found.front().message));
      return;
    }
    if (found.size() != 1) return fail(fmt::format("bad example gave {} findings, expected 1", found.size()));
    if (found.front().span.begin != *expected) {
      fail(fmt::format("finding starts at byte {}, expected {}", found.front().span.begin, *expected));
    }
  };
  for (std::string_view e : info.bad) run(e, true);
  for (std::string_view e : info.good) run(e, false);
  if (info.bad.empty() || info.good.empty()) {
    failures.push_back({std::string(info.id), "", "a rule needs at least one bad and one good example"});
  }
  return failures;
}

}  // namespace citelint::testing
