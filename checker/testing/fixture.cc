#include "checker/testing/fixture.h"

#include <fmt/format.h>

namespace citelint::testing {
namespace {

constexpr std::string_view kOpen = "<!--";
constexpr std::string_view kClose = "-->";

std::optional<ExpectKind> KindOf(std::string_view word) {
  if (word == "expect") return ExpectKind::kExpect;
  if (word == "expect-not") return ExpectKind::kExpectNot;
  if (word == "todo-expect") return ExpectKind::kTodoExpect;
  if (word == "todo-expect-not") return ExpectKind::kTodoExpectNot;
  if (word == "expect-doc") return ExpectKind::kExpectDoc;
  return std::nullopt;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Parses `rule.id @"anchor" ~"message"` after the kind.
bool ParseBody(std::string_view body, Expectation& e, std::string& error) {
  body = TrimSpace(body);
  size_t i = 0;
  while (i < body.size() && body[i] != ' ') ++i;
  e.rule = std::string(body.substr(0, i));
  if (e.rule.empty()) {
    error = "annotation names no rule";
    return false;
  }
  while (i < body.size()) {
    while (i < body.size() && body[i] == ' ') ++i;
    if (i >= body.size()) break;
    const char sigil = body[i];
    if ((sigil != '@' && sigil != '~') || i + 1 >= body.size() || body[i + 1] != '"') {
      error = fmt::format("unexpected text in annotation: {}", body.substr(i));
      return false;
    }
    const size_t close = body.find('"', i + 2);
    if (close == std::string_view::npos) {
      error = "unterminated quoted text in annotation";
      return false;
    }
    std::string value(body.substr(i + 2, close - i - 2));
    (sigil == '@' ? e.anchor : e.message) = std::move(value);
    i = close + 1;
  }
  return true;
}

// Parses `Name words [via=x] [kind=y] [@"anchor"]` after expect-speaker.
bool ParseSpeakerBody(std::string_view body, SpeakerExpectation& e, std::string& error) {
  body = TrimSpace(body);
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && body[i] == ' ') ++i;
    if (i >= body.size()) break;
    if (body[i] == '@' && i + 1 < body.size() && body[i + 1] == '"') {
      const size_t close = body.find('"', i + 2);
      if (close == std::string_view::npos) {
        error = "unterminated quoted text in annotation";
        return false;
      }
      e.anchor = std::string(body.substr(i + 2, close - i - 2));
      i = close + 1;
      continue;
    }
    size_t end = i;
    while (end < body.size() && body[end] != ' ') ++end;
    const std::string_view word = body.substr(i, end - i);
    if (word.starts_with("via=")) {
      e.via = std::string(word.substr(4));
    } else if (word.starts_with("kind=")) {
      e.kind = std::string(word.substr(5));
    } else {
      if (!e.name.empty()) e.name.push_back(' ');
      e.name.append(word);
    }
    i = end;
  }
  if (e.name.empty()) {
    error = "expect-speaker names no speaker (write `none` for a quotation without one)";
    return false;
  }
  return true;
}

}  // namespace

Fixture ParseFixture(std::string_view bytes, Format format) {
  Fixture fixture;
  int line = 1;
  size_t line_start = 0;
  while (line_start <= bytes.size()) {
    size_t line_end = bytes.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = bytes.size();
    std::string_view text = bytes.substr(line_start, line_end - line_start);
    size_t keep = text.size();  // plain text: cut annotations off the line
    for (size_t at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, at + 1)) {
      const size_t close = text.find(kClose, at);
      if (close == std::string_view::npos) break;
      const std::string_view inner = TrimSpace(text.substr(at + kOpen.size(), close - at - kOpen.size()));
      const size_t colon = inner.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string_view word = inner.substr(0, colon);
      if (word == "expect-speaker" || word == "todo-expect-speaker") {
        SpeakerExpectation e;
        e.todo = word.starts_with("todo");
        e.line = line;
        std::string error;
        if (ParseSpeakerBody(inner.substr(colon + 1), e, error)) {
          fixture.speakers.push_back(std::move(e));
          keep = std::min(keep, at);
        } else {
          fixture.errors.push_back(fmt::format("line {}: {}", line, error));
        }
        continue;
      }
      const auto kind = KindOf(word);
      if (!kind) continue;
      Expectation e;
      e.kind = *kind;
      e.line = *kind == ExpectKind::kExpectDoc ? 0 : line;
      std::string error;
      if (!ParseBody(inner.substr(colon + 1), e, error)) {
        fixture.errors.push_back(fmt::format("line {}: {}", line, error));
        continue;
      }
      fixture.expectations.push_back(std::move(e));
      keep = std::min(keep, at);
    }
    if ((format == Format::kText || format == Format::kRst) && keep < text.size()) {
      fixture.source.append(TrimSpace(text.substr(0, keep)).empty() ? std::string_view()
                                                                     : text.substr(0, keep));
      while (!fixture.source.empty() && (fixture.source.back() == ' ' || fixture.source.back() == '\t')) {
        fixture.source.pop_back();
      }
    } else {
      fixture.source.append(text);
    }
    if (line_end == bytes.size()) break;
    fixture.source.push_back('\n');
    line_start = line_end + 1;
    ++line;
  }
  return fixture;
}

Outcome Match(const Fixture& fixture, const SourceFile& source, const std::vector<Diagnostic>& findings) {
  Outcome out;
  std::vector<bool> claimed(findings.size(), false);
  auto starts_at_anchor = [&](const Diagnostic& d, const Expectation& e) {
    if (!e.anchor) return true;
    const std::string_view line = source.Line(e.line);
    const uint32_t line_start = source.LineStart(e.line);
    for (size_t at = line.find(*e.anchor); at != std::string_view::npos; at = line.find(*e.anchor, at + 1)) {
      if (line_start + at == d.span.begin) return true;
    }
    return false;
  };
  auto matches = [&](const Diagnostic& d, const Expectation& e) {
    if (d.rule != e.rule) return false;
    if (e.message && d.message.find(*e.message) == std::string::npos) return false;
    if (e.kind == ExpectKind::kExpectDoc) return true;
    return source.Locate(d.span.begin).line == e.line && starts_at_anchor(d, e);
  };
  auto where = [&](const Expectation& e) { return fmt::format("{}:{}", source.path(), e.line); };
  for (const std::string& error : fixture.errors) out.failures.push_back(source.path() + ": " + error);

  // Positive expectations first, so expect-not never steals their findings.
  for (const Expectation& e : fixture.expectations) {
    if (e.kind != ExpectKind::kExpect && e.kind != ExpectKind::kExpectDoc && e.kind != ExpectKind::kTodoExpect) {
      continue;
    }
    bool found = false;
    for (size_t i = 0; i < findings.size() && !found; ++i) {
      if (!claimed[i] && matches(findings[i], e)) claimed[i] = found = true;
    }
    if (found) {
      ++out.true_positives;
    } else if (e.kind == ExpectKind::kTodoExpect) {
      ++out.todo;
    } else {
      ++out.false_negatives;
      out.failures.push_back(fmt::format("{}: expected {}{}{} but it was not reported", where(e), e.rule,
                                         e.anchor ? fmt::format(" @\"{}\"", *e.anchor) : "",
                                         e.message ? fmt::format(" ~\"{}\"", *e.message) : ""));
    }
  }
  for (const Expectation& e : fixture.expectations) {
    if (e.kind != ExpectKind::kExpectNot && e.kind != ExpectKind::kTodoExpectNot) continue;
    for (size_t i = 0; i < findings.size(); ++i) {
      if (claimed[i] || !matches(findings[i], e)) continue;
      claimed[i] = true;
      if (e.kind == ExpectKind::kTodoExpectNot) {
        ++out.todo;
      } else {
        ++out.false_positives;
        out.failures.push_back(fmt::format("{}: {} was reported but expect-not forbids it: {}", where(e), e.rule,
                                           findings[i].message));
      }
    }
  }
  for (size_t i = 0; i < findings.size(); ++i) {
    if (claimed[i]) continue;
    const Diagnostic& d = findings[i];
    const LineCol lc = source.Locate(d.span.begin);
    ++out.false_positives;
    out.failures.push_back(fmt::format("{}:{}:{}: unexpected {}: {} [{}]", source.path(), lc.line, lc.column,
                                       SeverityName(d.severity), d.message, d.rule));
  }
  return out;
}

Outcome MatchSpeakers(const Fixture& fixture, const SourceFile& source, const std::vector<extract::SheetEntry>& sheet) {
  Outcome out;
  for (const std::string& error : fixture.errors) out.failures.push_back(source.path() + ": " + error);
  std::vector<bool> claimed(sheet.size(), false);
  auto holds = [&](const extract::SheetEntry& q, const SpeakerExpectation& e) {
    if (source.Locate(q.source.begin).line != e.line) return false;
    if (!e.anchor) return true;
    const std::string_view line = source.Line(e.line);
    const uint32_t line_start = source.LineStart(e.line);
    for (size_t at = line.find(*e.anchor); at != std::string_view::npos; at = line.find(*e.anchor, at + 1)) {
      const uint32_t pos = line_start + static_cast<uint32_t>(at);
      if (pos >= q.source.begin && pos < q.source.end) return true;
    }
    return false;
  };
  auto describe = [](const extract::SheetEntry& q) {
    if (!q.speaker) return std::string("none");
    return fmt::format("{} via={} kind={}", q.speaker->name, q.speaker->via, extract::SpeakerKindName(q.speaker->kind));
  };
  for (const SpeakerExpectation& e : fixture.speakers) {
    const std::string where = fmt::format("{}:{}", source.path(), e.line);
    size_t index = sheet.size();
    for (size_t i = 0; i < sheet.size() && index == sheet.size(); ++i) {
      if (!claimed[i] && holds(sheet[i], e)) index = i;
    }
    if (index == sheet.size()) {
      ++out.false_negatives;
      out.failures.push_back(fmt::format("{}: no quotation{} on this line for expect-speaker {}", where,
                                         e.anchor ? fmt::format(" holding \"{}\"", *e.anchor) : "", e.name));
      continue;
    }
    claimed[index] = true;
    const extract::SheetEntry& q = sheet[index];
    const bool right = e.name == "none"
                           ? !q.speaker
                           : q.speaker && q.speaker->name == e.name && (!e.via || q.speaker->via == *e.via) &&
                                 (!e.kind || extract::SpeakerKindName(q.speaker->kind) == *e.kind);
    if (right) {
      ++out.true_positives;
    } else if (e.todo) {
      ++out.todo;
    } else {
      ++out.false_negatives;
      out.failures.push_back(fmt::format("{}: expected speaker {}{}{} but the sheet says {}", where, e.name,
                                         e.via ? " via=" + *e.via : "", e.kind ? " kind=" + *e.kind : "",
                                         describe(q)));
    }
  }
  for (size_t i = 0; i < sheet.size(); ++i) {
    if (claimed[i]) continue;
    const LineCol lc = source.Locate(sheet[i].source.begin);
    ++out.false_positives;
    out.failures.push_back(fmt::format("{}:{}:{}: quotation “{}” has no expect-speaker (the sheet says {})",
                                       source.path(), lc.line, lc.column, sheet[i].text, describe(sheet[i])));
  }
  return out;
}

}  // namespace citelint::testing
