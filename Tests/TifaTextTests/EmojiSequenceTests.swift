import TifaText
import XCTest

/// An emoji with its modifiers, or emoji joined by ZERO WIDTH JOINER, is one symbol token.
final class EmojiSequenceTests: XCTestCase {
    func testSequencesStayWhole() {
        for segmenter in [Segmenters.coarse, Segmenters.fine] as [LexiconSegmenter] {
            XCTAssertEqual(segmenter.words("我们👨‍👩‍👧很好"), ["我们", "👨‍👩‍👧", "很", "好"])
            XCTAssertEqual(segmenter.words("支持👍🏽，"), ["支持", "👍🏽", "，"])
            XCTAssertEqual(segmenter.words("第1️⃣条"), ["第", "1️⃣", "条"])
            XCTAssertEqual(segmenter.words("🏳️‍🌈旗"), ["🏳️‍🌈", "旗"])
        }
    }

    /// Chains of any length, with modifiers, end where the joiners end; a joiner with no emoji
    /// after it is no part of the sequence.
    func testGeneratedChains() {
        let emoji = ["👨", "👩", "👧", "👦", "🧑", "❤️", "🔥"]
        let modifiers = ["", "🏻", "🏽", "🏿", "\u{FE0F}"]
        var generator = SplitMix64(seed: 200)
        for _ in 0..<200 {
            let count = 1 + Int(generator.next() % 6)
            let sequence = (0..<count).map { _ in
                emoji[Int(generator.next() % UInt64(emoji.count))] + modifiers[Int(generator.next() % UInt64(modifiers.count))]
            }.joined(separator: "\u{200D}")
            XCTAssertEqual(Segmenters.coarse.words("坚持" + sequence + "党"), ["坚持", sequence, "党"], sequence.debugDescription)
        }
        XCTAssertEqual(Segmenters.coarse.words("👨\u{200D}坚持"), ["👨", "坚持"])
    }
}
