// libFuzzer target: a .citelint.yaml, loaded and validated against the
// shipped rules.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "checker/checks/register_checks.h"
#include "checker/engine/config.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace citelint;
  static const Resources shipped = [] {
    auto r = LoadRules(CITELINT_FUZZ_RULES_DIR);
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (const auto& check : AllRules(shipped)) v.push_back(check->info().id);
    return v;
  }();
  const std::filesystem::path path = fuzz::Scratch() / ".citelint.yaml";
  {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto config = LoadConfig(path.string());
  if (!config.ok()) return 0;
  (void)ValidateConfig(*config, ids, shipped);
  (void)EnabledRules(shipped, *config, false);
  (void)config->Ignored("drafts/a.md");
  return 0;
}
