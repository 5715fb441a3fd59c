// CitationGraph: the claim-to-source graph. Vertices are claims, notes,
// entities (outlets, people) and quotes; edges are `cites` (claim → note),
// `attributed-to` (claim → entity), `published-by` (note → entity),
// `found-in` (quote → note), `via` (claim → intermediary entity) and, where
// the credit and the citation disagree, `should-cite` (claim → note).
// Boost.Graph stays inside graph.cc; this header speaks indexes.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "checker/document/document.h"
#include "checker/extract/extract.h"

namespace citelint::graph {

struct GraphOptions {
  double quote_overlap = 0.5;      // share of a quote's word runs a note must hold to "hold the quote"
  // Keep the nodes and edges, with their labels, for WriteDot/WriteJson
  // (citelint graph). Without them the graph still answers every query
  // below (credits, quote homes, notes of an entity, mismatch cycles): those
  // are computed while it is built, and a check needs nothing else.
  bool nodes = false;
};

// What the graph concludes about one claim's credit.
enum class Verdict : uint8_t {
  kNoCredit,        // no speaker, nothing to compare
  kConsistent,      // the cited note is the speaker's, names them, holds the quote, or is the intermediary
  kMismatch,        // the cited note is a known, different source; another note is the speaker's own or holds the quote
  kUnverified,      // the cited note is another source and no note fits
  kDangling,        // the marker resolves to no note
};

// (Its members are in the order that leaves no padding: 20 bytes, one per claim.)
struct Credit {
  int claim = -1;
  int cited = -1;                 // note index (the first of a citation group that resolves)
  int consistent_note = -1;       // for kConsistent: the group's note that agrees
  int suggested = -1;             // note index, for kMismatch
  Verdict verdict = Verdict::kNoCredit;
  bool suggested_is_own = false;  // the suggested note is the speaker's own
  bool suggested_holds_quote = false;
  bool suggested_is_medium = false;  // the suggested note is the outlet the speaker spoke to
};

// Per claim quote: the notes that hold it (overlap ≥ quote_overlap), best
// first (a view into the graph: read while it lives).
struct QuoteHome {
  int quote = -1;                 // index into Extraction::quotes
  std::span<const std::pair<int, double>> notes;  // (note, overlap)
};

// The notes a claim's citation group cites, each once, in order (into
// `notes`, cleared first); what a Credit's verdict weighs.
void CitedNotes(const Document& doc, const extract::Claim& claim, std::vector<int>& notes);
[[nodiscard]] inline std::vector<int> CitedNotes(const Document& doc, const extract::Claim& claim) {
  std::vector<int> notes;
  CitedNotes(doc, claim, notes);
  return notes;
}

class CitationGraph {
 public:
  static CitationGraph Build(const Document& doc, const extract::Extraction& x, const extract::LexiconIndex& lex,
                             const GraphOptions& options);
  CitationGraph(CitationGraph&&) noexcept;
  CitationGraph& operator=(CitationGraph&&) noexcept;
  ~CitationGraph();

  [[nodiscard]] const std::vector<Credit>& credits() const;   // one per claim
  [[nodiscard]] QuoteHome HomeOf(int quote) const;
  // Notes whose source is the entity (same person, outlet, handle or domain).
  [[nodiscard]] std::vector<int> NotesOf(const extract::EntityRef& e) const;
  // Cycles among mismatches: each a list of cited notes in order (7 → 8 → 9).
  [[nodiscard]] std::vector<std::vector<int>> MismatchCycles() const;

  // Both write the nodes and edges kept with GraphOptions::nodes (none otherwise).
  void WriteDot(std::ostream& out) const;
  void WriteJson(std::ostream& out) const;

  struct Impl;

 private:
  explicit CitationGraph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace citelint::graph
