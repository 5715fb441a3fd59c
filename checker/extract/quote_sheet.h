// The quote sheet fact-checkers make by hand: every quotation of a document
// with who the text says is speaking (and how that was found), the cue, the
// marker and note that cover it, and whether that note holds the words.
// Offsets are bytes of the source; report/ turns them into lines and columns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker/document/document.h"
#include "checker/extract/extract.h"

namespace citelint::extract {

enum class SpeakerKind { kPerson, kOrganization, kOutlet, kUnnamed };
const char* SpeakerKindName(SpeakerKind k);

struct SheetSpeaker {
  std::string name;             // "Mara Quint", "a spokeswoman"
  SpeakerKind kind = SpeakerKind::kPerson;
  std::string via;              // named | pronoun | appositive | after-quote | intermediary | context | label | signature
  Span mention;                 // source bytes where the text names the speaker (empty if not found)
};

struct SheetEntry {
  int quote = -1;               // index into Extraction::quotes
  Span source;                  // the quoted words, source bytes
  std::string text;             // the quoted words as written (analysis text)
  QuoteKind kind = QuoteKind::kSpeech;
  std::optional<SheetSpeaker> speaker;
  std::string cue;
  std::string marker;           // the marker of the claim that covers it ("" if none)
  std::string note;             // the note that marker cites ("" if none or dangling)
  bool in_note = false;         // a note of that citation group holds the words
};

std::vector<SheetEntry> QuoteSheet(const Document& doc, const Extraction& x, const LexiconIndex& lex);

}  // namespace citelint::extract
