// Executes a rule's documented examples: each bad example must yield exactly
// one finding of that rule starting at the ⟦…⟧ span, each good example none.
#pragma once

#include <string>
#include <vector>

#include "checker/engine/check.h"

namespace citelint::testing {

struct ExampleFailure {
  std::string rule;
  std::string example;
  std::string problem;
};

std::vector<ExampleFailure> RunExamples(const Check& check, const Resources& resources);

}  // namespace citelint::testing
