// What the subcommands share about their inputs: walking directories for
// documents and choosing the format a path is read as.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "checker/document/document.h"

namespace citelint::cli {

// The format a path is read as: --input-format, else by extension; stdin is txt.
std::optional<Format> InputFormat(const std::string& path, const std::optional<Format>& forced);

// Expands directories (recursively, by extension, hidden entries skipped, in
// sorted order) and glob patterns ('docs/**/*.md': `*`, `?`, `[…]` within a
// component, `**` across directories; a pattern matching no document is an
// error), and keeps explicit files as given. Missing paths are errors;
// `walked` receives the files found by walking or matching.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& args, std::vector<std::string>& errors,
                                     std::set<std::string>* walked = nullptr);

}  // namespace citelint::cli
