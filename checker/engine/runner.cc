#include "checker/engine/check.h"

#include <fmt/format.h>

#include <deque>
#include <map>
#include <vector>

#include "checker/engine/yaml_rule.h"

namespace citelint {

Analysis::Analysis(const Document& doc, const Resources& resources, bool graph_nodes)
    : doc_(doc), resources_(resources), graph_nodes_(graph_nodes) {}
Analysis::~Analysis() = default;

const extract::LexiconIndex& Analysis::lexicon() const {
  if (resources_.lexicon_index) return *resources_.lexicon_index;
  if (!lexicon_) lexicon_ = std::make_unique<extract::LexiconIndex>(resources_.lexicons);
  return *lexicon_;
}

const RuleOptions& Analysis::options(std::string_view rule) const {
  auto it = resources_.options.find(std::string(rule));
  return it == resources_.options.end() ? no_options_ : it->second;
}

const extract::Extraction& Analysis::extraction() const {
  if (!extraction_) {
    extraction_.emplace(extract::Extract(doc_, lexicon()));
  }
  return *extraction_;
}

const graph::CitationGraph& Analysis::graph() const {
  if (!graph_) {
    graph::GraphOptions options;
    options.quote_overlap = this->options("attribution.mismatch").Number("quote_overlap", options.quote_overlap);
    options.nodes = graph_nodes_;
    graph_.emplace(graph::CitationGraph::Build(doc_, extraction(), lexicon(), options));
  }
  return *graph_;
}

const TextFacts& Analysis::text_facts() const {
  if (!text_facts_) {
    TextFacts f;
    const std::string& t = doc_.text;
    for (uint32_t start = 0; start < t.size();) {
      size_t end = t.find("\n\n", start);
      if (end == std::string::npos) end = t.size();
      if (end > start) f.paragraphs.push_back({start, static_cast<uint32_t>(end)});
      start = static_cast<uint32_t>(end + 2);
    }
    f.paragraphs.shrink_to_fit();
    f.sentences = extraction().sentences;
    f.quotes = extraction().quotes;
    f.marker_at.reserve(doc_.markers.size());
    f.marker_note.reserve(doc_.markers.size());
    for (const Marker& m : doc_.markers) {
      if (m.in_note || m.external) continue;
      f.marker_at.push_back(doc_.text_map.ToText(m.span.begin));
      f.marker_note.push_back(m.note);
    }
    text_facts_.emplace(std::move(f));
  }
  return *text_facts_;
}

std::optional<Span> Sink::NoteSpan(const std::string& label) {
  if (!note_spans_) {
    note_spans_.emplace();
    for (const Note& n : doc_.notes) {
      if (n.duplicate_of < 0 && !n.hidden) note_spans_->try_emplace(n.label, n.span);  // the first keeps its place
    }
  }
  const auto it = note_spans_->find(label);
  if (it == note_spans_->end()) return std::nullopt;
  return it->second;
}

void Sink::Report(Span span, std::string message, std::optional<std::string> marker, std::optional<std::string> note,
                  std::optional<std::string> suggest, std::vector<RelatedLocation> related, std::optional<Fix> fix) {
  Diagnostic d;
  d.rule = std::string(info_.id);
  d.severity = severity_;
  d.path = doc_.path();
  d.span = span;
  d.message = std::move(message);
  d.marker = std::move(marker);
  d.note = std::move(note);
  d.suggest = std::move(suggest);
  // The notes the finding names, so that a viewer can jump to them.
  if (d.note) {
    if (auto at = NoteSpan(*d.note); at && !(at->begin <= span.begin && span.begin < at->end)) {
      d.related.push_back({*at, fmt::format("note {}", *d.note)});
    }
  }
  if (d.suggest && d.suggest != d.note) {
    if (auto at = NoteSpan(*d.suggest)) d.related.push_back({*at, fmt::format("note {}, the note that fits", *d.suggest)});
  }
  for (RelatedLocation& r : related) d.related.push_back(std::move(r));
  d.fix = std::move(fix);
  out_.push_back(std::move(d));
}

std::vector<Diagnostic> RunChecks(const Document& doc, const CheckList& checks, const Resources& resources) {
  const Analysis analysis(doc, resources);
  return RunChecks(analysis, checks, resources);
}

std::vector<Diagnostic> RunChecks(const Analysis& analysis, const CheckList& checks, const Resources& resources) {
  const Document& doc = analysis.doc();
  std::vector<Diagnostic> out;
  // The YAML lexicon rules of one scope run together, a unit's words made
  // once for all of them; the sort below makes the order they report in no
  // matter.
  struct Group {
    std::vector<const YamlRule*> rules;
    std::vector<Sink*> sinks;
  };
  std::map<Scope, Group> groups;
  std::deque<Sink> group_sinks;
  for (const auto& check : checks) {
    auto override_it = resources.severity.find(check->info().id);
    const Severity severity = override_it == resources.severity.end() ? check->info().severity : override_it->second;
    if (const auto* rule = dynamic_cast<const YamlRule*>(check.get()); rule != nullptr && rule->matches_lexicon()) {
      Group& group = groups[rule->scope()];
      group.rules.push_back(rule);
      group.sinks.push_back(&group_sinks.emplace_back(doc, check->info(), out, severity));
      continue;
    }
    Sink sink(doc, check->info(), out, severity);
    check->Run(analysis, sink);
  }
  for (const auto& [scope, group] : groups) YamlRule::RunTogether(group.rules, analysis, group.sinks);
  SortDiagnostics(out);
  return out;
}

}  // namespace citelint
