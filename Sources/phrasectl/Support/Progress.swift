import Foundation
import Tifa

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long run on standard error: a bar redrawn in place on a terminal, a plain line
/// every few seconds otherwise, nothing when quiet.
final class Progress {
    private let totalFiles: Int
    private let totalBytes: Int
    private let sizes: [String: Int]
    private var files = 0
    private var bytes = 0
    private let start = Date()
    private var lastReport = Date.distantPast
    private let quiet: Bool
    private let terminal = isatty(2) != 0
    private var stderr = StandardError()

    init(files paths: [String], quiet: Bool) {
        totalFiles = paths.count
        sizes = Dictionary(paths.map { path in
            (path, ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0)
        }, uniquingKeysWith: { first, _ in first })
        totalBytes = sizes.values.reduce(0, +)
        self.quiet = quiet
    }

    func fileDone(_ path: String) {
        files += 1
        bytes += sizes[path] ?? 0
        guard !quiet else { return }
        let now = Date()
        let interval = terminal ? 0.1 : 5
        guard now.timeIntervalSince(lastReport) >= interval || files == totalFiles else { return }
        lastReport = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / 1e6 / elapsed
        let remaining = rate > 0 ? Double(totalBytes - bytes) / 1e6 / rate : 0
        let text = String(
            format: "%d/%d files, %.1f/%.1f MB, %.1f MB/s, ETA %.0f s", files, totalFiles, Double(bytes) / 1e6,
            Double(totalBytes) / 1e6, rate, remaining)
        if terminal {
            let width = 24
            let filled = totalBytes > 0 ? width * bytes / totalBytes : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            print("\r\u{1B}[K[\(bar)] \(text)", terminator: "", to: &stderr)
        } else {
            print("indexing: \(text)", to: &stderr)
        }
    }

    /// Clears the bar so a message can be printed on its own line.
    func clearLine() {
        if terminal && !quiet { print("\r\u{1B}[K", terminator: "", to: &stderr) }
    }

    func finish() {
        clearLine()
    }
}

/// The stages of a mining run on standard error: one line redrawn in place on a terminal; otherwise
/// a line per major stage once the run has taken two seconds (a short run stays silent); nothing
/// when quiet.
final class MiningProgressReport {
    private let documents: Int
    private let quiet: Bool
    private let terminal = isatty(2) != 0
    private let start = Date()
    private var stderr = StandardError()

    init(documents: Int, quiet: Bool) {
        self.documents = documents
        self.quiet = quiet
    }

    func stage(_ stage: MiningStage) {
        guard !quiet else { return }
        let text: String
        switch stage {
        case let .sortingSuffixes(characters):
            text = "mining \(documents) documents, \(characters) Han characters: sorting suffixes"
        case .findingPatterns:
            text = "finding patterns (numbered formulas, quotations, lists, frames)"
        case let .countingLength(length):
            guard terminal else { return }
            text = "counting n-grams of \(length) characters"
        case let .ranking(candidates):
            text = "ranking \(candidates) candidates"
        }
        let seconds = Date().timeIntervalSince(start)
        guard terminal || seconds >= 2 else { return }
        let elapsed = String(format: "%.1f s", seconds)
        if terminal {
            print("\r\u{1B}[K[\(elapsed)] \(text)", terminator: "", to: &stderr)
        } else {
            print("phrasectl: [\(elapsed)] \(text)", to: &stderr)
        }
    }

    func finish() {
        guard !quiet, terminal else { return }
        print("\r\u{1B}[K", terminator: "", to: &stderr)
    }
}
