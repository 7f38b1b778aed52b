import FuzzSupport
import Tifa

/// Any text as a query: it parses, or fails with a position inside the query.
@main enum FuzzQuery {
    static func main() {
        runFuzzer { input in
            let text = String(decoding: input.bindMemory(to: UInt8.self), as: UTF8.self)
            do {
                _ = try Query.parse(text)
            } catch let error as QuerySyntaxError {
                precondition(error.position >= 0 && error.position <= text.count, "error position outside the query")
            } catch {
                preconditionFailure("unexpected error \(error)")
            }
        }
    }
}
