#include "checker/report/json_stream.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace citelint::report {
namespace {

// What JsonWriter must equal: nlohmann's dump(2) with invalid UTF-8
// replaced, indented as a streamed array's element is.
std::string Dumped(const nlohmann::ordered_json& j, std::string_view indent) {
  std::string out;
  AppendIndented(out, j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace), indent);
  return out;
}

// Strings of every kind of byte: ASCII, quotes and backslashes, control
// characters, DEL, well-formed multi-byte characters, and ill-formed,
// truncated, overlong and surrogate sequences.
std::string RandomString(uint32_t& state) {
  static const char* const kPieces[] = {"a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\x01", "\x1f",
                                        "\x7f", "\u00e9", "\u201c", "\u2014", "\U0001F600", "\u2028", "\xC3",
                                        "\x80", "\xE2\x80", "\xF0\x9F\x98", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                        "\xFF", "\xEF\xBF\xBD"};
  std::string s;
  state = state * 1103515245u + 12345u;
  const uint32_t length = (state >> 16) % 12;
  for (uint32_t k = 0; k < length; ++k) {
    state = state * 1103515245u + 12345u;
    s += kPieces[(state >> 16) % (sizeof kPieces / sizeof *kPieces)];
  }
  return s;
}

TEST(JsonWriterTest, StringsAreEscapedAsNlohmannDumpsThem) {
  uint32_t state = 7;
  for (int i = 0; i < 20000; ++i) {
    const std::string s = RandomString(state);
    std::string mine;
    JsonWriter::AppendString(mine, s);
    ASSERT_EQ(mine, nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        << "string #" << i;
  }
}

TEST(JsonWriterTest, NestedValuesAreLaidOutAsDump2) {
  uint32_t state = 11;
  for (int i = 0; i < 2000; ++i) {
    const std::string indent(static_cast<size_t>(2 * (i % 4)), ' ');
    nlohmann::ordered_json expected;
    std::string mine;
    JsonWriter j(mine, indent);
    j.BeginObject();
    const std::string text = RandomString(state);
    j.Member("text", text);
    expected["text"] = text;
    j.Member("number", int64_t{i} - 1000);
    expected["number"] = i - 1000;
    const std::optional<std::string> maybe = i % 2 == 0 ? std::optional<std::string>(RandomString(state)) : std::nullopt;
    j.MemberOrNull("maybe", maybe);
    expected["maybe"] = maybe ? nlohmann::ordered_json(*maybe) : nlohmann::ordered_json(nullptr);
    j.Key("list");
    j.BeginArray();
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (int k = 0; k < i % 3; ++k) {
      j.BeginObject();
      j.Member("k", int64_t{k});
      j.Key("empty");
      j.BeginArray();
      j.EndArray();
      j.EndObject();
      list.push_back({{"k", k}, {"empty", nlohmann::ordered_json::array()}});
    }
    j.EndArray();
    expected["list"] = list;
    j.Key("flag");
    j.Bool(i % 5 == 0);
    expected["flag"] = i % 5 == 0;
    j.EndObject();
    ASSERT_EQ(mine, Dumped(expected, indent)) << "object #" << i;
  }
}

}  // namespace
}  // namespace citelint::report
