#!/usr/bin/env bash
# Side-by-side dues benches, one run per surface: the columnar entry (MonthRules: bases in fen in, amounts in fen
# out) against what a user of that surface writes by hand — a plain loop over exact decimals (Python `decimal`,
# Java BigDecimal, decimal.js) with the same bracket table, read from the bundled policy for the month, and
# half-up rounding at the fen. 1 M generated bases; every result compared member by member before timing; then
# best-of-N times and the ratios. Benches, not tests: tests/run-all.sh does not run this.
#
#   bash tests/bench/dues.sh                    # python, kotlin, node and node-cold
#   bash tests/bench/dues.sh node python        # some of them
#   bash tests/bench/dues.sh node-cold          # a fresh process's first call vs the same call warm (wasm)
#   BENCH_MEMBERS=200000 BENCH_ROUNDS=3 bash tests/bench/dues.sh kotlin
#
# Builds what each needs as the test suites do (the release library and generated bindings under
# target/bindings, the npm package under target/npm) and installs decimal.js into target/tools/bench-node.
# Ratios matter on shared machines, not the absolute figures. The Rust core's own bench:
# `cargo bench -p dangjian --bench dues`.
set -euo pipefail
FFI_SUITE=bench
FFI_SUMMARY=0
# shellcheck source-path=SCRIPTDIR source=../lib/ffi.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/ffi.sh"
WASM_ROOT="$FFI_ROOT"
WASM_LOG_TAG=bench
# shellcheck source-path=SCRIPTDIR source=../lib/wasm.sh
source "$FFI_ROOT/tests/lib/wasm.sh"

# decimal.js for the Node peer, pinned, project-local.
DECIMAL_JS_VERSION="10.6.0"
BENCH_NODE_TOOLS="$FFI_TOOLS/bench-node"

bench_python() {
    ffi_build
    ffi_generate python
    cp "$FFI_LIB" "$FFI_GEN/python/"
    log "python3 tests/bench/dues_python.py"
    PYTHONPATH="$FFI_GEN/python" PYTHONDONTWRITEBYTECODE=1 python3 "$FFI_ROOT/tests/bench/dues_python.py"
}

bench_kotlin() {
    local jna jar sources
    jna=$(ffi_jna_jar)
    ffi_kotlinc >/dev/null
    ffi_build
    ffi_generate kotlin "$FFI_ROOT/tests/kotlin/uniffi-jvm.toml"
    jar="$FFI_TOOLS/jvm/dangjian-dues-bench.jar"
    mapfile -t sources < <(
        find "$FFI_GEN/kotlin" -name '*.kt' | sort
        echo "$FFI_ROOT/tests/kotlin/Json.kt"
        echo "$FFI_ROOT/tests/bench/DuesBench.kt"
    )
    ffi_kotlin_jar "$jar" "$jna" "${sources[@]}"
    log "java cn.dangjian.bench.DuesBenchKt"
    java -Djna.library.path="$FFI_LIB_DIR" -cp "$jar:$jna" cn.dangjian.bench.DuesBenchKt
}

bench_node() {
    wasm_tools_path
    "$FFI_ROOT/wasm/scripts/build-npm.sh" --no-typecheck
    if [[ "$(node -p "try { require('$BENCH_NODE_TOOLS/node_modules/decimal.js/package.json').version } catch { '' }")" \
        != "$DECIMAL_JS_VERSION" ]]; then
        log "installing decimal.js@$DECIMAL_JS_VERSION (npm) into $BENCH_NODE_TOOLS"
        mkdir -p "$BENCH_NODE_TOOLS"
        npm install --prefix "$BENCH_NODE_TOOLS" --no-audit --no-fund --loglevel=error \
            "decimal.js@$DECIMAL_JS_VERSION" >&2
    fi
    log "node tests/bench/dues-node.mjs"
    node "$FFI_ROOT/tests/bench/dues-node.mjs"
}

bench_node_cold() {
    wasm_tools_path
    "$FFI_ROOT/wasm/scripts/build-npm.sh" --no-typecheck --package full
    log "node tests/bench/dues-node-cold.mjs"
    node "$FFI_ROOT/tests/bench/dues-node-cold.mjs"
}

surfaces=("$@")
[[ ${#surfaces[@]} -gt 0 ]] || surfaces=(python kotlin node node-cold)
for s in "${surfaces[@]}"; do
    case "$s" in
        python | kotlin | node | node-cold) "bench_${s//-/_}" ;;
        *)
            log "unknown surface '$s' (python, kotlin, node, node-cold)"
            exit 2
            ;;
    esac
done
