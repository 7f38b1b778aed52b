import ArgumentParser
import Tifa

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify an index: structure, every document's text, every posting list, and sample counts.",
        discussion: """
            Reads the whole index in one snapshot: SQLite's structure check; each document's text \
            against the checksum taken when it was added and against the length its postings were \
            made from; every posting list (it must decode and point inside its document); and \
            --samples phrases of one to three characters, drawn from the documents, counted by the \
            index and by brute force over the texts. Exit status 0 when the index is sound, 65 when \
            anything is wrong (each problem is listed); phrasectl repair rebuilds the postings.
            """)

    @OptionGroup var index: IndexOptions

    @Option(help: ArgumentHelp("Phrases to count both ways.", valueName: "N"))
    var samples = 200

    @Option(help: ArgumentHelp("Seed of the sample, for a repeatable check.", valueName: "N"))
    var seed: UInt64 = 1

    @Flag(help: "Write one JSON object.")
    var json = false

    func validate() throws {
        guard (0...100_000).contains(samples) else { throw ValidationError("--samples must be from 0 to 100000 (got \(samples)).") }
    }

    func run() throws {
        let report: IndexCheck
        do { report = try index.openForReading().check(samplePhrases: samples, seed: seed) } catch { fail(.index(error)) }
        if json {
            JSONLines().write(
                CheckRow(
                    sound: report.isSound, documents: report.documents, pairLists: report.pairLists,
                    wordLists: report.wordLists, phrasesCounted: report.phrasesCounted, problems: report.problems))
        } else {
            print("documents      \(report.documents) checked")
            print("posting lists  \(report.pairLists) of pairs, \(report.wordLists) of words")
            print("counts         \(counted(report.phrasesCounted, "phrase")) compared with the texts")
            print(report.isSound ? "sound" : "\(counted(report.problems.count, "problem")):")
            for problem in report.problems { print("  \(problem)") }
        }
        if !report.isSound { throw ExitCode(65) }
    }
}

/// The `check --json` object.
private struct CheckRow: Encodable {
    var sound: Bool
    var documents: Int
    var pairLists: Int
    var wordLists: Int
    var phrasesCounted: Int
    var problems: [String]
}
