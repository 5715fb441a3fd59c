// libFuzzer target: a YAML rule file (with RE2 patterns) in a house rules
// directory, loaded over the shipped rules, then run on a small draft.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>

#include "checker/checks/register_checks.h"
#include "checker/document/loader.h"
#include "checker/engine/config.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace citelint;
  const std::filesystem::path dir = fuzz::Scratch() / "house";
  std::filesystem::create_directories(dir / "house");
  {
    std::ofstream f(dir / "house" / "rule.yaml", std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto resources = LoadRules(CITELINT_FUZZ_RULES_DIR, {dir.string()});
  if (!resources.ok()) return 0;
  static const auto draft = std::make_shared<const SourceFile>(
      "draft.txt", "Critics say the ferry is late.1 \u201cWe are on time,\u201d Mara Quint said.2 Sources said 40% agree.\n"
                   "\nNotes\n1. Harbour Gazette reports the delay\n2. @maraquint on X\n");
  auto doc = LoadDocument(draft, Format::kText);
  if (!doc.ok()) return 0;
  const Config none;
  (void)CheckDocument(*doc, *resources, none, EnabledRules(*resources, none, true, "strict"));
  return 0;
}
