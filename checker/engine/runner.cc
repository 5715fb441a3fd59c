#include "checker/engine/check.h"

namespace citelint {

void Sink::Report(Span span, std::string message, std::optional<std::string> marker,
                  std::optional<std::string> note) {
  Diagnostic d;
  d.rule = std::string(info_.id);
  d.severity = info_.severity;
  d.path = doc_.path();
  d.span = span;
  d.message = std::move(message);
  d.marker = std::move(marker);
  d.note = std::move(note);
  out_.push_back(std::move(d));
}

std::vector<Diagnostic> RunChecks(const Document& doc, const CheckList& checks) {
  std::vector<Diagnostic> out;
  for (const auto& check : checks) {
    Sink sink(doc, check->info(), out);
    check->Run(doc, sink);
  }
  SortDiagnostics(out);
  return out;
}

}  // namespace citelint
