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
        // Enough batches in flight to keep every thread busy while the reader waits on none.
        let batchBytes = 1 << 20
        let inFlight = jobs == 1 ? 1 : jobs * 2
        for path in files.isEmpty ? ["-"] : files {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch { fail(error) }
            let name = path == "-" ? "<stdin>" : path
            while true {
                var batches: [LineReader.Batch] = []
                do {
                    while batches.count < inFlight, let batch = try reader.nextBatch(minimumBytes: batchBytes) {
                        batches.append(batch)
                    }
                } catch let error as CLIError {
                    output.flush()
                    fail(error)
                }
                if batches.isEmpty { break }
                var results = [TokenFormatter.Result](repeating: .init(), count: batches.count)
                results.withUnsafeMutableBufferPointer { slots in
                    let slots = UncheckedSendable(slots)
                    let batchList = UncheckedSendable(batches)
                    DispatchQueue.concurrentPerform(iterations: batches.count) { index in
                        slots.value[index] = formatter.segment(batchList.value[index], with: segmenter)
                    }
                }
                for result in results {
                    result.output.withUnsafeBufferPointer { output.write($0) }
                    if let failure = result.failure {
                        output.flush()
                        fail(.invalidUTF8(path: name, line: failure.line, byteOffset: failure.byteOffset))
                    }
                }
            }
        }
        output.flush()
    }
}

/// A value handed to worker threads that the code guarantees is used safely: each thread
/// writes only its own slot and reads shared values that no one writes.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
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
                    append(tokens, of: line, number: number, to: &result.output)
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
                        append(tokens, of: fixed, number: number, to: &result.output)
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

    private func append(_ tokens: [Token], of line: UnsafeBufferPointer<UInt8>, number: Int, to out: inout [UInt8]) {
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
            for (i, token) in tokens.enumerated() {
                if i > 0 { out.append(0x2C) }
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
                out.append(0x7D)
            }
            out.append(contentsOf: "]}\n".utf8)
        }
    }
}

extension SegmentationMode: ExpressibleByArgument {}
