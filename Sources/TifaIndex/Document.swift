/// A document to index: its text and metadata. `id` is the caller's external id (the JSONL `id`,
/// or the file path); adding a document with an id the index has replaces the old one.
///
/// ```swift
/// let report = Document(id: "gwr-2024", text: "…", title: "政府工作报告", date: "2024-03-05")
/// ```
public struct Document: Sendable, Equatable {
    public var id: String
    public var text: String
    public var title: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String?
    public var speaker: String?
    public var source: String?
    public var tags: [String]

    public init(
        id: String, text: String, title: String? = nil, date: String? = nil, speaker: String? = nil,
        source: String? = nil, tags: [String] = []
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.date = date
        self.speaker = speaker
        self.source = source
        self.tags = tags
    }
}

extension Document {
    /// A 64-bit FNV-1a hash of the text and every metadata field: a document whose hash has not
    /// changed is not indexed again.
    public var contentHash: Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for field in [text, title ?? "\u{0}", date ?? "\u{0}", speaker ?? "\u{0}", source ?? "\u{0}", tags.joined(separator: "\t")] {
            for byte in field.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }

    /// A 64-bit FNV-1a hash of the text alone: a document whose text another document under a
    /// different id already has is a duplicate.
    public var textHash: Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int64(bitPattern: hash)
    }
}

/// What the index keeps in memory about each live document.
public struct DocumentInfo: Sendable, Equatable {
    /// The index's own number for the document.
    public var number: Int64
    public var id: String
    public var title: String?
    public var date: String?
    public var speaker: String?
    public var source: String?
    public var tags: [String]
    /// Length of the matching form, in characters.
    public var length: Int
    /// The last scalar of the matching form (-1 when empty): one-character counts need it.
    var lastCharacter: Int64 = -1
    /// `Document.contentHash` of the indexed version.
    public var contentHash: Int64 = 0
    /// `Document.textHash` of the indexed version.
    public var textHash: Int64 = 0

    /// The year, when the date has one.
    public var year: String? { date.flatMap { $0.count >= 4 ? String($0.prefix(4)) : nil } }
    /// `YYYY-MM`, when the date has a month.
    public var month: String? { date.flatMap { $0.count >= 7 ? String($0.prefix(7)) : nil } }
}
