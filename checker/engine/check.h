// Check: the interface of a built-in C++ rule. One class per check, a static
// kInfo (the single source for docs, `citelint rules` and the examples test),
// and a const Run over one loaded Document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "checker/document/document.h"
#include "checker/engine/diagnostic.h"

namespace citelint {

// Where a check reports; fills in rule id, severity and path.
class Sink {
 public:
  Sink(const Document& doc, const RuleInfo& info, std::vector<Diagnostic>& out)
      : doc_(doc), info_(info), out_(out) {}
  void Report(Span span, std::string message, std::optional<std::string> marker = std::nullopt,
              std::optional<std::string> note = std::nullopt);

 private:
  const Document& doc_;
  const RuleInfo& info_;
  std::vector<Diagnostic>& out_;
};

class Check {
 public:
  virtual ~Check() = default;
  [[nodiscard]] virtual const RuleInfo& info() const = 0;
  virtual void Run(const Document& doc, Sink& sink) const = 0;
};

using CheckList = std::vector<std::unique_ptr<const Check>>;

// Runs every check on the document and returns the findings, sorted.
std::vector<Diagnostic> RunChecks(const Document& doc, const CheckList& checks);

}  // namespace citelint
