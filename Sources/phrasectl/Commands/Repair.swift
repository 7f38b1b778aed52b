import ArgumentParser
import Tifa

struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild an index's postings from its intact documents.",
        discussion: """
            Reads every document whose text still matches its checksum, indexes them into a new \
            file beside the index, and puts it in the index's place only when that is complete, so \
            an interrupted repair leaves the index as it was. Documents whose text is damaged cannot \
            be recovered from the index: they are named and left out (index their sources again). \
            Exit status 0 when every document was kept, 2 when some were left out.
            """)

    @OptionGroup var index: IndexOptions

    @Flag(help: "Print nothing but problems.")
    var quiet = false

    func run() throws {
        let summary: Index.RepairSummary
        do { summary = try Index.repair(path: index.database) } catch { fail(.index(error)) }
        var stderr = StandardError()
        for (id, reason) in summary.lost { print("phrasectl: \(id): left out, \(reason)", to: &stderr) }
        if !quiet { print("repaired: \(summary.kept) documents indexed again, \(summary.lost.count) left out", to: &stderr) }
        if !summary.lost.isEmpty { throw ExitCode(2) }
    }
}
