import TifaText

/// One occurrence in context. `start`/`end` are character (Unicode scalar) offsets into the
/// document's original text; `left`/`match`/`right` are original text, line breaks shown as spaces.
public struct KWICLine: Sendable, Equatable, Codable {
    /// The external id of the document the occurrence is in.
    public var id: String
    /// That document's date, nil when it is undated.
    public var date: String?
    /// Where the occurrence starts in the document's original text (`Index.text(ofDocument:)`),
    /// in Unicode scalars from 0. `Index.occurrences(of:)` counts in the matching form instead,
    /// so its positions can differ.
    public var start: Int
    /// Where the occurrence ends in the original text, in Unicode scalars, exclusive: the
    /// original scalars its matching form came from are `start..<end`.
    public var end: Int
    /// Up to `width` Unicode scalars of original text before `start`, fewer near the beginning.
    public var left: String
    /// The occurrence as the original text has it, which may differ from the phrase asked for
    /// (full-width letters, Traditional characters, a line break inside a word).
    public var match: String
    /// Up to `width` Unicode scalars of original text after `end`, fewer near the end.
    public var right: String
}

extension Index {
    /// How KWIC lines are ordered.
    public enum KWICOrder: String, Sendable, CaseIterable {
        /// By document date, then position.
        case date
        /// By the context before the match, read backwards from the match.
        case left
        /// By the context after the match.
        case right
    }

    /// Every occurrence of `phrase` with `width` characters of context on each side, in the
    /// documents `filter` matches (all when nil).
    public func kwic(
        _ phrase: String, width: Int = 20, limit: Int? = nil, order: KWICOrder = .date, filter: String? = nil
    ) throws(IndexError) -> [KWICLine] {
        // Positions and texts from one commit: a writer replacing documents meanwhile is not seen.
        try reading { () throws(IndexError) in
            let selected = try filter.map { query throws(IndexError) in Set(try documents(matching: query).map(\.number)) }
            return try kwicLines(phrase, width: width, limit: limit, order: order, in: selected)
        }
    }

    /// Every occurrence of `phrase` in `documents`, with `width` characters of context on each side.
    public func kwic(
        _ phrase: String, in documents: [DocumentInfo], width: Int = 20, limit: Int? = nil, order: KWICOrder = .date
    ) throws(IndexError) -> [KWICLine] {
        try reading { () throws(IndexError) in
            try kwicLines(phrase, width: width, limit: limit, order: order, in: Set(documents.map(\.number)))
        }
    }

    private func kwicLines(_ phrase: String, width: Int, limit: Int?, order: KWICOrder, in selected: Set<Int64>?) throws(IndexError) -> [KWICLine] {
        var found = try occurrences(of: phrase)
        if let selected { found = found.filter { selected.contains($0.key) } }
        let length = normalizer.matchingForm(of: phrase).scalars.count
        // Any width or limit is answered: a negative one as 0, one beyond the text as all of it.
        let width = max(0, width)
        var lines: [KWICLine] = []
        let ordered = found.keys.compactMap { documents[$0] }.sorted {
            ($0.date ?? "", $0.number) < ($1.date ?? "", $1.number)
        }
        for info in ordered {
            let text = try self.text(of: info.number)
            let form = normalizer.matchingForm(of: text)
            let scalars = Array(text.unicodeScalars)
            for start in found[info.number]! {
                guard start >= 0, Int(start) + length <= form.scalars.count else {
                    throw .corrupt(path: path, reason: "the postings of document \(info.id) point past the end of its text")
                }
                let range = form.originalRange(of: Int(start)..<(Int(start) + length))
                func slice(_ r: Range<Int>) -> String {
                    String(String.UnicodeScalarView(scalars[r].map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
                }
                lines.append(
                    KWICLine(
                        id: info.id, date: info.date, start: range.lowerBound, end: range.upperBound,
                        left: slice(max(0, range.lowerBound - min(width, range.lowerBound))..<range.lowerBound),
                        match: slice(range),
                        right: slice(range.upperBound..<(range.upperBound + min(width, scalars.count - range.upperBound)))))
            }
        }
        switch order {
        case .date: break
        case .left: lines.sort { (String($0.left.reversed()), $0.id) < (String($1.left.reversed()), $1.id) }
        case .right: lines.sort { ($0.right, $0.id) < ($1.right, $1.id) }
        }
        if let limit { return Array(lines.prefix(max(0, limit))) }
        return lines
    }
}
