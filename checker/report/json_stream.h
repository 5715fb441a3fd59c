// Writes a JSON array one element at a time, laid out exactly as
// nlohmann::json's dump(2) would lay it out at that depth, so that a report of
// a large run never holds the whole tree in memory.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace citelint::report {

// Appends `dump` to `out` with `indent` after each of its newlines (every
// newline of a dump is structural: strings escape theirs).
inline void AppendIndented(std::string& out, std::string_view dump, std::string_view indent) {
  size_t from = 0;
  for (size_t nl = dump.find('\n'); nl != std::string_view::npos; nl = dump.find('\n', from)) {
    out.append(dump, from, nl + 1 - from);
    out.append(indent);
    from = nl + 1;
  }
  out.append(dump, from, std::string_view::npos);
}

// Writes one JSON value into a string laid out exactly as nlohmann::json's
// dump(2, ' ', false, error_handler_t::replace) lays it out, every line after
// the first indented by `indent` (as AppendIndented would indent the dump):
// the writers' per-finding elements without building a json tree for each
// (which cost more than checking the finding). Callers keep the nesting
// well formed; a key is followed by exactly one value.
class JsonWriter {
 public:
  JsonWriter(std::string& out, std::string_view indent) : out_(out), indent_(indent) {}
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // (A key is the writer's own name, "rule" or "end_line": nothing in it to
  // escape.)
  void Key(std::string_view key) {
    assert(key.find_first_of("\"\\") == std::string_view::npos);
    Separate();
    out_ += '"';
    out_ += key;
    out_ += "\": ";
    after_key_ = true;
  }
  void String(std::string_view s) {
    Value();
    AppendString(out_, s);
  }
  void Int(int64_t n) {
    Value();
    out_ += std::to_string(n);
  }
  void Bool(bool b) {
    Value();
    out_ += b ? "true" : "false";
  }
  void Null() {
    Value();
    out_ += "null";
  }
  // A key and its value in one call (an absent string is null).
  void Member(std::string_view key, std::string_view s) { Key(key), String(s); }
  void Member(std::string_view key, int64_t n) { Key(key), Int(n); }
  void MemberOrNull(std::string_view key, const std::optional<std::string>& s) {
    Key(key);
    if (s) {
      String(*s);
    } else {
      Null();
    }
  }

  // `s` as a JSON string: quoted, escaped as nlohmann's dump escapes it (its
  // two-letter escapes, \u00xx for other control characters, UTF-8 kept as
  // it is, an ill-formed sequence replaced by U+FFFD).
  static void AppendString(std::string& out, std::string_view s);

 private:
  // Before a member or an array element: the comma after the one before it,
  // a new line and the indent of its depth.
  void Separate() {
    if (depth_ == 0) return;
    bool& empty = empty_[depth_ - 1];
    if (!empty) out_ += ',';
    empty = false;
    out_ += LineStart(depth_);
  }
  // A new line and the indent of `depth` (the writer's most frequent piece
  // of output): a prefix of one string, a new line, the indent and spaces,
  // lengthened as the depth grows.
  std::string_view LineStart(size_t depth) {
    const size_t length = 1 + indent_.size() + 2 * depth;
    if (line_.empty()) (line_ += '\n') += indent_;
    if (line_.size() < length) line_.resize(length, ' ');
    return std::string_view(line_).substr(0, length);
  }
  void Value() {
    if (after_key_) {
      after_key_ = false;
    } else {
      Separate();
    }
  }
  void Open(char bracket) {
    Value();
    out_ += bracket;
    if (depth_ == empty_.size()) throw std::length_error("JsonWriter: nested deeper than it was made for");
    empty_[depth_++] = true;
  }
  void Close(char bracket) {
    assert(depth_ > 0);
    const bool empty = empty_[--depth_];
    if (!empty) out_ += LineStart(depth_);
    out_ += bracket;
  }

  std::string& out_;
  std::string_view indent_;
  // Whether each open object or array has no member yet, outermost first (a
  // finding's element nests four deep; no vector to allocate for each one).
  std::array<bool, 16> empty_{};
  size_t depth_ = 0;
  std::string line_;  // see LineStart
  bool after_key_ = false;
};

class JsonArrayStream {
 public:
  // `depth`: how many levels the array's key sits inside the root (its
  // elements are indented depth + 1 levels of two spaces).
  JsonArrayStream(std::ostream& out, int depth)
      : out_(out), depth_(depth), inner_(static_cast<size_t>(2 * (depth + 1)), ' ') {}
  void push_back(const nlohmann::ordered_json& element) {
    buffer_.clear();
    Format(element, buffer_);
    push_back_formatted(buffer_);
  }
  // An element as push_back writes it (without the separator before it), into
  // `into`: the part of the work that needs no stream, done where the caller likes.
  void Format(const nlohmann::ordered_json& element, std::string& into) const {
    AppendIndented(into, element.dump(2, ' ', false, nlohmann::json::error_handler_t::replace), inner_);
  }
  // The indent of the array's elements (for a JsonWriter writing one).
  [[nodiscard]] std::string_view indent() const { return inner_; }
  void push_back_formatted(std::string_view formatted) {
    out_ << (first_ ? "[\n" : ",\n") << inner_;
    first_ = false;
    out_.write(formatted.data(), static_cast<std::streamsize>(formatted.size()));
  }
  // Closes the array: "[]" when nothing was written, as dump() prints it.
  void close() { out_ << (first_ ? std::string("[]") : "\n" + std::string(static_cast<size_t>(2 * depth_), ' ') + "]"); }

 private:
  std::ostream& out_;
  int depth_;
  std::string inner_;  // an element's indent: depth + 1 levels of two spaces
  bool first_ = true;
  std::string buffer_;
};

// Splits the dump(2) of `root` at a placeholder string value: what comes
// before it and after it, so a streamed array can be written in its place.
inline std::pair<std::string, std::string> SplitAt(const nlohmann::ordered_json& root, const std::string& placeholder) {
  const std::string text = root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string quoted = nlohmann::ordered_json(placeholder).dump();  // escaped as in the dump
  const size_t at = text.find(quoted);
  if (at == std::string::npos) return {text, ""};
  return {text.substr(0, at), text.substr(at + quoted.size())};
}

}  // namespace citelint::report
