import ArgumentParser
import Tifa

struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge an index's segments into one and drop what deleted documents left behind.")

    @OptionGroup var index: IndexOptions

    func run() throws {
        let opened = index.openForChanges()
        defer { opened.close() }
        do { try opened.optimize() } catch { fail(.index(error)) }
    }
}
