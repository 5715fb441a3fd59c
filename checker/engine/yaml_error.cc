#include "checker/engine/yaml_error.h"

#include <fmt/format.h>

#include <fstream>

namespace citelint {

Status YamlErrorAt(const std::string& file, const YAML::Mark& mark, const std::string& what) {
  if (mark.line < 0) return Status::Error(fmt::format("{}: error: {}", file, what));
  std::string message = fmt::format("{}:{}:{}: error: {}", file, mark.line + 1, mark.column + 1, what);
  std::ifstream in(file);
  std::string line;
  int read = 0;
  while (read <= mark.line && std::getline(in, line)) ++read;
  if (read <= mark.line) {
    message += "\n<end of file>\n^";  // the error is past the last line
  } else {
    message += "\n" + line + "\n" + std::string(static_cast<size_t>(mark.column), ' ') + "^";
  }
  return Status::Error(message);
}

}  // namespace citelint
