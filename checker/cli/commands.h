// Subcommands that live in their own files (one per subcommand).
#pragma once

#include <cstdint>
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

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";  // HOST:PORT (port 0: any free one)
  std::string token_file;           // a bearer token every request but /healthz and /readyz must carry
  std::string config;               // the config file; "" for the nearest .citelint.yaml from here
  std::string rules_dir;
  std::vector<std::string> extra_rules;
  uint64_t max_body = 16u << 20;
  uint64_t max_header = 16u << 10;
  double request_timeout = 10;      // seconds
  int workers = 0;
  int max_in_flight = 0;
};

// `citelint serve`: the HTTP service a CMS calls before publishing.
int RunServe(const ServeOptions& options);

}  // namespace citelint::cli
