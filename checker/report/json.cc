#include <nlohmann/json.hpp>

#include <algorithm>

#include "checker/report/json_stream.h"
#include "checker/report/report.h"

namespace citelint::report {

InputError ParseInputError(const std::string& text) {
  InputError e;
  e.rule = "input.error";
  const size_t cut = text.find(": error: ");
  std::string where = cut == std::string::npos ? std::string() : text.substr(0, cut);
  e.message = cut == std::string::npos ? text : text.substr(cut + 9);
  // "path:line:col" → its line and column.
  auto take_number = [&](int& into) {
    const size_t colon = where.rfind(':');
    if (colon == std::string::npos || colon + 1 >= where.size()) return false;
    const std::string digits = where.substr(colon + 1);
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) return false;
    into = std::stoi(digits);
    where.resize(colon);
    return true;
  };
  int column = 1, line = 1;
  if (take_number(column) && take_number(line)) {
    e.line = line;
    e.column = column;
  } else if (cut != std::string::npos) {
    where = text.substr(0, cut);
  }
  e.path = where;
  const std::string& m = e.message;
  if (m.find("no such file") != std::string::npos) e.rule = "input.missing";
  else if (m.find("binary file") != std::string::npos) e.rule = "input.binary";
  else if (m.find("invalid UTF-8") != std::string::npos) e.rule = "input.invalid-utf8";
  else if (m.find("not read by citelint") != std::string::npos) e.rule = "input.unsupported-format";
  return e;
}

void WriteJson(std::ostream& out, const Input& input) {
  out << "{\n  \"version\": 1,\n  \"diagnostics\": ";
  JsonArrayStream diagnostics(out, 1);
  if (input.input_errors != nullptr) {
    for (const InputError& e : *input.input_errors) {
      nlohmann::ordered_json j;
      j["rule"] = e.rule;
      j["severity"] = "error";
      j["path"] = e.path;
      j["line"] = e.line;
      j["column"] = e.column;
      j["end_line"] = e.line;
      j["end_column"] = e.column + 1;
      j["message"] = e.message;
      j["marker"] = nullptr;
      j["note"] = nullptr;
      j["suggest"] = nullptr;
      j["fingerprint"] = nullptr;
      j["related"] = nlohmann::ordered_json::array();
      diagnostics.push_back(j);
    }
  }
  int counts[3] = {0, 0, 0};
  for (const Diagnostic& d : input.diagnostics) ++counts[static_cast<int>(d.severity)];
  const std::vector<std::string> fingerprints = FingerprintsOf(input);
  // Each finding's element: located and written on its own (over the run's
  // threads, a slice at a time so a large report is never held whole), then
  // written out in order.
  auto element = [&](size_t index, std::string& into) {
    const Diagnostic& d = input.diagnostics[index];
    const Position pos = Locate(input, d);
    into.reserve(640 + d.message.size());  // an element's size, as a rule: grown once, not six times
    JsonWriter j(into, diagnostics.indent());
    j.BeginObject();
    j.Member("rule", d.rule);
    j.Member("severity", SeverityName(d.severity));
    j.Member("path", d.path);
    j.Member("line", pos.start.line);
    j.Member("column", pos.start.column);
    j.Member("end_line", pos.end.line);
    j.Member("end_column", pos.end.column);
    j.Member("message", d.message);
    j.MemberOrNull("marker", d.marker);
    j.MemberOrNull("note", d.note);
    j.MemberOrNull("suggest", d.suggest);
    j.Member("fingerprint", fingerprints[index]);
    j.Key("related");
    j.BeginArray();
    if (auto src = input.sources.find(d.path); src != input.sources.end()) {
      for (const RelatedLocation& r : d.related) {
        const LineCol a = src->second->Locate(r.span.begin), b = src->second->Locate(r.span.end);
        j.BeginObject();
        j.Member("line", a.line);
        j.Member("column", a.column);
        j.Member("end_line", b.line);
        j.Member("end_column", b.column);
        j.Member("message", r.message);
        j.EndObject();
      }
    }
    j.EndArray();
    if (input.gate != nullptr && input.blocking != nullptr) {
      j.Key("blocking");
      j.Bool((*input.blocking)[index]);
    }
    j.EndObject();
  };
  constexpr size_t kSlice = 4096;
  std::vector<std::string> formatted;
  for (size_t from = 0; from < input.diagnostics.size(); from += kSlice) {
    const size_t n = std::min(kSlice, input.diagnostics.size() - from);
    formatted.assign(n, std::string());
    ForEach(input, n, [&](size_t k) { element(from + k, formatted[k]); });
    for (const std::string& f : formatted) diagnostics.push_back_formatted(f);
  }
  diagnostics.close();
  const nlohmann::ordered_json summary = {
      {"files", input.summary.files}, {"markers", input.summary.markers}, {"notes", input.summary.notes},
      {"errors", counts[0]},          {"warnings", counts[1]},            {"infos", counts[2]},
      {"input_errors", input.input_errors != nullptr ? input.input_errors->size() : 0}};
  // An object as the top level's member: dumped, then indented one level.
  auto member = [](const nlohmann::ordered_json& j) {
    std::string indented;
    AppendIndented(indented, j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace), "  ");
    return indented;
  };
  if (input.gate != nullptr) {
    out << ",\n  \"verdict\": "
        << member({{"result", input.gate->hold ? "hold" : "pass"},
                   {"profile", input.gate->profile},
                   {"blocking", input.gate->blocking},
                   {"unchecked", input.gate->unchecked}});
  }
  out << ",\n  \"summary\": " << member(summary) << "\n}\n";
}

}  // namespace citelint::report
