# shellcheck shell=bash disable=SC2034 # (constants here are used by the scripts that source this file)
# Shared bits of the WebAssembly pipeline: wasm/scripts/build-npm.sh, tests/js/run.sh, tests/web/run.sh.
# Source it after `set -euo pipefail`, with WASM_ROOT set to the repository root (or let it compute that).
# Everything generated lives under target/ (git-ignored): tools in target/tools, the package in target/npm.

: "${WASM_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
export WASM_ROOT

# Pinned tool versions (see shared TOOLCHAIN.md). wasm-bindgen-cli must equal Cargo.lock's wasm-bindgen.
WASM_BINDGEN_VERSION="0.2.130"
NPM_BINARYEN_VERSION="132.0.0"
NPM_TYPESCRIPT_VERSION="5.9.3"
NPM_PLAYWRIGHT_CORE_VERSION="1.65.1"

WASM_TOOLS="$WASM_ROOT/target/tools"
WASM_CARGO_TOOLS="$WASM_TOOLS/cargo"       # cargo install --root: bin/wasm-bindgen, bin/wasm-bindgen-test-runner
WASM_NODE_TOOLS="$WASM_TOOLS/node"         # npm packages: binaryen (wasm-opt), typescript (tsc), playwright-core
WASM_NPM_OUT="$WASM_ROOT/target/npm"       # generated: dangjian/ (the package), node_modules/dangjian -> ../dangjian
WASM_PKG="$WASM_NPM_OUT/dangjian"
WASM_CRATE="dangjian-wasm"
WASM_PROFILE="wasm-release"
WASM_TARGET="wasm32-unknown-unknown"
WASM_RAW="$WASM_ROOT/target/$WASM_TARGET/$WASM_PROFILE/dangjian_wasm.wasm"

# --- The packages and their size budgets --------------------------------------------------------------------
# Each package is one cut of the dangjian-wasm crate (its features, wasm/Cargo.toml) with one .wasm, the web
# flavour's, which the Node flavour loads too. Budgets are gzip -9 of that .wasm; build-npm.sh prints each
# package's size against its budget and its target and fails (status 3) above the budget. The budget is what
# the package measures now plus a little room, so growth shows; the target is what the speed issue asks for.
#
# dangjian (every engine). History: 300 KB held dues, calendar and policy; credits and disclosure took it to
# 450 KB, membership to 617 KB, the code registry (zh/en sentences) to 656 KB, the dated board, the personal-data
# scanner, SM2/SM3 signed checkpoints (≈ 85 KB) and the panic guard to 758 KB, the fast typed member reader,
# JSON Lines checks and the TypeScript-declaring derives to 789 KB. Results out as JSON + JSON.parse instead
# of serde-wasm-bindgen (one serializer per type, not two): measured 778 KB. The disclosure workflow's allowed
# actions and typed items, the sentences that replace serde's wording in error messages (core/src/error/reader.rs,
# zh and en), the JSON readers' fallback paths and the memory reservation before large calls: 804 KB, budget 832 KB.
# The readers without serde_path_to_error (a failing read's field path rebuilt from the text and the place the
# plain read stopped, core/src/error/path.rs: every type read once, not also through the path tracker's
# wrappers; the fast first read on again, it is now the one reader): 682 KB, budget 696 KB.
# Between it and the 400 KB target (wasm/scripts/wasm-sizes.mjs on the cargo build's module): the core's own
# code (25 % of the code: membership 8 %, disclosure 5 %, dues 4 %, credits 3 %), the typed JSON readers
# (serde_json's deserializer instantiated per type, 15 %, with serde's derived visitors 13 %), alloc and
# core (17 %, formatting and collections), the wasm-bindgen glue, js_sys and the exports (9 %), chrono, rust_decimal and the
# SM2/SM3 code (6 %). Measured and not taken: wasm-opt -Os instead of -Oz (the dues package 0.4 % smaller),
# --converge, a second -Oz pass, --gufa (each 0–0.3 % larger).
# December 2026: the credits fast path's quick row check and the typed appends at the audit head (+1.5 KB),
# `Code::from_str` as a binary search instead of a 13.6 KB match (−1.6 KB), the dues trace kept as numbers and
# written as text only when read (+4.3 KB: the traced batch 0.18 → 1.7 M members/s): 716,473 B, budget 704 KB.
WASM_GZIP_LIMIT=$((704 * 1024))
WASM_GZIP_TARGET=$((400 * 1024))
# dangjian-dues (feature `dues`: dues, Policy, Calendar, the code registry): measured 318 KB, budget 336 KB;
# without serde_path_to_error (see the full package) 285 KB, budget 290 KB.
# Between it and the 120 KB target: Policy is the whole policy document (its reader, `bundled` and `validate`
# carry the disclosure and membership parameters too: a core cfg per engine would drop them), the typed
# reader of every dues and policy type (serde_json's deserializer per type), and the code registry (every
# code's zh/en sentence, and `Code::from_str`).
WASM_DUES_GZIP_LIMIT=$((290 * 1024))
WASM_DUES_GZIP_TARGET=$((120 * 1024))
# The payroll package (build-npm.sh --payroll: every export plus readPayroll, with calamine, zip and the GBK
# decoder), apart so the main package does not carry them: measured 1123 KB gzip (the main package's 761 KB
# plus ≈ 360 KB of workbook and text readers); with the main package's growth above, 1155 KB; with results
# out as JSON (see the full package), 1144 KB. Its own
# ceiling, only to keep growth visible (no target: a desktop page's reader).
WASM_PAYROLL_GZIP_LIMIT=$((1184 * 1024))
WASM_PAYROLL_GZIP_TARGET=0
# The other per-engine packages (build-npm.sh --package membership|credits|disclosure), built on request only:
# measured credits 376 KB, disclosure 374 KB (with the SM2 checkpoint verification its audit check reaches),
# membership 449 KB; one budget for the three.
WASM_ENGINE_GZIP_LIMIT=$((464 * 1024))
WASM_ENGINE_GZIP_TARGET=0

# The packages build-npm.sh knows: name -> cargo feature arguments (the full package: the default features).
wasm_package_features() {
  case "$1" in
    full) echo "" ;;
    payroll) echo "--features payroll" ;;
    dues | membership | credits | disclosure) echo "--no-default-features --features $1" ;;
    *) return 1 ;;
  esac
}
# name -> npm package name (its folder under target/npm/).
wasm_package_npm_name() {
  case "$1" in full) echo dangjian ;; *) echo "dangjian-$1" ;; esac
}
# name -> "BUDGET TARGET" in bytes of gzip (target 0: none set).
wasm_package_budget() {
  case "$1" in
    full) echo "$WASM_GZIP_LIMIT $WASM_GZIP_TARGET" ;;
    dues) echo "$WASM_DUES_GZIP_LIMIT $WASM_DUES_GZIP_TARGET" ;;
    payroll) echo "$WASM_PAYROLL_GZIP_LIMIT $WASM_PAYROLL_GZIP_TARGET" ;;
    *) echo "$WASM_ENGINE_GZIP_LIMIT $WASM_ENGINE_GZIP_TARGET" ;;
  esac
}

# The size report of one package: prints `size <npm name>: raw … gzip … / budget … (target …)` and fails when
# the gzip'd .wasm is over the budget.
wasm_size_report() {
  local name="$1" file="$2" raw gz budget target note=""
  read -r budget target < <(wasm_package_budget "$name")
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  if ((target > 0)); then
    note=" (target $((target / 1024)) KB: $( ((gz <= target)) && echo met || echo "$(((gz - target) / 1024)) KB over"))"
  fi
  wasm_log "size $(wasm_package_npm_name "$name"): raw $raw B ($((raw / 1024)) KB), gzip $gz B ($((gz / 1024)) KB)" \
    "/ budget $((budget / 1024)) KB$note: $( ((gz <= budget)) && echo ok || echo OVER)"
  ((gz <= budget))
}

# build-npm.sh exit status when the packages were built but a gzip'd wasm is over its budget.
WASM_EXIT_OVER_BUDGET=3

# Progress goes to stderr: the last stdout line of a suite is its `<suite>: N passed, N failed` count.
wasm_log() { printf '[%s] %s\n' "${WASM_LOG_TAG:-wasm}" "$*" >&2; }
wasm_die() { wasm_log "ERROR: $*"; exit 1; }

# Put the project-local tools first on PATH (wasm-bindgen, wasm-bindgen-test-runner, wasm-opt, tsc).
wasm_tools_path() {
  export PATH="$WASM_CARGO_TOOLS/bin:$WASM_NODE_TOOLS/node_modules/.bin:$PATH"
  export NODE_PATH="$WASM_NODE_TOOLS/node_modules${NODE_PATH:+:$NODE_PATH}"
}

# The wasm-bindgen version Cargo.lock pins ("" when the lock has no entry).
wasm_lock_bindgen_version() {
  awk '/^\[\[package\]\]/{n=""} /^name = "wasm-bindgen"$/{n=1; next} n && /^version = /{gsub(/"/,"",$3); print $3; exit}' \
    "$WASM_ROOT/Cargo.lock"
}

# Installed wasm-bindgen CLI version ("" when absent).
wasm_cli_bindgen_version() {
  local bin="$WASM_CARGO_TOOLS/bin/wasm-bindgen"
  [[ -x "$bin" ]] || return 0
  "$bin" --version 2>/dev/null | awk '{print $2}'
}

# Version of an npm package installed under target/tools/node ("" when absent).
wasm_npm_version() {
  local pj="$WASM_NODE_TOOLS/node_modules/$1/package.json"
  [[ -f "$pj" ]] || return 0
  node -p "require(process.argv[1]).version" "$pj"
}

# Runs `tsc --noEmit` over the generated .d.ts of both flavours, tests/js/types-check.ts (which imports
# "dangjian" by name through target/npm/node_modules, so the package.json `exports`/`types` are exercised) and
# samples.ts: real results of the Node build as typed constants (tests/js/type-samples.mjs), which proves the
# hand-written declarations (wasm/src/types.d.ts) match what crosses at runtime.
# `lib` includes esnext.disposable: wasm-bindgen declares `[Symbol.dispose]()` on every class.
wasm_typecheck() {
  local dir="$WASM_NPM_OUT/typecheck"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$WASM_ROOT/tests/js/types-check.ts" "$dir/types-check.ts"
  node "$WASM_ROOT/tests/js/type-samples.mjs" "$dir/samples.ts" || return 1
  cat >"$dir/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true,
    "noEmit": true,
    "skipLibCheck": false,
    "target": "es2022",
    "module": "esnext",
    "moduleResolution": "bundler",
    "lib": ["es2022", "esnext.disposable", "dom"],
    "types": [],
    "noUnusedLocals": true,
    "exactOptionalPropertyTypes": true
  },
  "files": [
    "../dangjian/web/dangjian_wasm.d.ts",
    "../dangjian/node/dangjian_wasm.d.ts",
    "types-check.ts",
    "samples.ts"
  ]
}
JSON
  # (types-check.ts here is a copy of tests/js/types-check.ts: error positions apply to that file.)
  tsc -p "$dir/tsconfig.json" --pretty false
}

# Runs the Rust conformance harnesses (core/tests/vectors.rs, credits_vectors.rs, disclosure_vectors.rs) and keeps its output in $1: its `file: name: …`
# lines name the vector cases the core itself fails, which the JS and web suites then report as `todo`
# (a core problem) rather than as a failure of the wasm surface. Never fails the caller.
wasm_core_vector_log() {
  local out="$1"
  mkdir -p "$(dirname "$out")"
  cargo test -p dangjian --test vectors --test credits_vectors --test disclosure_vectors \
    --test membership_vectors -- --nocapture >"$out" 2>&1 || true
  export DANGJIAN_CORE_VECTOR_LOG="$out"
}

# Builds the npm package for a test suite (build-npm.sh --no-typecheck, plus any arguments: --payroll). Returns
# 0 when built within the size budget, 1 when built but over it (the suite counts that as one failure and runs
# its tests), and exits the suite through fail_setup (the caller's) when the build failed.
wasm_build_for_tests() {
  local rc=0
  "$WASM_ROOT/wasm/scripts/build-npm.sh" --no-typecheck "$@" || rc=$?
  [[ $rc == 0 ]] && return 0
  [[ $rc == "$WASM_EXIT_OVER_BUDGET" ]] && { wasm_log "size budget: FAILED (counted as one failure)"; return 1; }
  fail_setup "building the npm package failed"
}

# Counts from a node --test run's closing summary (spec or TAP reporter): prints "PASSED FAILED".
# Reads the runner's output file; a run that printed no summary counts as 0 passed, 1 failed.
wasm_node_test_counts() {
  local out="$1" pass fail
  pass=$(sed -E 's/\x1b\[[0-9;]*m//g' "$out" | grep -E '^(# |ℹ )pass [0-9]+$' | tail -1 | grep -oE '[0-9]+$' || true)
  fail=$(sed -E 's/\x1b\[[0-9;]*m//g' "$out" | grep -E '^(# |ℹ )fail [0-9]+$' | tail -1 | grep -oE '[0-9]+$' || true)
  if [[ -z "$pass" || -z "$fail" ]]; then echo "0 1"; else echo "$pass $fail"; fi
}

# Counts from `cargo test` output (sums every `test result:` line): prints "PASSED FAILED".
# A run with no result line (e.g. a build failure) counts as 0 passed, 1 failed.
wasm_cargo_test_counts() {
  local out="$1"
  sed -E 's/\x1b\[[0-9;]*m//g' "$out" | awk '
    /test result:/ { seen=1
      for (i=1;i<=NF;i++) { if ($i ~ /^passed;?$/) p+=$(i-1); if ($i ~ /^failed;?$/) f+=$(i-1) } }
    END { if (!seen) print "0 1"; else print p+0, f+0 }'
}

# The counters of a suite script (tests/js/run.sh, tests/web/run.sh): `passed` and `failed`, `finish` prints
# the closing line `$WASM_LOG_TAG: N passed, N failed` and succeeds iff none failed, `fail_setup MSG` counts
# a failed set-up step, finishes and exits.
wasm_suite_counts() {
  passed=0
  failed=0
}
finish() {
  echo "$WASM_LOG_TAG: $passed passed, $failed failed"
  [[ $failed == 0 ]]
}
fail_setup() {
  wasm_log "$1"
  failed=$((failed + 1))
  finish
  exit 1
}
