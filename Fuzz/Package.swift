// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets, in a package of their own: they are built only with
// `-sanitize=fuzzer,address` (see Scripts/fuzz), never by `swift build` of the library.
/// A path dependency is known by its folder's name, which is whatever the checkout is called.
let rootPackage = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "Tifa")

let package = Package(
    name: "TifaFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
    ] + ["FuzzSegmenter", "FuzzQuery", "FuzzArchive"].map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "Tifa", package: rootPackage)])
    }
)
