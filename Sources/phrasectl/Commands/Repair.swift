import ArgumentParser
import Foundation
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
        let source = index.openForChanges()
        let target = index.database + ".repairing"
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        let rebuilt: Index
        do { rebuilt = try Index(path: target, toSimplified: source.toSimplified) } catch { fail(.index(error)) }
        var stderr = StandardError()
        var kept = 0
        var lost: [String] = []
        do {
            for info in source.allDocuments {
                let text: String
                do { text = try source.text(ofDocument: info.id) } catch {
                    lost.append(info.id)
                    print("phrasectl: \(info.id): left out, \(error)", to: &stderr)
                    continue
                }
                rebuilt.add(
                    Document(
                        id: info.id, text: text, title: info.title, date: info.date, speaker: info.speaker, source: info.source,
                        tags: info.tags))
                kept += 1
                if rebuilt.pendingCount >= 256 { try rebuilt.commit() }
            }
            try rebuilt.commit()
        } catch {
            fail(.index(error))
        }
        rebuilt.close()
        source.close()
        // The old file's log must not be replayed onto the new one.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index.database + suffix) }
        guard rename(target, index.database) == 0 else {
            fail(.cannotOpen(path: index.database, reason: "the repaired index \(target) could not take its place"))
        }
        if !quiet { print("repaired: \(kept) documents indexed again, \(lost.count) left out", to: &stderr) }
        if !lost.isEmpty { throw ExitCode(2) }
    }
}
