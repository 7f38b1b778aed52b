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
            segmenter = try mode.makeSegmenter(toSimplified: toSimplified, lexicon: dictionaries.loadLexicon)
        } catch let error as CLIError {
            fail(error)
        } catch {
            fail(.dictionary("\(error)"))
        }
        let formatter = TokenFormatter(format: format, lossy: lossy)
        let output = FileSink(path: "-")
        let batchBytes = 1 << 20
        for path in files.isEmpty ? ["-"] : files {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch { fail(error) }
            let name = path == "-" ? "<stdin>" : path
            let pipeline = SegmentationPipeline(jobs: jobs)
            var submitted = 0
            while true {
                let batch: LineReader.Batch?
                do { batch = try reader.nextBatch(minimumBytes: batchBytes) } catch {
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

    private func write(_ result: TokenFormatter.Result, to output: FileSink, name: String) {
        result.output.withUnsafeBufferPointer { output.write($0) }
        if let failure = result.failure {
            output.flush()
            fail(.invalidUTF8(path: name, line: failure.line, byteOffset: failure.byteOffset))
        }
    }
}

extension SegmentationMode: ExpressibleByArgument {}
