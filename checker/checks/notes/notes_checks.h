// Structural checks on markers and notes (the `notes.` pack).
#pragma once

#include "checker/engine/check.h"

namespace citelint::checks {

CITELINT_DECLARE_CHECK(DanglingMarker);   // notes.dangling-marker
CITELINT_DECLARE_CHECK(UnusedNote);       // notes.unused-note
CITELINT_DECLARE_CHECK(DuplicateLabel);   // notes.duplicate-label
CITELINT_DECLARE_CHECK(DuplicateNote);    // notes.duplicate-note
CITELINT_DECLARE_CHECK(OutOfOrder);       // notes.out-of-order
CITELINT_DECLARE_CHECK(RepeatedMarker);   // notes.repeated-marker

}  // namespace citelint::checks
