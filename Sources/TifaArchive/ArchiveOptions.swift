/// How `ArchiveReader` reads files: the format, the encoding, the field names of JSONL and CSV
/// records, which files a folder contributes, and the largest file it accepts.
///
/// ```swift
/// var options = ArchiveOptions()
/// options.format = .csv
/// options.encoding = "GB18030"
/// options.textField = "正文"
/// options.include = ["**/*.csv"]
/// let records = ArchiveReader.documents(in: "speeches.csv", options: options)
/// ```
public struct ArchiveOptions: Sendable {
    /// How a file's contents are read.
    public enum Format: String, Sendable, CaseIterable {
        /// By the file's extension: `.jsonl` and `.ndjson` as JSONL, `.csv` as CSV, `.md` and
        /// `.markdown` as Markdown, anything else as text.
        case auto
        /// One document, titled by its first line.
        case txt
        /// One document, with front matter for its metadata.
        case md
        /// One document per line, a JSON object.
        case jsonl
        /// One document per row, the first row naming the fields.
        case csv
    }

    /// How files are read; `.auto` decides by each file's extension.
    public var format: Format = .auto
    /// An ICU charset name (GB18030, Big5, UTF-16LE…); nil detects it.
    public var encoding: String?
    /// The JSONL or CSV field holding a record's text; a record without it is a failure.
    public var textField = "text"
    /// The field holding a record's id; a record without it is called `NAME:LINE`.
    public var idField = "id"
    /// The field holding a record's title.
    public var titleField = "title"
    /// The field holding a record's date (2023-01-05, 20230105, 2023年1月5日, 2022-03, 2022…).
    public var dateField = "date"
    /// The field holding a record's speaker.
    public var speakerField = "speaker"
    /// The field holding a record's source.
    public var sourceField = "source"
    /// The field holding a record's tags: a JSON array, or a string `a, b` or `[a, b]`.
    public var tagsField = "tags"
    /// The files a folder contributes. A pattern without `/` matches a file's name; one with `/`
    /// matches its path inside the folder, where `*` also crosses folders and `**/` stands for any
    /// number of them, none included (`**/*.md` matches `top.md` and `a/b/deep.md`).
    public var include: [String] = ["*.txt", "*.md", "*.markdown", "*.jsonl", "*.csv"]
    /// Files a folder leaves out although they match `include`, in the same pattern syntax.
    public var exclude: [String] = []
    /// Larger files (and, in a JSONL file read record by record, larger records) are failures,
    /// not read: 64 MiB unless set. Indexing holds a document's matching form and pair positions,
    /// about fourteen times its size, so this bounds what one document may cost.
    public var maximumFileBytes = 64 << 20
    /// Goes before every document id, with a `/` between: one index can hold several archives
    /// whose files have the same names.
    public var idPrefix = ""

    /// The defaults: formats by extension, encodings detected, fields named `text`, `id`,
    /// `title`, `date`, `speaker`, `source`, `tags`.
    public init() {}
}
