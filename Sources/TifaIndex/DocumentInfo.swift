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
