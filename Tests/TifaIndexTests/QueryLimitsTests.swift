import Foundation
import TifaIndex
import XCTest

/// Queries a hostile or careless user writes get a syntax error with a position, never a crash or
/// a silent empty answer.
final class QueryLimitsTests: XCTestCase {
    func position(of query: String) -> Int? {
        do {
            _ = try Query.parse(query)
            return nil
        } catch {
            return error.position
        }
    }

    func message(of query: String) -> String {
        do {
            _ = try Query.parse(query)
            return ""
        } catch {
            return error.message
        }
    }

    /// Every distance a 32-bit position can hold is accepted; beyond it, an error at the number.
    func testNearDistanceRange() throws {
        for distance in [0, 1, 255, 65_536, Int(Int32.max)] {
            XCTAssertEqual(try Query.parse("甲 NEAR/\(distance) 乙"), .near(.phrase("甲"), .phrase("乙"), distance: distance))
        }
        for distance in ["2147483648", "999999999999", "99999999999999999999999", "-1", "x", ""] {
            XCTAssertEqual(position(of: "甲 NEAR/\(distance) 乙"), 7, distance)
        }
    }

    /// Nesting up to the limit parses; one level more is an error at the opening that goes too
    /// deep, however deep the query goes (no stack overflow at 20,000 levels).
    func testNestingDepth() throws {
        for depth in [1, 50, 100] {
            let query = String(repeating: "(", count: depth) + "甲" + String(repeating: ")", count: depth)
            XCTAssertEqual(try Query.parse(query), .phrase("甲"))
            XCTAssertEqual(try Query.parse(String(repeating: "NOT ", count: depth) + "甲").negations, depth)
        }
        for depth in [101, 1_000, 20_000] {
            let parentheses = String(repeating: "(", count: depth) + "甲" + String(repeating: ")", count: depth)
            XCTAssertEqual(position(of: parentheses), 100)
            XCTAssertEqual(position(of: String(repeating: "NOT ", count: depth) + "甲"), 400)
            XCTAssertEqual(position(of: String(repeating: "-", count: depth) + "甲"), 100)
        }
    }

    func testDatesAreChecked() throws {
        for value in ["2015", "2015-03", "2015-03-05", "2012..2017", "2012-03..", "..2017-12-31", "2015..2015", "2015-03..2015"] {
            XCTAssertEqual(try Query.parse("date:\(value)"), .filter(field: "date", value: value), value)
        }
        for value in ["abc", "15", "2015-13", "2015-00", "2015-02-32", "2015/03", "2015..2016..2017", "..", "2015-3-5"] {
            XCTAssertEqual(position(of: "甲 date:\(value)"), 7, value)
            XCTAssertTrue(message(of: "甲 date:\(value)").contains("is no date"), value)
        }
        for value in ["2025..1990", "2015-03..2015-02", "2015-03-05..2015-03-04"] {
            XCTAssertEqual(message(of: "date:\(value)"), "the range \(value) ends before it starts")
        }
    }

    func testUnknownFieldsAreErrors() throws {
        for field in ["author", "Date", "speakers", "x_y"] {
            XCTAssertEqual(position(of: "甲 \(field):乙"), 2, field)
            XCTAssertEqual(message(of: "\(field):乙"), "unknown field '\(field)'; the fields are date, id, source, speaker, tag, title")
        }
        // A colon that follows no field name is part of a phrase.
        XCTAssertEqual(try Query.parse("COVID-19:疫情"), .phrase("COVID-19:疫情"))
        XCTAssertEqual(try Query.parse("时间：2020"), .phrase("时间：2020"))
    }

    /// A filter outside parentheses restricts the whole query; inside, or joined by OR, NOT or
    /// NEAR, it stays where it is.
    func testFiltersBindToTheWholeQuery() throws {
        let date = Query.filter(field: "date", value: "2020")
        XCTAssertEqual(try Query.parse("甲 OR 乙 date:2020"), .and([.or([.phrase("甲"), .phrase("乙")]), date]))
        XCTAssertEqual(try Query.parse("date:2020 甲 OR 乙"), .and([.or([.phrase("甲"), .phrase("乙")]), date]))
        XCTAssertEqual(try Query.parse("甲 OR 乙 AND date:2020"), .and([.or([.phrase("甲"), .phrase("乙")]), date]))
        XCTAssertEqual(try Query.parse("(甲 OR 乙 date:2020)"), .or([.phrase("甲"), .and([.phrase("乙"), date])]))
        XCTAssertEqual(try Query.parse("甲 OR date:2020"), .or([.phrase("甲"), date]))
        XCTAssertEqual(try Query.parse("甲 -date:2020"), .and([.phrase("甲"), .not(date)]))
        XCTAssertEqual(try Query.parse("date:2020 tag:x"), .and([date, .filter(field: "tag", value: "x")]))
    }
}

extension Query {
    /// How many NOTs wrap the query.
    var negations: Int {
        if case let .not(inner) = self { return inner.negations + 1 }
        return 0
    }
}
