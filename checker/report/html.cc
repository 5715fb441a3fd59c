#include "checker/report/html.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "checker/report/plain.h"

namespace citelint::report {
namespace {

// Text and attribute values from the draft: every character that could
// open markup or end an attribute is a character reference.
std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// The first `n` bytes of s, cut at a code point boundary, with an ellipsis.
std::string Clip(std::string_view s, size_t n) {
  if (s.size() <= n) return std::string(s);
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "\u2026";
}

// An id fragment from a label ("7", "note 3"): letters and digits kept.
std::string IdPart(std::string_view s) {
  // Letters, digits, '.' and '-' kept; any other byte as _xx, so two ids
  // never share an anchor.
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-') out += c;
    else out += fmt::format("_{:02x}", static_cast<unsigned char>(c));
  }
  return out;
}

const char* SeverityClass(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "info";
}

// The diagrams' arrowheads, defined once for the whole page (ids are unique).
const char* kArrows =
    "<svg class=\"defs\" aria-hidden=\"true\" focusable=\"false\"><defs>"
           "<marker id=\"ar\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
           "<path d=\"M0,0L10,5L0,10z\" fill=\"#14692d\"/></marker>"
           "<marker id=\"ar2\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
           "<path d=\"M0,0L10,5L0,10z\" fill=\"#b42318\"/></marker>"
    "</defs></svg>\n";

const char* kStyle = R"css(
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--err:#b42318;--errbg:#fde8e6;
--warn:#8a5300;--warnbg:#fff4d6;--ok:#14692d;--okbg:#e6f4ea;--info:#0b5cad;--infobg:#e7f0fb}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 Georgia,"Times New Roman",serif;color:var(--ink);background:var(--bg)}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1,h2,h3,h4,.ui{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
h1{font-size:1.5rem;margin:.5rem 0;overflow-wrap:anywhere}
p,li,td,dd{overflow-wrap:break-word}
pre{white-space:pre-wrap}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:0 0 .25rem}
a{color:var(--info)}
.banner{font-family:system-ui,sans-serif;border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0;font-size:1.25rem;font-weight:700}
.banner.hold{background:var(--errbg);color:var(--err);border:2px solid var(--err)}
.banner.ready{background:var(--okbg);color:var(--ok);border:2px solid var(--ok)}
.kinds{font-family:system-ui,sans-serif;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
.kinds li{background:var(--soft);border:1px solid var(--line);border-radius:1rem;padding:.15rem .75rem}
.slip{font-family:system-ui,sans-serif;background:var(--errbg);border-left:4px solid var(--err);padding:.75rem 1rem;margin:.75rem 0}
article p,article li,article blockquote{margin:.6rem 0}
.s-error{background:var(--errbg);border-bottom:2px solid var(--err)}
.s-warning{background:var(--warnbg);border-bottom:2px dotted var(--warn)}
.s-info{border-bottom:2px dotted var(--info)}
.s-ok{border-bottom:2px solid var(--okbg)}
a.mk{font-family:system-ui,sans-serif;font-size:.75rem;font-weight:700;text-decoration:none;display:inline-block;
min-width:1.6rem;min-height:1.6rem;line-height:1.6rem;text-align:center;border-radius:.8rem;padding:0 .35rem;
margin:0 .1rem;vertical-align:super;border:1px solid var(--line);background:var(--soft);color:var(--ink)}
a.mk.error{background:var(--err);color:#fff;border-color:var(--err)}
a.mk.warning{background:var(--warnbg);color:var(--warn);border-color:var(--warn)}
a.mk.ok{background:var(--okbg);color:var(--ok);border-color:var(--ok)}
a.mk:focus,a.mk:hover{outline:3px solid var(--info);outline-offset:1px}
.card{display:none;font-family:system-ui,sans-serif;font-size:.95rem;border:2px solid var(--info);border-radius:.5rem;
padding:.75rem 1rem;margin:.5rem 0 1rem;background:var(--bg)}
.card:target{display:block}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem}
.grid>div{background:var(--soft);border-radius:.4rem;padding:.5rem .75rem}
.grid>div.wrong{background:var(--errbg)}
.grid>div.right{background:var(--okbg)}
.fix{font-weight:700;color:var(--ok)}
.find{margin:.4rem 0;padding-left:1.1rem}
.find li{margin:.3rem 0}
.rule{font-size:.75rem;color:var(--muted)}
.rule a{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-family:system-ui,sans-serif;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
.scroll{overflow-x:auto}
.yes{color:var(--ok);font-weight:700}.no{color:var(--err);font-weight:700}
figure{margin:1rem 0;overflow-x:auto}
figure svg{width:100%;height:auto;max-width:48rem;min-width:30rem;display:block}
figcaption{font-family:system-ui,sans-serif;font-size:.85rem;color:var(--muted)}
.muted{color:var(--muted)}
.index td:first-child{word-break:break-all}
footer{font-family:system-ui,sans-serif;font-size:.8rem;color:var(--muted);margin:3rem 0 1rem}
.defs{position:absolute;width:0;height:0;overflow:hidden}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
@media (max-width:40rem){body{font-size:15px}main{padding:.6rem}.banner{font-size:1.05rem}}
@media print{.card{display:block;break-inside:avoid}a.mk{border:1px solid #000}.skip{display:none}
a[href]{text-decoration:none;color:inherit}}
)css";

struct MarkerView {
  int index = -1;                 // into Document::markers
  int claim = -1;                 // into Extraction::claims
  std::vector<const Diagnostic*> findings;
  Severity worst = Severity::kInfo;
  bool has_findings = false;
  std::optional<std::string> suggest;  // the note that fits
};

// A draft's verdict: under a gate, hold only on what blocks.
report::Verdict DraftVerdictOf(const HtmlDraft& draft) {
  std::vector<const Diagnostic*> all;
  for (const Diagnostic& d : draft.diagnostics) all.push_back(&d);
  if (draft.blocking.size() != draft.diagnostics.size()) return VerdictOf(all);
  const Diagnostic* first = draft.diagnostics.data();
  return VerdictOf(all, [&](const Diagnostic& d) { return draft.blocking[static_cast<size_t>(&d - first)]; });
}

class DraftWriter {
 public:
  DraftWriter(const HtmlDraft& draft, int number, std::ostream& out)
      : d_(draft), doc_(*draft.doc), x_(*draft.extraction), n_(number), out_(out) {
    Index();
  }

  report::Verdict DraftVerdict() const { return DraftVerdictOf(d_); }

  void Write() {
    const report::Verdict v = DraftVerdict();
    out_ << fmt::format("<section class=\"draft\" id=\"d{}\" aria-labelledby=\"d{}-h\">\n", n_, n_);
    out_ << fmt::format("<h1 id=\"d{}-h\">{}</h1>\n", n_, Esc(doc_.path()));
    out_ << fmt::format("<p class=\"banner {}\" role=\"status\">{}</p>\n", v.hold ? "hold" : "ready", Esc(v.banner));
    if (!v.kinds.empty()) {
      out_ << "<ul class=\"kinds\" aria-label=\"Problems by kind\">";
      for (const auto& [kind, count] : v.kinds) out_ << fmt::format("<li>{}: <strong>{}</strong></li>", Esc(kind.name), count);
      out_ << "</ul>\n";
    }
    out_ << fmt::format("<p class=\"ui muted\">{} markers, {} notes, {} quotations. Select a marker in the text to see "
                        "its sentence, the note it cites and, when wrong, the note it should cite.</p>\n",
                        doc_.markers.size(), doc_.notes.size(), d_.quotes.size());
    Slips();
    Diagram();
    Article();
    Findings();
    Notes();
    Quotes();
    out_ << "</section>\n";
  }

 private:
  LineCol At(uint32_t source_offset) const { return doc_.source->Locate(source_offset); }
  std::string MarkerId(int m) const { return fmt::format("d{}-m{}", n_, m); }
  std::string CardId(int m) const { return fmt::format("d{}-c{}", n_, m); }
  std::string NoteId(int note) const { return fmt::format("d{}-n{}", n_, note); }
  std::string RuleLink(const std::string& rule) const {
    return fmt::format("<span class=\"rule\"><a href=\"#rule-{}\">{}</a></span>", IdPart(rule), Esc(rule));
  }
  int NoteByLabel(const std::string& label) const {
    auto it = note_by_label_.find(label);
    return it == note_by_label_.end() ? -1 : it->second;
  }

  // What a note says its source is: "Mara Quint · @maraquint on X · x.com".
  std::string Describe(int note) const {
    if (note < 0 || static_cast<size_t>(note) >= x_.sources.size()) return "";
    const extract::Source& s = x_.sources[static_cast<size_t>(note)];
    std::vector<std::string> parts;
    if (!s.Publisher().empty()) parts.push_back(s.Publisher().display);
    const Note& n = doc_.notes[static_cast<size_t>(note)];
    const std::string handle(s.Handle(n)), platform(s.Platform(n)), title(s.Title(n)), domain(s.Domain(n));
    if (!handle.empty()) parts.push_back("@" + handle + (platform.empty() ? "" : " on " + platform));
    if (!title.empty()) parts.push_back("\u201c" + Clip(title, 120) + "\u201d");
    if (!domain.empty()) parts.push_back(domain);
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : " \u00b7 ") + p;
    return out;
  }

  void Index() {
    for (size_t i = 0; i < doc_.notes.size(); ++i) {
      if (doc_.notes[i].duplicate_of < 0) note_by_label_.emplace(doc_.notes[i].label, static_cast<int>(i));
      note_spans_.push_back(doc_.notes[i].span);
    }
    std::sort(note_spans_.begin(), note_spans_.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    block_markers_.resize(doc_.blocks.size());
    std::vector<std::pair<uint32_t, int>> body;  // body markers by source offset
    std::map<std::string, std::vector<int>> by_label;
    for (size_t i = 0; i < doc_.markers.size(); ++i) {
      const Marker& m = doc_.markers[i];
      if (m.in_note) continue;
      body.emplace_back(m.span.begin, static_cast<int>(i));
      by_label[m.label].push_back(static_cast<int>(i));
      if (m.block >= 0 && static_cast<size_t>(m.block) < block_markers_.size()) {
        block_markers_[static_cast<size_t>(m.block)].push_back(static_cast<int>(i));
      }
    }
    std::sort(body.begin(), body.end());
    markers_.resize(doc_.markers.size());
    for (size_t i = 0; i < doc_.markers.size(); ++i) markers_[i].index = static_cast<int>(i);
    for (size_t c = 0; c < x_.claims.size(); ++c) {
      for (int m : x_.claims[c].Group()) {
        if (m >= 0 && static_cast<size_t>(m) < markers_.size()) markers_[static_cast<size_t>(m)].claim = static_cast<int>(c);
      }
    }
    // Sentences by text offset, for placing findings.
    sentence_worst_.assign(x_.sentences.size(), 3);
    sentence_cited_.assign(x_.sentences.size(), false);
    for (const extract::Claim& c : x_.claims) {
      if (int s = SentenceAt(c.sentence.begin); s >= 0) sentence_cited_[static_cast<size_t>(s)] = true;
    }
    // Body markers by (label, sentence), the first of each.
    std::map<std::pair<std::string, int>, int> by_label_sentence;
    for (const auto& [label, ms] : by_label) {
      for (int i : ms) by_label_sentence.emplace(std::pair{label, MarkerSentence(i)}, i);
    }
    for (const Diagnostic& d : d_.diagnostics) {
      // A finding about a marker: the body marker at its span, else the one
      // with its label in the same sentence.
      int marker = -1;
      auto at = std::upper_bound(body.begin(), body.end(), std::pair<uint32_t, int>{d.span.begin, INT32_MAX});
      if (at != body.begin()) {
        const Marker& m = doc_.markers[static_cast<size_t>(std::prev(at)->second)];
        if (d.span.begin < std::max(m.span.end, m.span.begin + 1)) marker = std::prev(at)->second;
      }
      const int sentence = SentenceAt(doc_.text_map.ToText(d.span.begin));
      if (marker < 0 && d.marker) {
        if (auto same = by_label_sentence.find({*d.marker, sentence}); same != by_label_sentence.end()) marker = same->second;
      }
      if (marker >= 0) {
        MarkerView& v = markers_[static_cast<size_t>(marker)];
        v.findings.push_back(&d);
        if (!v.has_findings || d.severity < v.worst) v.worst = d.severity;
        v.has_findings = true;
        if (d.suggest && !v.suggest) v.suggest = d.suggest;
        finding_marker_[&d] = marker;
        const int ms = MarkerSentence(marker);
        if (ms >= 0) sentence_worst_[static_cast<size_t>(ms)] = std::min(sentence_worst_[static_cast<size_t>(ms)], static_cast<int>(d.severity));
      } else if (sentence >= 0 && !InNotes(d.span.begin)) {
        sentence_worst_[static_cast<size_t>(sentence)] = std::min(sentence_worst_[static_cast<size_t>(sentence)], static_cast<int>(d.severity));
      }
    }
  }

  bool InNotes(uint32_t source_offset) const {
    // Notes do not nest: the last one starting at or before the offset.
    auto it = std::upper_bound(note_spans_.begin(), note_spans_.end(), source_offset,
                               [](uint32_t v, const Span& s) { return v < s.begin; });
    return it != note_spans_.begin() && source_offset < std::prev(it)->end;
  }

  // The sentence holding a text offset, or -1.
  int SentenceAt(uint32_t t) const {
    auto it = std::upper_bound(x_.sentences.begin(), x_.sentences.end(), t,
                               [](uint32_t v, const extract::Sentence& s) { return v < s.text.begin; });
    if (it == x_.sentences.begin()) return -1;
    --it;
    return t < it->text.end ? static_cast<int>(it - x_.sentences.begin()) : -1;
  }
  // The sentence a marker closes: the one holding the text just before it.
  int MarkerSentence(int m) const {
    if (int c = markers_[static_cast<size_t>(m)].claim; c >= 0) return SentenceAt(x_.claims[static_cast<size_t>(c)].sentence.begin);
    const uint32_t t = doc_.text_map.ToText(doc_.markers[static_cast<size_t>(m)].span.begin);
    return t == 0 ? -1 : SentenceAt(t - 1);
  }

  // A rotation or swap: one slip across its sentences.
  void Slips() {
    std::vector<std::string> slips;
    for (const Diagnostic& d : d_.diagnostics) {
      if (d.rule != "attribution.rotated-notes" || !finding_marker_.count(&d)) continue;
      std::vector<int> ms{finding_marker_.at(&d)};
      for (const RelatedLocation& r : d.related) {
        for (size_t i = 0; i < doc_.markers.size(); ++i) {
          if (!doc_.markers[i].in_note && doc_.markers[i].span.begin == r.span.begin) ms.push_back(static_cast<int>(i));
        }
      }
      std::vector<std::string> labels, lines, moves;
      for (int m : ms) {
        const Marker& mk = doc_.markers[static_cast<size_t>(m)];
        labels.push_back(fmt::format("<a href=\"#{}\">{}</a>", CardId(m), Esc(mk.label)));
        lines.push_back(std::to_string(At(mk.span.begin).line));
        if (const auto& s = markers_[static_cast<size_t>(m)].suggest) moves.push_back(fmt::format("{} \u2192 {}", Esc(mk.label), Esc(*s)));
      }
      auto join = [](const std::vector<std::string>& v) {
        std::string out;
        for (size_t i = 0; i < v.size(); ++i) out += (i == 0 ? "" : i + 1 == v.size() ? " and " : ", ") + v[i];
        return out;
      };
      slips.push_back(fmt::format("<p class=\"slip\"><strong>One slip, {} citations:</strong> markers {} on lines {} each "
                                  "point one note off ({}). Change each marker to the note after the arrow.</p>",
                                  ms.size(), join(labels), join(lines), join(moves)));
    }
    if (slips.empty()) return;
    out_ << "<h2>Slips</h2>\n";
    for (const std::string& s : slips) out_ << s << '\n';
  }

  // The problem-centred diagram: only markers with findings and the notes
  // involved. A cycle of wrong notes is drawn as a ring; other wrong links as
  // rows (marker → cited note in red, → the right note in green).
  void Diagram() {
    struct Link {
      int marker;
      std::string cited, right;  // right empty: no note fits / dangling
      int line;
    };
    std::vector<Link> links;
    std::set<int> seen;
    for (const MarkerView& v : markers_) {
      if (!v.has_findings || v.worst != Severity::kError) continue;
      const Marker& m = doc_.markers[static_cast<size_t>(v.index)];
      const std::string cited = m.note >= 0 ? doc_.notes[static_cast<size_t>(m.note)].label : "";
      links.push_back({v.index, cited, v.suggest.value_or(""), At(m.span.begin).line});
    }
    if (links.empty()) return;
    // Cycles among cited → right.
    std::map<std::string, const Link*> by_cited;
    for (const Link& l : links) {
      if (!l.cited.empty() && !l.right.empty()) by_cited.emplace(l.cited, &l);
    }
    std::vector<std::vector<const Link*>> rings;
    std::set<const Link*> in_ring;
    for (const Link& l : links) {
      if (in_ring.count(&l) || l.cited.empty() || l.right.empty()) continue;
      std::vector<const Link*> path{&l};
      std::string at = l.right;
      while (by_cited.count(at) && path.size() <= 12 && at != l.cited) {
        path.push_back(by_cited.at(at));
        at = path.back()->right;
      }
      if (at == l.cited && path.size() >= 2) {
        for (const Link* p : path) in_ring.insert(p);
        rings.push_back(path);
      }
    }
    std::vector<const Link*> rows;
    for (const Link& l : links) {
      if (!in_ring.count(&l)) rows.push_back(&l);
    }
    // A picture stays a picture: at most 20 rings and 200 rows (every
    // finding is listed below it anyway).
    constexpr size_t kMaxRings = 20, kMaxRows = 200;
    size_t omitted = 0;
    if (rings.size() > kMaxRings) {
      for (size_t i = kMaxRings; i < rings.size(); ++i) omitted += rings[i].size();
      rings.resize(kMaxRings);
    }
    if (rows.size() > kMaxRows) {
      omitted += rows.size() - kMaxRows;
      rows.resize(kMaxRows);
    }
    const int width = 640;
    int height = 48;
    std::ostringstream svg;
    // Rings side by side, each in a 300×300 square.
    const int ring_size = 300;
    if (!rings.empty()) height += ring_size * static_cast<int>((rings.size() + 1) / 2);
    const int rows_top = height;
    const int row_h = 56;
    height += row_h * static_cast<int>(rows.size()) + 8;
    svg << fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
                       "aria-labelledby=\"d{}-dt d{}-dd\" font-family=\"system-ui,sans-serif\" font-size=\"13\">\n",
                       width, height, n_, n_);
    svg << fmt::format("<title id=\"d{}-dt\">Citation problems</title>\n", n_);
    std::string desc;
    std::vector<const Link*> drawn(rows.begin(), rows.end());
    for (const auto& ring : rings) drawn.insert(drawn.end(), ring.begin(), ring.end());
    for (const Link* lp : drawn) {
      const Link& l = *lp;
      desc += fmt::format("Line {}, marker {}: cites {}{}. ", l.line, doc_.markers[static_cast<size_t>(l.marker)].label,
                          l.cited.empty() ? "no note" : "note " + l.cited,
                          l.right.empty() ? "" : ", should cite note " + l.right);
    }
    svg << fmt::format("<desc id=\"d{}-dd\">{}</desc>\n", n_, Esc(desc));
    // (The arrowheads are defined once for the page: see kArrows.)
    // Legend.
    svg << "<g><line x1=\"10\" y1=\"20\" x2=\"50\" y2=\"20\" stroke=\"#b42318\" stroke-width=\"3\" marker-end=\"url(#ar2)\"/>"
           "<text x=\"56\" y=\"24\">cites (wrong)</text>"
           "<line x1=\"170\" y1=\"20\" x2=\"210\" y2=\"20\" stroke=\"#14692d\" stroke-width=\"3\" stroke-dasharray=\"6 3\" "
           "marker-end=\"url(#ar)\"/><text x=\"216\" y=\"24\">should cite</text>"
           "<rect x=\"320\" y=\"10\" width=\"18\" height=\"18\" rx=\"9\" fill=\"#fff\" stroke=\"#57606a\"/>"
           "<text x=\"344\" y=\"24\">note</text>"
           "<rect x=\"390\" y=\"10\" width=\"22\" height=\"18\" rx=\"3\" fill=\"#fde8e6\" stroke=\"#b42318\"/>"
           "<text x=\"418\" y=\"24\">marker in the text (line)</text></g>\n";
    int ring_no = 0;
    for (const auto& ring : rings) {
      const double cx = (ring_no % 2) * (ring_size + 20) + ring_size / 2.0 + 10;
      const double cy = 48 + (ring_no / 2) * ring_size + ring_size / 2.0;
      const double r = 100;
      const size_t k = ring.size();
      auto pos = [&](size_t i) {
        const double a = -M_PI / 2 + 2 * M_PI * static_cast<double>(i) / static_cast<double>(k);
        return std::pair<double, double>{cx + r * std::cos(a), cy + r * std::sin(a)};
      };
      // Arrows note cited → the note that fits, labelled with the marker's line.
      for (size_t i = 0; i < k; ++i) {
        auto [x1, y1] = pos(i);
        auto [x2, y2] = pos((i + 1) % k);
        const double dx = x2 - x1, dy = y2 - y1, len = std::hypot(dx, dy);
        const double ux = dx / len, uy = dy / len;
        svg << fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#14692d\" stroke-width=\"3\" "
                           "stroke-dasharray=\"6 3\" marker-end=\"url(#ar)\"/>\n",
                           x1 + ux * 24, y1 + uy * 24, x2 - ux * 26, y2 - uy * 26);
        const Link& l = *ring[i];
        const double mx = (x1 + x2) / 2 + (-uy) * -22, my = (y1 + y2) / 2 + ux * -22;
        svg << fmt::format("<a href=\"#{}\"><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"112\" height=\"20\" rx=\"3\" fill=\"#fde8e6\" "
                           "stroke=\"#b42318\"/><text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">marker {} (l. {})</text></a>\n",
                           CardId(l.marker), mx - 56, my - 10, mx, my + 4,
                           Esc(doc_.markers[static_cast<size_t>(l.marker)].label), l.line);
      }
      for (size_t i = 0; i < k; ++i) {
        auto [x, y] = pos(i);
        const int note = NoteByLabel(ring[i]->cited);
        svg << fmt::format("<a href=\"#{}\"><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"22\" fill=\"#fff\" stroke=\"#57606a\" "
                           "stroke-width=\"2\"/><text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-weight=\"700\">{}</text></a>\n",
                           note >= 0 ? NoteId(note) : "", x, y, x, y + 5, Esc(ring[i]->cited));
      }
      svg << fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#57606a\">each marker cites the note "
                         "before the arrow; its sentence belongs to the next</text>\n",
                         cx, cy + r + 52);
      ++ring_no;
    }
    int row = 0;
    for (const Link* l : rows) {
      const int y = rows_top + row * row_h + 10;
      const std::string label = doc_.markers[static_cast<size_t>(l->marker)].label;
      svg << fmt::format("<a href=\"#{}\"><rect x=\"10\" y=\"{}\" width=\"170\" height=\"30\" rx=\"3\" fill=\"#fde8e6\" "
                         "stroke=\"#b42318\"/><text x=\"20\" y=\"{}\">line {}, marker {}</text></a>\n",
                         CardId(l->marker), y, y + 20, l->line, Esc(Clip(label, 12)));
      const int note = l->cited.empty() ? -1 : NoteByLabel(l->cited);
      svg << fmt::format("<line x1=\"180\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#b42318\" stroke-width=\"3\" "
                         "marker-end=\"url(#ar2)\"/>\n",
                         y + 15, l->right.empty() ? 396 : 296, y + 15);
      const int cited_x = l->right.empty() ? 400 : 300;
      if (l->cited.empty()) {
        svg << fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#b42318\" font-weight=\"700\">no such note</text>\n", cited_x, y + 20);
      } else {
        svg << fmt::format("<a href=\"#{}\"><circle cx=\"{}\" cy=\"{}\" r=\"15\" fill=\"#fff\" stroke=\"#57606a\" stroke-width=\"2\"/>"
                           "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"700\">{}</text></a>\n",
                           note >= 0 ? NoteId(note) : "", cited_x + 15, y + 15, cited_x + 15, y + 20, Esc(Clip(l->cited, 6)));
      }
      if (!l->right.empty()) {
        const int right = NoteByLabel(l->right);
        svg << fmt::format("<path d=\"M180,{} C240,{} 400,{} 470,{}\" fill=\"none\" stroke=\"#14692d\" stroke-width=\"3\" "
                           "stroke-dasharray=\"6 3\" marker-end=\"url(#ar)\"/>\n",
                           y + 15, y + 40, y + 40, y + 18);
        svg << fmt::format("<a href=\"#{}\"><circle cx=\"{}\" cy=\"{}\" r=\"15\" fill=\"#e6f4ea\" stroke=\"#14692d\" "
                           "stroke-width=\"2\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"700\">{}</text></a>\n",
                           right >= 0 ? NoteId(right) : "", 488, y + 15, 488, y + 20, Esc(Clip(l->right, 6)));
      }
      ++row;
    }
    svg << "</svg>";
    out_ << "<h2>The problems at a glance</h2>\n<figure>" << svg.str()
         << fmt::format("<figcaption>Only the markers with errors and the notes they involve ({} of {} markers){}."
                        "</figcaption></figure>\n",
                        links.size(), doc_.markers.size(),
                        omitted == 0 ? "" : fmt::format("; {} more are not drawn, and are listed below", omitted));
  }

  void Article() {
    out_ << "<h2>The article</h2>\n<article>\n";
    std::vector<bool> shown(doc_.markers.size(), false);
    for (size_t b = 0; b < doc_.blocks.size(); ++b) {
      const Block& block = doc_.blocks[b];
      if (block.kind == BlockKind::kNotes || InNotes(block.span.begin)) continue;
      const uint32_t t0 = doc_.text_map.ToText(block.span.begin);
      const uint32_t t1 = std::max(t0, std::min<uint32_t>(doc_.text_map.ToText(block.span.end),
                                                          static_cast<uint32_t>(doc_.text.size())));
      if (t0 == t1 && block_markers_[b].empty()) continue;  // code: its text is not prose
      for (int m : block_markers_[b]) shown[static_cast<size_t>(m)] = true;
      // Markers of this block, by text position.
      std::vector<std::pair<uint32_t, int>> marks;
      for (int i : block_markers_[b]) {
        marks.emplace_back(std::clamp(doc_.text_map.ToText(doc_.markers[static_cast<size_t>(i)].span.begin), t0, t1), i);
      }
      std::stable_sort(marks.begin(), marks.end());
      // Sentences to mark: cited or with findings, clipped to the block.
      std::vector<std::tuple<uint32_t, uint32_t, std::string>> spans;
      // (The first sentence that could reach the block, then on until past it.)
      auto first = std::upper_bound(x_.sentences.begin(), x_.sentences.end(), t0,
                                    [](uint32_t v, const extract::Sentence& st) { return v < st.text.begin; });
      if (first != x_.sentences.begin()) --first;
      for (size_t s = static_cast<size_t>(first - x_.sentences.begin()); s < x_.sentences.size(); ++s) {
        const Span t = x_.sentences[s].text;
        if (t.begin >= t1) break;
        if (t.end <= t0) continue;
        std::string cls;
        if (sentence_worst_[s] < 3) cls = fmt::format("s-{}", SeverityClass(static_cast<Severity>(sentence_worst_[s])));
        else if (sentence_cited_[s]) cls = "s-ok";
        if (!cls.empty()) spans.emplace_back(std::max(t.begin, t0), std::min(t.end, t1), cls);
      }
      const char* tag = block.kind == BlockKind::kHeading ? "h3"
                        : block.kind == BlockKind::kBlockquote ? "blockquote"
                        : block.kind == BlockKind::kCode ? "pre"
                                                         : "p";
      out_ << '<' << tag << '>';
      std::vector<uint32_t> cuts{t0, t1};
      for (const auto& [p, m] : marks) cuts.push_back(p);
      for (const auto& [a, e, c] : spans) {
        cuts.push_back(a);
        cuts.push_back(e);
      }
      std::sort(cuts.begin(), cuts.end());
      cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
      size_t next_mark = 0, next_span = 0;
      bool open = false;
      uint32_t open_end = 0;
      for (size_t i = 0; i < cuts.size(); ++i) {
        const uint32_t at = cuts[i];
        if (open && at >= open_end) {
          out_ << "</span>";
          open = false;
        }
        while (next_mark < marks.size() && marks[next_mark].first == at) Badge(marks[next_mark++].second);
        while (next_span < spans.size() && std::get<1>(spans[next_span]) <= at) ++next_span;
        if (!open && next_span < spans.size() && std::get<0>(spans[next_span]) == at && at < t1) {
          out_ << "<span class=\"" << std::get<2>(spans[next_span]) << "\">";
          open = true;
          open_end = std::get<1>(spans[next_span]);
        }
        if (i + 1 < cuts.size()) out_ << Esc(std::string_view(doc_.text).substr(at, cuts[i + 1] - at));
      }
      if (open) out_ << "</span>";
      out_ << "</" << tag << ">\n";
      for (const auto& [p, m] : marks) Card(m);
    }
    // Markers outside the blocks above (in tables, captions): each still has
    // its badge and card, with its sentence.
    bool heading = false;
    for (size_t m = 0; m < doc_.markers.size(); ++m) {
      if (shown[m] || doc_.markers[m].in_note) continue;
      if (!heading) {
        out_ << "<h3>Markers in tables and other places</h3>\n";
        heading = true;
      }
      const MarkerView& v = markers_[m];
      std::string sentence;
      if (v.claim >= 0) {
        const Span t = x_.claims[static_cast<size_t>(v.claim)].sentence;
        sentence = std::string(std::string_view(doc_.text).substr(t.begin, t.end - t.begin));
      }
      out_ << fmt::format("<p>line {}: {}", At(doc_.markers[m].span.begin).line, Esc(Clip(sentence, 300)));
      Badge(static_cast<int>(m));
      out_ << "</p>\n";
      Card(static_cast<int>(m));
    }
    out_ << "</article>\n";
  }

  void Badge(int m) {
    const MarkerView& v = markers_[static_cast<size_t>(m)];
    const Marker& mk = doc_.markers[static_cast<size_t>(m)];
    const char* cls = v.has_findings ? SeverityClass(v.worst) : "ok";
    const std::string state = v.has_findings ? (v.worst == Severity::kError ? "problem" : "worth a look") : "no problem found";
    out_ << fmt::format("<a class=\"mk {}\" id=\"{}\" href=\"#{}\" aria-label=\"marker {}, line {}: {}\">{}</a>", cls,
                        MarkerId(m), CardId(m), Esc(mk.label), At(mk.span.begin).line, state, Esc(Clip(mk.label, 16)));
  }

  void Card(int m) {
    const MarkerView& v = markers_[static_cast<size_t>(m)];
    const Marker& mk = doc_.markers[static_cast<size_t>(m)];
    const int line = At(mk.span.begin).line;
    out_ << fmt::format("<div class=\"card\" id=\"{}\" role=\"region\" aria-label=\"Marker {}, line {}\">\n", CardId(m),
                        Esc(mk.label), line);
    out_ << fmt::format("<h3>Marker {} <span class=\"muted\">line {}</span></h3>\n<div class=\"grid\">\n", Esc(mk.label), line);
    // The sentence and who it credits.
    std::string sentence, credits;
    if (v.claim >= 0) {
      const extract::Claim& c = x_.claims[static_cast<size_t>(v.claim)];
      sentence = std::string(std::string_view(doc_.text).substr(c.sentence.begin, c.sentence.end - c.sentence.begin));
      if (c.attribution) {
        credits = c.attribution->Speaker().display;
        if (c.attribution->unnamed) credits += " (unnamed)";
      }
    }
    out_ << "<div><h4>Sentence</h4><p>" << Esc(Clip(sentence, 600)) << "</p>";
    out_ << "<p><strong>Credits:</strong> " << (credits.empty() ? "nobody named" : Esc(credits)) << "</p></div>\n";
    const bool wrong = v.suggest.has_value();
    if (mk.note >= 0) {
      const Note& n = doc_.notes[static_cast<size_t>(mk.note)];
      out_ << fmt::format("<div class=\"{}\"><h4>Cites note {}</h4><p><strong>{}</strong></p><p>{}</p></div>\n",
                          wrong ? "wrong" : "", Esc(n.label), Esc(Describe(mk.note)), Esc(Clip(n.text, 400)));
    } else if (mk.external) {
      out_ << "<div><h4>Cites a note in another file</h4><p>" << Esc(mk.Target()) << "</p></div>\n";
    } else {
      out_ << "<div class=\"wrong\"><h4>Cites</h4><p><strong>no note: there is no note " << Esc(mk.label)
           << "</strong></p></div>\n";
    }
    if (wrong) {
      const int right = NoteByLabel(*v.suggest);
      out_ << fmt::format("<div class=\"right\"><h4>Should cite note {}</h4><p><strong>{}</strong></p><p>{}</p>"
                          "<p class=\"fix\">Fix: change {} to {}</p></div>\n",
                          Esc(*v.suggest), Esc(Describe(right)),
                          right >= 0 ? Esc(Clip(doc_.notes[static_cast<size_t>(right)].text, 400)) : "",
                          Esc(mk.label), Esc(*v.suggest));
    }
    out_ << "</div>\n";
    if (!v.findings.empty()) {
      out_ << "<ul class=\"find\">";
      for (const Diagnostic* d : v.findings) {
        out_ << fmt::format("<li><strong>{}:</strong> {}. {} {}</li>", Esc(KindOf(d->rule).name), Esc(d->message),
                            Esc(Advice(*d)), RuleLink(d->rule));
      }
      out_ << "</ul>\n";
    } else {
      out_ << "<p class=\"muted\">No problem found with this citation.</p>\n";
    }
    out_ << fmt::format("<p><a href=\"#{}\">Back to the text</a></p></div>\n", MarkerId(m));
  }

  void Findings() {
    if (d_.diagnostics.empty()) return;
    out_ << "<h2>Every finding</h2>\n<ol class=\"find ui\">\n";
    for (const Diagnostic& d : d_.diagnostics) {
      const LineCol at = At(d.span.begin);
      std::string where = fmt::format("line {}", at.line);
      if (auto it = finding_marker_.find(&d); it != finding_marker_.end()) {
        where = fmt::format("<a href=\"#{}\">line {}, marker {}</a>", CardId(it->second), at.line,
                            Esc(doc_.markers[static_cast<size_t>(it->second)].label));
      }
      out_ << fmt::format("<li class=\"{}\"><strong>{}</strong> ({}): {}. {} {}</li>\n", SeverityClass(d.severity),
                          Esc(KindOf(d.rule).name), where, Esc(d.message), Esc(Advice(d)), RuleLink(d.rule));
    }
    out_ << "</ol>\n";
  }

  void Notes() {
    if (doc_.notes.empty()) return;
    std::vector<std::vector<int>> cited_by(doc_.notes.size());
    for (size_t i = 0; i < doc_.markers.size(); ++i) {
      const Marker& m = doc_.markers[i];
      if (!m.in_note && m.note >= 0) cited_by[static_cast<size_t>(m.note)].push_back(static_cast<int>(i));
    }
    // A finding about a note is at the note's anchor (the duplicate's own,
    // for a label used twice); a citation's finding names the note it cites.
    std::map<uint32_t, int> note_at;
    for (size_t i = 0; i < doc_.notes.size(); ++i) note_at.emplace(doc_.notes[i].Anchor().begin, static_cast<int>(i));
    std::vector<std::vector<const Diagnostic*>> about(doc_.notes.size());
    for (const Diagnostic& d : d_.diagnostics) {
      const bool cites = finding_marker_.count(&d) > 0;
      if (auto at = note_at.find(d.span.begin); !cites && at != note_at.end()) {
        about[static_cast<size_t>(at->second)].push_back(&d);
      } else if (cites && d.note && (d.rule.starts_with("quotes.") || d.rule.starts_with("attribution."))) {
        if (const int n = NoteByLabel(*d.note); n >= 0) about[static_cast<size_t>(n)].push_back(&d);
      }
    }
    out_ << "<h2>Notes</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Note</th><th scope=\"col\">Source</th>"
            "<th scope=\"col\">Cited by</th><th scope=\"col\">Problems</th></tr></thead><tbody>\n";
    for (size_t i = 0; i < doc_.notes.size(); ++i) {
      const Note& n = doc_.notes[i];
      std::string cites;
      for (int m : cited_by[i]) {
        cites += fmt::format("{}<a href=\"#{}\">line {}</a>", cites.empty() ? "" : ", ", CardId(m),
                             At(doc_.markers[static_cast<size_t>(m)].span.begin).line);
      }
      if (cites.empty()) cites = n.cited_elsewhere ? "another file" : "<span class=\"no\">nothing</span>";
      std::string problems;
      for (const Diagnostic* dp : about[i]) {
        const Diagnostic& d = *dp;
        std::string what = Esc(d.message);
        if (finding_marker_.count(&d)) {
          what = fmt::format("cited at <a href=\"#{}\">line {}</a> for what it does not hold: {}", CardId(finding_marker_.at(&d)),
                             At(d.span.begin).line, Esc(d.message));
        }
        problems += fmt::format("<div>{}</div>", what);
      }
      if (n.duplicate_of >= 0) {
        problems += fmt::format("<div>label {} is used twice; markers reach only the first</div>", Esc(n.label));
      }
      const std::string what = Describe(static_cast<int>(i));
      out_ << fmt::format("<tr id=\"{}\"><th scope=\"row\">{}</th><td>{}<span class=\"muted\">{}</span></td>"
                          "<td>{}</td><td>{}</td></tr>\n",
                          NoteId(static_cast<int>(i)), Esc(n.label),
                          what.empty() ? "" : "<strong>" + Esc(what) + "</strong><br>", Esc(Clip(n.text, 300)), cites,
                          problems.empty() ? "<span class=\"yes\">none</span>" : problems);
    }
    out_ << "</tbody></table></div>\n";
  }

  void Quotes() {
    if (d_.quotes.empty()) return;
    out_ << "<h2>Quote sheet</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Line</th>"
            "<th scope=\"col\">Quotation</th><th scope=\"col\">Who says it</th><th scope=\"col\">Note</th>"
            "<th scope=\"col\">Note holds the words?</th></tr></thead><tbody>\n";
    for (const extract::SheetEntry& e : d_.quotes) {
      std::string who = "<span class=\"muted\">not found</span>";
      if (e.speaker) {
        who = fmt::format("{} <span class=\"muted\">({}, {})</span>", Esc(e.speaker->name),
                          extract::SpeakerKindName(e.speaker->kind), Esc(e.speaker->via));
      }
      std::string holds = "<span class=\"muted\">no note</span>";
      if (!e.note.empty()) holds = e.in_note ? "<span class=\"yes\">yes</span>" : "<span class=\"no\">no</span>";
      out_ << fmt::format("<tr><td>{}</td><td>\u201c{}\u201d</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                          At(e.source.begin).line, Esc(Clip(e.text, 300)), who, e.note.empty() ? "" : Esc(e.note), holds);
    }
    out_ << "</tbody></table></div>\n";
  }

  const HtmlDraft& d_;
  const Document& doc_;
  const extract::Extraction& x_;
  int n_;
  std::ostream& out_;
  std::vector<MarkerView> markers_;
  std::vector<int> sentence_worst_;  // Severity as int; 3: none
  std::vector<bool> sentence_cited_;
  std::map<const Diagnostic*, int> finding_marker_;
  std::map<std::string, int> note_by_label_;
  std::vector<Span> note_spans_;                 // sorted by start
  std::vector<std::vector<int>> block_markers_;  // body markers of each block
};

}  // namespace

void WriteHtmlReport(std::ostream& out, const std::vector<HtmlDraft>& drafts, const std::vector<RuleInfo>& rules,
                     const HtmlOptions& options) {
  std::vector<const Diagnostic*> all;
  std::set<std::string> fired;
  for (const HtmlDraft& d : drafts) {
    for (const Diagnostic& x : d.diagnostics) {
      all.push_back(&x);
      fired.insert(x.rule);
    }
  }
  // Under a gate, what blocks in any draft.
  std::set<const Diagnostic*> blocking;
  for (const HtmlDraft& d : drafts) {
    for (size_t i = 0; i < d.blocking.size() && i < d.diagnostics.size(); ++i) {
      if (d.blocking[i]) blocking.insert(&d.diagnostics[i]);
    }
  }
  Verdict overall = options.gate ? VerdictOf(all, [&](const Diagnostic& d) { return blocking.count(&d) > 0; }) : VerdictOf(all);
  if (!options.input_errors.empty()) {
    const size_t n = options.input_errors.size();
    const std::string unread = fmt::format("{} file{} could not be checked", n, n == 1 ? "" : "s");
    overall.banner = overall.hold ? overall.banner + "; " + unread : "Hold \u2014 " + unread;
    overall.hold = true;
  }
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out << "<title>" << Esc(overall.banner) << " \u2014 citelint report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  out << kArrows;
  if (!drafts.empty()) out << "<a class=\"skip\" href=\"#d0\">Skip to the first draft</a>\n";
  out << "<main>\n";
  if (!options.input_errors.empty()) {
    out << "<h1>Citation report</h1>\n";
    out << fmt::format("<p class=\"banner hold\" role=\"status\">{}</p>\n", Esc(overall.banner));
    out << "<h2>Could not be checked</h2>\n<ul class=\"ui\">\n";
    for (const std::string& e : options.input_errors) out << "<li>" << Esc(e) << "</li>\n";
    out << "</ul>\n";
  }
  if (drafts.size() > 1) {
    if (options.input_errors.empty()) out << "<h1>Citation report</h1>\n";
    if (options.input_errors.empty()) {
      out << fmt::format("<p class=\"banner {}\" role=\"status\">{}</p>\n", overall.hold ? "hold" : "ready",
                         Esc(overall.banner));
    }
    out << "<div class=\"scroll\"><table class=\"index\"><thead><tr><th scope=\"col\">Draft</th><th scope=\"col\">Verdict</th>"
           "<th scope=\"col\">Problems</th></tr></thead><tbody>\n";
    for (size_t i = 0; i < drafts.size(); ++i) {
      const Verdict v = DraftVerdictOf(drafts[i]);
      std::string kinds;
      for (const auto& [k, c] : v.kinds) kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", c, Esc(k.name));
      out << fmt::format("<tr><td><a href=\"#d{}\">{}</a></td><td class=\"{}\">{}</td><td>{}</td></tr>\n", i,
                         Esc(drafts[i].doc->path()), v.hold ? "no" : "yes", v.hold ? "Hold" : "Ready", kinds);
    }
    out << "</tbody></table></div>\n";
  }
  for (size_t i = 0; i < drafts.size(); ++i) DraftWriter(drafts[i], static_cast<int>(i), out).Write();
  if (!fired.empty()) {
    out << "<section id=\"rules\"><h2>What each check means</h2>\n<dl class=\"ui\">\n";
    for (const RuleInfo& r : rules) {
      if (!fired.count(r.id)) continue;
      out << fmt::format("<dt id=\"rule-{}\"><strong>{}</strong> <span class=\"rule\">{} \u00b7 {}</span></dt><dd><p>{}</p>"
                         "<p>{}</p></dd>\n",
                         IdPart(r.id), Esc(KindOf(r.id).name), Esc(r.id), SeverityName(r.severity), Esc(r.summary),
                         Esc(r.description));
    }
    out << "</dl></section>\n";
  }
  out << fmt::format("<footer>citelint {}. This page runs no script and loads nothing from the network.</footer>\n",
                     Esc(options.version));
  out << "</main>\n</body>\n</html>\n";
}

}  // namespace citelint::report
