/// The part a word plays in the naming grammars of the coarse mode (`Dictionaries/naming-grammar.txt`),
/// which keep formulations whole that no dictionary lists:
///
/// - organs: a `namingHead` (中央, 国家, 省), nouns, an `organTail` (委员会, 领导小组, 部):
///   中央审计委员会, 国家发展和改革委员会;
/// - campaigns: nouns or a known formulation, then a `campaignTail` (攻坚战, 保卫战, 主题教育):
///   碧水保卫战, 不忘初心牢记使命主题教育;
/// - strategies and systems: a known formulation, then a `systemTail` (战略, 制度, 精神):
///   健康中国战略, 中央八项规定精神.
///
/// Stored in the high four bits of a compiled node's tag byte; `governing` as an entry flag,
/// `counted` as a bit of the node's label word.
struct NamingRole: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    init(rawValue: UInt8) { self.rawValue = rawValue }

    static let namingHead = NamingRole(rawValue: 0x10)
    static let organTail = NamingRole(rawValue: 0x20)
    static let campaignTail = NamingRole(rawValue: 0x40)
    static let systemTail = NamingRole(rawValue: 0x80)
    /// A governing verb or adverb (决定, 推动, 全面), never inside a name. Kept as the entry flag
    /// `Lexicon.EntryFlags.governing`, not in the tag byte.
    static let governing = NamingRole(rawValue: 0x01)
    /// A word the corpora count after many different numbers (方面, 措施: 三个方面, 五个方面), which
    /// completes no numbered formula. Kept as `LexiconTables.Node.isCounted`.
    static let counted = NamingRole(rawValue: 0x02)

    /// The role named in a grammar file's second column.
    init?(parsing name: String) {
        switch name {
        case "naming-head": self = .namingHead
        case "organ-tail": self = .organTail
        case "campaign-tail": self = .campaignTail
        case "system-tail": self = .systemTail
        case "governing": self = .governing
        case "counted": self = .counted
        default: return nil
        }
    }

    /// The roles kept in a tag byte.
    @inline(__always)
    init(tagByte: UInt8) { rawValue = tagByte & 0xF0 }
}
