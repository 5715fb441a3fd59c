#include "checker/cli/app.h"

int main(int argc, char** argv) { return citelint::cli::Main(argc, argv); }
