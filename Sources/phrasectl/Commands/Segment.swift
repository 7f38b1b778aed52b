import ArgumentParser
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

    @OptionGroup var dictionaries: DictionaryOptions

    @Argument(help: ArgumentHelp("UTF-8 text files; standard input when none.", valueName: "FILE"))
    var files: [String] = []

    func run() throws {
        let segmenter: any Segmenter
        do {
            let lexicon = mode == .icu ? nil : try dictionaries.loadLexicon()
            if let lexicon {
                segmenter = try LexiconSegmenter(
                    lexicon: lexicon, granularity: mode == .fine ? .fine : .coarse, toSimplified: toSimplified)
            } else {
                segmenter = try ICUSegmenter(toSimplified: toSimplified)
            }
        } catch let error as CLIError {
            fail(error)
        } catch {
            fail(.dictionary("\(error)"))
        }
        let output = OutputWriter()
        let workspace = SegmentationWorkspace()
        var tokens: [Token] = []
        var repaired: [UInt8] = []
        for path in files.isEmpty ? ["-"] : files {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch { fail(error) }
            let name = path == "-" ? "<stdin>" : path
            do {
                while try reader.next({ line in
                    tokens.removeAll(keepingCapacity: true)
                    do {
                        try segmenter.segment(line, into: &tokens, workspace: workspace)
                        write(tokens, of: line, number: reader.lineNumber, to: output)
                    } catch let SegmentationError.invalidUTF8(offset) {
                        guard lossy else {
                            throw CLIError.invalidUTF8(path: name, line: reader.lineNumber, byteOffset: reader.lineOffset + offset)
                        }
                        repaired.removeAll(keepingCapacity: true)
                        repaired.append(contentsOf: String(decoding: line, as: UTF8.self).utf8)
                        try repaired.withUnsafeBufferPointer { fixed in
                            try segmenter.segment(fixed, into: &tokens, workspace: workspace)
                            write(tokens, of: fixed, number: reader.lineNumber, to: output)
                        }
                    }
                }) {}
            } catch let error as CLIError {
                output.flush()
                fail(error)
            }
        }
        output.flush()
    }

    private func write(_ tokens: [Token], of line: UnsafeBufferPointer<UInt8>, number: Int, to output: OutputWriter) {
        switch format {
        case .text:
            for (i, token) in tokens.enumerated() {
                if i > 0 { output.write(byte: 0x20) }
                output.write(UnsafeBufferPointer(rebasing: line[token.utf8Range]))
            }
            output.write(byte: 0x0A)
        case .json:
            output.write("{\"line\":")
            output.write(integer: number)
            output.write(",\"tokens\":[")
            for (i, token) in tokens.enumerated() {
                if i > 0 { output.write(byte: 0x2C) }
                output.write("{\"text\":\"")
                output.writeJSONEscaped(UnsafeBufferPointer(rebasing: line[token.utf8Range]))
                output.write("\",\"kind\":\"")
                output.write(token.kind.rawValue)
                output.write("\",\"start\":")
                output.write(integer: token.scalarRange.lowerBound)
                output.write(",\"end\":")
                output.write(integer: token.scalarRange.upperBound)
                output.write(",\"byteStart\":")
                output.write(integer: token.utf8Range.lowerBound)
                output.write(",\"byteEnd\":")
                output.write(integer: token.utf8Range.upperBound)
                output.write(byte: 0x7D)
            }
            output.write("]}\n")
        }
    }
}

extension SegmentationMode: ExpressibleByArgument {}
