/// The semantic tag of a lexicon entry (third column of a dictionary file).
public enum LexiconTag: String, Sendable, Hashable, CaseIterable {
    case general, tifa, org, title, person, place, campaign, meeting

    /// An unknown tag in a dictionary file reads as `general`.
    public init(parsing text: Substring) {
        self = LexiconTag(rawValue: String(text)) ?? .general
    }
}
