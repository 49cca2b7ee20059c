/* Compiled with -fsyntax-only by tests/swift/run.sh: the generated Swift FFI header must be valid C. */
#include "dangjianFFI.h"
