// Checks on who a sentence credits and what its note is (the `attribution.`,
// `quotes.` and `figures.` packs). They read the extraction and the citation
// graph through the Analysis, which computes them once per document.
#pragma once

#include "checker/engine/check.h"

namespace citelint::checks {

CITELINT_DECLARE_CHECK(AttributionMismatch);     // attribution.mismatch
CITELINT_DECLARE_CHECK(AttributionRotatedNotes); // attribution.rotated-notes
CITELINT_DECLARE_CHECK(AttributionUnverified);   // attribution.unverified
CITELINT_DECLARE_CHECK(QuotesInOtherNote);       // quotes.in-other-note
CITELINT_DECLARE_CHECK(QuotesNotInSource);       // quotes.not-in-source
CITELINT_DECLARE_CHECK(QuotesUnbalanced);        // quotes.unbalanced
CITELINT_DECLARE_CHECK(FiguresMismatch);         // figures.mismatch
CITELINT_DECLARE_CHECK(FiguresUnsupported);      // figures.unsupported

// "Valley Courier" for a note whose source is known, "another source" otherwise.
std::string SourceName(const Analysis& analysis, int note);
// A short rendering of a quote for messages: “first words…”.
std::string QuoteSnippet(const Analysis& analysis, int quote);

}  // namespace citelint::checks
