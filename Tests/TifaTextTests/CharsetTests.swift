import TifaText
import XCTest

final class CharsetTests: XCTestCase {
    /// 全面从严治党 in GB18030.
    let gb18030: [UInt8] = [0xC8, 0xAB, 0xC3, 0xE6, 0xB4, 0xD3, 0xD1, 0xCF, 0xD6, 0xCE, 0xB5, 0xB3]

    func testConvertsGB18030AndUTF16() throws {
        XCTAssertEqual(String(decoding: try Charset.convertToUTF8(gb18030, from: "GB18030"), as: UTF8.self), "全面从严治党")
        let utf16le: [UInt8] = [0x68, 0x51, 0x62, 0x97]  // 全面
        XCTAssertEqual(String(decoding: try Charset.convertToUTF8(utf16le, from: "UTF-16LE"), as: UTF8.self), "全面")
    }

    func testInvalidBytesNameTheOffset() {
        XCTAssertThrowsError(try Charset.convertToUTF8(Array(gb18030[0..<4]) + [0x81, 0x20], from: "GB18030")) { error in
            XCTAssertEqual(error as? Charset.ConversionError, .invalidBytes(charset: "GB18030", byteOffset: 4))
        }
    }

    func testUnknownCharset() {
        XCTAssertThrowsError(try Charset.convertToUTF8(gb18030, from: "no-such-charset")) { error in
            XCTAssertEqual(error as? Charset.ConversionError, .unknownCharset("no-such-charset"))
        }
    }

    func testDetectsUTF8() throws {
        let text = Array(String(repeating: "全面从严治党，两个维护。", count: 20).utf8)
        XCTAssertEqual(try Charset.detect(text).name, "UTF-8")
    }
}
