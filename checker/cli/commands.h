// Subcommands that live in their own files (one per subcommand).
#pragma once

#include <string>
#include <vector>

namespace citelint::cli {

struct QuotesOptions {
  std::vector<std::string> paths;
  std::string format = "text";      // text | json
  std::string input_format;         // forced format, or "" for by extension
  std::string rules_dir;            // shipped rules (lexicons), or "" for the default
};

// `citelint quotes PATH...`: the quote sheet of each document.
int RunQuotes(const QuotesOptions& options);

}  // namespace citelint::cli
