import Foundation
import TifaTestSupport
import XCTest

/// Without ../shared/data a test is skipped on a developer's machine and fails under CI.
final class SharedDataRequirementTests: XCTestCase {
    func testMissingDataSkipsLocallyAndFailsUnderCI() {
        XCTAssertNoThrow(try requireSharedData(true, "not used", environment: ["CI": "true"]))
        for environment in [[:], ["CI": "false"], ["CI": "1"]] {
            XCTAssertThrowsError(try requireSharedData(false, "missing /x/y.jsonl", environment: environment)) { error in
                XCTAssertTrue(error is XCTSkip, "\(environment): \(error)")
            }
        }
        XCTAssertThrowsError(try requireSharedData(false, "missing /x/y.jsonl", environment: ["CI": "true"])) { error in
            XCTAssertFalse(error is XCTSkip)
            XCTAssertEqual(
                "\(error)",
                "missing /x/y.jsonl: the test needs ../shared/data beside the repository (\(sharedData.path)); "
                    + "CI=true, so this fails instead of skipping")
        }
    }
}
