#include "checker/graph/graph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace citelint::graph {
namespace {

enum class NodeKind { kClaim, kNote, kEntity, kQuote };
enum class EdgeKind { kCites, kAttributedTo, kPublishedBy, kFoundIn, kVia, kShouldCite };

const char* NodeKindName(NodeKind k) {
  switch (k) {
    case NodeKind::kClaim: return "claim";
    case NodeKind::kNote: return "note";
    case NodeKind::kEntity: return "entity";
    case NodeKind::kQuote: return "quote";
  }
  return "claim";
}

const char* EdgeKindName(EdgeKind k) {
  switch (k) {
    case EdgeKind::kCites: return "cites";
    case EdgeKind::kAttributedTo: return "attributed-to";
    case EdgeKind::kPublishedBy: return "published-by";
    case EdgeKind::kFoundIn: return "found-in";
    case EdgeKind::kVia: return "via";
    case EdgeKind::kShouldCite: return "should-cite";
  }
  return "cites";
}

// 12 bytes: an entity's key and every node's label are kept beside the
// graph (Impl::entity_keys, Impl::labels), not in each node.
struct VertexProp {
  NodeKind kind = NodeKind::kClaim;
  int index = -1;     // claim, note or quote index, or the entity's index in Impl::entity_keys; the id
                      // ("claim:3", "note:7", "quote:2", "entity:mara quint") is made when written
  int line = 0;
};

struct EdgeProp {
  EdgeKind kind = EdgeKind::kCites;
  bool wrong = false;  // a cites edge whose credit disagrees
};

// Edges kept in a vector (in insertion order, as a list kept them) rather than
// a list node apiece: the graph only grows.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProp, EdgeProp,
                                    boost::no_property, boost::vecS>;
using Vertex = Graph::vertex_descriptor;

std::string CanonicalKey(const extract::EntityRef& e) {
  return e.lexicon >= 0 ? "lexicon:" + std::to_string(e.lexicon) : e.key;
}

std::string LastWord(const std::string& key) {
  const size_t space = key.rfind(' ');
  return space == std::string::npos ? key : key.substr(space + 1);
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string Clip(std::string_view s, size_t n) {
  if (s.size() <= n) return std::string(s);
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\u2026";
}

}  // namespace

// The graph refers to the document and extraction it was built from (the
// Analysis that owns all three keeps them alive together).
struct CitationGraph::Impl {
  const Document* doc = nullptr;
  const extract::Extraction* x = nullptr;
  Graph g;
  std::vector<Credit> credits;
  // By quote index: where its notes begin in home_notes and how many there
  // are (none if it is no claim quote); found once, by Build (12 bytes a
  // quote where a vector of its own took 32 and a heap block).
  struct Home {
    int quote = -1;
    uint32_t begin = 0, count = 0;
  };
  std::vector<Home> homes;
  std::vector<std::pair<int, double>> home_notes;  // (note, overlap), each quote's best first
  std::unordered_map<std::string, std::vector<int>> notes_by_key;
  std::unordered_map<std::string, std::vector<int>> notes_by_surname;
  std::vector<std::string> entity_keys;  // by entity node's index: its canonical key
  std::vector<std::string> labels;       // by vertex
  bool keep = false;                     // GraphOptions::nodes: the nodes and edges are kept
  [[nodiscard]] std::span<const std::pair<int, double>> HomeNotes(int quote) const {
    const Home& h = homes[static_cast<size_t>(quote)];
    return std::span<const std::pair<int, double>>(home_notes).subspan(h.begin, h.count);
  }

  [[nodiscard]] const extract::EntityRef& publisher(int note) const { return x->sources[static_cast<size_t>(note)].Publisher(); }
  [[nodiscard]] size_t note_count() const { return doc->notes.size(); }
  // A vertex's stable id: "claim:3", "note:7", "entity:mara quint", "quote:2".
  [[nodiscard]] std::string IdOf(const VertexProp& p) const {
    switch (p.kind) {
      case NodeKind::kClaim: return "claim:" + std::to_string(p.index);
      case NodeKind::kNote: return "note:" + doc->notes[static_cast<size_t>(p.index)].label;
      case NodeKind::kQuote: return "quote:" + std::to_string(p.index);
      case NodeKind::kEntity: break;
    }
    return "entity:" + entity_keys[static_cast<size_t>(p.index)];
  }
  [[nodiscard]] std::string_view LabelOf(Graph::vertex_descriptor v) const {
    return v < labels.size() ? std::string_view(labels[v]) : std::string_view();
  }
  // Adds a node with its label, when nodes are kept; `line` and `label`
  // are only called then.
  template <typename Line, typename Label>
  Graph::vertex_descriptor AddVertex(NodeKind kind, int index, const Line& line, const Label& label) {
    if (!keep) return 0;  // a placeholder: no edge is added either
    const auto v = boost::add_vertex(VertexProp{kind, index, line()}, g);
    labels.resize(v + 1);
    labels[v] = label();
    return v;
  }
  void AddEdge(Graph::vertex_descriptor from, Graph::vertex_descriptor to, EdgeKind kind, bool wrong = false) {
    if (keep) boost::add_edge(from, to, EdgeProp{kind, wrong}, g);
  }
};

CitationGraph::CitationGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CitationGraph::CitationGraph(CitationGraph&&) noexcept = default;
CitationGraph& CitationGraph::operator=(CitationGraph&&) noexcept = default;
CitationGraph::~CitationGraph() = default;

const std::vector<Credit>& CitationGraph::credits() const { return impl_->credits; }

namespace {

std::vector<int> NotesOfEntity(const CitationGraph::Impl& impl, const extract::EntityRef& e) {
  std::vector<int> out;
  if (e.empty()) return out;
  if (auto it = impl.notes_by_key.find(CanonicalKey(e)); it != impl.notes_by_key.end()) out = it->second;
  if (e.lexicon < 0 && e.kind != extract::EntityKind::kOutlet) {
    if (auto it = impl.notes_by_surname.find(LastWord(e.key)); it != impl.notes_by_surname.end()) {
      for (int n : it->second) {
        if (extract::SameEntity(e, impl.publisher(n))) out.push_back(n);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

QuoteHome CitationGraph::HomeOf(int quote) const {
  if (quote < 0 || quote >= static_cast<int>(impl_->homes.size())) return {};
  return {impl_->homes[static_cast<size_t>(quote)].quote, impl_->HomeNotes(quote)};
}

std::vector<int> CitationGraph::NotesOf(const extract::EntityRef& e) const { return NotesOfEntity(*impl_, e); }

void CitedNotes(const Document& doc, const extract::Claim& claim, std::vector<int>& notes) {
  notes.clear();
  for (int mi : claim.Group()) {
    const int note = doc.markers[mi].note;
    if (note >= 0 && std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
  }
}

CitationGraph CitationGraph::Build(const Document& doc, const extract::Extraction& x,
                                   const extract::LexiconIndex& lex, const GraphOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->doc = &doc;
  impl->x = &x;
  impl->keep = options.nodes;
  const SourceFile& src = *doc.source;

  std::vector<Vertex> note_v(doc.notes.size());
  std::map<std::string, Vertex> entity_v;
  auto entity = [&](const extract::EntityRef& e) -> Vertex {
    if (!impl->keep) return 0;  // no nodes, no edges: nothing to find or add
    const std::string key = CanonicalKey(e);
    auto it = entity_v.find(key);
    if (it != entity_v.end()) return it->second;
    const Vertex v = impl->AddVertex(NodeKind::kEntity, static_cast<int>(impl->entity_keys.size()), [] { return 0; },
                                     [&] { return e.display; });
    impl->entity_keys.push_back(key);
    entity_v.emplace(key, v);
    return v;
  };
  for (size_t n = 0; n < doc.notes.size(); ++n) {
    const extract::Source& s = x.sources[n];
    note_v[n] = impl->AddVertex(
        NodeKind::kNote, static_cast<int>(n), [&] { return src.LineOf(doc.notes[n].label_span.begin); },
        [&] { return "note " + doc.notes[n].label + (s.Publisher().empty() ? "" : ": " + s.Publisher().display); });
    if (!s.Publisher().empty()) {
      impl->AddEdge(note_v[n], entity(s.Publisher()), EdgeKind::kPublishedBy);
      impl->notes_by_key[CanonicalKey(s.Publisher())].push_back(static_cast<int>(n));
      if (s.Publisher().lexicon < 0) impl->notes_by_surname[LastWord(s.Publisher().key)].push_back(static_cast<int>(n));
    }
  }
  // Where each claim quote (and each quote a claim's note covers) is found.
  impl->homes.resize(x.quotes.size());
  std::vector<Vertex> quote_v(x.quotes.size(), Graph::null_vertex());
  auto home = [&](int q) {
    if (impl->homes[q].quote >= 0) return;
    auto& h = impl->homes[q];
    h.quote = q;
    h.begin = static_cast<uint32_t>(impl->home_notes.size());
    const auto runs = x.note_words.RunsOf(x.quotes[q].fragments.Split());
    for (const auto& [n, overlap] : x.note_words.Overlaps(runs)) {
      if (overlap >= options.quote_overlap) impl->home_notes.push_back({n, overlap});
    }
    h.count = static_cast<uint32_t>(impl->home_notes.size()) - h.begin;
    std::stable_sort(impl->home_notes.begin() + h.begin, impl->home_notes.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  };
  for (const extract::Claim& c : x.claims) {
    for (int q : c.CoveredQuotes()) home(q);
    for (int q : c.Quotes()) {
      if (quote_v[q] != Graph::null_vertex()) continue;
      home(q);
      quote_v[q] = impl->AddVertex(
          NodeKind::kQuote, q, [&] { return src.LineOf(doc.text_map.ToSource(x.quotes[q].text.begin)); },
          [&] {
            return "\u201C" + Clip(std::string_view(doc.text).substr(x.quotes[q].text.begin, x.quotes[q].text.size()), 40) +
                   "\u201D";
          });
      for (const auto& [n, overlap] : impl->HomeNotes(q)) impl->AddEdge(quote_v[q], note_v[n], EdgeKind::kFoundIn);
    }
  }

  impl->credits.reserve(x.claims.size());
  std::vector<int> group;  // every note the claim's citation group cites, in order
  for (size_t ci = 0; ci < x.claims.size(); ++ci) {
    const extract::Claim& c = x.claims[ci];
    const Marker& m = doc.markers[c.FirstMarker()];
    const Vertex cv = impl->AddVertex(NodeKind::kClaim, static_cast<int>(ci), [&] { return src.LineOf(m.span.begin); }, [&] {
      std::string label = "L" + std::to_string(src.LineOf(m.span.begin)) + " [" + m.label;
      for (size_t k = 1; k < c.Group().size(); ++k) label += "," + doc.markers[c.Group()[k]].label;
      label += "]";
      if (c.attribution) label += " " + c.attribution->Speaker().display;
      return label;
    });
    Credit credit;
    credit.claim = static_cast<int>(ci);
    CitedNotes(doc, c, group);
    credit.cited = group.empty() ? -1 : group.front();
    // A credit is checked when the claim quotes someone, or when it credits
    // a source's reporting ("according to the Courier", "the Courier
    // reported"): "Mozilla announced X" may cite any source reporting it.
    const std::span<const int> quotes = c.Quotes();
    const bool quotes_speech =
        std::any_of(quotes.begin(), quotes.end(), [&](int q) { return x.quotes[q].kind == extract::QuoteKind::kSpeech; });
    const bool report_credit = c.attribution && (c.attribution->Speaker().kind == extract::EntityKind::kOutlet ||
                                                 lex.IsReportCue(c.attribution->Cue()));
    // A pronoun resolved to the last person named is a guess: it may confirm
    // a note, never accuse one.
    const bool guessed = c.attribution && (c.attribution->pronoun || c.attribution->how == "subject");
    const bool credited = c.attribution && !c.attribution->unnamed && (quotes_speech || report_credit);
    if (group.empty()) {
      credit.verdict = Verdict::kDangling;
    } else if (credited) {
      const extract::EntityRef& speaker = c.attribution->Speaker();
      impl->AddEdge(cv, entity(speaker), EdgeKind::kAttributedTo);
      if (c.attribution->via) impl->AddEdge(cv, entity(*c.attribution->via), EdgeKind::kVia);
      std::vector<int> holders;  // notes outside the group that hold a quote
      auto in_group = [&](int n) { return std::find(group.begin(), group.end(), n) != group.end(); };
      auto holds = [&](int note) {
        for (int q : quotes) {
          for (const auto& [n, overlap] : impl->HomeNotes(q)) {
            if (n == note) return true;
          }
        }
        return false;
      };
      for (int q : quotes) {
        for (const auto& [n, overlap] : impl->HomeNotes(q)) {
          if (!in_group(n) && std::find(holders.begin(), holders.end(), n) == holders.end()) holders.push_back(n);
        }
      }
      // A citation group agrees when any of its notes is the speaker's (or
      // the intermediary's, or the outlet spoken to), names the speaker, or
      // holds the quoted words.
      // A note that merely names the speaker agrees too, unless another note
      // is the speaker's own (or the outlet's they spoke to) and holds the words.
      bool better_elsewhere = false;
      for (int n : holders) {
        const extract::EntityRef& p = impl->publisher(n);
        if (extract::SameEntity(p, speaker) || (c.attribution->medium && extract::SameEntity(p, *c.attribution->medium))) {
          better_elsewhere = true;
        }
      }
      bool any_unknown = false;
      for (int note : group) {
        const extract::EntityRef& publisher = impl->publisher(note);
        if (publisher.empty()) any_unknown = true;
        const bool consistent = extract::SameEntity(publisher, speaker) ||
                                (c.attribution->via && extract::SameEntity(publisher, *c.attribution->via)) ||
                                (c.attribution->medium && extract::SameEntity(publisher, *c.attribution->medium)) ||
                                holds(note) || (!better_elsewhere && x.NoteNames(note, speaker, lex));
        if (consistent) {
          credit.verdict = Verdict::kConsistent;
          credit.consistent_note = note;
          break;
        }
      }
      if (credit.verdict != Verdict::kConsistent) {
        std::vector<int> own = NotesOfEntity(*impl, speaker);
        std::erase_if(own, in_group);
        // With no quotation to go by, a note is the speaker's own only when
        // its words say so (a URL's domain is not enough).
        if (!quotes_speech) std::erase_if(own, [&](int n) { return !x.sources[n].publisher_from_text; });
        int best = -1;
        for (int n : own) {
          if (std::find(holders.begin(), holders.end(), n) != holders.end()) {
            best = n;
            break;
          }
        }
        credit.suggested_is_own = credit.suggested_holds_quote = best >= 0;
        if (best < 0 && !own.empty()) {
          best = own.front();
          credit.suggested_is_own = true;
        }
        // Words given to an outlet: that outlet's note, if it names the
        // speaker or holds the words.
        if (best < 0 && c.attribution->medium) {
          for (int n : NotesOfEntity(*impl, *c.attribution->medium)) {
            if (in_group(n)) continue;
            const bool holds_words = std::find(holders.begin(), holders.end(), n) != holders.end();
            if (holds_words || x.NoteNames(n, speaker, lex)) {
              best = n;
              credit.suggested_is_medium = true;
              credit.suggested_holds_quote = holds_words;
              break;
            }
          }
        }
        if (best < 0 && !holders.empty()) {
          best = holders.front();
          credit.suggested_holds_quote = true;
        }
        // A note whose source cannot be told is not "a different source";
        // without a quotation, a note that is not the credited source's own
        // proves nothing (it may report the same thing).
        if (guessed) {
          credit.verdict = Verdict::kNoCredit;
        } else if (best >= 0 && !any_unknown) {
          credit.verdict = Verdict::kMismatch;
          credit.suggested = best;
        } else {
          credit.verdict = any_unknown || !quotes_speech ? Verdict::kNoCredit : Verdict::kUnverified;
        }
      }
    }
    for (int note : group) {
      impl->AddEdge(cv, note_v[note], EdgeKind::kCites, credit.verdict == Verdict::kMismatch);
    }
    if (credit.verdict == Verdict::kMismatch) {
      impl->AddEdge(cv, note_v[credit.suggested], EdgeKind::kShouldCite);
    }
    for (int q : quotes) {
      if (quote_v[q] != Graph::null_vertex()) impl->AddEdge(cv, quote_v[q], EdgeKind::kFoundIn);
    }
    impl->credits.push_back(std::move(credit));
  }
  return CitationGraph(std::move(impl));
}

// Mismatches as edges cited → suggested between notes; a strongly connected
// component of two or more notes is a swap or a rotation.
std::vector<std::vector<int>> CitationGraph::MismatchCycles() const {
  // Only the notes a mismatch touches can be on a cycle: the graph is over
  // them alone (a document with thousands of notes and no mismatch builds
  // nothing).
  std::vector<std::pair<int, int>> edges;  // cited, suggested; in document order
  std::vector<int> touched;
  for (const Credit& c : impl_->credits) {
    if (c.verdict != Verdict::kMismatch) continue;
    edges.emplace_back(c.cited, c.suggested);
    touched.push_back(c.cited);
    touched.push_back(c.suggested);
  }
  if (edges.empty()) return {};
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  auto id = [&](int note) {
    return static_cast<int>(std::lower_bound(touched.begin(), touched.end(), note) - touched.begin());
  };
  const size_t n = touched.size();
  using NoteGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  NoteGraph ng(n);
  std::vector<int> next(n, -1);  // by compact id: the first note suggested for it
  std::vector<int> order;        // cited notes (compact ids) in document order of their first mismatch
  for (const auto& [cited, suggested] : edges) {
    const int from = id(cited);
    const int to = id(suggested);
    boost::add_edge(from, to, ng);
    if (next[from] < 0) {
      next[from] = to;
      order.push_back(from);
    }
  }
  std::vector<int> component(n);
  const int count = boost::strong_components(
      ng, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, ng)));
  std::vector<int> size(count, 0);
  for (size_t v = 0; v < n; ++v) ++size[component[v]];
  std::vector<bool> done(count, false);
  std::vector<std::vector<int>> cycles;
  for (int start : order) {
    const int comp = component[start];
    if (size[comp] < 2 || done[comp]) continue;
    done[comp] = true;
    std::vector<int> cycle{touched[start]};
    for (int v = next[start]; v >= 0 && v != start && static_cast<int>(cycle.size()) <= size[comp]; v = next[v]) {
      if (component[v] != comp) break;
      cycle.push_back(touched[v]);
    }
    cycles.push_back(std::move(cycle));
  }
  return cycles;
}

void CitationGraph::WriteDot(std::ostream& out) const {
  const Graph& g = impl_->g;
  out << "digraph citations {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
         "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const VertexProp& p = g[*v];
    const char* shape = p.kind == NodeKind::kClaim    ? "box"
                        : p.kind == NodeKind::kNote   ? "note"
                        : p.kind == NodeKind::kEntity ? "ellipse"
                                                      : "plaintext";
    out << "  \"" << Escape(impl_->IdOf(p)) << "\" [shape=" << shape << ", label=\"" << Escape(impl_->LabelOf(*v)) << "\"];\n";
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const EdgeProp& p = g[*e];
    out << "  \"" << Escape(impl_->IdOf(g[boost::source(*e, g)])) << "\" -> \"" << Escape(impl_->IdOf(g[boost::target(*e, g)]))
        << "\" [label=\"" << EdgeKindName(p.kind) << "\"";
    if (p.wrong) out << ", color=red, penwidth=2.5, fontcolor=red";
    if (p.kind == EdgeKind::kShouldCite) out << ", color=darkgreen, style=dashed, penwidth=2, fontcolor=darkgreen";
    if (p.kind == EdgeKind::kPublishedBy || p.kind == EdgeKind::kAttributedTo || p.kind == EdgeKind::kVia) {
      out << ", style=dotted, color=gray40";
    }
    out << "];\n";
  }
  out << "}\n";
}

void CitationGraph::WriteJson(std::ostream& out) const {
  // Hand-written to keep nlohmann out of this module; strings are escaped.
  const Graph& g = impl_->g;
  auto str = [](std::string_view s) {
    std::string o = "\"";
    for (unsigned char c : s) {
      if (c == '"' || c == '\\') {
        o += '\\';
        o += static_cast<char>(c);
      } else if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        o += buf;
      } else {
        o += static_cast<char>(c);
      }
    }
    return o + "\"";
  };
  out << "{\n  \"version\": 1,\n  \"nodes\": [";
  bool first = true;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const VertexProp& p = g[*v];
    out << (first ? "\n" : ",\n") << "    {\"id\": " << str(impl_->IdOf(p)) << ", \"kind\": " << str(NodeKindName(p.kind))
        << ", \"label\": " << str(impl_->LabelOf(*v)) << ", \"line\": " << p.line << "}";
    first = false;
  }
  out << "\n  ],\n  \"edges\": [";
  first = true;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const EdgeProp& p = g[*e];
    out << (first ? "\n" : ",\n") << "    {\"from\": " << str(impl_->IdOf(g[boost::source(*e, g)]))
        << ", \"to\": " << str(impl_->IdOf(g[boost::target(*e, g)])) << ", \"kind\": " << str(EdgeKindName(p.kind))
        << ", \"wrong\": " << (p.wrong ? "true" : "false") << "}";
    first = false;
  }
  out << "\n  ]\n}\n";
}

}  // namespace citelint::graph
