#!/usr/bin/env bash
# Builds the Android library (AAR) of the dangjian bindings.
#   ANDROID_NDK_HOME=/path/to/ndk bash bindings/scripts/build-android-aar.sh
# Needs: ANDROID_NDK_HOME (the NDK root); for the final AAR also ANDROID_HOME (the
# SDK) and `gradle` 8.9+ on PATH (or GRADLE=/path/to/gradle). Steps:
#   1. cargo-ndk (installed into target/tools/cargo if absent) builds
#      libdangjian_ffi.so for arm64-v8a, armeabi-v7a, x86_64 and x86 into the
#      jniLibs layout: target/android/dangjian/src/main/jniLibs/<abi>/libdangjian_ffi.so
#   2. the Kotlin bindings are generated with bindings/uniffi.toml as is
#      (android_cleaner = true, omit_checksums = true) into src/main/kotlin;
#   3. the Gradle module template (bindings/android/) is laid beside them and
#      `gradle assembleRelease` writes target/android/dangjian-release.aar.
# Without gradle the script stops after step 3's copy and says where the module is.
# Environment: ANDROID_ABIS (default "arm64-v8a armeabi-v7a x86_64 x86"),
# ANDROID_MIN_SDK (default 21), CARGO_NDK_VERSION (default 4.1.2).
set -euo pipefail
FFI_SUITE=aar
FFI_SUMMARY=0
# shellcheck source-path=SCRIPTDIR source=../../tests/lib/ffi.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../tests/lib/ffi.sh"

die() {
    log "ERROR: $*"
    exit 1
}

[ -n "${ANDROID_NDK_HOME:-}" ] \
    || die "ANDROID_NDK_HOME is not set: point it at an Android NDK (r26 or newer), e.g. \$ANDROID_HOME/ndk/<version>"
[ -d "$ANDROID_NDK_HOME/toolchains/llvm/prebuilt" ] \
    || die "ANDROID_NDK_HOME=$ANDROID_NDK_HOME is not an NDK root (no toolchains/llvm/prebuilt)"

read -ra abis <<<"${ANDROID_ABIS:-arm64-v8a armeabi-v7a x86_64 x86}"
min_sdk=${ANDROID_MIN_SDK:-21}
ndk_version=${CARGO_NDK_VERSION:-4.1.2}
module="$FFI_TARGET/android/dangjian"
aar="$FFI_TARGET/android/dangjian-release.aar"

# Rust targets for the requested ABIs.
triples=()
for abi in "${abis[@]}"; do
    case $abi in
        arm64-v8a) triples+=(aarch64-linux-android) ;;
        armeabi-v7a) triples+=(armv7-linux-androideabi) ;;
        x86_64) triples+=(x86_64-linux-android) ;;
        x86) triples+=(i686-linux-android) ;;
        *) die "unknown ABI $abi (use arm64-v8a, armeabi-v7a, x86_64, x86)" ;;
    esac
done
log "rustup target add ${triples[*]}"
rustup target add "${triples[@]}" >&2

cargo_ndk="$FFI_TOOLS/cargo/bin/cargo-ndk"
if ! "$cargo_ndk" --version 2>/dev/null | grep -qF "$ndk_version"; then
    log "installing cargo-ndk $ndk_version into $FFI_TOOLS/cargo"
    cargo install --root "$FFI_TOOLS/cargo" --version "$ndk_version" cargo-ndk
fi

# 1. Native libraries, in the jniLibs layout.
rm -rf "$module"
mkdir -p "$module/src/main/jniLibs" "$module/src/main/kotlin"
ndk_args=()
for abi in "${abis[@]}"; do ndk_args+=(-t "$abi"); done
log "cargo ndk ${ndk_args[*]} -P $min_sdk -o $module/src/main/jniLibs build --release -p dangjian-ffi --lib"
(cd "$FFI_ROOT" && PATH="$FFI_TOOLS/cargo/bin:$PATH" cargo ndk "${ndk_args[@]}" -P "$min_sdk" \
    -o "$module/src/main/jniLibs" build --release -p dangjian-ffi --lib)
for abi in "${abis[@]}"; do
    [ -f "$module/src/main/jniLibs/$abi/libdangjian_ffi.so" ] || die "cargo-ndk produced no $abi/libdangjian_ffi.so"
done

# 2. Kotlin sources, generated from the host build (same crate, same metadata) with
#    the Android settings of bindings/uniffi.toml.
ffi_build
ffi_generate kotlin "" "$module/src/main/kotlin"

# 3. The Gradle module and, when Gradle is there, the AAR.
cp "$FFI_ROOT/bindings/android/build.gradle.kts" "$FFI_ROOT/bindings/android/settings.gradle.kts" \
    "$FFI_ROOT/bindings/android/consumer-rules.pro" "$module/"
cp "$FFI_ROOT/bindings/android/AndroidManifest.xml" "$module/src/main/"
sed -i.bak "s/minSdk = 21/minSdk = $min_sdk/" "$module/build.gradle.kts" && rm -f "$module/build.gradle.kts.bak"

gradle_bin=${GRADLE:-$(command -v gradle || true)}
if [ -z "$gradle_bin" ]; then
    log "gradle not found: the Android library module is ready at $module"
    log "build the AAR there with: gradle assembleRelease (needs ANDROID_HOME), or include it in an app's settings.gradle.kts"
    exit 0
fi
[ -n "${ANDROID_HOME:-${ANDROID_SDK_ROOT:-}}" ] || die "ANDROID_HOME (the Android SDK) is not set; gradle needs it"
log "$gradle_bin -p $module assembleRelease"
"$gradle_bin" -p "$module" --no-daemon assembleRelease >&2
cp "$module/build/outputs/aar/"*release*.aar "$aar"
log "wrote $aar"
echo "$aar"
