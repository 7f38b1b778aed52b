import ArgumentParser
import Tifa

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove documents from an index by id.")

    @OptionGroup var index: IndexOptions

    @Argument(help: ArgumentHelp("Document ids (the JSONL id or the file path).", valueName: "ID"))
    var ids: [String]

    func run() throws {
        let opened = index.openForChanges()
        defer { opened.close() }
        // An id named twice is one document to remove.
        var seen = Set<String>()
        let distinct = ids.filter { seen.insert($0).inserted }
        let unknown = distinct.filter { opened.document(id: $0) == nil }
        let removed: Int
        do { removed = try opened.delete(ids: distinct) } catch { fail(.index(error)) }
        var stderr = StandardError()
        for id in unknown { print("phrasectl: no document with id \(id) in \(index.database)", to: &stderr) }
        print("removed \(removed) of \(distinct.count) documents", to: &stderr)
        if removed < distinct.count { throw ExitCode(1) }
    }
}
