#!/usr/bin/env bash
# Build and run the Kotlin/JVM example against the freshly built library.
#   bash examples/kotlin/run.sh [AMOUNT...]
# Uses the same tools and steps as tests/kotlin/run.sh (tests/lib/ffi.sh).
# The example's own output goes to stdout; the last stdout line is
#   kotlin-example: 1 passed, 0 failed   (or 0 passed, 1 failed if it did not run)
set -euo pipefail
FFI_SUITE=kotlin-example
# shellcheck source-path=SCRIPTDIR source=../../tests/lib/ffi.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../tests/lib/ffi.sh"

jna=$(ffi_jna_jar)
ffi_kotlinc >/dev/null
ffi_build
ffi_generate kotlin "$FFI_ROOT/tests/kotlin/uniffi-jvm.toml"

jar="$FFI_TOOLS/jvm/dangjian-kotlin-example.jar"
mapfile -t sources < <(
    find "$FFI_GEN/kotlin" -name '*.kt' | sort
    echo "$FFI_ROOT/examples/kotlin/Main.kt"
)
ffi_kotlin_jar "$jar" "$jna" "${sources[@]}"

log "java cn.dangjian.example.MainKt $*"
if java -Djna.library.path="$FFI_LIB_DIR" -cp "$jar:$jna" cn.dangjian.example.MainKt "$@"; then
    ffi_pass "example ran"
else
    ffi_fail "example ran" "exit code $?"
fi
ffi_finish
