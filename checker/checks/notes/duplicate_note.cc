#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "checker/checks/notes/notes_checks.h"
#include "checker/text/unicode.h"

namespace citelint::checks {

const RuleInfo DuplicateNote::kInfo{
    .id = "notes.duplicate-note",
    .severity = Severity::kWarning,
    .status = "stable",
    .summary = "two notes for the same source (same URL, or same title and outlet)",
    .description =
        "Two notes that describe the same source split its citations and usually mean one of them "
        "was meant to be a different source. Notes match when their source URLs are equal (scheme, "
        "\"www.\" and a trailing slash ignored) or when their titles and outlets are equal after case "
        "folding and punctuation removal. A note's source URL is its first URL that is not shared by "
        "three or more notes (those are publisher or identifier links, not sources).",
    .format = "txt",
    .bad = {"The mine closed.1 Jobs were lost.2\n\n1. Mine to close after 80 years — Daily Courier reports the "
            "closure\n\u27e62\u27e7. Mine to close after 80 years — Daily Courier notes the job losses\n",
            "The mine closed.1 Jobs were lost.2\n\n1. https://example.org/mine-closure\n"
            "\u27e62\u27e7. Job losses, https://www.example.org/mine-closure/\n"},
    .good = {"The mine closed.1 Jobs were lost.2\n\n1. Mine to close after 80 years — Daily Courier reports\n"
             "2. Mine to close after 80 years — Evening Star reports\n"},
    .source = "checker/checks/notes/duplicate_note.cc",
    .replaced_by = "",
    .profile = "default",
    .precision = "",
};

namespace {

// Lower-case, keep letters and digits, one space between words.
std::string NormalizeWords(std::string_view s) {
  std::string folded = text::FoldCase(s);
  std::string out;
  uint32_t i = 0;
  bool space = false;
  while (i < folded.size()) {
    const uint32_t start = i;
    const int32_t c = text::NextCodePoint(folded, i);
    if (text::IsLetter(c) || (c >= '0' && c <= '9')) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.append(folded, start, i - start);
    } else {
      space = true;
    }
  }
  return out;
}

std::string NormalizeUrl(std::string_view url) {
  std::string u = text::FoldCase(url);
  for (std::string_view scheme : {"https://", "http://"}) {
    if (std::string_view(u).starts_with(scheme)) u.erase(0, scheme.size());
  }
  if (std::string_view(u).starts_with("www.")) u.erase(0, 4);
  while (!u.empty() && u.back() == '/') u.pop_back();
  return u;
}

// "Title — Outlet verb …": the title before the dash and the capitalised
// words after it. Empty when the note has no such separator.
std::string TitleAndOutletKey(std::string_view text) {
  for (std::string_view dash : {" \u2014 ", " \u2013 ", " - "}) {
    size_t at = text.find(dash);
    // A dash inside a quoted title ("Government and nation – The origins")
    // does not separate title from outlet.
    auto inside_quotes = [&](size_t pos) {
      const std::string_view before = text.substr(0, pos);
      size_t straight = 0, open = 0, close = 0;
      for (size_t k = 0; k < before.size(); ++k) {
        if (before[k] == '"') ++straight;
        if (before.substr(k, 3) == "\u201C") ++open;
        if (before.substr(k, 3) == "\u201D") ++close;
      }
      return straight % 2 == 1 || open > close;
    };
    while (at != std::string_view::npos && inside_quotes(at)) at = text.find(dash, at + 1);
    if (at == std::string_view::npos) continue;
    const std::string title = NormalizeWords(text.substr(0, at));
    if (std::count(title.begin(), title.end(), ' ') < 2) return {};  // too short to identify a source
    std::string_view rest = text.substr(at + dash.size());
    std::string outlet;
    uint32_t i = 0;
    while (i < rest.size()) {
      uint32_t word_end = i;
      const int32_t first = text::NextCodePoint(rest, word_end);
      if (!(text::IsUpper(first) || (first >= '0' && first <= '9') || first == '@')) break;
      while (word_end < rest.size() && rest[word_end] != ' ') ++word_end;
      outlet += std::string(rest.substr(i, word_end - i)) + " ";
      i = word_end;
      while (i < rest.size() && rest[i] == ' ') ++i;
    }
    return title + "\n" + NormalizeWords(outlet);
  }
  return {};
}

// The fix for a duplicate: its markers cite the earlier note and the
// duplicate is deleted (with its line break). Only where every marker is
// written as its label (`3`, `[^3]`) and the note is a whole line; an HTML
// link's target would change too, so HTML gets no fix.
std::optional<Fix> MergeInto(const Document& doc, size_t duplicate, size_t earlier) {
  if (doc.format == Format::kHtml) return std::nullopt;
  const std::string_view src = doc.source->bytes();
  const Note& gone = doc.notes[duplicate];
  const Note& kept = doc.notes[earlier];
  Fix fix;
  for (const Marker& m : doc.markers) {
    if (m.note != static_cast<int>(duplicate)) continue;
    if (m.span.end > src.size() || m.span.empty()) return std::nullopt;
    const std::string_view written = src.substr(m.span.begin, m.span.end - m.span.begin);
    if (written == m.label) {
      fix.edits.push_back({m.span, kept.label});
    } else if (written == "[^" + m.label + "]") {
      fix.edits.push_back({m.span, "[^" + kept.label + "]"});
    } else {
      return std::nullopt;
    }
  }
  // The whole note, from its line's start through its line break.
  uint32_t begin = gone.span.begin, end = gone.span.end;
  if (end > src.size() || begin >= end || (begin > 0 && src[begin - 1] != '\n')) return std::nullopt;
  if (end < src.size() && src[end] == '\r') ++end;
  if (end < src.size() && src[end] == '\n') ++end;
  fix.edits.push_back({{begin, end}, ""});
  std::sort(fix.edits.begin(), fix.edits.end(), [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  for (size_t k = 1; k < fix.edits.size(); ++k) {
    if (fix.edits[k].span.begin < fix.edits[k - 1].span.end) return std::nullopt;  // a marker inside the note
  }
  const size_t cites = fix.edits.size() - 1;
  fix.description = cites == 0 ? fmt::format("Delete note {}, a second note for the source of note {}", gone.label, kept.label)
                               : fmt::format("Cite note {} where note {} is cited ({} marker{}) and delete note {}",
                                             kept.label, gone.label, cites, cites == 1 ? "" : "s", gone.label);
  return fix;
}

}  // namespace

void DuplicateNote::Run(const Analysis& analysis, Sink& sink) const {
  const Document& doc = analysis.doc();
  // URLs many notes share (a publisher page, an ISBN help link) name no source.
  constexpr int kBoilerplateNotes = 3;
  // Each note's normalized URLs, each once: note i's are urls[url_start[i]]
  // up to urls[url_start[i + 1]] (one list for the document: most notes have none).
  std::vector<std::string> urls;
  std::vector<uint32_t> url_start(doc.notes.size() + 1, 0);
  std::unordered_map<std::string, int> notes_with_url;
  for (size_t i = 0; i < doc.notes.size(); ++i) {
    url_start[i] = static_cast<uint32_t>(urls.size());
    for (const std::string_view url : doc.notes[i].Urls()) {
      std::string u = NormalizeUrl(url);
      if (std::find(urls.begin() + url_start[i], urls.end(), u) != urls.end()) continue;
      ++notes_with_url[u];
      urls.push_back(std::move(u));
    }
  }
  url_start.back() = static_cast<uint32_t>(urls.size());
  std::unordered_map<std::string, size_t> by_url;
  std::unordered_map<std::string, size_t> by_title;
  for (size_t i = 0; i < doc.notes.size(); ++i) {
    const Note& n = doc.notes[i];
    if (n.duplicate_of >= 0) continue;  // reported as a duplicate label instead
    std::string why;
    size_t first = i;
    // A note's source is its URL; a note with several (a list of threads)
    // is the same source as another only when the lists are the same.
    std::vector<std::string> own;
    for (size_t k = url_start[i]; k < url_start[i + 1]; ++k) {
      if (notes_with_url[urls[k]] < kBoilerplateNotes) own.push_back(urls[k]);
    }
    if (!own.empty()) {
      std::sort(own.begin(), own.end());
      std::string key;
      for (const std::string& u : own) key += u + "\n";
      auto [it, inserted] = by_url.emplace(key, i);
      if (!inserted) {
        first = it->second;
        why = own.size() == 1 ? "same URL" : "same URLs";
      }
    }
    if (std::string key = TitleAndOutletKey(n.text); !key.empty()) {
      auto [it, inserted] = by_title.emplace(std::move(key), i);
      if (!inserted && why.empty()) {
        first = it->second;
        why = "same title and outlet";
      }
    }
    if (why.empty()) continue;
    const Note& earlier = doc.notes[first];
    sink.Report(n.Anchor(),
                fmt::format("note {} cites the same source as note {} ({})", n.label, earlier.label, why),
                std::nullopt, n.label, std::nullopt,
                {{earlier.span, fmt::format("note {}, the same source", earlier.label)}},
                MergeInto(doc, i, first));
  }
}

}  // namespace citelint::checks
