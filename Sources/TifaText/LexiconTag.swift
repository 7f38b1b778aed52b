/// The semantic tag of a lexicon entry (third column of a dictionary file): what kind of unit it is.
public enum LexiconTag: String, Sendable, Hashable, CaseIterable, Codable {
    /// An ordinary word.
    case general
    /// A set formulation (全面从严治党, 人类命运共同体).
    case tifa
    /// An organ (中央审计委员会, 国家发展和改革委员会).
    case org
    /// A title (总书记, 国务院总理).
    case title
    /// A person's name (李克强): a `word` token, never a `tifa`.
    case person
    /// A place name (浙江省): a `word` token, never a `tifa`.
    case place
    /// A campaign (脱贫攻坚战, 不忘初心牢记使命主题教育).
    case campaign
    /// A meeting (党的二十大, 中央经济工作会议).
    case meeting
    /// A slogan, four-character or paired (房住不炒, 碳达峰碳中和).
    case slogan
    /// A numbered formula (两个维护, 三严三实, 二十四字方针).
    case numbered
    /// A strategy, system, policy, spirit or project (健康中国战略, 中央八项规定精神).
    case strategy

    /// An unknown tag in a dictionary file reads as `general`.
    public init(parsing text: Substring) {
        self = LexiconTag(rawValue: String(text)) ?? .general
    }

    /// The tag's index in `allCases`, as stored in the low four bits of a compiled node's tag byte.
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
        case .slogan: 8
        case .numbered: 9
        case .strategy: 10
        }
    }

    /// Whether an entry of this tag is political vocabulary that the coarse mode emits as a
    /// `tifa` token: everything but ordinary words, persons and places.
    public var isFormulationKind: Bool { self != .general && self != .person && self != .place }

    /// The tag stored as `code`.
    init(code: UInt8) { self = Self.allCases[Int(code & 0x0F)] }
}
