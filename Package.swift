// swift-tools-version: 6.1
import PackageDescription

/// The bundled dictionaries are embedded into the binary (see `Sources/TifaDictionaryData`),
/// so a library user and a copied `phrasectl` both have them without a resource bundle.
let dictionaryDirectory = Context.packageDirectory + "/Dictionaries"

let package = Package(
    name: "Tifa",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Tifa", targets: ["Tifa"]),
        .library(name: "TifaText", targets: ["TifaText"]),
        .library(name: "TifaIndex", targets: ["TifaIndex"]),
        .library(name: "TifaMining", targets: ["TifaMining"]),
        .library(name: "TifaAnalytics", targets: ["TifaAnalytics"]),
        .executable(name: "phrasectl", targets: ["phrasectl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Only for `swift package generate-documentation` (Scripts/documentation); nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    ],
    targets: [
        .target(
            name: "CICUShim",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        .target(
            name: "TifaDictionaryData",
            cSettings: [.define("TIFA_DICTIONARY_DIR", to: "\"\(dictionaryDirectory)\"")]
        ),
        .target(name: "TifaText", dependencies: ["CICUShim", "TifaDictionaryData"]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "TifaIndex", dependencies: ["TifaText", "CSQLite"], exclude: ["FORMAT.md"]),
        .target(name: "TifaArchive", dependencies: ["TifaText"]),
        .target(name: "TifaMining", dependencies: ["TifaText"]),
        .target(name: "TifaAnalytics", dependencies: ["TifaIndex", "TifaMining", "TifaText"]),
        .target(name: "Tifa", dependencies: ["TifaText", "TifaIndex", "TifaArchive", "TifaMining", "TifaAnalytics"]),
        .executableTarget(
            name: "phrasectl",
            dependencies: [
                "Tifa",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets need: the repository's folder, running Python on SQLite files.
        .target(name: "TifaTestSupport", dependencies: ["TifaText"], path: "Tests/TifaTestSupport"),
        .testTarget(name: "TifaTextTests", dependencies: ["TifaText", "TifaArchive", "TifaTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TifaIndexTests", dependencies: ["TifaIndex", "TifaArchive", "TifaTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TifaMiningTests", dependencies: ["TifaMining"]),
        .testTarget(name: "TifaAnalyticsTests", dependencies: ["TifaAnalytics", "TifaIndex", "TifaArchive", "TifaTestSupport"]),
        .testTarget(name: "phrasectlTests", dependencies: ["phrasectl", "TifaIndex", "TifaTestSupport"]),
    ]
)
