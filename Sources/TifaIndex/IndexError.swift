/// Why an index could not be opened, read or written. Each case states the fact; a tool adds
/// how its own options fix it.
public enum IndexError: Error, CustomStringConvertible, Sendable {
    case notAnIndex(path: String, reason: String)
    case cannotCreate(path: String, reason: String)
    case newerFormat(path: String, found: Int, supported: Int)
    case corrupt(path: String, reason: String)
    /// A write failed for want of space or by the file system; the last commit is intact.
    case cannotWrite(path: String, reason: String)
    case sqlite(SQLiteError)
    case emptyPhrase
    case query(QuerySyntaxError)
    case documentNotFound(String)
    case dictionary(String)

    public var description: String {
        switch self {
        case let .notAnIndex(path, reason):
            return "\(path) is not a Tifa index (\(reason))"
        case let .cannotCreate(path, reason):
            return "cannot create the index \(path): \(reason)"
        case let .newerFormat(path, found, supported):
            return "\(path) has index format \(found), newer than this phrasectl reads (\(supported)); upgrade Tifa"
        case let .corrupt(path, reason):
            return "\(path) is damaged: \(reason)"
        case let .cannotWrite(path, reason):
            return "cannot write to the index \(path): \(reason); everything committed before is kept"
        case let .sqlite(error):
            return error.description
        case .emptyPhrase:
            return "the phrase is empty after normalization; give at least one character"
        case let .query(error):
            return error.description
        case let .documentNotFound(id):
            return "no document with id \(id) in the index"
        case let .dictionary(message):
            return "the word segmenter cannot load its dictionaries: \(message)"
        }
    }
}
