#!/usr/bin/env bash
# Kotlin/JVM tests of the UniFFI bindings.
#   bash tests/kotlin/run.sh
# Installs (once, idempotently) the Kotlin compiler (npm, into target/tools) and
# JNA (Debian libjna-java), builds the library and uniffi-bindgen, generates the
# Kotlin bindings into target/bindings/kotlin, compiles them with tests/kotlin/*.kt
# and examples/kotlin/Main.kt in ONE kotlinc call (skipped when nothing changed),
# then runs the test main and the example. Last stdout line:
#   kotlin: N passed, N failed
set -euo pipefail
FFI_SUITE=kotlin
# shellcheck source-path=SCRIPTDIR source=../lib/ffi.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/ffi.sh"

jna=$(ffi_jna_jar)
ffi_kotlinc >/dev/null
ffi_build
ffi_generate kotlin "$FFI_ROOT/tests/kotlin/uniffi-jvm.toml"

jar="$FFI_TOOLS/jvm/dangjian-kotlin-tests.jar"
mapfile -t sources < <(
    find "$FFI_GEN/kotlin" -name '*.kt' | sort
    find "$FFI_ROOT/tests/kotlin" -maxdepth 1 -name '*.kt' | sort
    echo "$FFI_ROOT/examples/kotlin/Main.kt"
)
ffi_kotlin_jar "$jar" "$jna" "${sources[@]}"

java_run() {
    java -Djna.library.path="$FFI_LIB_DIR" -cp "$jar:$jna" "$@"
}

log "running cn.dangjian.tests.MainKt"
rc=0
out=$(java_run cn.dangjian.tests.MainKt "$FFI_ROOT/tests/vectors/dues") || rc=$?
counts=$(printf '%s\n' "$out" | tail -n 1)
if [[ $counts =~ ^passed=([0-9]+)\ failed=([0-9]+)$ ]]; then
    ffi_add "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
    if [ "$rc" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ]; then
        ffi_fail "test main" "exit code $rc with no failed test"
    fi
else
    ffi_fail "test main" "exit code $rc, no counts line (stdout: $out)"
fi

log "running the example cn.dangjian.example.MainKt"
rc=0
out=$(java_run cn.dangjian.example.MainKt 2>&1) || rc=$?
printf '%s\n' "$out" | sed 's/^/    /' >&2
if [ "$rc" -eq 0 ] \
    && grep -q '^M001 张伟: 96.00 yuan (base 6400.00 × rate 0.015)' <<<"$out" \
    && grep -q '^branch total: 146.00 yuan' <<<"$out" \
    && grep -q '^six-month line crossed on: 2026-09-01' <<<"$out" \
    && grep -q '^\[DUES_LAPSE, VIOLATION\]' <<<"$out" \
    && grep -q '^rejected: INVALID_DATE at : ' <<<"$out"; then
    ffi_pass "examples/kotlin runs"
else
    ffi_fail "examples/kotlin runs" "exit code $rc or unexpected output"
fi

ffi_finish
