import Foundation

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
    private var line: StatusLine

    init(files paths: [String], quiet: Bool) {
        totalFiles = paths.count
        sizes = Dictionary(paths.map { path in
            (path, ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0)
        }, uniquingKeysWith: { first, _ in first })
        totalBytes = sizes.values.reduce(0, +)
        line = StatusLine(label: "indexing", quiet: quiet)
    }

    func fileDone(_ path: String) {
        files += 1
        bytes += sizes[path] ?? 0
        guard !line.quiet else { return }
        let now = Date()
        let interval = line.terminal ? 0.1 : 5
        guard now.timeIntervalSince(lastReport) >= interval || files == totalFiles else { return }
        lastReport = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / 1e6 / elapsed
        let remaining = rate > 0 ? Double(totalBytes - bytes) / 1e6 / rate : 0
        let text = String(
            format: "%d/%d files, %.1f/%.1f MB, %.1f MB/s, ETA %.0f s", files, totalFiles, Double(bytes) / 1e6,
            Double(totalBytes) / 1e6, rate, remaining)
        if line.terminal {
            let width = 24
            let filled = totalBytes > 0 ? width * bytes / totalBytes : width
            line.show("[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " + text)
        } else {
            line.show(text)
        }
    }

    /// Clears the bar so a message can be printed on its own line.
    func clearLine() {
        line.clear()
    }

    func finish() {
        clearLine()
    }
}
