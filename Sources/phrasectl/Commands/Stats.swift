import ArgumentParser
import Tifa

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the size and shape of an index.")

    @OptionGroup var index: IndexOptions

    @Flag(help: "Write one JSON object.")
    var json = false

    func run() throws {
        let s: Index.Statistics
        do { s = try index.open().statistics() } catch { fail(.index(error)) }
        if json {
            print(
                "{\"documents\":\(s.documents),\"characters\":\(s.characters),\"blocks\":\(s.blocks),\"segments\":\(s.segments),"
                    + "\"bytes\":\(s.fileBytes),\"format\":\(s.formatVersion),\"toSimplified\":\(s.toSimplified)}")
        } else {
            print("documents      \(s.documents)")
            print("characters     \(s.characters)")
            print("blocks         \(s.blocks) (of posting lists)")
            print("segments       \(s.segments)")
            print("size           \(s.fileBytes) bytes")
            print("format         \(s.formatVersion)\(s.toSimplified ? ", Traditional matched as Simplified" : "")")
        }
    }
}

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove documents from an index by id.")

    @OptionGroup var index: IndexOptions

    @Argument(help: ArgumentHelp("Document ids (the JSONL id or the file path).", valueName: "ID"))
    var ids: [String]

    func run() throws {
        let opened = index.open(create: true)
        let removed: Int
        do { removed = try opened.delete(ids: ids) } catch { fail(.index(error)) }
        var stderr = StandardError()
        print("removed \(removed) of \(ids.count) documents", to: &stderr)
        if removed < ids.count { throw ExitCode(1) }
    }
}

struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge an index's segments into one and drop what deleted documents left behind.")

    @OptionGroup var index: IndexOptions

    func run() throws {
        do { try index.open(create: true).optimize() } catch { fail(.index(error)) }
    }
}
