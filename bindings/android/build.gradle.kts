// Android library module for the dangjian UniFFI bindings (package cn.dangjian).
// bindings/scripts/build-android-aar.sh copies this file into target/android/dangjian/
// next to the generated Kotlin (src/main/kotlin) and the cargo-ndk output
// (src/main/jniLibs/<abi>/libdangjian_ffi.so), then runs `gradle assembleRelease`.
// Versions: keep kotlin in step with tests/lib/ffi.sh (FFI_KOTLIN_VERSION) and JNA
// at >= 5.12 (UniFFI's generated code needs it).
plugins {
    id("com.android.library") version "8.7.3"
    id("org.jetbrains.kotlin.android") version "2.4.20"
}

android {
    namespace = "cn.dangjian"
    compileSdk = 35

    defaultConfig {
        minSdk = 21
        consumerProguardFiles("consumer-rules.pro")
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    sourceSets["main"].kotlin.srcDir("src/main/kotlin")
    sourceSets["main"].jniLibs.srcDir("src/main/jniLibs")
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    // JNA with its Android native dispatch libraries (the @aar artifact, not the jar).
    api("net.java.dev.jna:jna:5.13.0@aar")
    // @RequiresApi, used by the generated Android cleaner (android_cleaner = true).
    implementation("androidx.annotation:annotation:1.9.1")
}
