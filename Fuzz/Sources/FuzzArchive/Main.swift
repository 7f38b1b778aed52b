import Foundation
import FuzzSupport
import Tifa

/// Any bytes as a Markdown, JSONL, CSV or text file (the first byte chooses), read with detected
/// encodings: documents or failures naming the file, never a crash.
@main enum FuzzArchive {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tifa-fuzz-\(getpid())")

    static func main() {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        runFuzzer { input in
            let bytes = Array(input.bindMemory(to: UInt8.self))
            let kinds = ["md", "jsonl", "csv", "txt"]
            let kind = kinds[Int(bytes.first ?? 0) % kinds.count]
            let path = folder.appendingPathComponent("input.\(kind)").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst()))
            for result in ArchiveReader.documents(in: path) {
                if case let .failure(failure) = result {
                    precondition(failure.path == path, "a failure names another file")
                }
            }
        }
    }
}
