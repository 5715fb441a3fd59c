// Check: the interface of a built-in C++ rule. One class per check, a static
// kInfo (the single source for docs, `citelint rules` and the examples test),
// and a const Run over one Analysis. An Analysis computes the extraction and
// the citation graph only when a check asks for them, so structural checks
// never pay for sentence segmentation.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "checker/document/document.h"
#include "checker/engine/diagnostic.h"
#include "checker/engine/resources.h"
#include "checker/extract/extract.h"
#include "checker/graph/graph.h"

namespace citelint {

// Per-document spans the YAML rules' scopes and predicates read, in
// Document::text offsets: paragraphs, sentences and quotes (the
// extraction's own), and the body markers (text offset and cited note),
// each sorted.
struct TextFacts {
  std::vector<Span> paragraphs;
  std::span<const extract::Sentence> sentences;
  std::span<const extract::Quote> quotes;
  std::vector<uint32_t> marker_at;
  std::vector<int> marker_note;
};

class Analysis {
 public:
  // `graph_nodes`: the graph keeps its nodes and edges (for `citelint graph`).
  Analysis(const Document& doc, const Resources& resources, bool graph_nodes = false);
  ~Analysis();

  [[nodiscard]] const Document& doc() const { return doc_; }
  [[nodiscard]] const extract::LexiconIndex& lexicon() const;
  [[nodiscard]] const extract::Extraction& extraction() const;  // computed on first use
  [[nodiscard]] const graph::CitationGraph& graph() const;      // computed on first use
  [[nodiscard]] const TextFacts& text_facts() const;            // computed on first use
  // A rule's options (empty when no rule file configures it).
  [[nodiscard]] const RuleOptions& options(std::string_view rule) const;

 private:
  const Document& doc_;
  const Resources& resources_;
  mutable std::unique_ptr<extract::LexiconIndex> lexicon_;
  mutable std::optional<extract::Extraction> extraction_;
  mutable std::optional<graph::CitationGraph> graph_;
  mutable std::optional<TextFacts> text_facts_;
  bool graph_nodes_ = false;
  RuleOptions no_options_;
};

// Where a check reports; fills in rule id, severity and path.
class Sink {
 public:
  Sink(const Document& doc, const RuleInfo& info, std::vector<Diagnostic>& out)
      : doc_(doc), info_(info), out_(out), severity_(info.severity) {}
  Sink(const Document& doc, const RuleInfo& info, std::vector<Diagnostic>& out, Severity severity)
      : doc_(doc), info_(info), out_(out), severity_(severity) {}
  // `related`: places beyond the notes named (added by Report itself), e.g.
  // the other markers of a rotation.
  void Report(Span span, std::string message, std::optional<std::string> marker = std::nullopt,
              std::optional<std::string> note = std::nullopt, std::optional<std::string> suggest = std::nullopt,
              std::vector<RelatedLocation> related = {}, std::optional<Fix> fix = std::nullopt);

 private:
  // The note a label names (the first that counts: not a duplicate, not
  // hidden), from an index built on the first lookup: a finding does not
  // walk every note.
  [[nodiscard]] std::optional<Span> NoteSpan(const std::string& label);

  const Document& doc_;
  const RuleInfo& info_;
  std::vector<Diagnostic>& out_;
  Severity severity_;
  std::optional<std::unordered_map<std::string, Span>> note_spans_;
};

class Check {
 public:
  virtual ~Check() = default;
  [[nodiscard]] virtual const RuleInfo& info() const = 0;
  virtual void Run(const Analysis& analysis, Sink& sink) const = 0;
};

using CheckList = std::vector<std::shared_ptr<const Check>>;

// Declares a built-in check class with its static kInfo.
#define CITELINT_DECLARE_CHECK(Name)                                      \
  class Name final : public Check {                                      \
   public:                                                               \
    static const RuleInfo kInfo;                                         \
    const RuleInfo& info() const override { return kInfo; }              \
    void Run(const Analysis& analysis, Sink& sink) const override;       \
  }

// Runs every check on the document and returns the findings, sorted.
std::vector<Diagnostic> RunChecks(const Document& doc, const CheckList& checks, const Resources& resources);
// The same over an Analysis the caller keeps (the report reads its extraction too).
std::vector<Diagnostic> RunChecks(const Analysis& analysis, const CheckList& checks, const Resources& resources);

}  // namespace citelint
