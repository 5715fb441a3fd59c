#include <cstdio>
#include <exception>
#include <new>

#include "checker/cli/app.h"

// One handler at the top, so that nothing ends in std::terminate: a failure
// inside one document is reported for that document (see RunCheck); one here
// is a bug in citelint, said as such, with exit status 2.
int main(int argc, char** argv) {
  try {
    return citelint::cli::Main(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("citelint: error: out of memory\n", stderr);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "citelint: internal error: %s (please report it)\n", e.what());
  } catch (...) {
    std::fputs("citelint: internal error (please report it)\n", stderr);
  }
  return citelint::cli::kExitError;
}
