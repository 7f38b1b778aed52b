/// How `ArchiveReader` reads files: the format, the encoding, the field names of JSONL and CSV
/// records, which files a folder contributes, and the largest file it accepts.
public struct ArchiveOptions: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case auto, txt, md, jsonl, csv
    }

    public var format: Format = .auto
    /// An ICU charset name (GB18030, Big5, UTF-16LE…); nil detects it.
    public var encoding: String?
    public var textField = "text"
    public var idField = "id"
    public var titleField = "title"
    public var dateField = "date"
    public var speakerField = "speaker"
    public var sourceField = "source"
    public var tagsField = "tags"
    /// Globs matched against paths inside a folder (`*` within a name, `**` across folders).
    public var include: [String] = ["*.txt", "*.md", "*.markdown", "*.jsonl", "*.csv"]
    public var exclude: [String] = []
    public var maximumFileBytes = 512 << 20
    /// Goes before every document id, with a `/` between: one index can hold several archives
    /// whose files have the same names.
    public var idPrefix = ""

    public init() {}
}
