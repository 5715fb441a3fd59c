#include "checker/engine/suppress.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>

namespace citelint {
namespace {

class MetaRule final : public Check {
 public:
  explicit MetaRule(RuleInfo info) : info_(std::move(info)) {}
  [[nodiscard]] const RuleInfo& info() const override { return info_; }
  void Run(const Analysis&, Sink&) const override {}

 private:
  RuleInfo info_;
};

constexpr const char* kUnused = "meta.unused-suppression";
constexpr const char* kNoReason = "meta.suppression-without-reason";
constexpr const char* kUnmatched = "meta.unmatched-disable";

struct Comment {
  enum Kind { kDisable, kEnable, kNextLine } kind;
  std::vector<std::string> rules;  // empty: every rule
  std::string reason;
  Span span;
  int line;
  int from_line = 0, to_line = 0;  // the lines it covers (inclusive)
  int uses = 0;
  bool closed = false;
};

bool Covers(const std::vector<std::string>& rules, const std::string& id) {
  return rules.empty() || std::any_of(rules.begin(), rules.end(), [&](const std::string& r) { return GlobMatch(r, id); });
}

std::vector<Comment> ParseComments(const Document& doc) {
  std::vector<Comment> out;
  if (doc.format == Format::kText) return out;
  const std::string_view src = doc.source->bytes();
  static constexpr std::string_view kPrefix = "citelint-";
  // Comment bodies: `<!-- … -->` in Markdown and HTML, `.. …` lines in reST.
  struct Raw {
    size_t at, end;
    std::string_view body;
  };
  std::vector<Raw> raws;
  if (doc.format == Format::kRst) {
    for (int line = 1; line <= doc.source->line_count(); ++line) {
      const std::string_view text = doc.source->Line(line);
      const size_t lead = text.find_first_not_of(" \t");
      if (lead == std::string_view::npos || text.substr(lead, 3) != ".. ") continue;
      const size_t at = doc.source->LineStart(line) + lead;
      raws.push_back({at, doc.source->LineStart(line) + text.size(), text.substr(lead + 3)});
    }
  } else {
    for (size_t at = src.find("<!--"); at != std::string_view::npos; at = src.find("<!--", at + 4)) {
      const size_t close = src.find("-->", at);
      if (close == std::string_view::npos) break;
      raws.push_back({at, close + 3, src.substr(at + 4, close - at - 4)});
      at = close;  // a comment's text is not searched for comments
    }
  }
  for (const Raw& raw : raws) {
    std::string_view body = raw.body;
    while (!body.empty() && (body.front() == ' ' || body.front() == '\t')) body.remove_prefix(1);
    if (!body.starts_with(kPrefix)) continue;
    body.remove_prefix(kPrefix.size());
    Comment c;
    if (body.starts_with("disable-next-line")) {
      c.kind = Comment::kNextLine;
      body.remove_prefix(17);
    } else if (body.starts_with("disable")) {
      c.kind = Comment::kDisable;
      body.remove_prefix(7);
    } else if (body.starts_with("enable")) {
      c.kind = Comment::kEnable;
      body.remove_prefix(6);
    } else {
      continue;
    }
    if (const size_t r = body.find("reason=\""); r != std::string_view::npos) {
      const size_t end = body.find('"', r + 8);
      c.reason = std::string(body.substr(r + 8, end == std::string_view::npos ? std::string_view::npos : end - r - 8));
      body = body.substr(0, r);
    }
    std::string word;
    for (char ch : std::string(body) + " ") {
      if (ch == ' ' || ch == ',' || ch == '\t' || ch == '\n') {
        if (!word.empty()) c.rules.push_back(word);
        word.clear();
      } else {
        word += ch;
      }
    }
    c.span = {static_cast<uint32_t>(raw.at), static_cast<uint32_t>(raw.end)};
    c.line = doc.source->LineOf(c.span.begin);
    out.push_back(std::move(c));
  }
  // Ranges: a disable runs to the matching enable (same rules) or the end.
  const int last_line = doc.source->line_count();
  for (size_t i = 0; i < out.size(); ++i) {
    Comment& c = out[i];
    if (c.kind == Comment::kNextLine) {
      int next = c.line + 1;
      while (next <= last_line && doc.source->Line(next).find_first_not_of(" \t") == std::string_view::npos) ++next;
      c.from_line = c.to_line = next;
    } else if (c.kind == Comment::kDisable) {
      c.from_line = c.line;
      c.to_line = last_line;
      for (size_t j = i + 1; j < out.size(); ++j) {
        if (out[j].kind == Comment::kEnable && (out[j].rules == c.rules || out[j].rules.empty())) {
          c.to_line = out[j].line;
          c.closed = true;
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace

CheckList MetaRules() {
  auto make = [](const char* id, Severity severity, const char* summary, const char* description, const char* bad,
                 const char* good) {
    RuleInfo i;
    i.id = id;
    i.severity = severity;
    i.summary = summary;
    i.description = description;
    i.format = "md";
    i.bad = {bad};
    i.good = {good};
    i.source = "checker/engine/suppress.cc";
    return std::make_shared<MetaRule>(std::move(i));
  };
  return {
      make(kNoReason, Severity::kWarning, "a suppression that gives no reason",
           "A `citelint-disable` comment should say why the finding does not apply (`reason=\"…\"`), so a "
           "reviewer can tell a judgement from a shortcut.",
           "Claim.[^x]\n\u27e6<!-- citelint-disable-next-line notes.dangling-marker -->\u27e7\nOther.[^y]\n\n[^x]: Note.\n",
           "Claim.[^x]\n<!-- citelint-disable-next-line notes.dangling-marker reason=\"note added at print\" -->\n"
           "Other.[^y]\n\n[^x]: Note.\n"),
      make(kUnmatched, Severity::kWarning, "a citelint-disable with no citelint-enable after it",
           "A disable that is never re-enabled silences the rest of the document, usually by mistake.",
           "Claim.[^x]\n\n\u27e6<!-- citelint-disable notes.dangling-marker reason=\"draft\" -->\u27e7\n\nOther.[^y]\n\n[^x]: Note.\n",
           "Claim.[^x]\n\n<!-- citelint-disable notes.dangling-marker reason=\"draft\" -->\n\nOther.[^y]\n\n"
           "<!-- citelint-enable notes.dangling-marker -->\n\n[^x]: Note.\n"),
      make(kUnused, Severity::kWarning, "a suppression that suppresses nothing",
           "A suppression that no longer matches a finding is stale; remove it so it cannot hide a future one.",
           "Claim.[^x]\n\u27e6<!-- citelint-disable-next-line notes.dangling-marker reason=\"old\" -->\u27e7\nFine.[^x]\n\n[^x]: Note.\n",
           "Claim.[^x] Fine.[^x]\n\n[^x]: Note.\n"),
  };
}

std::vector<Diagnostic> ApplySuppressions(const Document& doc, std::vector<Diagnostic> findings, const Config& config,
                                          const CheckList& enabled) {
  std::vector<Comment> comments = ParseComments(doc);
  // Config suppressions that apply to this file, and the lines they cover.
  struct Applied {
    const TextSuppression* s;
    std::vector<int> lines;
    int uses = 0;
  };
  std::vector<Applied> applied;
  // Lexically: the path may be a name a service request gave, never one to look up on disk.
  std::error_code ec;
  const std::string rel =
      config.dir.empty()
          ? doc.path()
          : std::filesystem::absolute(doc.path(), ec).lexically_normal().lexically_relative(config.dir).string();
  for (const TextSuppression& s : config.suppress) {
    if (!s.path.empty() && !GlobMatch(s.path, rel) && !GlobMatch(s.path, doc.path())) continue;
    Applied a{&s, {}, 0};
    for (int l = 1; l <= doc.source->line_count(); ++l) {
      if (doc.source->Line(l).find(s.line) != std::string_view::npos) a.lines.push_back(l);
    }
    applied.push_back(std::move(a));
  }
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : findings) {
    const int line = doc.source->LineOf(d.span.begin);
    bool suppressed = false;
    for (Comment& c : comments) {
      if (c.kind == Comment::kEnable || line < c.from_line || line > c.to_line || !Covers(c.rules, d.rule)) continue;
      ++c.uses;
      suppressed = true;
    }
    for (Applied& a : applied) {
      if (!GlobMatch(a.s->rule, d.rule) || std::find(a.lines.begin(), a.lines.end(), line) == a.lines.end()) continue;
      ++a.uses;
      suppressed = true;
    }
    if (!suppressed) kept.push_back(std::move(d));
  }
  auto on = [&](const char* id) {
    return std::any_of(enabled.begin(), enabled.end(), [&](const auto& c) { return c->info().id == id; });
  };
  auto meta = [&](const char* id, Span span, std::string message) {
    Diagnostic d;
    d.rule = id;
    d.severity = Severity::kWarning;
    for (const auto& c : enabled) {
      if (c->info().id == id) d.severity = c->info().severity;
    }
    d.path = doc.path();
    d.span = span;
    d.message = std::move(message);
    kept.push_back(std::move(d));
  };
  for (const Comment& c : comments) {
    if (c.kind == Comment::kEnable) continue;
    const std::string what = c.rules.empty() ? std::string("every rule") : fmt::format("{}", fmt::join(c.rules, ", "));
    if (on(kNoReason) && c.reason.empty()) meta(kNoReason, c.span, fmt::format("suppression of {} gives no reason", what));
    if (on(kUnmatched) && c.kind == Comment::kDisable && !c.closed) {
      meta(kUnmatched, c.span, fmt::format("citelint-disable of {} is never re-enabled", what));
    }
    if (on(kUnused) && c.uses == 0) meta(kUnused, c.span, fmt::format("suppression of {} suppresses nothing", what));
  }
  for (const Applied& a : applied) {
    if (on(kUnused) && a.uses == 0) {
      meta(kUnused, {0, 0}, fmt::format("suppression of {} from {} suppresses nothing here", a.s->rule, a.s->origin));
    }
  }
  SortDiagnostics(kept);
  return kept;
}

}  // namespace citelint
