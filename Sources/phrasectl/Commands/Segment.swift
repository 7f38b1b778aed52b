import ArgumentParser
import Dispatch
import Foundation
import Tifa

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut text into words, set formulations, numbers and masks.",
        discussion: """
            Reads each FILE (or standard input when none is given, or for "-") line by line and \
            writes one output line per input line. Text output separates tokens by one space; JSON \
            output writes one object per line: {"line":N,"tokens":[{"text","kind","start","end",\
            "byteStart","byteEnd"}]}, where start/end are Unicode-scalar offsets and byteStart/byteEnd \
            UTF-8 byte offsets into the original line.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp(
        "coarse: set phrases whole (default); fine: words close to the PKU standard; icu: ICU word breaks (baseline).",
        valueName: "mode"))
    var mode: SegmentationMode = .coarse

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .customLong("to-simplified"), help: "Map Traditional characters to Simplified before segmenting (offsets still point into the original).")
    var toSimplified = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of stopping with an error.")
    var lossy = false

    @Option(help: ArgumentHelp("Segment with this many threads; output keeps the input order.", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var dictionaries: DictionaryOptions

    @Argument(help: ArgumentHelp("UTF-8 text files; standard input when none.", valueName: "FILE"))
    var files: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
    }

    func run() throws {
        let segmenter: any Segmenter
        do {
            if mode == .icu {
                segmenter = try ICUSegmenter(toSimplified: toSimplified)
            } else {
                let lexicon = try dictionaries.loadLexicon()
                segmenter = try LexiconSegmenter(
                    lexicon: lexicon, granularity: mode == .fine ? .fine : .coarse, toSimplified: toSimplified)
            }
        } catch let error as CLIError {
            fail(error)
        } catch {
            fail(.dictionary("\(error)"))
        }
        let formatter = TokenFormatter(format: format, lossy: lossy)
        let output = OutputWriter()
        let batchBytes = 1 << 20
        for path in files.isEmpty ? ["-"] : files {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch { fail(error) }
            let name = path == "-" ? "<stdin>" : path
            let pipeline = SegmentationPipeline(jobs: jobs)
            var submitted = 0
            while true {
                let batch: LineReader.Batch?
                do { batch = try reader.nextBatch(minimumBytes: batchBytes) } catch let error as CLIError {
                    output.flush()
                    fail(error)
                }
                guard let batch else { break }
                pipeline.submit(submitted) { formatter.segment(batch, with: segmenter) }
                submitted += 1
                pipeline.drainReady { write($0, to: output, name: name) }
            }
            pipeline.finish { write($0, to: output, name: name) }
        }
        output.flush()
    }

    private func write(_ result: TokenFormatter.Result, to output: OutputWriter, name: String) {
        result.output.withUnsafeBufferPointer { output.write($0) }
        if let failure = result.failure {
            output.flush()
            fail(.invalidUTF8(path: name, line: failure.line, byteOffset: failure.byteOffset))
        }
    }
}

/// Segments batches on worker threads while the caller keeps reading, and hands the results back
/// in submission order. At most `2 × jobs` batches are being segmented at once, so memory is
/// bounded by the batch size.
final class SegmentationPipeline: @unchecked Sendable {
    // @unchecked: `results` and `next` are only touched under `lock`.
    private let lock = NSLock()
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let queue: DispatchQueue
    private var results: [Int: TokenFormatter.Result] = [:]
    private var next = 0

    init(jobs: Int) {
        slots = DispatchSemaphore(value: jobs == 1 ? 1 : jobs * 2)
        queue = DispatchQueue(label: "phrasectl.segment", attributes: .concurrent)
        self.jobs = jobs
    }

    private let jobs: Int

    func submit(_ index: Int, _ work: @escaping @Sendable () -> TokenFormatter.Result) {
        if jobs == 1 {
            store(index, work())
            return
        }
        slots.wait()
        group.enter()
        queue.async {
            let result = work()
            self.store(index, result)
            self.slots.signal()
            self.group.leave()
        }
    }

    private func store(_ index: Int, _ result: TokenFormatter.Result) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    /// Hands over, in order, every result that is ready.
    func drainReady(_ body: (TokenFormatter.Result) -> Void) {
        while true {
            lock.lock()
            let result = results.removeValue(forKey: next)
            if result != nil { next += 1 }
            lock.unlock()
            guard let result else { return }
            body(result)
        }
    }

    /// Waits for every batch and hands over the remaining results in order.
    func finish(_ body: (TokenFormatter.Result) -> Void) {
        group.wait()
        drainReady(body)
    }
}

/// Segments a batch of lines and formats the tokens as text or JSON lines.
struct TokenFormatter: Sendable {
    let format: Segment.Format
    let lossy: Bool

    struct Result {
        var output: [UInt8] = []
        /// The first line that is not UTF-8 (when not lossy): its number and byte offset in the input.
        var failure: (line: Int, byteOffset: Int)?
    }

    func segment(_ batch: LineReader.Batch, with segmenter: any Segmenter) -> Result {
        var result = Result()
        result.output.reserveCapacity(batch.bytes.count * (format == .text ? 2 : 12))
        let workspace = SegmentationWorkspace()
        var tokens: [Token] = []
        var repaired: [UInt8] = []
        batch.bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            var number = batch.firstLine
            while start < bytes.count {
                var end = start
                while bytes[end] != 0x0A { end += 1 }
                let next = end + 1
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                tokens.removeAll(keepingCapacity: true)
                do {
                    try segmenter.segment(line, into: &tokens, workspace: workspace)
                    append(tokens, of: line, number: number, to: &result.output, segmenter: segmenter, workspace: workspace)
                } catch SegmentationError.invalidUTF8(let offset) {
                    guard lossy else {
                        result.failure = (number, batch.firstOffset + start + offset)
                        return
                    }
                    repaired.removeAll(keepingCapacity: true)
                    repaired.append(contentsOf: String(decoding: line, as: UTF8.self).utf8)
                    repaired.withUnsafeBufferPointer { fixed in
                        // Repaired text is valid UTF-8, so this cannot fail again.
                        try? segmenter.segment(fixed, into: &tokens, workspace: workspace)
                        append(tokens, of: fixed, number: number, to: &result.output, segmenter: segmenter, workspace: workspace)
                    }
                } catch {
                    result.failure = (number, batch.firstOffset + start)
                    return
                }
                start = next
                number += 1
            }
        }
        return result
    }

    private func append(
        _ tokens: [Token], of line: UnsafeBufferPointer<UInt8>, number: Int, to out: inout [UInt8], segmenter: any Segmenter,
        workspace: SegmentationWorkspace
    ) {
        switch format {
        case .text:
            // Tokens are never longer together than the line, plus one space between each.
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: line.count + tokens.count + 1))
            var written = 0
            out.withUnsafeMutableBufferPointer { buffer in
                var p = buffer.baseAddress! + start
                for (i, token) in tokens.enumerated() {
                    if i > 0 {
                        p.pointee = 0x20
                        p += 1
                    }
                    let count = token.utf8Range.count
                    p.update(from: line.baseAddress! + token.utf8Range.lowerBound, count: count)
                    p += count
                }
                p.pointee = 0x0A
                written = p + 1 - (buffer.baseAddress! + start)
            }
            out.removeLast(out.count - start - written)
        case .json:
            out.append(contentsOf: #"{"line":"#.utf8)
            appendInteger(number, to: &out)
            out.append(contentsOf: #","tokens":["#.utf8)
            let lexiconSegmenter = segmenter as? LexiconSegmenter
            for (i, token) in tokens.enumerated() {
                if i > 0 { out.append(0x2C) }
                let parts = lexiconSegmenter?.parts(of: token, in: line, workspace: workspace) ?? []
                appendJSON(NestedToken(token: token, parts: parts), of: line, to: &out)
            }
            out.append(contentsOf: "]}\n".utf8)
        }
    }
}

/// `{"text","kind","start","end","byteStart","byteEnd"}`, and `"parts":[…]` (the same objects)
/// for a token made of several.
private func appendJSON(_ nested: NestedToken, of line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    let token = nested.token
    out.append(contentsOf: #"{"text":""#.utf8)
    appendJSONEscaped(UnsafeBufferPointer(rebasing: line[token.utf8Range]), to: &out)
    out.append(contentsOf: #"","kind":""#.utf8)
    out.append(contentsOf: token.kind.rawValue.utf8)
    out.append(contentsOf: #"","start":"#.utf8)
    appendInteger(token.scalarRange.lowerBound, to: &out)
    out.append(contentsOf: #","end":"#.utf8)
    appendInteger(token.scalarRange.upperBound, to: &out)
    out.append(contentsOf: #","byteStart":"#.utf8)
    appendInteger(token.utf8Range.lowerBound, to: &out)
    out.append(contentsOf: #","byteEnd":"#.utf8)
    appendInteger(token.utf8Range.upperBound, to: &out)
    if !nested.parts.isEmpty {
        out.append(contentsOf: #","parts":["#.utf8)
        for (i, part) in nested.parts.enumerated() {
            if i > 0 { out.append(0x2C) }
            appendJSON(part, of: line, to: &out)
        }
        out.append(0x5D)
    }
    out.append(0x7D)
}

extension SegmentationMode: ExpressibleByArgument {}
