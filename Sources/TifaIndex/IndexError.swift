/// Why an index could not be opened, read or written. Each case states the fact; a tool adds
/// how its own options fix it.
///
/// Every throwing call of `Index` throws `IndexError` alone, so a `do throws(IndexError)` block
/// can match its cases:
///
/// ```swift
/// do throws(IndexError) {
///     let index = try Index(path: "speeches.tifa", readOnly: true)
///     print(try index.search("两个维护 AND (四个意识").count)
/// } catch .query(let syntax) {
///     print(syntax.message)    // expected ')' to close '(' at character 10
/// } catch .notAnIndex(let path, _), .corrupt(let path, _) {
///     print("\(path) cannot be read as an index")
/// } catch {
///     print(error)    // a sentence naming the index and what failed
/// }
/// ```
public enum IndexError: Error, CustomStringConvertible, Sendable {
    /// The file at `path` is no Tifa index: `reason` says whether it is missing (when opening
    /// read-only or repairing), a folder, unreadable, empty, not SQLite, or another program's
    /// SQLite database.
    case notAnIndex(path: String, reason: String)
    /// No index can be made at `path` because its folder does not exist, or a repaired index could
    /// not take the old one's place; `reason` says which.
    case cannotCreate(path: String, reason: String)
    /// The index at `path` has format version `found`, higher than `supported`
    /// (`Index.formatVersion`): a newer Tifa wrote it.
    case newerFormat(path: String, found: Int, supported: Int)
    /// The index at `path` is damaged — SQLite finds it corrupt, a table or the format version is
    /// missing, a posting list does not decode, a stored text does not match its checksum —
    /// `reason` says what. `Index.repair(path:)` rebuilds an index that still opens from its
    /// intact documents.
    case corrupt(path: String, reason: String)
    /// A write failed for want of space or by the file system; the last commit is intact.
    case cannotWrite(path: String, reason: String)
    /// Any other failure SQLite reports, such as another process holding the write lock for
    /// more than 10 seconds.
    case sqlite(SQLiteError)
    /// A phrase to count, show in context or search for is empty in its matching form: empty, or
    /// only zero-width characters.
    case emptyPhrase
    /// A search query does not parse; the error points at the offending character.
    case query(QuerySyntaxError)
    /// No live document has this external id.
    case documentNotFound(String)
    /// The lexicon the word postings are cut with, or ICU's normalization data, cannot be
    /// loaded; the message says why.
    case dictionary(String)

    /// One sentence for a user: the index file, when there is one, and what failed.
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
