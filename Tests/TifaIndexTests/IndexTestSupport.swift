import Foundation
import TifaIndex
@_exported import TifaTestSupport
import XCTest

/// A fresh index file in a temporary folder.
func temporaryIndexPath() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("test.tifa").path
}

/// A fresh empty folder whose name holds no digits, so that no date is read from it.
func temporaryFolder() throws -> URL {
    let letters = UUID().uuidString.unicodeScalars.map { CharacterSet.decimalDigits.contains($0) ? "x" : Character($0) }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tifa-" + String(letters))
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `bytes` to `relativePath` under `folder`, making the folders between; the file's path.
@discardableResult
func write(_ bytes: [UInt8], to relativePath: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url.path
}
