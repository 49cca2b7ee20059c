#!/usr/bin/env bash
# Python tests of the UniFFI bindings.
#   bash tests/python/run.sh
# Builds the library and uniffi-bindgen, generates the Python module into
# target/bindings/python, copies the .so beside it and runs
#   python3 -m unittest discover -s tests/python
# Last stdout line:  python: N passed, N failed
set -euo pipefail
FFI_SUITE=python
# shellcheck source-path=SCRIPTDIR source=../lib/ffi.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/ffi.sh"

ffi_build
ffi_generate python
cp "$FFI_LIB" "$FFI_GEN/python/"

log "python3 -m unittest discover -s tests/python"
report="$FFI_GEN/python/unittest.log"
rc=0
(cd "$FFI_ROOT" && PYTHONPATH="$FFI_GEN/python${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1 \
    python3 -m unittest discover -v -s tests/python -t tests/python) >"$report" 2>&1 || rc=$?
cat "$report" >&2

# unittest's summary: "Ran N tests", then "OK" or "FAILED (failures=a, errors=b, skipped=c)".
ran=$(sed -n 's/^Ran \([0-9]*\) tests\{0,1\} in .*/\1/p' "$report" | tail -n 1)
count() { { grep -o "$1=[0-9]*" "$report" || true; } | tail -n 1 | cut -d= -f2; }
if [ -z "$ran" ]; then
    ffi_fail "unittest" "no 'Ran N tests' line (exit code $rc)"
else
    failures=$(count failures) errors=$(count errors) skipped=$(count skipped)
    bad=$((${failures:-0} + ${errors:-0}))
    passed=$((ran - bad - ${skipped:-0}))
    ffi_add $((passed < 0 ? 0 : passed)) "$bad"
    [ -z "$skipped" ] || log "$skipped skipped"
    if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
        ffi_fail "unittest" "exit code $rc with no failed test"
    fi
fi
ffi_finish
