#include <fmt/format.h>

#include "checker/report/report.h"

namespace citelint::report {

void WriteConcise(std::ostream& out, const Input& input) {
  for (const Diagnostic& d : input.diagnostics) {
    const Position pos = Locate(input, d);
    std::string message = d.message;  // one line per finding, whatever the message holds
    for (char& c : message) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    out << fmt::format("{}:{}:{}: {}: {} [{}]\n", d.path, pos.start.line, pos.start.column, SeverityName(d.severity),
                       message, d.rule);
  }
}

}  // namespace citelint::report
