# shellcheck shell=bash
# Shared helpers for the UniFFI test suites (tests/kotlin, tests/python, tests/swift),
# examples/kotlin and the packaging scripts in bindings/scripts. Source it after
# `set -euo pipefail` and after setting FFI_SUITE (the suite name printed in the
# closing line; FFI_SUMMARY=0 for scripts that are not test suites):
#
#   FFI_SUITE=kotlin
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib/ffi.sh"
#
# It provides:
#   FFI_ROOT        the repository root (found from this file's path)
#   FFI_TARGET      the cargo target dir ($CARGO_TARGET_DIR or $FFI_ROOT/target)
#   FFI_TOOLS       where tools are installed ($DANGJIAN_TOOLS_DIR or $FFI_TARGET/tools; git-ignored)
#   FFI_GEN         where generated bindings go ($FFI_TARGET/bindings/<lang>; never committed)
#   FFI_LIB         the built host library ($FFI_TARGET/release/libdangjian_ffi.so, .dylib on macOS)
#   FFI_LIB_DIR     its directory
#   log MSG...                 progress to stderr
#   ffi_build                  cargo build of the library + the generator (bindings/bindgen)
#   ffi_generate LANG [CONFIG] [OUT]  regenerate bindings for LANG into OUT (default
#                              $FFI_GEN/LANG), emptied first
#   ffi_apt_install FILE PKG.. apt-get install PKGs unless FILE exists (apt-get update first)
#   ffi_kotlinc                install the pinned Kotlin compiler (npm) if absent; prints its path
#   ffi_jna_jar                install JNA (Debian libjna-java) if absent; prints the jar path
#   ffi_pass NAME / ffi_fail NAME [WHY]   count one test
#   ffi_add PASSED FAILED      add counts reported by a sub-runner
#   ffi_finish                 print "<suite>: N passed, N failed" as the last stdout line; exit 0 iff none failed
#
# If a test suite dies before ffi_finish (a failed install or build), an EXIT
# trap still prints the closing line, with the abort counted as one failure.

shopt -s inherit_errexit

: "${FFI_SUITE:?set FFI_SUITE before sourcing tests/lib/ffi.sh}"

FFI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FFI_TARGET="${CARGO_TARGET_DIR:-$FFI_ROOT/target}"
# cargo runs from the root, so a relative CARGO_TARGET_DIR is relative to it.
[[ $FFI_TARGET == /* ]] || FFI_TARGET="$FFI_ROOT/$FFI_TARGET"
FFI_TOOLS="${DANGJIAN_TOOLS_DIR:-$FFI_TARGET/tools}"
FFI_GEN="$FFI_TARGET/bindings"
FFI_LIB_DIR="$FFI_TARGET/release"
case "$(uname -s)" in
    Darwin) FFI_LIB="$FFI_LIB_DIR/libdangjian_ffi.dylib" ;;
    *) FFI_LIB="$FFI_LIB_DIR/libdangjian_ffi.so" ;;
esac
FFI_BINDGEN_TARGET="$FFI_TOOLS/bindgen"
FFI_BINDGEN="$FFI_BINDGEN_TARGET/debug/uniffi-bindgen"
FFI_KOTLIN_VERSION="2.4.20"

FFI_PASSED=0
FFI_FAILED=0
FFI_FINISHED=0
FFI_T0=$SECONDS

log() { printf '[%s %3ds] %s\n' "$FFI_SUITE" "$((SECONDS - FFI_T0))" "$*" >&2; }

ffi_pass() {
    FFI_PASSED=$((FFI_PASSED + 1))
    log "PASS $1"
}

ffi_fail() {
    FFI_FAILED=$((FFI_FAILED + 1))
    log "FAIL $1${2:+: $2}"
}

ffi_add() {
    FFI_PASSED=$((FFI_PASSED + $1))
    FFI_FAILED=$((FFI_FAILED + $2))
}

ffi_finish() {
    FFI_FINISHED=1
    log "done in $((SECONDS - FFI_T0)) s"
    echo "$FFI_SUITE: $FFI_PASSED passed, $FFI_FAILED failed"
    [ "$FFI_FAILED" -eq 0 ]
}

_ffi_on_exit() {
    local rc=$?
    if [ "$FFI_FINISHED" -eq 0 ]; then
        log "ABORTED (exit $rc) before the tests finished; see the messages above"
        echo "$FFI_SUITE: $FFI_PASSED passed, $((FFI_FAILED + 1)) failed"
        [ "$rc" -ne 0 ] || rc=1
    fi
    exit "$rc"
}
[ "${FFI_SUMMARY:-1}" = 0 ] || trap _ffi_on_exit EXIT

# Build the library exactly as it ships (release) and the generator. The generator is the crate
# bindings/bindgen (UniFFI's own `uniffi-bindgen` plus the step that gives errors their sentence), a
# workspace of its own with its own lock, built into target/tools/bindgen: it compiles only UniFFI's tree.
# Built as a feature of dangjian-ffi it needed a second target dir and so a second build of the core, of
# dangjian-ffi and of every dependency they share (from scratch on a 2-core machine: 216 s CPU that way,
# about 150 s for UniFFI's tree alone). Dev profile without debug info: it only reads metadata and renders
# templates, and an unoptimised build takes about half the CPU time.
ffi_build() {
    log "cargo build --release -p dangjian-ffi --lib"
    (cd "$FFI_ROOT" && cargo build --release -p dangjian-ffi --lib)
    log "cargo build --manifest-path bindings/bindgen/Cargo.toml (target dir $FFI_BINDGEN_TARGET)"
    (cd "$FFI_ROOT" && CARGO_PROFILE_DEV_DEBUG=false CARGO_INCREMENTAL=0 \
        cargo build --locked --manifest-path bindings/bindgen/Cargo.toml --target-dir "$FFI_BINDGEN_TARGET")
    # The generator's dirs of earlier layouts: nothing uses them now.
    rm -rf "$FFI_TOOLS/uniffi-bindgen" "$FFI_TOOLS/uniffi"
    [ -f "$FFI_LIB" ] || { log "expected $FFI_LIB after the build"; return 1; }
}

# ffi_generate LANG [CONFIG] [OUT]: CONFIG is an optional global --config file
# whose [crates.dangjian_ffi.bindings.LANG] overrides bindings/uniffi.toml.
# Generation needs the UNSTRIPPED host library (it reads UniFFI's metadata).
ffi_generate() {
    local lang=$1 config=${2:-} out=${3:-$FFI_GEN/$1}
    local args=(generate --no-format --language "$lang" --out-dir "$out")
    [ -z "$config" ] || args+=(--config "$config")
    log "uniffi-bindgen ${args[*]} $FFI_LIB"
    rm -rf "$out"
    mkdir -p "$out"
    # Library mode reads bindings/uniffi.toml through `cargo metadata`: run from the root.
    (cd "$FFI_ROOT" && "$FFI_BINDGEN" "${args[@]}" "$FFI_LIB" >&2)
}

ffi_apt_install() {
    local file=$1
    shift
    if [ -e "$file" ]; then
        return 0
    fi
    log "$file missing: apt-get install $*"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get -q update >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -q install -y --no-install-recommends "$@" >&2
    [ -e "$file" ] || { log "apt-get installed $* but $file is still missing"; return 1; }
}

ffi_jna_jar() {
    ffi_apt_install /usr/share/java/jna.jar libjna-java
    echo /usr/share/java/jna.jar
}

ffi_kotlinc() {
    local prefix="$FFI_TOOLS/kotlin"
    local pkg="$prefix/node_modules/kotlin-compiler"
    if ! grep -q "\"version\": *\"$FFI_KOTLIN_VERSION\"" "$pkg/package.json" 2>/dev/null \
        || [ ! -x "$pkg/bin/kotlinc" ]; then
        log "installing kotlin-compiler@$FFI_KOTLIN_VERSION (npm) into $prefix"
        mkdir -p "$prefix"
        npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
            "kotlin-compiler@$FFI_KOTLIN_VERSION" >&2
        [ -x "$pkg/bin/kotlinc" ] || chmod +x "$pkg"/bin/* 2>/dev/null || true
    fi
    [ -x "$pkg/bin/kotlinc" ] || { log "no kotlinc at $pkg/bin/kotlinc"; return 1; }
    echo "$pkg/bin/kotlinc"
}

# ffi_kotlin_jar OUT.jar CLASSPATH SOURCES...: one kotlinc call, skipped when the
# jar was built from exactly the same sources, classpath and compiler before.
ffi_kotlin_jar() {
    local jar=$1 cp=$2
    shift 2
    local kotlinc stamp
    kotlinc=$(ffi_kotlinc)
    stamp=$( {
        echo "$FFI_KOTLIN_VERSION $cp"
        sha256sum "$@"
    } | sha256sum | cut -d' ' -f1)
    if [ -f "$jar" ] && [ "$(cat "$jar.stamp" 2>/dev/null)" = "$stamp" ]; then
        log "$(basename "$jar") is up to date (same sources): kotlinc skipped"
        return 0
    fi
    log "kotlinc: $# source files -> $jar"
    mkdir -p "$(dirname "$jar")"
    rm -f "$jar" "$jar.stamp"
    "$kotlinc" -nowarn -cp "$cp" "$@" -include-runtime -d "$jar" >&2
    echo "$stamp" >"$jar.stamp"
}
