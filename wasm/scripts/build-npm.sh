#!/usr/bin/env bash
# Builds the npm packages of the dangjian-wasm crate into target/npm/: `dangjian` (every engine) in
# target/npm/dangjian/ and `dangjian-dues` (the dues engine alone) in target/npm/dangjian-dues/.
#
#   wasm/scripts/build-npm.sh [--no-typecheck] [--pack] [--payroll] [--package NAME]...
#
# 1. Installs what is missing, project-locally and idempotently (target/tools, git-ignored):
#    the wasm32-unknown-unknown target, wasm-bindgen-cli (== Cargo.lock's wasm-bindgen) and the npm tools
#    binaryen (wasm-opt), typescript (tsc), playwright-core.
# 2. Per package: cargo build --profile wasm-release --target wasm32-unknown-unknown -p dangjian-wasm with the
#    package's features (wasm_package_features in tests/lib/wasm.sh). The cut packages build in their own cargo
#    target dir (target/wasm-<name>): a cdylib's file has no hash in its name, so two feature sets in one dir
#    would overwrite (and relink) each other's module.
# 3. wasm-bindgen --target web and --target nodejs, wasm-opt, package.json + README (skipped when the built
#    .wasm and this pipeline are unchanged since the last run). One .wasm per package, web/dangjian_wasm_bg.wasm:
#    both glues are generated from the same module and import it under the same names, so the Node glue
#    (node/dangjian_wasm.js, CommonJS) reads the web flavour's file instead of shipping a second copy.
# 4. tsc --noEmit over the full package's .d.ts and tests/js/types-check.ts (unless --no-typecheck: the test
#    suite runs it itself to count it), then each package's size report (raw and gzip against its budget and
#    target, tests/lib/wasm.sh); exits with status 3 (the packages complete) when a gzip'd wasm exceeds its
#    budget, 1 on any other failure.
# 5. --pack: `npm pack` of each package into target/npm/<package>-<version>.tgz, the file an app installs
#    with `npm install path/to/dangjian-<version>.tgz` (the packages are not on a public registry).
# --package NAME (repeatable) builds only the named packages: full, dues, membership, credits, disclosure,
#    payroll. --payroll is `--package payroll`: the package `dangjian-payroll` in target/npm/dangjian-payroll/,
#    the crate with its `payroll` feature (every export plus readPayroll, the CLI's payroll reader with
#    calamine), kept apart so the main package stays small. Web flavour only: its user is the browser page
#    (examples/web/payroll.html).
# Progress goes to stderr. Nothing it writes is committed.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

WASM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WASM_LOG_TAG="${WASM_LOG_TAG:-build-npm}"
# shellcheck source=../../tests/lib/wasm.sh
source "$WASM_ROOT/tests/lib/wasm.sh"

typecheck=1
pack=0
packages=()
while (($# > 0)); do
  case "$1" in
    --no-typecheck) typecheck=0 ;;
    --pack) pack=1 ;;
    --payroll) packages+=(payroll) ;;
    --package)
      [[ $# -ge 2 ]] && wasm_package_features "$2" >/dev/null || wasm_die "--package needs one of: full dues membership credits disclosure payroll"
      packages+=("$2")
      shift
      ;;
    -h | --help) sed -n '2,30p' "$0"; exit 0 ;;
    *) wasm_die "unknown argument: $1" ;;
  esac
  shift
done
((${#packages[@]} > 0)) || packages=(full dues)

cd "$WASM_ROOT"
wasm_tools_path
start=$SECONDS

# --- 1. tools -------------------------------------------------------------------------------------------
if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
  wasm_log "installing Rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET" >&2
fi

lock_version="$(wasm_lock_bindgen_version)"
if [[ -z "$lock_version" ]]; then
  wasm_log "Cargo.lock has no wasm-bindgen entry yet: resolving the workspace"
  cargo metadata --format-version 1 >/dev/null
  lock_version="$(wasm_lock_bindgen_version)"
fi
[[ "$lock_version" == "$WASM_BINDGEN_VERSION" ]] || wasm_die \
  "Cargo.lock pins wasm-bindgen '$lock_version' but tests/lib/wasm.sh pins wasm-bindgen-cli '$WASM_BINDGEN_VERSION'." \
  "They must be equal: change the workspace pin or WASM_BINDGEN_VERSION so they agree."

cli_version="$(wasm_cli_bindgen_version)"
if [[ "$cli_version" != "$WASM_BINDGEN_VERSION" || ! -x "$WASM_CARGO_TOOLS/bin/wasm-bindgen-test-runner" ]]; then
  wasm_log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into target/tools/cargo (found '${cli_version:-none}'; takes minutes)"
  # No --locked: the CLI's own lock file pins a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$WASM_CARGO_TOOLS" --force >&2
  cli_version="$(wasm_cli_bindgen_version)"
fi
[[ "$cli_version" == "$lock_version" ]] || wasm_die \
  "wasm-bindgen CLI is '$cli_version' but Cargo.lock's wasm-bindgen is '$lock_version': they must be equal."

npm_ok=1
for spec in "binaryen:$NPM_BINARYEN_VERSION" "typescript:$NPM_TYPESCRIPT_VERSION" \
  "playwright-core:$NPM_PLAYWRIGHT_CORE_VERSION"; do
  [[ "$(wasm_npm_version "${spec%%:*}")" == "${spec#*:}" ]] || npm_ok=0
done
if [[ $npm_ok == 0 ]]; then
  wasm_log "installing npm tools into target/tools/node (binaryen, typescript, playwright-core)"
  mkdir -p "$WASM_NODE_TOOLS"
  cat >"$WASM_NODE_TOOLS/package.json" <<JSON
{
  "name": "dangjian-wasm-tools",
  "private": true,
  "description": "Build and test tools of the dangjian wasm pipeline (generated by wasm/scripts/build-npm.sh)",
  "dependencies": {
    "binaryen": "$NPM_BINARYEN_VERSION",
    "typescript": "$NPM_TYPESCRIPT_VERSION",
    "playwright-core": "$NPM_PLAYWRIGHT_CORE_VERSION"
  }
}
JSON
  # playwright-core never downloads a browser itself; the variable makes sure. Chromium comes from Debian.
  (cd "$WASM_NODE_TOOLS" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund >&2)
fi
# Debian's binaryen (108) breaks Rust 1.95 modules: make sure wasm-opt is npm binaryen's.
wasm_opt_path="$(command -v wasm-opt || echo none)"
if [[ "$wasm_opt_path" != "$WASM_NODE_TOOLS/"* ]]; then
  wasm_die "wasm-opt should come from npm binaryen in target/tools/node, found: $wasm_opt_path"
fi
wasm_log "tools ready ($((SECONDS - start)) s): wasm-bindgen $cli_version, $(wasm-opt --version), tsc $(tsc --version | awk '{print $2}')"

# --- 2.-3. per package: cargo build, wasm-bindgen, wasm-opt, package files --------------------------------
# shellcheck source=lib-package.sh
source "$WASM_ROOT/wasm/scripts/lib-package.sh"
version="$(cargo pkgid -p "$WASM_CRATE" | sed -E 's/.*[@#]//')"
for name in "${packages[@]}"; do
  build_package "$name"
done

# --- 4. checks ------------------------------------------------------------------------------------------
# (The type check reads the full package's declarations: the others declare a subset, the payroll package
# one function more.)
if [[ $typecheck == 1 && " ${packages[*]} " == *" full "* ]]; then
  wasm_log "tsc --noEmit (.d.ts + tests/js/types-check.ts)"
  wasm_typecheck >&2 || wasm_die "type check failed"
fi

over=0
for name in "${packages[@]}"; do
  wasm_size_report "$name" "$WASM_NPM_OUT/$(wasm_package_npm_name "$name")/web/dangjian_wasm_bg.wasm" || over=1
done
if [[ $pack == 1 ]]; then
  for name in "${packages[@]}"; do
    pkg_dir="$WASM_NPM_OUT/$(wasm_package_npm_name "$name")"
    # npm pack prints the tarball's name on stdout; progress stays on stderr like the rest of this script.
    tarball="$(cd "$pkg_dir" && npm pack --pack-destination "$WASM_NPM_OUT" 2>/dev/null | tail -n 1)"
    [[ -f "$WASM_NPM_OUT/$tarball" ]] || wasm_die "npm pack did not write a tarball"
    wasm_log "npm pack: target/npm/$tarball (install with: npm install <path>/$tarball)"
  done
fi
wasm_log "done in $((SECONDS - start)) s: ${packages[*]}"
if [[ $over == 1 ]]; then
  # The packages are complete and usable; only a size budget failed. A distinct status lets the test suites
  # count it as one failure and still run every test.
  wasm_log "ERROR: a gzip'd wasm is over its budget"
  exit "$WASM_EXIT_OVER_BUDGET"
fi
