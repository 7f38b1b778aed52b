import ArgumentParser
import Tifa

struct KWIC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract: "Show every occurrence of a phrase in context (keyword in context).",
        discussion: """
            JSON lines: {"id","start","end","left","match","right"} where id is the document's id and \
            start/end are character offsets into its original text, for highlighting.
            """)

    @OptionGroup var index: IndexOptions

    @Option(help: "Characters of context on each side.")
    var width = 20

    @Option(help: "Show at most this many lines.")
    var limit: Int?

    @Option(help: "date (document date, then position), left or right (by context).")
    var sort: Index.KWICOrder = .date

    @Flag(help: "Write one JSON object per occurrence.")
    var json = false

    @Argument(help: "The phrase.")
    var phrase: String

    func run() throws {
        let opened = index.open()
        let lines: [KWICLine]
        do { lines = try opened.kwic(phrase, width: width, limit: limit, order: sort) } catch { fail(.index(error)) }
        for line in lines {
            if json {
                print(
                    "{\"id\":\(jsonString(line.id)),\"start\":\(line.start),\"end\":\(line.end),\"left\":\(jsonString(line.left)),"
                        + "\"match\":\(jsonString(line.match)),\"right\":\(jsonString(line.right))}")
            } else {
                let pad = String(repeating: "　", count: max(0, width - line.left.count))
                print("\(pad)\(line.left) [\(line.match)] \(line.right)\t\(line.id)")
            }
        }
    }
}

extension Index.KWICOrder: ExpressibleByArgument {}
