import Foundation
// The package-wide seeded generator (SplitMix64) and the rest of TifaText, for every test target.
@_exported import TifaText

/// The folder holding the repository, for fixtures kept in it.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared/data`, the evaluation corpora beside the repository. Tests never need it; a test may
/// check more when it is there (the PKU text's segmentation fingerprint).
public let sharedData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
