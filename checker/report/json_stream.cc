#include "checker/report/json_stream.h"

#include "checker/text/unicode.h"

namespace citelint::report {

void JsonWriter::AppendString(std::string& out, std::string_view s) {
  // Most strings are well-formed UTF-8 without control characters: only '"'
  // and '\' change. Anything else is escaped by nlohmann itself, so that the
  // rare string comes out as a dump writes it, whatever its bytes.
  bool control = false, high = false;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    control |= b < 0x20;
    high |= b >= 0x80;
  }
  if (control || (high && text::FindInvalidUtf8(s))) {
    out += nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '"' && s[i] != '\\') continue;
    out.append(s, from, i - from);
    out += '\\';
    out += s[i];
    from = i + 1;
  }
  out.append(s, from, std::string_view::npos);
  out += '"';
}

}  // namespace citelint::report
