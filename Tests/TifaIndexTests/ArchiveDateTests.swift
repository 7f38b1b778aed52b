import Foundation
@testable import TifaArchive
import XCTest

/// Dates as the archive reader normalizes them: `YYYY-MM-DD` from the usual spellings, `YYYY-MM`
/// and `YYYY` when that is all there is, nil for what is no date.
final class ArchiveDateTests: XCTestCase {
    func testSpellingsOfADay() {
        let cases: [(String, String?)] = [
            ("2023-01-05", "2023-01-05"), ("20230105", "2023-01-05"), ("2023/01/05", "2023-01-05"),
            ("2023.01.05", "2023-01-05"), ("2023_01_05", "2023-01-05"), ("1998-12-31", "1998-12-31"),
            ("2023年1月5日", "2023-01-05"), ("2023年10月15日", "2023-10-15"), ("2023年12月", "2023-12"),
            ("2023", "2023"), ("1949", "1949"),
            ("2023-01-05T09:30:00+08:00", "2023-01-05"), ("speech-2019-05-04-final", "2019-05-04"),
            ("第20230105号", "2023-01-05"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(ArchiveReader.normalizeDate(text), expected, text)
        }
    }

    func testWhatIsNoDate() {
        for text in ["", "soon", "1899", "2100", "12345", "report2023", "2023-13-05", "2023-00-10", "2023-01-32", "二〇二三年"] {
            XCTAssertNil(ArchiveReader.normalizeDate(text), text)
        }
    }

    /// The last path component holding a date wins; a folder named by its year dates the files in it.
    func testDateInPath() {
        let cases: [(String, String?)] = [
            ("archive/2023/20230105.txt", "2023-01-05"), ("archive/2023/speech.txt", "2023"),
            ("archive/2019-05-04-speech.txt", "2019-05-04"), ("2018/2019-05-04/notes.md", "2019-05-04"),
            ("会议/2023年3月/纪要.txt", "2023-03"), ("notes/speech.txt", nil),
            ("2023/01/05/speech.txt", "2023"),  // 01 and 05 alone are no dates
        ]
        for (path, expected) in cases {
            XCTAssertEqual(ArchiveReader.dateInPath(path), expected, path)
        }
    }

    /// `YYYY-MM` in numbers is as much a date as 2023年3月 (`Document.date` allows it).
    func testYearAndMonthInNumbers() {
        XCTAssertEqual(ArchiveReader.normalizeDate("2022-03"), "2022-03")
        XCTAssertEqual(ArchiveReader.normalizeDate("2022/03"), "2022-03")
    }

    /// 2023-13-05 is no date, and neither is 2023年13月5日.
    func testMonthOutOfRangeInChineseIsNoDate() {
        XCTAssertNil(ArchiveReader.normalizeDate("2023年13月5日"))
        XCTAssertNil(ArchiveReader.normalizeDate("2023年13月"))
    }
}
