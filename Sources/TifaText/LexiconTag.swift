/// The semantic tag of a lexicon entry (third column of a dictionary file).
public enum LexiconTag: String, Sendable, Hashable, CaseIterable {
    case general, tifa, org, title, person, place, campaign, meeting

    /// An unknown tag in a dictionary file reads as `general`.
    public init(parsing text: Substring) {
        self = LexiconTag(rawValue: String(text)) ?? .general
    }

    /// The tag's index in `allCases`, as stored in the compiled lexicon.
    var code: UInt8 {
        switch self {
        case .general: 0
        case .tifa: 1
        case .org: 2
        case .title: 3
        case .person: 4
        case .place: 5
        case .campaign: 6
        case .meeting: 7
        }
    }
}
