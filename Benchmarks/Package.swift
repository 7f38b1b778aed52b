// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in a package of their own so that library users never resolve the benchmark
// framework. Run from this folder: `swift package benchmark`.
/// A path dependency is known by its folder's name, which is whatever the checkout is called.
let rootPackage = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "Tifa")

let package = Package(
    name: "TifaBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: ["Tokenization", "Indexing", "Mining", "Analytics"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "Tifa", package: rootPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    }
)
