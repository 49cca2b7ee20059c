// swift-tools-version:5.9
// Swift package of the dangjian bindings. bindings/scripts/build-xcframework.sh
// lays it out in target/apple/Dangjian/ beside:
//   dangjianFFI.xcframework        the static Rust library per platform + dangjianFFI.h, dangjian_typesFFI.h
//                                  and one module.modulemap declaring both C modules
//   Sources/Dangjian/dangjian.swift, dangjian_types.swift
//                                  the generated UniFFI Swift bindings: the functions and objects, and the
//                                  core's own types (records, enums, the error), one Swift module
//   Tests/DangjianTests/           the XCTest suite (`swift test` on macOS)
// To publish, zip the xcframework and switch the binaryTarget to
// `.binaryTarget(name: "dangjianFFI", url: "<release asset>.xcframework.zip", checksum: "<swift package compute-checksum>")`.
import PackageDescription

let package = Package(
    name: "Dangjian",
    platforms: [.iOS(.v13), .macOS(.v10_15)],
    products: [
        .library(name: "Dangjian", targets: ["Dangjian"]),
    ],
    targets: [
        .binaryTarget(name: "dangjianFFI", path: "dangjianFFI.xcframework"),
        .target(name: "Dangjian", dependencies: ["dangjianFFI"], path: "Sources/Dangjian"),
        .testTarget(name: "DangjianTests", dependencies: ["Dangjian"], path: "Tests/DangjianTests"),
    ]
)
