// The one way a YAML file (rule, lexicon, config) reports an error:
// `path:line:col: error: what`, then the line and a caret under the column.
// Internal to checker/engine (yaml-cpp stays here).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "checker/base/status.h"

namespace citelint {

Status YamlErrorAt(const std::string& file, const YAML::Mark& mark, const std::string& what);

}  // namespace citelint
