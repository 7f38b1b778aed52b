import ArgumentParser
import Tifa

/// How files are read into documents: format, encoding, the fields of JSONL and CSV records,
/// which files of a folder, and how large a file may be.
struct ArchiveOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Input format: auto (by extension), txt, md, jsonl or csv.", valueName: "auto|txt|md|jsonl|csv"))
    var format: ArchiveOptions.Format = .auto

    @Option(help: ArgumentHelp("Read files in this encoding (UTF-8, GB18030, Big5, UTF-16LE…) instead of detecting it.", valueName: "NAME"))
    var encoding: String?

    @Option(name: .customLong("text-field"), help: "JSONL/CSV field with the text.")
    var textField = "text"
    @Option(name: .customLong("id-field"), help: "JSONL/CSV field with the document id; a record without it is called FILE:LINE.")
    var idField = "id"
    @Option(name: .customLong("title-field"), help: "JSONL/CSV field with the title.")
    var titleField = "title"
    @Option(name: .customLong("date-field"), help: "JSONL/CSV field with the date.")
    var dateField = "date"
    @Option(name: .customLong("speaker-field"), help: "JSONL/CSV field with the speaker.")
    var speakerField = "speaker"
    @Option(name: .customLong("source-field"), help: "JSONL/CSV field with the source.")
    var sourceField = "source"
    @Option(name: .customLong("tags-field"), help: "JSONL/CSV field with tags (a list, or comma-separated).")
    var tagsField = "tags"

    @Option(help: ArgumentHelp("In folders, index only files matching this glob (repeatable; default: *.txt *.md *.markdown *.jsonl *.csv).", valueName: "GLOB"))
    var include: [String] = []
    @Option(help: ArgumentHelp("In folders, skip files matching this glob (repeatable).", valueName: "GLOB"))
    var exclude: [String] = []

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Skip files larger than this many megabytes; a UTF-8 JSONL or CSV file, read a record at a time, may be of any size, and this bounds each record.", valueName: "MB"))
    var maximumFileMegabytes = 64

    func validate() throws {
        guard (1...1_048_576).contains(maximumFileMegabytes) else {
            throw ValidationError("--max-file-size must be from 1 to 1048576 MB (got \(maximumFileMegabytes)).")
        }
    }

    var options: ArchiveOptions {
        var options = ArchiveOptions()
        options.format = format
        options.encoding = encoding
        options.textField = textField
        options.idField = idField
        options.titleField = titleField
        options.dateField = dateField
        options.speakerField = speakerField
        options.sourceField = sourceField
        options.tagsField = tagsField
        if !include.isEmpty { options.include = include }
        options.exclude = exclude
        options.maximumFileBytes = maximumFileMegabytes << 20
        return options
    }
}

extension ArchiveOptions.Format: ExpressibleByArgument {}
