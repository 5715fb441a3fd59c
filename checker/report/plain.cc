#include "checker/report/plain.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace citelint::report {

ProblemKind KindOf(const std::string& rule) {
  // {n}: the count; {s}: "s" when plural; {v}: a verb's "s" when singular.
  static const std::map<std::string, ProblemKind> kKinds = {
      {"attribution.mismatch", {0, "wrong source", "{n} citation{s} point{v} at the wrong source"}},
      {"attribution.rotated-notes", {0, "wrong source", "{n} citation{s} point{v} at the wrong source"}},
      {"quotes.in-other-note", {0, "wrong source", "{n} citation{s} point{v} at the wrong source"}},
      {"quotes.not-in-source", {1, "misquote", "{n} quotation{s} {is} not in {its} source{s}"}},
      {"figures.mismatch", {2, "figure that disagrees", "{n} figure{s} disagree{v} with {its} source{s}"}},
      {"figures.unsupported", {2, "figure that disagrees", "{n} figure{s} disagree{v} with {its} source{s}"}},
      {"notes.dangling-marker", {3, "note missing", "{n} marker{s} cite{v} a note that does not exist"}},
      {"notes.duplicate-label", {4, "duplicate note", "{n} note{s} repeat{v} another"}},
      {"notes.duplicate-note", {4, "duplicate note", "{n} note{s} repeat{v} another"}},
      {"notes.unused-note", {5, "note unused", "{n} note{s} {is} cited nowhere"}},
      {"attribution.unverified", {6, "source not confirmed", "{n} citation{s} do{es} not confirm who is speaking"}},
      {"quotes.unattributed", {7, "quotation without a speaker", "{n} quotation{s} name{v} no speaker"}},
      {"figures.uncited", {8, "figure without a source", "{n} figure{s} cite{v} no source"}},
      {"sources.anonymous", {9, "unnamed source", "{n} source{s} {is} unnamed"}},
      {"attribution.vague", {10, "vague attribution", "{n} attribution{s} {is} vague"}},
      {"notes.out-of-order", {11, "notes out of order", "{n} note{s} {is} out of order"}},
      {"notes.repeated-marker", {11, "note cited twice in a row", "{n} note{s} {is} cited twice in a row"}},
      {"quotes.unbalanced", {12, "unclosed quotation", "{n} quotation mark{s} {is} never closed"}},
  };
  if (auto it = kKinds.find(rule); it != kKinds.end()) return it->second;
  if (rule.starts_with("meta.")) return {20, "suppression to tidy", "{n} suppression{s} need{v} tidying"};
  return {15, "other problem", "{n} other problem{s}"};
}

std::string Headline(const ProblemKind& kind, int count) {
  const bool one = count == 1;
  std::string out;
  const std::string& t = kind.headline;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '{') {
      out += t[i];
      continue;
    }
    const size_t close = t.find('}', i);
    const std::string key = t.substr(i + 1, close - i - 1);
    if (key == "n") out += std::to_string(count);
    else if (key == "s") out += one ? "" : "s";
    else if (key == "v") out += one ? "s" : "";
    else if (key == "is") out += one ? "is" : "are";
    else if (key == "its") out += one ? "its" : "their";
    else if (key == "es") out += one ? "es" : "";
    i = close;
  }
  return out;
}

std::string Advice(const Diagnostic& d) {
  const std::string marker = d.marker.value_or("?");
  const std::string note = d.note.value_or("?");
  if (d.fix) return d.fix->description + ".";
  if (d.suggest && d.marker && (d.rule == "attribution.mismatch" || d.rule == "attribution.rotated-notes" ||
                                d.rule == "quotes.in-other-note")) {
    return fmt::format("Change {} to {}: make marker {} cite note {}.", marker, *d.suggest, marker, *d.suggest);
  }
  const std::string& r = d.rule;
  if (r == "notes.dangling-marker") return fmt::format("Add note {}, or correct the marker to the note meant.", marker);
  if (r == "notes.unused-note") return fmt::format("Cite note {} where its source is used, or delete it.", note);
  if (r == "notes.duplicate-label") return fmt::format("Give one of the two notes labelled {} its own label.", note);
  if (r == "notes.duplicate-note") return fmt::format("Cite one note for this source and delete the other.");
  if (r == "notes.out-of-order") return "Renumber the notes in the order they are first cited.";
  if (r == "notes.repeated-marker") return "Cite the note once.";
  if (r == "quotes.not-in-source") return "Check the quotation against its source; correct the words or the note.";
  if (r == "figures.mismatch" || r == "figures.unsupported") return "Check the figure against its source.";
  if (r == "figures.uncited") return "Cite where the figure comes from.";
  if (r == "attribution.unverified") {
    return "Check that the note is the speaker's own words or a report of them; cite that source.";
  }
  if (r == "quotes.unattributed") return "Say who said it.";
  if (r == "sources.anonymous") return "Name the source, or say why it cannot be named.";
  if (r == "attribution.vague") return "Say who, and cite them.";
  if (r == "quotes.unbalanced") return "Close the quotation where it ends.";
  return "See the rule's explanation below.";
}

Verdict VerdictOf(const std::vector<const Diagnostic*>& diagnostics, const std::function<bool(const Diagnostic&)>& blocks) {
  Verdict v;
  // A kind counts citations, not findings: a rotation and the mismatches of
  // its markers are the same slips, so one marker counts once per kind.
  std::map<std::string, std::pair<ProblemKind, std::set<std::string>>> all, errors;
  size_t unique = 0;
  for (const Diagnostic* d : diagnostics) {
    ++v.findings;
    const ProblemKind k = KindOf(d->rule);
    // (A rotation's finding and its marker's mismatch share the marker's span.)
    const std::string key = d->marker ? fmt::format("{}\n{}", d->path, d->span.begin) : fmt::format("#{}", unique++);
    all.try_emplace(k.name, k, std::set<std::string>{}).first->second.second.insert(key);
    if (blocks ? blocks(*d) : d->severity == Severity::kError) {
      v.hold = true;
      errors.try_emplace(k.name, k, std::set<std::string>{}).first->second.second.insert(key);
    }
  }
  for (const auto& [name, kc] : all) v.kinds.emplace_back(kc.first, static_cast<int>(kc.second.size()));
  std::stable_sort(v.kinds.begin(), v.kinds.end(),
                   [](const auto& a, const auto& b) { return a.first.order < b.first.order; });
  if (v.hold) {
    // The headline names the most serious kind among the errors.
    const auto worst = std::min_element(errors.begin(), errors.end(), [](const auto& a, const auto& b) {
      return a.second.first.order < b.second.first.order;
    });
    v.banner = "Hold \u2014 " + Headline(worst->second.first, static_cast<int>(worst->second.second.size()));
  } else if (v.findings == 0) {
    v.banner = "Ready \u2014 no citation problems found";
  } else {
    v.banner = fmt::format("Ready \u2014 {}; {} thing{} worth a look", blocks ? "nothing blocks publishing" : "no citation errors",
                           v.findings, v.findings == 1 ? "" : "s");
  }
  return v;
}

}  // namespace citelint::report
