import TifaText

/// Turns a file's bytes into text: BOMs, UTF-16, GB18030/GBK and Big5 detected, or the charset
/// given; line endings become LF.
enum TextDecoding {
    enum Problem: Error, CustomStringConvertible {
        case binary
        case invalidUTF8(byteOffset: Int)
        case undecodable(charset: String, byteOffset: Int)
        case unknownCharset(String)

        var description: String {
            switch self {
            case .binary: return "binary file (NUL bytes), not text"
            case let .invalidUTF8(offset): return "undecodable: invalid UTF-8 at byte \(offset)"
            case let .undecodable(charset, offset): return "undecodable: not valid \(charset) at byte \(offset)"
            case let .unknownCharset(name): return "unknown encoding '\(name)' (try UTF-8, GB18030, Big5, UTF-16LE, UTF-16BE)"
            }
        }
    }

    static func decode(_ bytes: [UInt8], encoding: String?) -> Result<String, Problem> {
        if let encoding {
            // A byte order mark says nothing the given encoding does not; it is no part of the text.
            let canonical = encoding.uppercased().replacingOccurrences(of: "-", with: "")
            let mark: [UInt8] =
                canonical == "UTF8" ? [0xEF, 0xBB, 0xBF] : canonical == "UTF16LE" ? [0xFF, 0xFE] : canonical == "UTF16BE" ? [0xFE, 0xFF] : []
            let text = !mark.isEmpty && bytes.starts(with: mark) ? Array(bytes.dropFirst(mark.count)) : bytes
            return convert(text, from: encoding).map(normalizeLineEndings)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return convert(Array(bytes.dropFirst(3)), from: "UTF-8").map(normalizeLineEndings) }
        if bytes.starts(with: [0xFF, 0xFE]) { return convert(Array(bytes.dropFirst(2)), from: "UTF-16LE").map(normalizeLineEndings) }
        if bytes.starts(with: [0xFE, 0xFF]) { return convert(Array(bytes.dropFirst(2)), from: "UTF-16BE").map(normalizeLineEndings) }
        if bytes.prefix(8192).contains(0) { return .failure(.binary) }
        guard let bad = bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset) else {
            return .success(normalizeLineEndings(String(decoding: bytes, as: UTF8.self)))
        }
        // Mostly UTF-8 with a damaged byte is reported as such, not read as another charset.
        if looksLikeUTF8(bytes) { return .failure(.invalidUTF8(byteOffset: bad)) }
        var candidates = ["GB18030", "Big5"]
        if let guess = try? Charset.detect(bytes), guess.name.uppercased().hasPrefix("BIG5") { candidates = ["Big5", "GB18030"] }
        var best: (text: String, score: Int)? = nil
        var firstProblem: Problem? = nil
        for charset in candidates {
            switch convert(bytes, from: charset) {
            case let .success(text):
                let score = commonCharacterCount(text)
                if best == nil || score > best!.score { best = (text, score) }
            case let .failure(problem):
                if firstProblem == nil { firstProblem = problem }
            }
        }
        if let best { return .success(normalizeLineEndings(best.text)) }
        return .failure(firstProblem ?? .invalidUTF8(byteOffset: bad))
    }

    private static func convert(_ bytes: [UInt8], from charset: String) -> Result<String, Problem> {
        if charset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" {
            if let bad = bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset) { return .failure(.invalidUTF8(byteOffset: bad)) }
            return .success(String(decoding: bytes, as: UTF8.self))
        }
        do {
            return .success(String(decoding: try Charset.convertToUTF8(bytes, from: charset), as: UTF8.self))
        } catch let .invalidBytes(name, offset) {
            return .failure(.undecodable(charset: name, byteOffset: offset))
        } catch let .unknownCharset(name) {
            return .failure(.unknownCharset(name))
        } catch {
            return .failure(.unknownCharset(charset))
        }
    }

    /// Whether at least half of the bytes above ASCII belong to well-formed UTF-8 sequences.
    static func looksLikeUTF8(_ bytes: [UInt8]) -> Bool {
        var high = 0
        var inSequences = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            if length > 1, i + length <= bytes.count, (1..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) {
                high += length
                inSequences += length
                i += length
            } else {
                high += 1
                i += 1
            }
        }
        return high > 0 && inSequences * 2 >= high
    }

    /// Occurrences of very common characters, Simplified and Traditional: a wrong charset turns
    /// text into rare characters.
    private static func commonCharacterCount(_ text: String) -> Int {
        text.reduce(0) { $0 + (commonCharacters.contains($1) ? 1 : 0) }
    }

    private static let commonCharacters: Set<Character> = Set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车这书么进天向见由打系"
    )

    static func normalizeLineEndings(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
