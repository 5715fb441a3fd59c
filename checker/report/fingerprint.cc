// Fingerprints: a finding's identity across edits elsewhere in the file, for
// baselines, GitLab Code Quality and SARIF. A fingerprint hashes the rule id,
// the path, the flagged words and the text around them on their line (at most
// 120 bytes either side), with every run of digits read as one "#" and runs of
// white space as one space — so lines inserted above, paragraphs moved and
// notes renumbered leave it alone, while an edit to the flagged sentence makes
// a new finding. Equal keys in one file are told apart by their order.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "checker/report/report.h"

namespace citelint::report {

namespace {

// FNV-1a, 64 bits: stable across platforms and releases (std::hash is not).
struct Fnv {
  uint64_t h = 1469598103934665603ULL;
  void Add(char c) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  void Add(std::string_view s) {
    for (const char c : s) Add(c);
  }
};

// Adds `s` with digits → "#", white space → " ", each run of them one
// (hashed as it is read, not written out first).
void AddNormalized(Fnv& key, std::string_view s) {
  char last = 0;  // the last character added from `s` (0 before the first: never '#' or ' ')
  for (const char c : s) {
    const bool digit = c >= '0' && c <= '9';
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    const char put = digit ? '#' : space ? ' ' : c;
    if ((digit || space) && last == put) continue;
    key.Add(put);
    last = put;
  }
}

}  // namespace

void ForEach(const Input& input, size_t n, const std::function<void(size_t)>& work) {
  if (input.parallel != nullptr && n > 1) {
    (*input.parallel)(n, work);
    return;
  }
  for (size_t i = 0; i < n; ++i) work(i);
}

std::vector<std::string> Fingerprints(const Input& input) {
  // Each finding's key on its own (spread over the run's threads), then the
  // occurrences of equal keys counted in order.
  std::vector<Fnv> keys(input.diagnostics.size());
  ForEach(input, keys.size(), [&](size_t i) {
    const Diagnostic& d = input.diagnostics[i];
    Fnv& key = keys[i];
    key.Add(d.rule);
    key.Add("\x1f");
    key.Add(d.path);
    key.Add("\x1f");
    if (auto it = input.sources.find(d.path); it != input.sources.end()) {
      const SourceFile& src = *it->second;
      const std::string_view text = src.bytes();
      const uint32_t begin = std::min<uint32_t>(d.span.begin, static_cast<uint32_t>(text.size()));
      const uint32_t end = std::clamp<uint32_t>(d.span.end, begin, static_cast<uint32_t>(text.size()));
      const int line = src.LineOf(begin);
      const uint32_t line_begin = src.LineStart(line);
      const uint32_t line_end = line_begin + static_cast<uint32_t>(src.Line(line).size());
      const uint32_t from = std::max(line_begin, begin >= 120 ? begin - 120 : 0);
      const uint32_t to = std::max(end, std::min(line_end, end + 120));
      AddNormalized(key, text.substr(begin, end - begin));
      key.Add("\x1f");
      AddNormalized(key, text.substr(from, begin - from));
      key.Add("\x1f");
      AddNormalized(key, text.substr(end, to - end));
    }
  });
  // Equal keys told apart by their order: counted on this thread, then each
  // fingerprint made on the run's threads again.
  std::vector<int> occurrence(keys.size());
  std::unordered_map<uint64_t, int> seen;  // key → occurrences so far
  seen.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) occurrence[i] = seen[keys[i].h]++;
  std::vector<std::string> out(keys.size());
  ForEach(input, keys.size(), [&](size_t i) {
    Fnv full = keys[i];
    full.Add(fmt::format("\x1f{}", occurrence[i]));
    out[i] = fmt::format("{:016x}", full.h);
  });
  return out;
}

std::vector<std::string> FingerprintsOf(const Input& input) {
  return input.fingerprints != nullptr ? *input.fingerprints : Fingerprints(input);
}

}  // namespace citelint::report
