/// What the index keeps in memory about each live document.
public struct DocumentInfo: Sendable, Equatable {
    /// The index's own number for the document.
    public var number: Int64
    /// The document's external id: its name in the archive, or the id field of its record.
    /// Unique among the live documents; adding a document with it replaces this one.
    public var id: String
    /// The document's title, nil when it has none (search's `title:` filter).
    public var title: String?
    /// The date as it was added — `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as archives are read — nil
    /// when undated. Search filters and orders by it as text; `year` and `month` are its prefixes.
    public var date: String?
    /// Who gave the speech or signed the text, nil when unknown (search's `speaker:` filter).
    public var speaker: String?
    /// Where the text comes from — a publication, a web address — nil when unknown (search's
    /// `source:` filter).
    public var source: String?
    /// The document's tags in the order given, empty when it has none (search's `tag:` filter).
    /// Empty tags are not kept, and a tag holding a tab comes back as two.
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
