#!/usr/bin/env bash
# Builds the XCFramework and the Swift package of the dangjian bindings (macOS only).
#   bash bindings/scripts/build-xcframework.sh [--test]
# Needs: macOS with Xcode (xcodebuild, lipo) and rustup. Steps:
#   1. cargo build --release --lib for iOS (aarch64-apple-ios), the iOS simulator
#      (aarch64-apple-ios-sim + x86_64-apple-ios, lipo'd) and macOS
#      (aarch64-apple-darwin + x86_64-apple-darwin, lipo'd): static libdangjian_ffi.a;
#   2. the Swift bindings are generated from the host build (dangjian.swift and
#      dangjian_types.swift, dangjianFFI.h and dangjian_typesFFI.h, both .modulemap files
#      -> one module.modulemap);
#   3. xcodebuild -create-xcframework -> target/apple/Dangjian/dangjianFFI.xcframework,
#      with the Swift package (bindings/swift/Package.swift) laid out around it in
#      target/apple/Dangjian/. --test then runs `swift test` there (macOS slice).
# Environment: IPHONEOS_DEPLOYMENT_TARGET (default 13.0), MACOSX_DEPLOYMENT_TARGET
# (default 10.15), matching the platforms of Package.swift.
set -euo pipefail
FFI_SUITE=xcframework
FFI_SUMMARY=0
# shellcheck source-path=SCRIPTDIR source=../../tests/lib/ffi.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../tests/lib/ffi.sh"

die() {
    log "ERROR: $*"
    exit 1
}

run_tests=0
for arg in "$@"; do
    case $arg in
        --test) run_tests=1 ;;
        *) die "unknown argument $arg (usage: build-xcframework.sh [--test])" ;;
    esac
done

[ "$(uname -s)" = Darwin ] || die "an XCFramework can only be built on macOS (this is $(uname -s)); on Linux, tests/swift/run.sh checks the generated Swift bindings"
command -v xcodebuild >/dev/null 2>&1 || die "xcodebuild not found: install Xcode and run xcode-select"
command -v lipo >/dev/null 2>&1 || die "lipo not found: install the Xcode command line tools"

export IPHONEOS_DEPLOYMENT_TARGET=${IPHONEOS_DEPLOYMENT_TARGET:-13.0}
export MACOSX_DEPLOYMENT_TARGET=${MACOSX_DEPLOYMENT_TARGET:-10.15}

ios=aarch64-apple-ios
sim=(aarch64-apple-ios-sim x86_64-apple-ios)
mac=(aarch64-apple-darwin x86_64-apple-darwin)
log "rustup target add $ios ${sim[*]} ${mac[*]}"
rustup target add "$ios" "${sim[@]}" "${mac[@]}" >&2

# 1. Static libraries per target, then one fat library per platform.
for triple in "$ios" "${sim[@]}" "${mac[@]}"; do
    log "cargo build --release -p dangjian-ffi --lib --target $triple"
    (cd "$FFI_ROOT" && cargo build --release -p dangjian-ffi --lib --target "$triple")
done
out="$FFI_TARGET/apple"
rm -rf "$out"
mkdir -p "$out/ios" "$out/ios-simulator" "$out/macos"
staticlib() { echo "$FFI_TARGET/$1/release/libdangjian_ffi.a"; }
cp "$(staticlib "$ios")" "$out/ios/"
lipo -create "$(staticlib "${sim[0]}")" "$(staticlib "${sim[1]}")" -output "$out/ios-simulator/libdangjian_ffi.a"
lipo -create "$(staticlib "${mac[0]}")" "$(staticlib "${mac[1]}")" -output "$out/macos/libdangjian_ffi.a"

# 2. Swift bindings, from the host build (unstripped, with the UniFFI metadata).
ffi_build
ffi_generate swift "" "$out/swift"
# Two UniFFI components, two C modules: dangjianFFI (the functions and objects) and dangjian_typesFFI (the
# core's own types); one module.modulemap declares both, and both .swift files make up the one Swift module.
mkdir -p "$out/headers"
cp "$out/swift/dangjianFFI.h" "$out/swift/dangjian_typesFFI.h" "$out/headers/"
cat "$out/swift/dangjianFFI.modulemap" "$out/swift/dangjian_typesFFI.modulemap" >"$out/headers/module.modulemap"

# 3. The XCFramework inside the Swift package.
pkg="$out/Dangjian"
mkdir -p "$pkg/Sources/Dangjian" "$pkg/Tests"
log "xcodebuild -create-xcframework -> $pkg/dangjianFFI.xcframework"
xcodebuild -create-xcframework \
    -library "$out/ios/libdangjian_ffi.a" -headers "$out/headers" \
    -library "$out/ios-simulator/libdangjian_ffi.a" -headers "$out/headers" \
    -library "$out/macos/libdangjian_ffi.a" -headers "$out/headers" \
    -output "$pkg/dangjianFFI.xcframework" >&2
cp "$FFI_ROOT/bindings/swift/Package.swift" "$pkg/"
cp "$out/swift/dangjian.swift" "$out/swift/dangjian_types.swift" "$pkg/Sources/Dangjian/"
cp -R "$FFI_ROOT/bindings/swift/Tests/DangjianTests" "$pkg/Tests/"
log "Swift package ready: $pkg (add it as a local package in Xcode, or publish the zipped xcframework)"

if [ "$run_tests" -eq 1 ]; then
    log "swift test (in $pkg)"
    (cd "$pkg" && swift test >&2)
fi
echo "$pkg"
