#!/usr/bin/env bash
# Web surface suite: builds the npm package (wasm/scripts/build-npm.sh), makes sure Debian's Chromium is
# installed (apt-get; never a browser download), then drives examples/web in headless Chromium with
# playwright-core: tests/web/page.test.mjs drives the dues calculator, the disclosure board (board.html), the
# member-record checker (member.html), and runs every dues, credits, disclosure and membership vector in the page
# against the web build (a case the Rust harness fails too is reported, not counted: wasm_core_vector_log);
# layout.test.mjs checks every page at 390 and 1280 px for horizontal overflow; errors.test.mjs the Chinese
# errors and trace; payroll.test.mjs the payroll page (the payroll build of the package, build-npm.sh
# --payroll) against the CLI's amounts on examples/data (the CLI is built here too), payroll-cli.test.mjs
# against the CLI on the CLI's own payroll test files; timeline.test.mjs the member checker's timeline;
# dues-chart.test.mjs the calculator's branch month. The size budget (gzip'd wasm ≤ WASM_GZIP_LIMIT,
# tests/lib/wasm.sh) counts as one test.
# Screenshots: target/screenshots/web-dues.png, web-dues-error.png, web-board.png, web-member.png,
# web-member-error.png, web-member-timeline.png, web-payroll.png, and the phone layouts
# web-{index,board,member,payroll}-390.png.
# Progress goes to stderr; the last stdout line is `web: N passed, N failed`; exit 0 iff N failed == 0.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

WASM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WASM_LOG_TAG=web
# shellcheck source-path=SCRIPTDIR source=../lib/wasm.sh
source "$WASM_ROOT/tests/lib/wasm.sh"
cd "$WASM_ROOT"
wasm_tools_path

wasm_suite_counts
if wasm_build_for_tests; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
# The payroll page's package (its own size budget, one more test) and the CLI that page is compared with.
if wasm_build_for_tests --payroll; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
wasm_log "cargo build -p dangjian-cli (the payroll page's amounts are compared with the CLI's)"
cargo build -p dangjian-cli >&2 || fail_setup "building the CLI failed"
export DANGJIAN_CLI="${CARGO_TARGET_DIR:-$WASM_ROOT/target}/debug/dangjian"
# The CLI's payroll tests write their payroll files (GBK, BOM + CRLF, workbooks …) to the target's tmp folder;
# payroll-cli.test.mjs drops the same files on the page: one copy of the bytes, made by the Rust test.
wasm_log "cargo test -p dangjian-cli --test payroll (writes the payroll files the page is compared on)"
cargo test -p dangjian-cli --test payroll >&2 || wasm_log "WARNING: the CLI's payroll tests failed (see above)"
export DANGJIAN_PAYROLL_FIXTURES="${CARGO_TARGET_DIR:-$WASM_ROOT/target}/tmp/payroll"

chromium_bin="${DANGJIAN_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium_bin" ]]; then
  wasm_log "installing Debian's chromium (apt-get)"
  [[ $(id -u) == 0 ]] || fail_setup "$chromium_bin is missing and this is not root: apt-get install chromium"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq chromium; } >&2 || fail_setup "apt-get install chromium failed"
fi
# A CJK font, or the Chinese labels render as boxes in the screenshots (the small WenQuanYi Micro Hei).
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  wasm_log "installing a Chinese font (apt-get fonts-wqy-microhei)"
  if [[ $(id -u) == 0 ]]; then
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei; }; } >&2 ||
      wasm_log "WARNING: no Chinese font could be installed; screenshots will show boxes for Chinese text"
  else
    wasm_log "WARNING: no Chinese font and not root; screenshots will show boxes for Chinese text"
  fi
fi
wasm_log "$("$chromium_bin" --version 2>/dev/null | tail -n 1)"

logs="$WASM_ROOT/target/npm/test-logs"
mkdir -p "$logs"
wasm_log "cargo test -p dangjian: the vector harnesses (to tell core failures from wasm ones)"
wasm_core_vector_log "$logs/core-vectors.log"
wasm_log "node --test tests/web/*.test.mjs (headless Chromium, one file at a time: one browser on a small machine)"
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stderr \
  --test-reporter=tap --test-reporter-destination="$logs/web-test.tap" \
  "$WASM_ROOT"/tests/web/*.test.mjs || true
read -r p f < <(wasm_node_test_counts "$logs/web-test.tap")
passed=$((passed + p))
failed=$((failed + f))
grep -E '^# (vectors in Chromium|core failure)' "$logs/web-test.tap" | sed 's/^# /[web] /' >&2 || true
for shot in web-dues.png web-dues-error.png web-board.png web-member.png web-member-error.png \
  web-member-timeline.png web-payroll.png web-index-390.png web-board-390.png web-member-390.png web-payroll-390.png; do
  [[ -f "$WASM_ROOT/target/screenshots/$shot" ]] && wasm_log "screenshot: target/screenshots/$shot"
done

finish
