// XCTest suite of the Swift package (macOS: `bash bindings/scripts/build-xcframework.sh --test`).
// The same assertions as tests/kotlin/Main.kt and tests/python/test_bindings.py. No Swift compiler exists on
// the Linux machines: this file is reviewed there and compiled only on macOS.
// Money is Foundation.Decimal; the working-day calendar is written `Dangjian.Calendar` because Foundation
// has a `Calendar` too.
import Dangjian
import Foundation
import XCTest

private func dec(_ s: String) -> Decimal {
    Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))!
}

/// A public-institution member: 4000 + 1500 + 2000 counted, 900 + 200 deducted, the reward excluded → 6400.
private func teacher(_ id: String = "T1") -> DuesMember {
    DuesMember(
        memberId: id,
        category: .employed,
        employerType: .publicInstitution,
        incomes: [
            IncomeRecord(items: [
                IncomeItem(code: .postSalary, amount: dec("4000.00")),
                IncomeItem(code: .gradeSalary, amount: dec("1500.00")),
                IncomeItem(code: .basicPerformance, amount: dec("2000.00")),
                IncomeItem(code: .rewardPerformance, amount: dec("3000.00")),
                IncomeItem(code: .housingFund, amount: dec("900.00")),
                IncomeItem(code: .incomeTax, amount: dec("200.00")),
            ]),
        ]
    )
}

private func unpaidLedger() -> Ledger {
    Ledger(
        memberId: "M1",
        obligations: (1...6).map { Obligation(month: String(format: "2026-%02d", $0), amount: dec("54.00")) },
        payments: []
    )
}

/// The (variant, code, field) of a DangjianError.
private func coded(_ error: Error) -> (String, String, String)? {
    switch error {
    case let DangjianError.InvalidInput(code, field, _, _): return ("InvalidInput", code, field)
    case let DangjianError.Policy(code, field, _, _): return ("Policy", code, field)
    case let DangjianError.Calendar(code, field, _, _): return ("Calendar", code, field)
    default: return nil
    }
}

private func XCTAssertCoded<T>(
    _ expression: @autoclosure () throws -> T, _ variant: String, _ code: String, _ field: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        guard let got = coded(error) else {
            return XCTFail("expected DangjianError, got \(error)", file: file, line: line)
        }
        XCTAssertEqual(got.0, variant, file: file, line: line)
        XCTAssertEqual(got.1, code, file: file, line: line)
        XCTAssertEqual(got.2, field, file: file, line: line)
    }
}

final class DangjianTests: XCTestCase {
    func testCoreVersionIsNonEmpty() {
        XCTAssertFalse(coreVersion().isEmpty)
    }

    func testPolicyRoundTripAndOverrides() throws {
        let json = Policy.bundled().toJson()
        XCTAssertEqual(try Policy.fromJson(json: json).toJson(), json)
        let bad = #"{"schema_version":1,"dues":{"rounding":[{"effective_from":"2020-01-01","citation":{"regulation":"r","article":"a"},"value":{"mode":"half_up","scale":5}}]}}"#
        XCTAssertCoded(try Policy.bundled().withOverridesJson(json: bad), "Policy", "ROUNDING_SCALE_OUT_OF_RANGE",
                       "dues.rounding[0].value.scale")
    }

    func testAssessDuesWithDecimalAndCitation() throws {
        let a = try assessDues(policy: Policy.bundled(), member: teacher(), month: "2026-11", trace: true)
        XCTAssertEqual(a.amount, dec("96.00"))
        XCTAssertEqual(a.base, dec("6400.00"))
        XCTAssertEqual(a.rate, dec("0.015"))
        XCTAssertEqual(a.citation.article, "第二条")
        XCTAssertFalse(a.trace.isEmpty)
    }

    func testNegativeAmountIsInvalidInputAtItsPath() {
        let m = DuesMember(memberId: "N1", category: .employed,
                           incomes: [IncomeRecord(items: [IncomeItem(code: .netBase, amount: dec("-1"))])])
        XCTAssertCoded(try assessDues(policy: Policy.bundled(), member: m, month: "2026-11", trace: false),
                       "InvalidInput", "NEGATIVE_AMOUNT", "incomes[0].items[0].amount")
    }

    func testJsonEntryPoints() throws {
        let p = Policy.bundled()
        let a = try assessDuesJson(policy: p, memberJson: #"{"member_id":"S1","category":"student"}"#,
                                   month: "2026-11", trace: false)
        XCTAssertTrue(a.contains(#""amount":"0.20""#))
        let b = try assessDuesBatchJson(policy: p, membersJson: #"[{"member_id":"A","category":"astronaut"}]"#,
                                        month: "2026-11", trace: false)
        XCTAssertTrue(b.contains(#""code":"INVALID_MEMBER_JSON""#))
        let r = try evaluateDuesLedgerJson(policy: p, ledgerJson: #"{"member_id":"M1","obligations":[],"payments":[]}"#,
                                           asOf: "2026-07-01")
        let s = try summarizeDuesJson(reportsJson: "[\(r)]", periodJson: #"{"year":2026}"#)
        XCTAssertTrue(s.contains(#""members":0"#))
    }

    func testBatchLedgerAndSummary() throws {
        let p = Policy.bundled()
        let out = try assessDuesBatch(policy: p, members: [teacher("A"), teacher("A")], month: "2026-11", trace: false)
        XCTAssertEqual(out.assessments.map { $0.memberId }, ["A"])
        XCTAssertEqual(out.errors.map { $0.code }, ["DUPLICATE_MEMBER_ID"])
        let report = try evaluateDuesLedger(policy: p, ledger: unpaidLedger(), asOf: "2026-07-01")
        XCTAssertEqual(report.lapseOn, "2026-07-01")
        XCTAssertTrue(report.findings.contains { $0.code == "DUES_LAPSE" && $0.severity == .violation })
        let year = try summarizeDues(reports: [report], period: .year(year: 2026))
        XCTAssertEqual(year.due, dec("324.00"))
        XCTAssertNil(try summarizeDues(reports: [], period: .month(month: "2026-11")).paymentRate)
    }

    func testSpringFestival2026AndProvisional2027() throws {
        let cal = Dangjian.Calendar.official()
        XCTAssertEqual(try cal.addWorkingDays(date: "2026-02-12", n: 4).value, "2026-02-25")
        XCTAssertEqual(try cal.countWorkingDays(from: "2026-02-12", to: "2026-02-25").value, 5)
        XCTAssertEqual(try cal.day(date: "2026-02-14").kind, .makeUpWorkday)
        XCTAssertTrue(try cal.isWorkingDay(date: "2026-02-14").value)
        XCTAssertEqual(try cal.isWorkingDay(date: "2027-01-01").findings.map { $0.code }, ["PROVISIONAL_CALENDAR"])
        try cal.loadYearJson(json: #"{"schema_version":1,"year":2027,"off":["2027-01-01"],"working":[]}"#)
        XCTAssertTrue(try cal.officialYears().contains(2027))
        XCTAssertFalse(try cal.isWorkingDay(date: "2027-01-01").value)
        XCTAssertCoded(try cal.loadYearJson(json: #"{"schema_version":1,"year":2028,"off":["2027-12-31"],"working":[]}"#),
                       "Calendar", "DATE_OUTSIDE_YEAR", "off[0]")
        XCTAssertCoded(try cal.day(date: "2026-02-30"), "InvalidInput", "INVALID_DATE", "date")
    }
}
