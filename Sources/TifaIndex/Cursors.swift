/// A cursor over one segment's posting lists in key order, the input of a segment merge.
protocol SegmentListCursor {
    associatedtype Key: Equatable
    /// The current key, or nil at the end.
    var key: Key? { get }
    /// Calls `body` with the current key's list.
    func withList(_ body: (UnsafeRawBufferPointer) throws -> Void) throws
    mutating func advance() throws
}

/// Reads one segment's posting lists in gram order, a block at a time.
struct BlockCursor: SegmentListCursor {
    private let statement: Statement
    private let layout: BlockLayout
    private var block: [UInt8] = []
    private var first: Int64 = 0
    private var offset = 0
    private var listRange: Range<Int> = 0..<0
    /// The current gram, or nil at the end.
    private(set) var key: Int64?

    init(database: Database, segment: Int64, layout: BlockLayout) throws {
        self.layout = layout
        statement = try database.prepare("SELECT first, data FROM blocks WHERE segment = ? ORDER BY last")
        statement.bind(1, segment)
        try loadBlock()
    }

    private mutating func loadBlock() throws {
        guard try statement.step() else {
            key = nil
            return
        }
        first = statement.int(0)
        block = statement.withBlob(1) { Array($0) }
        offset = 0
        key = first
        try readEntry(relativeTo: first)
    }

    private mutating func readEntry(relativeTo previous: Int64) throws {
        try block.withUnsafeBytes { raw in
            let entry = try BlockWriter.readEntry(raw, at: &offset, previous: previous, layout: layout)
            key = entry.gram
            listRange = entry.list
        }
    }

    func withList(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try block.withUnsafeBytes { raw in try body(UnsafeRawBufferPointer(rebasing: raw[listRange])) }
    }

    mutating func advance() throws {
        guard let current = key else { return }
        if offset < block.count {
            try readEntry(relativeTo: current)
        } else {
            try loadBlock()
        }
    }
}

/// Reads one segment's word lists in word order (UTF-8 byte order, as SQLite sorts them).
struct WordCursor: SegmentListCursor {
    private let statement: Statement
    /// The current word, or nil at the end.
    private(set) var key: String?
    private(set) var bytes: [UInt8] = []

    func withList(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try bytes.withUnsafeBytes { try body($0) }
    }

    init(database: Database, segment: Int64) throws {
        statement = try database.prepare("SELECT word, data FROM words WHERE segment = ? ORDER BY word")
        statement.bind(1, segment)
        try advance()
    }

    mutating func advance() throws {
        if try statement.step() {
            key = statement.string(0)
            bytes = statement.withBlob(1) { Array($0) }
        } else {
            key = nil
        }
    }
}
