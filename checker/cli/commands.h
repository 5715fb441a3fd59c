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

struct ReportOptions {
  std::vector<std::string> paths;
  std::string output;               // -o FILE, or "" for standard output
  std::string input_format;
  std::string config;
  std::string profile;
  std::string rules_dir;
  std::vector<std::string> extra_rules;
};

// `citelint report PATH... [-o FILE]`: the editor's HTML integrity report.
int RunReport(const ReportOptions& options);

}  // namespace citelint::cli
