import Foundation
import XCTest
// The package-wide seeded generator (SplitMix64) and the rest of TifaText, for every test target.
@_exported import TifaText

/// The folder holding the repository, for fixtures kept in it.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared/data`, the corpora some tests read; not part of the repository.
public let sharedData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

/// Skips the calling test when `../shared/data` lacks what it needs, but fails it when CI=true:
/// there a skip would let a checkout without the data pass unnoticed.
public func requireSharedData(
    _ present: Bool, _ missing: @autoclosure () -> String,
    environment: [String: String] = ProcessInfo.processInfo.environment
) throws {
    guard !present else { return }
    let message = "\(missing()): the test needs ../shared/data beside the repository (\(sharedData.path))"
    if environment["CI"] == "true" { throw MissingSharedData(description: message + "; CI=true, so this fails instead of skipping") }
    throw XCTSkip(message)
}

public struct MissingSharedData: Error, CustomStringConvertible {
    public var description: String
}
