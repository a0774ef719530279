#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (compiler-rt, FuzzerInterface.h), linked in by -sanitize=fuzzer. Declared
// here because SwiftPM gives every executable its own main, so libFuzzer's main is not used.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
