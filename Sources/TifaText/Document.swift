/// A document to index: its text and metadata.
///
/// ```swift
/// let report = Document(id: "gwr-2024", text: "…", title: "政府工作报告", date: "2024-03-05", speaker: "李强")
/// ```
public struct Document: Sendable, Equatable {
    /// The caller's name for the document: an archive file's name in the archive, a record's id
    /// field. Adding a document with an id the index has replaces the old version.
    public var id: String
    /// The original text; an index keeps it unchanged.
    public var text: String
    /// The document's title (search's `title:` filter).
    public var title: String?
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: what search's `date:` filter and the breakdowns by year
    /// and month read.
    public var date: String?
    /// Who gave the speech or signed the text (search's `speaker:` filter).
    public var speaker: String?
    /// Where the text comes from: a publication, a web address (search's `source:` filter).
    public var source: String?
    /// Labels the caller chooses (search's `tag:` filter).
    public var tags: [String]

    /// A document with the metadata that is known; the rest stays empty.
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
        var hash = FNV1a()
        for field in [text, title ?? "\u{0}", date ?? "\u{0}", speaker ?? "\u{0}", source ?? "\u{0}", tags.joined(separator: "\t")] {
            hash.add(field)
            hash.add(0xFF)
        }
        return hash.signed
    }

    /// A 64-bit FNV-1a hash of the text alone: a document whose text another document under a
    /// different id already has is a duplicate.
    public var textHash: Int64 { Self.textHash(of: text) }

    /// `textHash` of a document with this text: what a stored text is checked against.
    public static func textHash(of text: String) -> Int64 {
        var hash = FNV1a()
        hash.add(text)
        return hash.signed
    }
}
