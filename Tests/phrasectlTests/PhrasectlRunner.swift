import Foundation
import XCTest
@_exported import TifaTestSupport

/// Runs the built `phrasectl` binary, as a user would.
struct PhrasectlRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        // The test bundle sits in the same build products folder as the executable.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("phrasectl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let fallback = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("phrasectl")
        return fallback
    }

    /// Runs the binary with `arguments` (or `executable` with `argumentsPrefix + arguments`).
    static func run(
        _ arguments: [String], stdin: Data? = nil, in folder: URL? = nil, executable: URL? = nil, argumentsPrefix: [String] = []
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = argumentsPrefix + arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Both pipes are drained at once: a child filling one while the other is read would wait forever.
        let errors = ErrorsRead()
        let reading = DispatchGroup()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async(group: reading) { errors.data = errHandle.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        let errData = errors.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFile(_ bytes: [UInt8], name: String = "input.txt") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}


/// Standard error as a background read leaves it; read after the read is waited for.
private final class ErrorsRead: @unchecked Sendable {
    var data = Data()
}

extension PhrasectlRunner {
    /// An index made by `phrasectl index` from JSONL records, committed one record at a time so
    /// it has several segments; its path.
    static func index(records: [String]) throws -> String {
        let input = try temporaryFile(Array((records.joined(separator: "\n") + "\n").utf8), name: "records.jsonl")
        let db = (input as NSString).deletingLastPathComponent + "/index.tifa"
        let result = try run(["index", "--quiet", "--batch", "1", "--db", db, input])
        XCTAssertEqual(result.status, 0, result.stderr)
        return db
    }
}
