import Foundation

/// Columns for people: a header, cells padded to the widest in their column by the width a
/// terminal gives them (a Han character takes two cells), two spaces between columns. Machines
/// read `--json` (or `--csv`) instead.
final class TextTable {
    private let header: [String]
    private let rightAligned: Set<Int>
    private var rows: [[String]] = []

    /// `rightAligned` are the columns of numbers.
    init(header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    func add(_ row: [String]) {
        precondition(row.count == header.count, "a row of \(row.count) cells in a table of \(header.count) columns")
        rows.append(row.map(visible))
    }

    /// The table's lines; the last column is not padded, so lines carry no trailing spaces.
    var lines: [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { displayWidth(of: $0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let cell = row[column]
                let padding = String(repeating: " ", count: widths[column] - displayWidth(of: cell))
                if rightAligned.contains(column) { return padding + cell }
                return column == row.count - 1 ? cell : cell + padding
            }.joined(separator: "  ")
        }
    }

    func print() {
        for line in lines { Swift.print(line) }
    }
}

/// `text` on one line: line breaks, tabs and other control characters (an id or title may hold
/// them) are written as escapes, so a cell cannot break the table.
func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u{%02X}", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}

/// How many terminal cells `text` takes: two for East Asian wide and full-width characters, none
/// for combining marks and zero-width characters, one for the rest.
func displayWidth(of text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
        let value = scalar.value
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0x2060, 0xFE00...0xFE0F, 0xFEFF: continue
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            width += 2
        default: width += 1
        }
    }
    return width
}

/// `1 document`, `2 documents`: a count with its noun in the right number.
func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

/// Bytes as megabytes with one decimal, `31.2 MB`.
func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_048_576)
}

/// A phrase as typed on the command line, without the whitespace a shell quote leaves at its ends
/// (a phrase of whitespace only is kept: counting spaces is a fair question).
func trimmedPhrase(_ phrase: String) -> String {
    let trimmed = phrase.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? phrase : trimmed
}
