import ArgumentParser
import Tifa

/// The index file every index command works on.
struct IndexOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The index file (SQLite).", valueName: "FILE"))
    var database: String

    func open(toSimplified: Bool = false, create: Bool = false) -> Index {
        do {
            return try Index(path: database, toSimplified: toSimplified, readOnly: !create)
        } catch {
            fail(.index(error))
        }
    }
}

/// Writes `value` as a JSON string literal.
func jsonString(_ value: String) -> String {
    var out = [UInt8]()
    out.append(0x22)
    var value = value
    value.withUTF8 { appendJSONEscaped($0, to: &out) }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
}

func jsonOptional(_ value: String?) -> String { value.map(jsonString) ?? "null" }
