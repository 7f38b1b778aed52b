import Foundation
@testable import TifaIndex
import XCTest

/// The posting codec: literal bytes of the documented format, and decode(encode(x)) == x on
/// generated lists, edge cases first.
final class PostingCodecTests: XCTestCase {
    struct Posting: Equatable {
        var document: Int64
        var positions: [Int32]
    }

    static func encode(_ postings: [Posting]) -> [UInt8] {
        var encoder = Postings.Encoder()
        for p in postings { encoder.append(document: p.document, positions: p.positions) }
        return encoder.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> [Posting] {
        var found: [Posting] = []
        try bytes.withUnsafeBytes { raw in
            try Postings.decode(raw) { found.append(Posting(document: $0, positions: $1)) }
        }
        return found
    }

    /// The bytes of a varint, written out by hand: seven bits a byte, low bits first, the high bit
    /// set on every byte but the last.
    static func varint(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var v = value
        repeat {
            bytes.append(UInt8(v % 128) + (v >= 128 ? 128 : 0))
            v /= 128
        } while v > 0
        return bytes
    }

    func testVarintsOfBoundaryValues() throws {
        let cases: [(UInt64, [UInt8])] = [
            (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
            (16_383, [0xFF, 0x7F]), (16_384, [0x80, 0x80, 0x01]),
            (UInt64(UInt32.max), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
            (UInt64(Int64.max), [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
            (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        ]
        for (value, bytes) in cases {
            var written: [UInt8] = []
            Postings.appendVarint(value, to: &written)
            XCTAssertEqual(written, bytes, "\(value)")
            XCTAssertEqual(Self.varint(value), bytes, "\(value)")
            var offset = 0
            XCTAssertEqual(try bytes.withUnsafeBytes { try Postings.readVarint($0, &offset) }, value)
            XCTAssertEqual(offset, bytes.count)
        }
        // Cut short, or longer than 64 bits: not a varint.
        for bad: [UInt8] in [[], [0x80], [0xFF, 0xFF], Array(repeating: 0xFF, count: 10) + [0x01]] {
            var offset = 0
            XCTAssertThrowsError(try bad.withUnsafeBytes { try Postings.readVarint($0, &offset) }, "\(bad)")
        }
    }

    /// `varint(docDelta) varint(count) varint(positionDelta)…` per document.
    func testTheDocumentedLayoutByteForByte() throws {
        let postings = [
            Posting(document: 5, positions: [0, 3, 130]),
            Posting(document: 300, positions: [7]),
            Posting(document: 301, positions: [1, 2]),
        ]
        let bytes: [UInt8] = [
            0x05, 0x03, 0x00, 0x03, 0x7F,  // document 5: 3 positions, deltas 0, 3, 127
            0xA7, 0x02, 0x01, 0x07,  // document 300 (delta 295 = 0b10_0100111): 1 position, 7
            0x01, 0x02, 0x01, 0x01,  // document 301: 2 positions, deltas 1, 1
        ]
        XCTAssertEqual(Self.encode(postings), bytes)
        XCTAssertEqual(try Self.decode(bytes), postings)
    }

    func testEdgeCasesRoundTrip() throws {
        let cases: [[Posting]] = [
            [],
            [Posting(document: 1, positions: [0])],
            [Posting(document: 0, positions: [0])],
            [Posting(document: 1, positions: [Int32.max])],
            [Posting(document: 1, positions: [0, Int32.max])],
            [Posting(document: 1, positions: [5]), Posting(document: Int64.max, positions: [0])],  // the largest gap
            [Posting(document: 7, positions: Array(0..<100_000))],
            [Posting(document: 7, positions: (0..<10_000).map { $0 * 214_748 })],
            (1...1_000).map { Posting(document: Int64($0), positions: [Int32($0)]) },
        ]
        for postings in cases {
            let bytes = Self.encode(postings)
            XCTAssertEqual(try Self.decode(bytes), postings, "\(postings.prefix(2))…")
            // Every document costs its delta, its count and its deltas, as varints.
            var previousDocument: Int64 = 0
            var size = 0
            for p in postings {
                size += Self.varint(UInt64(p.document - previousDocument)).count + Self.varint(UInt64(p.positions.count)).count
                var previous: Int32 = 0
                for position in p.positions {
                    size += Self.varint(UInt64(position - previous)).count
                    previous = position
                }
                previousDocument = p.document
            }
            XCTAssertEqual(bytes.count, size)
        }
    }

    func testGeneratedListsRoundTripAndTruncationsFail() throws {
        var generator = SplitMix64(seed: 2026)
        for round in 0..<300 {
            var postings: [Posting] = []
            var document: Int64 = Int64(generator.next() % 3)
            for _ in 0..<Int(generator.next() % 40) {
                // Mostly small gaps, sometimes gaps of up to 2^40.
                document += generator.next() % 8 == 0 ? Int64(generator.next() % (1 << 40)) + 1 : Int64(generator.next() % 5) + 1
                var positions: [Int32] = []
                var position = Int32(generator.next() % 3)
                for _ in 0...Int(generator.next() % (generator.next() % 16 == 0 ? 2_000 : 6)) {
                    positions.append(position)
                    position += generator.next() % 10 == 0 ? Int32(generator.next() % 1_000_000) + 1 : Int32(generator.next() % 20) + 1
                }
                postings.append(Posting(document: document, positions: positions))
            }
            var encoder = Postings.Encoder()
            var boundaries = [0]
            for p in postings {
                encoder.append(document: p.document, positions: p.positions)
                boundaries.append(encoder.bytes.count)
            }
            let bytes = encoder.bytes
            XCTAssertEqual(try Self.decode(bytes), postings, "round \(round)")

            // A list cut at a document boundary is the documents before the cut; cut anywhere
            // else it does not decode.
            guard round < 60 else { continue }
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
                if let whole = boundaries.firstIndex(of: cut) {
                    XCTAssertEqual(try Self.decode(Array(bytes[..<cut])), Array(postings[..<whole]), "round \(round), cut \(cut)")
                } else {
                    XCTAssertThrowsError(try Self.decode(Array(bytes[..<cut])), "round \(round), cut \(cut)")
                }
            }
        }
    }

    /// A document with no positions cannot be written by the indexer; in a file it means damage.
    func testAZeroPositionCountIsRejected() {
        XCTAssertThrowsError(try Self.decode([0x01, 0x00]))
        XCTAssertThrowsError(try Self.decode([0x01, 0x05, 0x00]))  // 5 positions announced, none there
    }

    /// Word lists (`varint(docDelta) varint(frequency)`), and a list moved to later document
    /// numbers by rewriting its first delta.
    func testFrequencyListsAndShiftedListsRoundTrip() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            var entries: [(Int64, Int)] = []
            var document: Int64 = 0
            for _ in 0...Int(generator.next() % 30) {
                document += Int64(generator.next() % (generator.next() % 5 == 0 ? 1 << 33 : 9)) + 1
                entries.append((document, Int(generator.next() % 1_000) + 1))
            }
            var encoder = Postings.Encoder()
            for (document, frequency) in entries { encoder.append(document: document, frequency: frequency) }
            var decoded: [(Int64, Int)] = []
            try encoder.bytes.withUnsafeBytes { raw in try Postings.decodeFrequencies(raw) { decoded.append(($0, $1)) } }
            XCTAssertEqual(decoded.map(\.0), entries.map(\.0))
            XCTAssertEqual(decoded.map(\.1), entries.map(\.1))

            let positions = entries.map { Posting(document: $0.0, positions: [Int32($0.1)]) }
            let offset = Int64(generator.next() % (1 << 36))
            XCTAssertEqual(
                try Self.decode(Postings.shifting(Self.encode(positions), by: offset)),
                positions.map { Posting(document: $0.document + offset, positions: $0.positions) })
        }
    }

    /// Blocks of about 8 KB: each gram's list and totals come back from its block, in order, and
    /// every block but the last reaches the target size.
    func testBlocksHoldEveryListInGramOrder() throws {
        var generator = SplitMix64(seed: 99)
        var writer = BlockWriter()
        var written: [(Int64, [UInt8], PostingTotals)] = []
        var gram: Int64 = Postings.bigram(0x4E00, 0x4E00)
        for _ in 0..<3_000 {
            gram += Int64(generator.next() % (generator.next() % 50 == 0 ? 1 << 30 : 40)) + 1
            let positions = (0..<Int32(generator.next() % 12 + 1)).map { $0 * 3 }
            let list = Self.encode([Posting(document: Int64(generator.next() % 100) + 1, positions: positions)])
            let totals = PostingTotals(documents: 1, occurrences: positions.count)
            writer.append(gram: gram, list: list, totals: totals)
            written.append((gram, list, totals))
        }
        writer.finishBlock()
        XCTAssertGreaterThan(writer.blocks.count, 3)
        var read: [(Int64, [UInt8], PostingTotals?)] = []
        for (k, block) in writer.blocks.enumerated() {
            var grams: [Int64] = []
            try block.data.withUnsafeBytes { raw in
                try BlockWriter.entries(of: raw, first: block.first, layout: .withTotals) { key, totals, list in
                    grams.append(key)
                    read.append((key, Array(list), totals))
                }
            }
            XCTAssertEqual(grams.first, block.first)
            XCTAssertEqual(grams.last, block.last)
            XCTAssertEqual(read.last?.2, block.lastTotals)  // the row's columns describe its last list
            if k < writer.blocks.count - 1 { XCTAssertGreaterThanOrEqual(block.data.count, BlockWriter.targetBytes) }
        }
        XCTAssertEqual(read.map(\.0), written.map(\.0))
        XCTAssertEqual(read.map(\.1), written.map(\.1))
        XCTAssertEqual(read.map(\.2), written.map(\.2))
    }

    /// An entry's bytes in each layout, written out by hand: format 2 puts the documents and the
    /// positions between the gram delta and the length.
    func testEntryLayouts() throws {
        let list = Self.encode([Posting(document: 3, positions: [5, 9]), Posting(document: 7, positions: [1])])
        XCTAssertEqual(list, [3, 2, 5, 4, 4, 1, 1])
        var writer = BlockWriter()
        writer.append(gram: 1_000, list: list, totals: PostingTotals(documents: 2, occurrences: 3))
        writer.append(gram: 1_200, list: [1, 1, 0], totals: PostingTotals(documents: 1, occurrences: 1))
        writer.finishBlock()
        XCTAssertEqual(writer.blocks[0].data, [0, 2, 3, 7] + list + [0xC8, 0x01, 1, 1, 3, 1, 1, 0])
        var plain: [(Int64, PostingTotals?, [UInt8])] = []
        let v1: [UInt8] = [0, 7] + list + [0xC8, 0x01, 3, 1, 1, 0]
        try v1.withUnsafeBytes { raw in
            try BlockWriter.entries(of: raw, first: 1_000, layout: .plain) { plain.append(($0, $1, Array($2))) }
        }
        XCTAssertEqual(plain.map(\.0), [1_000, 1_200])
        XCTAssertEqual(plain.map(\.1), [nil, nil])
        XCTAssertEqual(plain.map(\.2), [list, [1, 1, 0]])
    }

    /// Joining lists of ascending document ranges without decoding them gives the bytes of
    /// encoding all their documents at once, and the totals of all of them.
    func testJoinedListsEqualOneEncoding() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            var parts: [[Posting]] = []
            var document: Int64 = 0
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                var part: [Posting] = []
                for _ in 0..<(1 + Int(generator.next() % 5)) {
                    document += 1 + Int64(generator.next() % (generator.next() % 9 == 0 ? 100_000 : 5))
                    let positions = (0..<(1 + Int32(generator.next() % 6))).map { $0 * 2 + Int32(generator.next() % 2) }
                    part.append(Posting(document: document, positions: positions))
                }
                parts.append(part)
            }
            var joined = Postings.Encoder()
            for part in parts {
                try Self.encode(part).withUnsafeBytes { try joined.append(list: $0, of: .positions) }
            }
            let all = parts.flatMap { $0 }
            XCTAssertEqual(joined.bytes, Self.encode(all))
            XCTAssertEqual(joined.totals, PostingTotals(documents: all.count, occurrences: all.reduce(0) { $0 + $1.positions.count }))
        }
        // A list whose documents do not come after the last one joined is refused.
        var encoder = Postings.Encoder()
        let first = Self.encode([Posting(document: 5, positions: [0])])
        try first.withUnsafeBytes { try encoder.append(list: $0, of: .positions) }
        XCTAssertThrowsError(try first.withUnsafeBytes { try encoder.append(list: $0, of: .positions) })
    }

    /// A character's totals from the pairs it starts and the documents it ends: 治 starts 治党 twice
    /// in document 11 and once in 12; 党 ends document 12 and starts 党的 in 11.
    func testCharacterTotalsCountEachDocumentOnce() {
        let zhi: UInt32 = 0x6CBB, dang: UInt32 = 0x515A, de: UInt32 = 0x7684
        var totals = CharacterTotals(documents: 10..<13)
        totals.setLast(dang, of: 12)
        totals.setLast(de, of: 10)
        totals.add(gram: Postings.bigram(dang, de), document: 11, count: 1)
        totals.add(gram: Postings.bigram(zhi, dang), document: 11, count: 2)
        totals.add(gram: Postings.bigram(zhi, dang), document: 12, count: 1)
        totals.add(gram: Postings.bigram(zhi, de), document: 11, count: 1)
        let finished = totals.finish()
        XCTAssertEqual(finished.map(\.character), [dang, zhi, de])
        XCTAssertEqual(finished.map(\.totals), [
            PostingTotals(documents: 2, occurrences: 2), PostingTotals(documents: 2, occurrences: 4), PostingTotals(documents: 1, occurrences: 1),
        ])
    }
}
