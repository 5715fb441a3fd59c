// Scratch buffers a thread keeps from call to call (`thread_local`, their
// allocation reused), let go after a call that grew one past a size, so one
// long input (a sentence, a quotation, a text without breaks) does not hold
// its memory for the rest of the run.
#pragma once

#include <cstddef>

namespace citelint {

// Frees `buffer` when it has room for more than `max_elements`.
template <class Buffer>
void LetGoIfOver(Buffer& buffer, size_t max_elements) {
  if (buffer.capacity() > max_elements) Buffer().swap(buffer);
}

}  // namespace citelint
