#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what it needs, runs every check on every surface and
# ends with one line "N passed, N failed". Each suite script installs its own tools idempotently into
# target/tools (git-ignored), so a fresh machine and a warm one run the same command.
#
#   bash tests/run-all.sh            everything
#   bash tests/run-all.sh rust js    only the named suites (rust, kotlin, python, swift, js, web, fuzz)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 2
mkdir -p target/logs
# No incremental compilation data unless asked for: a test run builds each crate once, and the data (about
# 9 GB for this workspace's debug builds) costs CPU and disk on a fresh clone without making it faster.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

passed=0
failed=0
summary=()

# CPU seconds (user + system) of every finished child so far, read from `times` without a subshell (a
# subshell's own children start at zero). Other work on the machine slows the wall clock, not this.
cpu_file="target/logs/.cpu-$$"
trap 'rm -f "$cpu_file"' EXIT
cpu=0
cpu_now() { # sets cpu
    times >"$cpu_file"
    cpu=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] }; printf "%d", t }' "$cpu_file")
}
log() {
    cpu_now
    printf '[run-all %4ds, cpu %4ds] %s\n' "$SECONDS" "$cpu" "$*" >&2
}
stages=()
timed() { # timed NAME CMD... — runs CMD and keeps its wall and CPU seconds for the closing table
    local name=$1 w0=$SECONDS c0
    shift
    cpu_now
    c0=$cpu
    "$@"
    cpu_now
    stages+=("$(printf '%-8s cpu %5d s  wall %5d s' "$name" $((cpu - c0)) $((SECONDS - w0)))")
}

count() { # count NAME PASSED FAILED
    passed=$((passed + $2))
    failed=$((failed + $3))
    summary+=("$(printf '%-8s %5d passed, %d failed' "$1" "$2" "$3")")
}

check() { # check NAME CMD... — one pass or one fail, output kept in target/logs/NAME.log
    local name=$1
    shift
    log "$name: $*"
    if "$@" >"target/logs/$name.log" 2>&1; then
        count "$name" 1 0
    else
        count "$name" 0 1
        tail -n 40 "target/logs/$name.log" >&2
    fi
}

rust_suite() {
    # rustfmt and clippy come with the toolchain named in rust-toolchain.toml.
    rustup component add rustfmt clippy >/dev/null 2>&1 || true
    # The generator (bindings/bindgen) is a workspace of its own: `--all` does not reach it.
    check fmt sh -c "cargo fmt --all --check && cargo fmt --check --manifest-path bindings/bindgen/Cargo.toml"
    check clippy cargo clippy --workspace --all-targets --locked -- -D warnings
    # The core's rustdoc, private items included: a broken or ambiguous intra-doc link fails here.
    check rustdoc env RUSTDOCFLAGS="-D warnings" cargo doc -p dangjian --no-deps --document-private-items --locked
    log "cargo test (workspace, host)"
    local out rc=0
    out="target/logs/cargo-test.log"
    cargo test --workspace --exclude dangjian-wasm --locked >"$out" 2>&1 || rc=$?
    local p f
    # Sum every "test result: ok. N passed; M failed; ..." line (unit, integration and doc tests).
    read -r p f < <(awk '/^test result:/ { for (i = 2; i <= NF; i++) { if ($i == "passed;") p += $(i-1); if ($i == "failed;") f += $(i-1) } }
        END { print p + 0, f + 0 }' "$out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1 # a build failure counts as one failure
    fi
    [ "$rc" -ne 0 ] && grep -E '^(error|test .* FAILED|---- )' "$out" | head -n 40 >&2
    count "cargo" "$p" "$f"
}

script_suite() { # script_suite NAME — runs tests/NAME/run.sh and reads its closing line
    local name=$1 last rc=0
    log "$name: tests/$name/run.sh"
    bash "tests/$name/run.sh" >"target/logs/$name.out" 2>"target/logs/$name.log" || rc=$?
    last=$(tail -n 1 "target/logs/$name.out")
    if [[ "$last" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
        local f=${BASH_REMATCH[2]}
        [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
        count "$name" "${BASH_REMATCH[1]}" "$f"
    else
        count "$name" 0 1
    fi
    if [ "$rc" -ne 0 ]; then
        tail -n 40 "target/logs/$name.log" >&2
    fi
}

fuzz_suite() { # the fuzz smoke (core/fuzz/smoke.sh): every target a few seconds; its last line is the count
    local last rc=0
    log "fuzz: core/fuzz/smoke.sh"
    bash core/fuzz/smoke.sh >"target/logs/fuzz.out" 2>"target/logs/fuzz.log" || rc=$?
    last=$(tail -n 1 "target/logs/fuzz.out")
    if [[ "$last" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
        local f=${BASH_REMATCH[2]}
        [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
        count fuzz "${BASH_REMATCH[1]}" "$f"
    else
        count fuzz 0 1
    fi
    grep -h 'skipped' "target/logs/fuzz.out" >&2 || true
    [ "$rc" -ne 0 ] && tail -n 20 "target/logs/fuzz.out" >&2
}

suites=("$@")
[ ${#suites[@]} -eq 0 ] && suites=(rust kotlin python swift js web fuzz)
for s in "${suites[@]}"; do
    case "$s" in
        rust) timed rust rust_suite ;;
        kotlin | python | swift | js | web) timed "$s" script_suite "$s" ;;
        fuzz) timed fuzz fuzz_suite ;;
        *) log "unknown suite $s" && count "$s" 0 1 ;;
    esac
done

log "summary (logs in target/logs):"
printf '  %s\n' "${summary[@]}" >&2
log "time per suite (CPU: user + system of every process it ran):"
[ ${#stages[@]} -eq 0 ] || printf '  %s\n' "${stages[@]}" >&2
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
