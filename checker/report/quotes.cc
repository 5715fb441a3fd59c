#include "checker/report/quotes.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace citelint::report {
namespace {

std::string Clip(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\u2026";
}

nlohmann::ordered_json OrNull(const std::string& s) { return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s); }

}  // namespace

void WriteQuotesText(std::ostream& out, const std::vector<QuoteSheetFile>& files) {
  size_t quotes = 0, speakers = 0;
  for (const QuoteSheetFile& f : files) {
    for (const extract::SheetEntry& e : f.entries) {
      ++quotes;
      const LineCol at = f.source->Locate(e.source.begin);
      out << fmt::format("{}:{}:{}: \u201C{}\u201D", f.source->path(), at.line, at.column, Clip(e.text, 100));
      if (e.kind != extract::QuoteKind::kSpeech) out << fmt::format(" ({})", extract::QuoteKindName(e.kind));
      out << '\n';
      if (e.speaker) {
        ++speakers;
        const extract::SheetSpeaker& sp = *e.speaker;
        std::string where;
        if (!sp.mention.empty()) {
          const LineCol m = f.source->Locate(sp.mention.begin);
          where = fmt::format(" at {}:{}", m.line, m.column);
        }
        out << fmt::format("    speaker: {} ({}, {}{}){}\n", sp.name, extract::SpeakerKindName(sp.kind), sp.via, where,
                           e.cue.empty() ? "" : fmt::format(", cue \u201C{}\u201D", e.cue));
      } else {
        out << "    speaker: none found\n";
      }
      if (!e.marker.empty()) {
        out << fmt::format("    cited: marker {} \u2192 {}{}\n", e.marker, e.note.empty() ? "no note" : "note " + e.note,
                           e.note.empty() ? "" : e.in_note ? ", which holds the words" : ", which does not hold the words");
      } else {
        out << "    cited: no note covers it\n";
      }
    }
  }
  out << fmt::format("{} quotation{} in {} file{}, {} with a speaker\n", quotes, quotes == 1 ? "" : "s", files.size(),
                     files.size() == 1 ? "" : "s", speakers);
}

void WriteQuotesJson(std::ostream& out, const std::vector<QuoteSheetFile>& files) {
  nlohmann::ordered_json quotes = nlohmann::ordered_json::array();
  for (const QuoteSheetFile& f : files) {
    for (const extract::SheetEntry& e : f.entries) {
      const LineCol start = f.source->Locate(e.source.begin);
      const LineCol end = f.source->Locate(e.source.end);
      nlohmann::ordered_json j;
      j["path"] = f.source->path();
      j["line"] = start.line;
      j["column"] = start.column;
      j["end_line"] = end.line;
      j["end_column"] = end.column;
      j["text"] = e.text;
      j["kind"] = extract::QuoteKindName(e.kind);
      if (e.speaker) {
        const extract::SheetSpeaker& sp = *e.speaker;
        nlohmann::ordered_json s;
        s["name"] = sp.name;
        s["kind"] = extract::SpeakerKindName(sp.kind);
        s["via"] = sp.via;
        if (!sp.mention.empty()) {
          const LineCol m = f.source->Locate(sp.mention.begin);
          s["line"] = m.line;
          s["column"] = m.column;
        } else {
          s["line"] = nullptr;
          s["column"] = nullptr;
        }
        j["speaker"] = std::move(s);
      } else {
        j["speaker"] = nullptr;
      }
      j["cue"] = OrNull(e.cue);
      j["marker"] = OrNull(e.marker);
      j["note"] = OrNull(e.note);
      j["in_note"] = e.in_note;
      quotes.push_back(std::move(j));
    }
  }
  nlohmann::ordered_json root;
  root["version"] = 1;
  root["quotes"] = std::move(quotes);
  out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace citelint::report
