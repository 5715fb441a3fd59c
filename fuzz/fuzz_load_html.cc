// libFuzzer target: the html loader on any bytes, with its invariants.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "checker/document/loader.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace citelint;
  auto source = std::make_shared<const SourceFile>("fuzz.html", std::string(reinterpret_cast<const char*>(data), size));
  auto doc = LoadDocument(source, Format::kHtml);
  if (doc.ok()) {
    ResolveAcrossDocuments({&*doc});
    fuzz::CheckInvariants(*doc);
  }
  return 0;
}
