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

// A path's components ("docs/a/b.md" → docs, a, b.md); "." components dropped.
std::vector<std::string> Parts(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(start, slash - start);
    if (!part.empty() && part != ".") out.push_back(std::move(part));
    start = slash + 1;
  }
  return out;
}

// Shell glob on one component: `*` any run, `?` one character, `[abc]` a set.
bool ComponentMatch(std::string_view p, std::string_view t) {
  if (p.empty()) return t.empty();
  if (p[0] == '*') {
    for (size_t k = 0; k <= t.size(); ++k) {
      if (ComponentMatch(p.substr(1), t.substr(k))) return true;
    }
    return false;
  }
  if (t.empty()) return false;
  if (p[0] == '[') {
    const size_t close = p.find(']', 1);
    if (close != std::string_view::npos) {
      const std::string_view set = p.substr(1, close - 1);
      return set.find(t[0]) != std::string_view::npos && ComponentMatch(p.substr(close + 1), t.substr(1));
    }
  }
  return (p[0] == '?' || p[0] == t[0]) && ComponentMatch(p.substr(1), t.substr(1));
}

// Glob on paths: components as above; `**` any number of directories, none included.
bool PathMatch(const std::vector<std::string>& pat, size_t i, const std::vector<std::string>& path, size_t j) {
  if (i == pat.size()) return j == path.size();
  if (pat[i] == "**") {
    for (size_t k = j; k <= path.size(); ++k) {
      if (PathMatch(pat, i + 1, path, k)) return true;
    }
    return false;
  }
  return j < path.size() && ComponentMatch(pat[i], path[j]) && PathMatch(pat, i + 1, path, j + 1);
}

bool IsGlob(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

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
    if ((ec || !fs::exists(status)) && IsGlob(arg)) {
      // 'docs/**/*.md', quoted so that citelint, not the shell, expands it:
      // walk from the part before the first wildcard, in sorted order.
      const std::vector<std::string> pattern = Parts(arg);
      std::string base = arg.starts_with("/") ? "/" : "";
      size_t fixed = 0;
      while (fixed + 1 < pattern.size() && !IsGlob(pattern[fixed])) base += pattern[fixed++] + "/";
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(base.empty() ? "." : base, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        std::error_code type_ec;
        if (p.filename().string().starts_with(".")) {
          if (it->is_directory(type_ec)) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(type_ec) || !HasDocumentExtension(p)) continue;
        std::string shown = p.string();
        if (base.empty() && shown.starts_with("./")) shown = shown.substr(2);
        if (PathMatch(pattern, 0, Parts(shown), 0)) found.push_back(shown);
      }
      if (found.empty()) {
        errors.push_back(fmt::format("{}: error: no document matches this pattern", arg));
        continue;
      }
      std::sort(found.begin(), found.end());
      for (std::string& f : found) {
        if (walked) walked->insert(f);
        if (seen.insert(f).second) out.push_back(std::move(f));
      }
      continue;
    }
    if (ec || !fs::exists(status)) {
      errors.push_back(fmt::format("{}: error: no such file or directory", arg));
      continue;
    }
    if (!fs::is_directory(status)) {
      if (seen.insert(arg).second) out.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    // Symbolic links to directories are not followed (no loops); a directory
    // that cannot be read is an error, not skipped: a gate must not pass on
    // a tree it could not read.
    fs::recursive_directory_iterator it(arg, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code type_ec;
      if (p.filename().string().starts_with(".")) {
        if (it->is_directory(type_ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(type_ec) && HasDocumentExtension(p)) found.push_back(p.string());
    }
    if (ec) errors.push_back(fmt::format("{}: error: cannot read the whole directory: {}", arg, ec.message()));
    std::sort(found.begin(), found.end());
    for (std::string& f : found) {
      if (walked) walked->insert(f);
      if (seen.insert(f).second) out.push_back(std::move(f));
    }
  }
  return out;
}


}  // namespace citelint::cli
