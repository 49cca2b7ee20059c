#!/usr/bin/env bash
# JS surface suite: builds the npm package (wasm/scripts/build-npm.sh), then runs
#   0. the size budget (gzip'd wasm ≤ WASM_GZIP_LIMIT, tests/lib/wasm.sh), one test,
#   1. node --test tests/js/*.test.mjs against it: every export of the Node build, the web build in Node, the
#      package shape, and every case of the dues, credits, disclosure and membership vectors (one test each; a case the Rust harness fails too is
#      reported as `todo`, see wasm_core_vector_log in tests/lib/wasm.sh),
#   2. the TypeScript check (tsc --noEmit over the .d.ts, tests/js/types-check.ts and real results typed as
#      the declarations say, tests/js/type-samples.mjs) — counted as one test,
#   3. the wasm-bindgen-test suite: cargo test --target wasm32-unknown-unknown -p dangjian-wasm (under Node).
# Progress goes to stderr; the last stdout line is `js: N passed, N failed`; exit 0 iff N failed == 0.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

WASM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WASM_LOG_TAG=js
# shellcheck source-path=SCRIPTDIR source=../lib/wasm.sh
source "$WASM_ROOT/tests/lib/wasm.sh"
cd "$WASM_ROOT"
wasm_tools_path

wasm_suite_counts
if wasm_build_for_tests; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

logs="$WASM_ROOT/target/npm/test-logs"
mkdir -p "$logs"

# The Rust harness's verdict on the vectors (which cases the core itself fails).
wasm_log "cargo test -p dangjian: the vector harnesses (to tell core failures from wasm ones)"
wasm_core_vector_log "$logs/core-vectors.log"

# 1. node --test: spec reporter to stderr for people, TAP to a file for the counts.
wasm_log "node --test tests/js/*.test.mjs"
node --test --test-reporter=spec --test-reporter-destination=stderr \
  --test-reporter=tap --test-reporter-destination="$logs/node-test.tap" \
  "$WASM_ROOT"/tests/js/*.test.mjs || true
read -r p f < <(wasm_node_test_counts "$logs/node-test.tap")
wasm_log "node --test: $p passed, $f failed"
todo=$(grep -E '^# todo [0-9]+$' "$logs/node-test.tap" | tail -1 | grep -oE '[0-9]+$' || true)
if [[ -n "$todo" && "$todo" != 0 ]]; then
  wasm_log "node --test: $todo todo — cases the Rust harnesses fail too (core problems, not counted):"
  grep -E '^not ok .* # TODO' "$logs/node-test.tap" | sed 's/^/  /' >&2 || true
fi
passed=$((passed + p))
failed=$((failed + f))

# 2. tsc --noEmit, one test.
wasm_log "tsc --noEmit (.d.ts + tests/js/types-check.ts)"
if wasm_typecheck >&2; then
  wasm_log "type check: passed"
  passed=$((passed + 1))
else
  wasm_log "type check: FAILED"
  failed=$((failed + 1))
fi

# 3. wasm-bindgen-test under Node (runner = wasm-bindgen-test-runner, from .cargo/config.toml).
wasm_log "cargo test --target $WASM_TARGET -p $WASM_CRATE"
rc=0
# (pipefail: rc is cargo's status when cargo fails)
cargo test --target "$WASM_TARGET" -p "$WASM_CRATE" 2>&1 | tee "$logs/wasm-bindgen-test.log" >&2 || rc=$?
read -r p f < <(wasm_cargo_test_counts "$logs/wasm-bindgen-test.log")
# A non-zero exit with no failed test counted (build error, runner crash) still counts as one failure.
if [[ $rc != 0 && $f == 0 ]]; then f=1; fi
wasm_log "wasm-bindgen-test: $p passed, $f failed"
passed=$((passed + p))
failed=$((failed + f))

finish
