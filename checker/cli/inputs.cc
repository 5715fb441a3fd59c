#include "checker/cli/inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace citelint::cli {

namespace fs = std::filesystem;

namespace {

bool HasDocumentExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" ||
         ext == ".xhtml" || ext == ".rst" || ext == ".rest";
}

}  // namespace

// The format a path is read as: --input-format, else by extension; stdin is txt.
std::optional<Format> InputFormat(const std::string& path, const std::optional<Format>& forced) {
  return path == "-" ? std::optional<Format>(forced.value_or(Format::kText)) : forced;
}

// Expands directories (recursively, by extension, hidden entries skipped) and
// keeps explicit files as given. Missing paths are errors.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& args, std::vector<std::string>& errors,
                                     std::set<std::string>* walked) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back(arg);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back(fmt::format("{}: error: no such file or directory", arg));
      continue;
    }
    if (!fs::is_directory(status)) {
      if (seen.insert(arg).second) out.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".")) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && HasDocumentExtension(p)) found.push_back(p.string());
    }
    if (ec) errors.push_back(fmt::format("{}: error: {}", arg, ec.message()));
    std::sort(found.begin(), found.end());
    for (std::string& f : found) {
      if (walked) walked->insert(f);
      if (seen.insert(f).second) out.push_back(std::move(f));
    }
  }
  return out;
}


}  // namespace citelint::cli
