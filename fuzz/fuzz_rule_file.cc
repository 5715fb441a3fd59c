// libFuzzer target: a YAML rule file (with RE2 patterns) in a house rules
// directory, loaded over the shipped rules, then run on a small draft.
//
// The shipped lexicons are copied once into a scratch rules directory with
// every list cut to its first three entries, and without the shipped rule
// files: every lexicon and key a house rule can name is still there (and a
// shipped rule used as input is not refused as a duplicate id), but loading
// per execution is several times faster (yaml-cpp parsing was most of it).
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>

#include <yaml-cpp/yaml.h>

#include "checker/checks/register_checks.h"
#include "checker/document/loader.h"
#include "checker/engine/config.h"
#include "fuzz/fuzz_common.h"

namespace {

namespace fs = std::filesystem;

const fs::path& TrimmedRules() {
  static const fs::path dir = [] {
    const fs::path out = citelint::fuzz::Scratch() / "shipped";
    fs::create_directories(out);
    fs::copy(fs::path(CITELINT_FUZZ_RULES_DIR) / "lexicons", out / "lexicons", fs::copy_options::recursive);
    for (const auto& entry : fs::directory_iterator(out / "lexicons")) {
      YAML::Node lexicon = YAML::LoadFile(entry.path().string());
      for (auto it = lexicon.begin(); it != lexicon.end(); ++it) {
        if (!it->second.IsSequence() || it->second.size() <= 3) continue;
        YAML::Node cut(YAML::NodeType::Sequence);
        for (size_t i = 0; i < 3; ++i) cut.push_back(it->second[i]);
        it->second = cut;
      }
      std::ofstream(entry.path(), std::ios::trunc) << lexicon << "\n";
    }
    if (!citelint::LoadRules(out.string()).ok()) {
      std::fprintf(stderr, "the trimmed shipped rules do not load\n");
      std::abort();
    }
    return out;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace citelint;
  const fs::path& shipped = TrimmedRules();
  const fs::path dir = fuzz::Scratch() / "house";
  fs::create_directories(dir / "house");
  {
    std::ofstream f(dir / "house" / "rule.yaml", std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto resources = LoadRules(shipped.string(), {dir.string()});
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
