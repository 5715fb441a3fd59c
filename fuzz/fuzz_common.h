// Shared by the fuzz targets: loader invariants, the shipped rules loaded
// once, and a scratch directory for the targets that read files.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

#include "checker/document/document.h"

namespace citelint::fuzz {

// Aborts (a finding for libFuzzer) when a loader broke an invariant: every
// span inside the source, every marker's note index valid, the text map
// inside the text.
inline void CheckInvariants(const Document& doc) {
  const size_t n = doc.source->bytes().size();
  auto fail = [](const char* what) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  };
  for (const Block& b : doc.blocks) {
    if (b.span.begin > b.span.end || b.span.end > n) fail("block span outside the source");
  }
  for (const Marker& m : doc.markers) {
    if (m.span.begin > m.span.end || m.span.end > n) fail("marker span outside the source");
    if (m.note < -1 || m.note >= static_cast<int>(doc.notes.size())) fail("marker note index out of range");
    if (m.block < -1 || m.block >= static_cast<int>(doc.blocks.size())) fail("marker block index out of range");
  }
  for (const Note& note : doc.notes) {
    if (note.span.begin > note.span.end || note.span.end > n) fail("note span outside the source");
    if (note.label_span.end > n) fail("note label outside the source");
    if (note.duplicate_of < -1 || note.duplicate_of >= static_cast<int>(doc.notes.size())) fail("duplicate_of out of range");
  }
  for (uint32_t t = 0; t <= doc.text.size(); t += 97) {
    if (doc.text_map.ToSource(t) > n) fail("text map points past the source");
  }
}

// A private scratch directory (in /dev/shm when there is one), removed at exit.
inline const std::filesystem::path& Scratch() {
  static const std::filesystem::path dir = [] {
    std::error_code ec;
    std::filesystem::path base = std::filesystem::exists("/dev/shm", ec) ? "/dev/shm" : std::filesystem::temp_directory_path();
    std::filesystem::path d = base / ("citelint-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d, ec);
    std::atexit([] {
      std::error_code e;
      std::filesystem::remove_all(Scratch(), e);
    });
    return d;
  }();
  return dir;
}

}  // namespace citelint::fuzz
