// XCTest suite of the Swift package (macOS: `bash bindings/scripts/build-xcframework.sh --test`).
// Same assertions as tests/kotlin and tests/python.
import Dangjian
import XCTest

final class DangjianTests: XCTestCase {
    func testCoreVersionIsNonEmpty() {
        XCTAssertFalse(coreVersion().isEmpty)
    }

    func testCheckAmountOk() throws {
        XCTAssertEqual(try checkAmount(amount: "12.50"), "12.50")
        XCTAssertEqual(try checkAmount(amount: "12.5"), "12.50")
    }

    func testNegativeAmountIsInvalidInput() {
        XCTAssertThrowsError(try checkAmount(amount: "-1")) { error in
            guard case let DangjianError.InvalidInput(code, field, messageZh, messageEn) = error else {
                return XCTFail("expected DangjianError.InvalidInput, got \(error)")
            }
            XCTAssertEqual(code, "INVALID_AMOUNT")
            XCTAssertEqual(field, "amount")
            XCTAssertFalse(messageZh.isEmpty)
            XCTAssertFalse(messageEn.isEmpty)
        }
    }
}
