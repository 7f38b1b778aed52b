import Foundation
import TifaText

/// A Tifa index: one SQLite file holding documents (original text and metadata) and positional
/// postings of every character and character pair of their matching form, so any phrase is
/// counted exactly, whatever a segmenter would do with it. The format is in `FORMAT.md`.
///
/// ```swift
/// let index = try Index(path: "speeches.tifa")
/// try index.add(Document(id: "gwr-2024", text: "…全面从严治党…", date: "2024-03-05"))
/// try index.commit()
/// let count = try index.count("全面从严治党")   // occurrences and documents
/// ```
/// A writer commits in batches; readers (other `Index` values, other processes) see the state of
/// the last commit.
///
/// An `Index` is `Sendable`: tasks and threads may share one, and its calls run one at a time (a
/// lock inside it). For reads in parallel, open one `Index(path:readOnly: true)` per task on the
/// same file; each is its own connection and reads the last commit. One writer per file.
///
/// ```swift
/// let shared = try Index(path: "speeches.tifa", readOnly: true)
/// let count = try await Task.detached { try shared.count("两个维护") }.value
/// ```
public final class Index: @unchecked Sendable {
    // @unchecked: every use of the mutable state below goes through `callLock` (see `locked`),
    // except the analyzer and `jobs`, which `settingsLock` guards so that a batch can be
    // analysed on other threads while this one writes the previous batch.
    /// The version of the file format (`FORMAT.md`) this library writes, and the newest it reads:
    /// opening an index of a higher version throws `IndexError.newerFormat`.
    public static let formatVersion = 2
    static let magic = "tifa-index"
    /// How much of the file a reader maps into memory (SQLite's `mmap_size`).
    static let readerMapBytes = 1 << 30

    let database: Database
    /// The index file's path, as given when opening it; errors name the index by it.
    public let path: String
    /// Whether this connection only reads (opened with `readOnly`).
    public let readOnly: Bool
    private var closed = false
    /// Whether the matching form maps Traditional characters to Simplified (fixed at creation).
    public let toSimplified: Bool
    /// The index's matching form, for queries and texts (no lexicon needed).
    let normalizer: Normalizer
    /// Where the analyzer's lexicon comes from (the built-in dictionaries when nil).
    private let lexiconSource: Lexicon?
    /// Made when a writer opens the index; a reader makes it on first use, since counting,
    /// searching and KWIC need only the matching form, and loading a lexicon would double the
    /// time a `phrasectl count` process takes.
    private var madeAnalyzer: DocumentAnalyzer?
    private let settingsLock = NSLock()
    /// Held by every call that uses the connection, the document tables or the queue.
    let callLock = NSRecursiveLock()
    /// The `DocumentAnalyzer.wordSignature` of every analyzer that made the word postings, in the
    /// order they were first used: one when the whole index was cut by one lexicon.
    public internal(set) var wordSignatures: [String]

    /// The file's format version, refreshed with the documents: a writer upgrading the file
    /// changes it.
    private(set) var fileFormat = formatVersion
    /// How the file's blocks are laid out.
    var blockLayout: BlockLayout { BlockLayout(format: fileFormat) }
    /// Each segment, and whether its stored totals may be used (see `SegmentState`).
    private(set) var segmentStates: [SegmentState] = []

    /// Live documents by number, refreshed when another connection commits.
    private(set) var documents: [Int64: DocumentInfo] = [:] {
        didSet { live = LiveDocuments(documents.keys) }
    }
    /// The numbers of `documents`, for the posting readers.
    private(set) var live = LiveDocuments([])
    private var documentNumbers: [String: Int64] = [:]
    /// A live document with each text hash, to recognise copies under other ids.
    private(set) var documentsByText: [Int64: Int64] = [:]
    private var dataVersion: Int64 = -1

    /// How many `reading` calls are open (the outermost holds the transaction).
    var readDepth = 0

    /// Documents added since the last commit.
    var pending: [Document] = []

    /// Threads that analyse documents during a commit.
    public var jobs: Int {
        get { settingsLock.withLock { analysisThreads } }
        set { settingsLock.withLock { analysisThreads = newValue } }
    }
    private var analysisThreads = ProcessInfo.processInfo.activeProcessorCount

    /// Opens the index at `path`, creating it when the file does not exist (with `toSimplified`
    /// deciding its matching form; an existing index keeps its own). Word postings are cut by the
    /// coarse segmenter over `lexicon` (the built-in dictionaries when nil).
    public init(path: String, toSimplified: Bool = false, readOnly: Bool = false, lexicon: Lexicon? = nil) throws(IndexError) {
        self.path = path
        self.readOnly = readOnly
        var isFolder: ObjCBool = false
        var exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if isFolder.boolValue { throw .notAnIndex(path: path, reason: "a folder, not a file") }
        if readOnly && !exists { throw .notAnIndex(path: path, reason: "no such file") }
        let folder = (path as NSString).deletingLastPathComponent
        if !exists, !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            throw .cannotCreate(path: path, reason: "the folder \(folder) does not exist")
        }
        if !exists { exists = try Self.createWhole(path, toSimplified: toSimplified) }
        // An empty file is one being created (by another writer, or left by a failed creation):
        // a writer makes it an index, a reader refuses it.
        let empty = exists && ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) == 0
        if exists && (readOnly || !empty) { try Self.checkHeader(path) }
        do {
            database = try Self.openDatabase(path, readOnly: readOnly)
            if !exists || empty {
                try Self.createSchema(database, toSimplified: toSimplified)
            }
            // Checked before anything is changed: another program's database is left as it was.
            let meta = try Self.readMeta(database, path: path)
            if !readOnly { try Self.switchToWriteAheadLog(database) }
            try database.execute("PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY")
            // A reader maps the file: the posting blocks of a pair in every segment are read
            // without copying each page out of the file first (15 segments: count's median
            // 1.4 ms → 0.85 ms on 95 MB). WAL checkpoints never cut pages a reader's snapshot uses.
            if readOnly { try database.execute("PRAGMA mmap_size=\(Self.readerMapBytes)") }
            self.toSimplified = meta["to_simplified"] == "1"
            wordSignatures = (meta["word_analysis"] ?? "").split(separator: "\n").map(String.init)
        } catch let error as IndexError {
            throw error
        } catch let error as SQLiteError {
            throw Self.explain(error, path: path)
        } catch {
            throw .corrupt(path: path, reason: "\(error)")
        }
        lexiconSource = lexicon
        do { normalizer = try Normalizer(toSimplified: self.toSimplified) } catch {
            throw .dictionary("\(error)")
        }
        if !readOnly { _ = try analyzer() }
        try refreshDocuments()
        if !readOnly && blockLayout == .plain { try upgradeFromFormat1() }
    }

    /// How this index reads a document — its matching form and its words. Mining or analysing
    /// the index's documents with it sees what `count` counts.
    public func analyzer() throws(IndexError) -> DocumentAnalyzer {
        settingsLock.lock()
        defer { settingsLock.unlock() }
        if let madeAnalyzer { return madeAnalyzer }
        do {
            let made = try DocumentAnalyzer(lexicon: lexiconSource ?? Lexicon.bundled(), toSimplified: toSimplified)
            madeAnalyzer = made
            return made
        } catch {
            throw .dictionary("\(error)")
        }
    }

    /// The connection for `path`. A reader normally opens the file read-only; but after a writer
    /// was killed, the log it left must be recovered before anyone can read, which a read-only
    /// connection may not do: then, where the file may be written, the reader opens it
    /// read-write (and still only reads).
    private static func openDatabase(_ path: String, readOnly: Bool) throws(SQLiteError) -> Database {
        let database = try Database(path: path, readOnly: readOnly)
        guard readOnly else { return database }
        var needsRecovery = false
        do {
            try database.execute("SELECT count(*) FROM sqlite_master")
        } catch {
            guard error.code == 8, access(path, W_OK) == 0 else { throw error }  // SQLITE_READONLY
            needsRecovery = true
        }
        return needsRecovery ? try Database(path: path, readOnly: false) : database
    }

    /// Switches the file to write-ahead logging. SQLite does not wait for its busy timeout when a
    /// journal mode change meets another connection's lock (another writer opening, or finishing
    /// and switching the file back to a single file), so this waits here, up to ten seconds.
    private static func switchToWriteAheadLog(_ database: Database) throws(SQLiteError) {
        var waited = 0
        while true {
            do {
                try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
                return
            } catch where error.code & 0xFF == 5 && waited < 10_000 {  // SQLITE_BUSY
                usleep(5_000)
                waited += 5
            }
        }
    }

    /// Makes a new index beside `path` and links it into place, so the file appears with its
    /// tables or not at all: a writer killed while creating it, or stopped by a full disk, leaves
    /// nothing at `path`. When another writer links first, its index is used. Returns whether
    /// `path` exists now; false where the temporary file cannot be made for another reason or hard
    /// links are not supported, and the index is then created in place.
    private static func createWhole(_ path: String, toSimplified: Bool) throws(IndexError) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let name = "." + (path as NSString).lastPathComponent + ".\(getpid()).creating"
        let temporary = folder.isEmpty ? name : folder + "/" + name
        defer {
            unlink(temporary)
            unlink(temporary + "-journal")
        }
        do {
            let database = try Database(path: temporary)
            try createSchema(database, toSimplified: toSimplified)
        } catch let error as SQLiteError {
            if case let .cannotWrite(_, reason) = explainWriteFailure(error, path: path) {
                throw .cannotCreate(path: path, reason: reason)
            }
            return false
        } catch {
            return false
        }
        return link(temporary, path) == 0 || errno == EEXIST
    }

    /// A file that is not SQLite at all is told apart from a damaged index before SQLite reads it.
    private static func checkHeader(_ path: String) throws(IndexError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .notAnIndex(path: path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { throw .notAnIndex(path: path, reason: "the file is empty") }
        if header != Data("SQLite format 3\u{0}".utf8) {
            throw .notAnIndex(path: path, reason: "not an SQLite database")
        }
    }

    private static func explain(_ error: SQLiteError, path: String) -> IndexError {
        switch error.code {
        case 26: return .notAnIndex(path: path, reason: "not an SQLite database")  // SQLITE_NOTADB
        case 11: return .corrupt(path: path, reason: error.message)  // SQLITE_CORRUPT
        default: return .sqlite(error)
        }
    }

    /// The blocks table of format 2: the last entry's totals come before the data, so a reader
    /// asking for a long list's totals (always the last entry of its block) reads them without
    /// the blob's overflow pages.
    static let blocksTable = """
        CREATE TABLE blocks(
            segment INTEGER NOT NULL, last INTEGER NOT NULL, first INTEGER NOT NULL,
            last_documents INTEGER NOT NULL, last_occurrences INTEGER NOT NULL, data BLOB NOT NULL,
            PRIMARY KEY(segment, last)) WITHOUT ROWID;
        """

    static let charactersTable = """
        CREATE TABLE characters(
            scalar INTEGER NOT NULL, segment INTEGER NOT NULL, documents INTEGER NOT NULL, occurrences INTEGER NOT NULL,
            PRIMARY KEY(scalar, segment)) WITHOUT ROWID;
        """

    /// The tables of an index (FORMAT.md); an index missing one is damaged.
    static func tables(format: Int) -> [String] {
        ["meta", "documents", "blocks", "words", "segments"] + (format >= 2 ? ["characters"] : [])
    }

    /// Creates the tables, unless another writer has created them first (two processes may
    /// create the same new file at once: the second waits for the first and finds its tables).
    private static func createSchema(_ db: Database, toSimplified: Bool) throws {
        try db.transaction {
            let existing = try db.prepare("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'")
            guard try existing.step(), existing.int(0) == 0 else { return }
            try db.execute(
                """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE documents(
                    number INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    title TEXT, date TEXT, speaker TEXT, source TEXT, tags TEXT,
                    text TEXT NOT NULL,
                    length INTEGER NOT NULL,
                    last INTEGER NOT NULL,
                    hash INTEGER NOT NULL,
                    text_hash INTEGER NOT NULL);
                """ + blocksTable + """
                CREATE TABLE words(
                    word TEXT NOT NULL, segment INTEGER NOT NULL, data BLOB NOT NULL,
                    PRIMARY KEY(word, segment)) WITHOUT ROWID;
                CREATE TABLE segments(
                    number INTEGER PRIMARY KEY, documents INTEGER NOT NULL,
                    first_document INTEGER NOT NULL, last_document INTEGER NOT NULL);
                """ + charactersTable)
            let insert = try db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)")
            for (key, value) in [
                ("magic", magic), ("format", String(formatVersion)), ("to_simplified", toSimplified ? "1" : "0"),
                ("matching", "nfkc,zero-width,han-wrap" + (toSimplified ? ",hant-hans" : "")),
                ("words", "coarse"), ("word_analysis", ""),
            ] {
                try insert.bind(1, key).bind(2, value).run()
            }
        }
    }

    private static func readMeta(_ db: Database, path: String) throws -> [String: String] {
        var meta: [String: String] = [:]
        let hasMeta = try db.prepare("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'")
        guard try hasMeta.step(), hasMeta.int(0) == 1 else {
            throw IndexError.notAnIndex(path: path, reason: "an SQLite database without Tifa's tables")
        }
        let statement = try db.prepare("SELECT key, value FROM meta")
        while try statement.step() {
            if let key = statement.string(0), let value = statement.string(1) { meta[key] = value }
        }
        guard meta["magic"] == magic else {
            throw IndexError.notAnIndex(path: path, reason: "an SQLite database of another program")
        }
        let format = try supportedFormat(meta["format"], path: path)
        var present = Set<String>()
        let tables = try db.prepare("SELECT name FROM sqlite_master WHERE type='table'")
        while try tables.step() { present.insert(tables.string(0) ?? "") }
        if let missing = Self.tables(format: format).first(where: { !present.contains($0) }) {
            throw IndexError.corrupt(path: path, reason: "the table \(missing) is missing")
        }
        return meta
    }

    /// The format version `value` names, if this library reads it.
    private static func supportedFormat(_ value: String?, path: String) throws(IndexError) -> Int {
        guard let format = value.flatMap(Int.init) else { throw .corrupt(path: path, reason: "the format version is missing") }
        if format > formatVersion { throw .newerFormat(path: path, found: format, supported: formatVersion) }
        return format
    }

    /// Reloads the documents' metadata when another connection has committed since the last
    /// load, or always with `force` (SQLite's data version does not change for our own commits).
    func refreshDocuments(force: Bool = false) throws(IndexError) {
        if force { dataVersion = -1 }
        do {
            let version = try database.prepare("PRAGMA data_version")
            _ = try version.step()
            let current = version.int(0)
            if current == dataVersion { return }
            var loaded: [Int64: DocumentInfo] = [:]
            var numbers: [String: Int64] = [:]
            var texts: [Int64: Int64] = [:]
            let statement = try database.prepare(
                "SELECT number, id, title, date, speaker, source, tags, length, last, hash, text_hash FROM documents")
            while try statement.step() {
                let info = DocumentInfo(
                    number: statement.int(0), id: statement.string(1) ?? "", title: statement.string(2),
                    date: statement.string(3), speaker: statement.string(4), source: statement.string(5),
                    tags: (statement.string(6) ?? "").split(separator: "\t").map(String.init),
                    length: Int(statement.int(7)), lastCharacter: statement.int(8), contentHash: statement.int(9),
                    textHash: statement.int(10))
                loaded[info.number] = info
                numbers[info.id] = info.number
                texts[info.textHash] = info.number
            }
            let formatStatement = try database.prepare("SELECT value FROM meta WHERE key = 'format'")
            let format = try Self.supportedFormat(try formatStatement.step() ? formatStatement.string(0) : nil, path: path)
            documents = loaded
            documentNumbers = numbers
            documentsByText = texts
            fileFormat = format
            segmentStates = try loadSegmentStates()
            // Last: a failed reload is tried again by the next call.
            dataVersion = current
        } catch let error as IndexError {
            throw error
        } catch let error as SQLiteError {
            throw Self.explain(error, path: path)
        } catch {
            throw .corrupt(path: path, reason: "\(error)")
        }
    }

    /// Finishes with the index: a writer folds the write-ahead log back into the file and
    /// returns it to a single file (no `-wal` or `-shm` beside it), so the `.tifa` file alone can
    /// be copied or read from read-only media. Called on release too; a closed index must not be
    /// used again.
    public func close() {
        callLock.lock()
        defer { callLock.unlock() }
        guard !closed else { return }
        closed = true
        guard !readOnly else { return }
        // Another process still reading keeps the log: the switch is then left to the last one.
        database.setBusyTimeout(milliseconds: 0)
        try? database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try? database.execute("PRAGMA journal_mode=DELETE")
    }

    deinit { close() }

    /// The live document with external id `id`.
    public func document(id: String) -> DocumentInfo? {
        locked { documentNumbers[id].flatMap { documents[$0] } }
    }

    /// Every live document, by number.
    public var allDocuments: [DocumentInfo] { locked { documents.values.sorted { $0.number < $1.number } } }

    /// Runs `body` holding the index's lock: calls on one index run one at a time.
    func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        callLock.lock()
        defer { callLock.unlock() }
        return try body()
    }

    /// The original text of document `number`.
    func text(of number: Int64) throws(IndexError) -> String {
        do {
            let statement = try database.prepare("SELECT text FROM documents WHERE number = ?")
            statement.bind(1, number)
            guard try statement.step(), let text = statement.string(0) else {
                throw IndexError.corrupt(path: path, reason: "document \(number) has no text")
            }
            // The text hash was taken when the document was added: a changed byte shows here.
            if let info = documents[number] {
                guard Document.textHash(of: text) == info.textHash else {
                    throw IndexError.corrupt(path: path, reason: "the text of document \(info.id) does not match its checksum")
                }
            }
            return text
        } catch let error as IndexError {
            throw error
        } catch {
            throw .sqlite(error as! SQLiteError)
        }
    }

    /// The original text of the document with external id `id`.
    public func text(ofDocument id: String) throws(IndexError) -> String {
        try locked { () throws(IndexError) in
            guard let number = documentNumbers[id] else { throw .documentNotFound(id) }
            return try text(of: number)
        }
    }
}
