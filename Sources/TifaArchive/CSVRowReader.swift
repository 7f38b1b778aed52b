/// Reads CSV (RFC 4180) rows from UTF-8 bytes given in pieces of any size, so a file is read a
/// record at a time. Quoted fields may hold commas, doubled quotes and line breaks; CRLF and CR end
/// a row like LF. Each row comes with the line it starts on. A row growing past `maximumRowBytes`
/// is reported as too long (its line, no fields) and skipped to its end.
struct CSVRowReader {
    struct Row {
        var line: Int
        /// The fields' bytes; nil for a row that was too long.
        var fields: [[UInt8]]?
    }

    let maximumRowBytes: Int
    private var fields: [[UInt8]] = []
    private var field: [UInt8] = []
    private var rowBytes = 0
    private var inQuotes = false
    /// A quote seen inside quotes: the next byte says whether it was doubled or closed the field.
    private var quoteInQuotes = false
    private var afterCarriageReturn = false
    private var skipping = false
    private var line = 1
    private var rowLine = 1
    private(set) var quoteLine = 0

    init(maximumRowBytes: Int) {
        self.maximumRowBytes = maximumRowBytes
    }

    /// Whether the input ended inside a quoted field (the row from `quoteLine` on is lost).
    var unclosedQuote: Bool { inQuotes && !quoteInQuotes }

    mutating func read<E: Error>(_ bytes: some Sequence<UInt8>, _ row: (Row) throws(E) -> Void) throws(E) {
        for byte in bytes { try take(byte, row) }
    }

    /// Ends the input: the last row, when it has no line break after it.
    mutating func finish<E: Error>(_ row: (Row) throws(E) -> Void) throws(E) {
        if quoteInQuotes {
            quoteInQuotes = false
            inQuotes = false
        }
        guard !inQuotes else { return }
        if !field.isEmpty || !fields.isEmpty || skipping { try endRow(row) }
    }

    private mutating func take<E: Error>(_ byte: UInt8, _ row: (Row) throws(E) -> Void) throws(E) {
        if afterCarriageReturn {
            afterCarriageReturn = false
            if byte == 0x0A { return }  // the LF of a CRLF already ended the row
        }
        if quoteInQuotes {
            quoteInQuotes = false
            if byte == 0x22 {
                append(0x22)
                return
            }
            inQuotes = false
        }
        if inQuotes {
            switch byte {
            case 0x22: quoteInQuotes = true
            case 0x0D:
                line += 1
                append(0x0A)
                afterCarriageReturn = true
            case 0x0A:
                line += 1
                append(0x0A)
            default: append(byte)
            }
            return
        }
        switch byte {
        case 0x22 where field.isEmpty:
            inQuotes = true
            quoteLine = line
        case 0x2C:
            fields.append(field)
            field = []
        case 0x0A, 0x0D:
            afterCarriageReturn = byte == 0x0D
            try endRow(row)
            line += 1
            rowLine = line
        default:
            append(byte)
        }
    }

    private mutating func append(_ byte: UInt8) {
        guard !skipping else { return }
        rowBytes += 1
        if rowBytes > maximumRowBytes {
            skipping = true
            fields = []
            field = []
            return
        }
        field.append(byte)
    }

    private mutating func endRow<E: Error>(_ row: (Row) throws(E) -> Void) throws(E) {
        if skipping {
            try row(Row(line: rowLine, fields: nil))
        } else {
            fields.append(field)
            try row(Row(line: rowLine, fields: fields))
        }
        fields = []
        field = []
        rowBytes = 0
        skipping = false
    }
}
