// Entry point of the Kotlin/JVM binding tests: `java ... cn.dangjian.tests.MainKt <vectors dir>`.
// Every export, typed and JSON; errors as typed exceptions with code and field; then the shared vectors
// (dues from the directory given, credits/, disclosure/ and membership/ beside it).
// Prints "passed=N failed=M" as its only stdout line; exit code 0 iff nothing failed.
package cn.dangjian.tests

import cn.dangjian.types.BranchSummary
import cn.dangjian.Calendar
import cn.dangjian.types.Category
import cn.dangjian.types.Citation
import cn.dangjian.types.DangjianException
import cn.dangjian.types.DayKind
import cn.dangjian.types.DuesMember
import cn.dangjian.types.EmployerType
import cn.dangjian.types.HardshipDecision
import cn.dangjian.types.HardshipOutcome
import cn.dangjian.types.IncomeItem
import cn.dangjian.types.IncomeRecord
import cn.dangjian.types.ItemCode
import cn.dangjian.types.Ledger
import cn.dangjian.types.Obligation
import cn.dangjian.types.Payment
import cn.dangjian.types.Period
import cn.dangjian.Policy
import cn.dangjian.types.Severity
import cn.dangjian.assessDues
import cn.dangjian.assessDuesBatch
import cn.dangjian.assessDuesBatchJson
import cn.dangjian.assessDuesJson
import cn.dangjian.coreVersion
import cn.dangjian.evaluateDuesLedger
import cn.dangjian.evaluateDuesLedgerJson
import cn.dangjian.summarizeDues
import cn.dangjian.summarizeDuesJson
import java.io.File
import java.math.BigDecimal
import kotlin.concurrent.thread
import kotlin.system.exitProcess

private const val PROVINCE = """{"schema_version":1,"dues":{"farmer_monthly":[{"effective_from":"2024-01-01",
  "citation":{"regulation":"某省党费收缴办法","article":"第五条"},"value":{"monthly":"1.0","min":"0.2","max":"1.0"}}]}}"""

private const val BAD_ROUNDING = """{"schema_version":1,"dues":{"rounding":[{"effective_from":"2020-01-01",
  "citation":{"regulation":"r","article":"a"},"value":{"mode":"half_up","scale":5}}]}}"""

/** A public-institution member: 4000 + 1500 + 2000 counted, 900 + 200 deducted, the reward excluded → 6400. */
private fun teacher(id: String = "T1") = DuesMember(
    memberId = id,
    category = Category.EMPLOYED,
    employerType = EmployerType.PUBLIC_INSTITUTION,
    incomes = listOf(
        IncomeRecord(
            items = listOf(
                IncomeItem(ItemCode.POST_SALARY, BigDecimal("4000.00")),
                IncomeItem(ItemCode.GRADE_SALARY, BigDecimal("1500.00")),
                IncomeItem(ItemCode.BASIC_PERFORMANCE, BigDecimal("2000.00")),
                IncomeItem(ItemCode.REWARD_PERFORMANCE, BigDecimal("3000.00")),
                IncomeItem(ItemCode.HOUSING_FUND, BigDecimal("900.00")),
                IncomeItem(ItemCode.INCOME_TAX, BigDecimal("200.00")),
            ),
        ),
    ),
)

private fun netBase(id: String, amount: BigDecimal) = DuesMember(
    memberId = id,
    category = Category.EMPLOYED,
    incomes = listOf(IncomeRecord(items = listOf(IncomeItem(ItemCode.NET_BASE, amount)))),
)

private fun unpaidLedger(months: Int = 6, voluntary: String = "0") = Ledger(
    memberId = "M1",
    obligations = (1..months).map { Obligation(month = "2026-%02d".format(it), amount = BigDecimal("54.00")) },
    payments = listOf(Payment("2026-01-05", BigDecimal.ZERO, listOf(), BigDecimal(voluntary), "wechat")),
)

/** Expects a DangjianException of type [E] with [code] and [field] and both messages. */
inline fun <reified E : DangjianException> expectCoded(code: String, field: String, body: () -> Unit): E {
    val e = expectThrows<E>(body)
    checkEq(mapOf("code" to code, "field" to field), codeField(e), "code and field")
    val messages = when (val x: DangjianException = e) {
        is DangjianException.InvalidInput -> x.messageZh to x.messageEn
        is DangjianException.Policy -> x.messageZh to x.messageEn
        is DangjianException.Calendar -> x.messageZh to x.messageEn
        is DangjianException.Internal -> x.messageZh to x.messageEn
    }
    check(messages.first.isNotBlank() && messages.second.isNotBlank()) { "empty messages: $e" }
    return e
}

private fun money(d: BigDecimal?) = d?.toPlainString()

fun main(args: Array<String>) {
    val h = Harness()
    val bundled = Policy.bundled()

    h.test("coreVersion() is a version") {
        val v = coreVersion()
        check(Regex("""^\d+\.\d+\.\d+""").containsMatchIn(v)) { "coreVersion() = $v" }
        System.err.println("    core version $v")
    }

    // ---- Policy ----
    h.test("Policy.bundled().toJson() round-trips through Policy.fromJson") {
        val json = Policy.bundled().toJson()
        check(json.contains("\"schema_version\":1")) { json.take(80) }
        checkEq(json, Policy.fromJson(json).toJson(), "round trip")
    }
    h.test("Policy.fromJson(\"{}\") throws DangjianException.Policy INVALID_POLICY_JSON at schema_version") {
        expectCoded<DangjianException.Policy>("INVALID_POLICY_JSON", "schema_version") { Policy.fromJson("{}") }
    }
    h.test("withOverridesJson: a province's farmer figure and its citation") {
        val farmer = DuesMember("F1", Category.FARMER)
        checkEq("0.50", money(assessDues(bundled, farmer, "2026-11", false).amount), "bundled amount")
        val a = assessDues(bundled.withOverridesJson(PROVINCE), farmer, "2026-11", false)
        checkEq("1.00", money(a.amount), "province amount")
        checkEq(Citation("某省党费收缴办法", "第五条"), a.citation, "citation")
    }
    h.test("withOverridesJson: a bad override is DangjianException.Policy with its field path") {
        expectCoded<DangjianException.Policy>("ROUNDING_SCALE_OUT_OF_RANGE", "dues.rounding[0].value.scale") {
            bundled.withOverridesJson(BAD_ROUNDING)
        }
    }

    // ---- assessDues / assessDuesJson ----
    h.test("assessDues: base, rate, amount as BigDecimal, citation, trace") {
        val a = assessDues(bundled, teacher(), "2026-11", true)
        checkEq(BigDecimal("96.00"), a.amount, "amount (BigDecimal, scale 2)")
        checkEq("6400.00" to "0.015", money(a.base) to money(a.rate), "base and rate")
        checkEq(listOf("T1", "2026-11", "2026-01"), listOf(a.memberId, a.month, a.assessedIn), "ids and months")
        checkEq(Category.EMPLOYED, a.category, "category")
        checkEq("第二条", a.citation.article, "article")
        check(a.citation.regulation.contains("2008")) { a.citation.regulation }
        check(a.trace.isNotEmpty() && a.trace.all { it.step.isNotBlank() }) { "trace ${a.trace}" }
        checkEq(0, assessDues(bundled, teacher(), "2026-11", false).trace.size, "trace when off")
    }
    h.test("assessDues: a BigDecimal goes in as plain digits (1E+3 is 1000)") {
        val a = assessDues(bundled, netBase("N1", BigDecimal("1E+3")), "2026-11", false)
        checkEq("1000.00" to "5.00", money(a.base) to money(a.amount), "base (to the fen) and amount")
    }
    h.test("assessDues: findings carry code, severity and citation") {
        val a = assessDues(bundled, teacher().copy(admittedOn = "2026-12-01"), "2026-11", false)
        checkEq(listOf("NOT_OWED_BEFORE_ADMISSION"), a.findings.map { it.code }, "codes")
        val f = a.findings[0]
        checkEq(Severity.INFO, f.severity, "severity")
        checkEq("第八条", f.citation?.article, "article")
        checkEq(0, f.alsoCited.size, "alsoCited")
        checkEq("0.00", money(a.amount), "amount")
    }
    h.test("assessDues: a hardship reduction") {
        val m = teacher().copy(
            hardship = listOf(
                HardshipDecision(
                    from = "2026-01", to = "2026-12", outcome = HardshipOutcome.REDUCED,
                    reducedAmount = BigDecimal("10.00"), branchStudiedOn = "2025-12-10",
                    approvedBy = "某某党委", approvedOn = "2025-12-20",
                ),
            ),
        )
        val a = assessDues(bundled, m, "2026-11", false)
        checkEq("10.00", money(a.amount), "amount")
        check("HARDSHIP_REDUCED" in a.findings.map { it.code }) { "findings ${a.findings}" }
    }
    h.test("assessDues: a negative amount is InvalidInput NEGATIVE_AMOUNT at incomes[0].items[0].amount") {
        expectCoded<DangjianException.InvalidInput>("NEGATIVE_AMOUNT", "incomes[0].items[0].amount") {
            assessDues(bundled, netBase("N1", BigDecimal("-1")), "2026-11", false)
        }
    }
    h.test("assessDues: unreadable dates and months are coded, the value in the message, no path") {
        // The records are the core's own: a value it cannot hold fails while UniFFI lifts the argument, thrown
        // as the library's coded exception; UniFFI gives no path there, so `field` is empty.
        val e = expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "") {
            assessDues(bundled, teacher().copy(admittedOn = "2026-02-30"), "2026-11", false)
        }
        check("2026-02-30" in e.messageEn) { "the value is named: ${e.messageEn}" }
        val twoRecords = teacher().let { it.copy(incomes = it.incomes + IncomeRecord("2026-7", listOf())) }
        expectCoded<DangjianException.InvalidInput>("INVALID_MONTH", "") {
            assessDues(bundled, twoRecords, "2026-11", false)
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_AMOUNT", "") {
            assessDues(bundled, netBase("N1", BigDecimal("1E+30")), "2026-11", false)
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_MONTH", "month") {
            assessDues(bundled, teacher(), "2026/11", false)
        }
    }
    h.test("assessDues: a month no rule covers is DangjianException.Policy NO_POLICY_IN_FORCE") {
        expectCoded<DangjianException.Policy>("NO_POLICY_IN_FORCE", "dues.fixing") {
            assessDues(bundled, teacher(), "2000-01", false)
        }
    }
    h.test("assessDuesJson: a student's flat amount") {
        val doc = Json.parse(assessDuesJson(bundled, """{"member_id":"S1","category":"student"}""", "2026-11", true))
            as Map<*, *>
        checkEq(listOf("S1", "0.20", null), listOf(doc["member_id"], doc["amount"], doc["base"]), "member, amount, base")
        checkEq("第六条", (doc["citation"] as Map<*, *>)["article"], "article")
    }
    h.test("assessDuesJson: an unknown category is INVALID_MEMBER_JSON at category") {
        expectCoded<DangjianException.InvalidInput>("INVALID_MEMBER_JSON", "category") {
            assessDuesJson(bundled, """{"member_id":"X","category":"astronaut"}""", "2026-11", false)
        }
    }

    // ---- batch ----
    h.test("assessDuesBatch: bad members become entries, the rest are assessed") {
        val out = assessDuesBatch(
            bundled,
            listOf(teacher("A"), netBase("B", BigDecimal("-5")), netBase("A", BigDecimal("1.00"))),
            "2026-11",
            false,
        )
        checkEq(listOf("A" to "96.00"), out.assessments.map { it.memberId to money(it.amount) }, "assessments")
        checkEq(
            listOf(
                listOf(1u, "B", "invalid_input", "NEGATIVE_AMOUNT", "incomes[0].items[0].amount"),
                listOf(2u, "A", "invalid_input", "DUPLICATE_MEMBER_ID", "member_id"),
            ),
            out.errors.map { listOf(it.index, it.memberId, it.kind, it.code, it.field) },
            "errors",
        )
    }
    h.test("assessDuesBatch: an unreadable member fails the whole call, coded") {
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "") {
            assessDuesBatch(bundled, listOf(teacher("A"), teacher("B").copy(admittedOn = "someday")), "2026-11", false)
        }
    }
    h.test("assessDuesBatchJson: entries and errors; a non-array is INVALID_MEMBER_JSON") {
        val members = """[{"member_id":"A","category":"student"},{"member_id":"B","category":"astronaut"}]"""
        val doc = Json.parse(assessDuesBatchJson(bundled, members, "2026-11", false)) as Map<*, *>
        checkEq(listOf("0.20"), (doc["assessments"] as List<*>).map { (it as Map<*, *>)["amount"] }, "amounts")
        val e = (doc["errors"] as List<*>).single() as Map<*, *>
        checkEq(listOf("1", "INVALID_MEMBER_JSON", "category"), listOf((e["index"] as BigDecimal).toPlainString(), e["code"], e["field"]), "error")
        expectCoded<DangjianException.InvalidInput>("INVALID_MEMBER_JSON", "") {
            assessDuesBatchJson(bundled, "{}", "2026-11", false)
        }
    }

    // ---- ledger ----
    h.test("evaluateDuesLedger: six unpaid months cross the line on 2026-07-01") {
        checkEq(null, evaluateDuesLedger(bundled, unpaidLedger(), "2026-06-30").lapseOn, "lapseOn on 30 June")
        val r = evaluateDuesLedger(bundled, unpaidLedger(), "2026-07-01")
        checkEq("2026-07-01", r.lapseOn, "lapseOn")
        val lapse = r.findings.single { it.code == "DUES_LAPSE" }
        checkEq(Severity.VIOLATION, lapse.severity, "severity")
        check(lapse.alsoCited.isNotEmpty()) { "DUES_LAPSE cites 党章 and the 2008 Rules: $lapse" }
        checkEq((1..6).map { "2026-%02d".format(it) }, r.arrears, "arrears")
        checkEq("324.00" to "324.00", money(r.totalDue) to money(r.outstanding), "totals")
        checkEq(listOf("2026-01", "54.00", null), r.months[0].let { listOf(it.month, money(it.due), it.paidOn) }, "first line")
    }
    h.test("evaluateDuesLedger: a voluntary 1000 goes to the Centre") {
        val r = evaluateDuesLedger(bundled, unpaidLedger(1, "1000.00"), "2026-01-31")
        checkEq("1000.00" to "1000.00", money(r.voluntaryTotal) to money(r.remittedToCentre), "voluntary")
        checkEq(listOf(Triple("2026-01-05", "1000.00", true)), r.voluntaryPayments.map { Triple(it.paidOn, money(it.amount), it.remitted) }, "lines")
    }
    h.test("evaluateDuesLedger: unreadable dates are coded (no path inside the ledger; as_of named)") {
        val l = unpaidLedger()
        val bad = l.copy(payments = listOf(l.payments[0].copy(paidOn = "2026-13-01")))
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "") {
            evaluateDuesLedger(bundled, bad, "2026-07-01")
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "as_of") {
            evaluateDuesLedger(bundled, unpaidLedger(), "July")
        }
    }
    h.test("evaluateDuesLedgerJson: arrears; a missing field is INVALID_LEDGER_JSON at its path") {
        val doc = Json.parse(
            evaluateDuesLedgerJson(
                bundled,
                """{"member_id":"M1","obligations":[{"month":"2026-01","amount":"10.00"}],"payments":[]}""",
                "2026-03-01",
            ),
        ) as Map<*, *>
        checkEq(listOf("2026-01") to "10.00", doc["arrears"] to doc["outstanding"], "arrears and outstanding")
        expectCoded<DangjianException.InvalidInput>("INVALID_LEDGER_JSON", "payments") {
            evaluateDuesLedgerJson(bundled, """{"member_id":"M1","obligations":[]}""", "2026-03-01")
        }
    }

    // ---- summary ----
    h.test("summarizeDues (Year and Month) and summarizeDuesJson agree") {
        val l = unpaidLedger()
        val paid = l.copy(payments = l.payments + Payment("2026-01-10", BigDecimal("54.00"), listOf("2026-01"), BigDecimal.ZERO, "cash"))
        val report = evaluateDuesLedger(bundled, paid, "2026-11-21")
        val year: BranchSummary = summarizeDues(listOf(report), Period.Year(2026))
        checkEq(Period.Year(2026), year.period, "period")
        checkEq(
            listOf(1u, "324.00", "54.00", "0.1667", 1u),
            listOf(year.members, money(year.due), money(year.collected), money(year.paymentRate), year.membersInArrears),
            "year",
        )
        val jan = summarizeDues(listOf(report), Period.Month("2026-01"))
        checkEq(listOf("54.00", "54.00", "1.0000", 0u), listOf(money(jan.due), money(jan.collected), money(jan.paymentRate), jan.membersInArrears), "January")
        val ledgerJson = Json.write(
            mapOf(
                "member_id" to "M1",
                "obligations" to (1..6).map { mapOf("month" to "2026-%02d".format(it), "amount" to "54.00") },
                "payments" to listOf(mapOf("paid_on" to "2026-01-10", "amount" to "54.00", "months" to listOf("2026-01"))),
            ),
        )
        val reportJson = evaluateDuesLedgerJson(bundled, ledgerJson, "2026-11-21")
        val doc = Json.parse(summarizeDuesJson("[$reportJson]", """{"year":2026}""")) as Map<*, *>
        checkEq(listOf("324.00", "54.00", "0.1667"), listOf(doc["due"], doc["collected"], doc["payment_rate"]), "JSON summary")
    }
    h.test("summarizeDues: nothing due has no payment rate") {
        val s = summarizeDues(listOf(), Period.Month("2026-11"))
        checkEq(listOf(0u, "0.00", null), listOf(s.members, money(s.due), s.paymentRate), "empty summary")
    }
    h.test("summarizeDues / summarizeDuesJson: bad periods are coded") {
        expectCoded<DangjianException.InvalidInput>("INVALID_MONTH", "") {
            summarizeDues(listOf(), Period.Month("November"))
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_PERIOD_JSON", "") {
            summarizeDuesJson("[]", """{"week":3}""")
        }
    }

    // ---- Calendar ----
    h.test("Calendar.official().officialYears() is 2020..2026") {
        checkEq((2020..2026).toList(), Calendar.official().officialYears(), "years")
    }
    h.test("Calendar: the Spring Festival 2026 window (5 working days from 12 Feb close 25 Feb)") {
        Calendar.official().use { cal ->
            val close = cal.addWorkingDays("2026-02-12", 4u)
            checkEq("2026-02-25", close.value, "close")
            checkEq(0, close.findings.size, "findings")
            checkEq(5u, cal.countWorkingDays("2026-02-12", "2026-02-25").value, "count")
            for (d in 15..23) check(!cal.isWorkingDay("2026-02-$d").value) { "2026-02-$d should be off" }
            val sat = cal.isWorkingDay("2026-02-14")
            check(sat.value && sat.findings.isEmpty()) { "Saturday 14 Feb is worked: $sat" }
            val info = cal.day("2026-02-14")
            checkEq(listOf("2026-02-14", DayKind.MAKE_UP_WORKDAY, true, false), listOf(info.date, info.kind, info.working, info.provisional), "day")
            checkEq(DayKind.HOLIDAY, cal.day("2026-02-16").kind, "16 Feb")
        }
    }
    h.test("Calendar: 2027 is provisional (PROVISIONAL_CALENDAR) until loaded") {
        val cal = Calendar.official()
        val a = cal.isWorkingDay("2027-01-01")
        check(!a.value) { "provisional: Friday 1 Jan 2027 is 元旦 by law (放假办法 第二条)" }
        checkEq(DayKind.HOLIDAY, cal.day("2027-10-01").kind, "国庆 2027, provisional")
        check(cal.isWorkingDay("2027-01-04").value) { "Monday 4 Jan 2027 works" }
        checkEq(listOf("PROVISIONAL_CALENDAR"), a.findings.map { it.code }, "findings")
        checkEq(Severity.WARNING, a.findings[0].severity, "severity")
        check(cal.day("2027-01-01").provisional) { "day().provisional" }
        checkEq(listOf("PROVISIONAL_CALENDAR"), cal.addWorkingDays("2026-12-30", 3u).findings.map { it.code }, "addWorkingDays")
        checkEq(listOf("PROVISIONAL_CALENDAR"), cal.countWorkingDays("2026-12-28", "2027-01-08").findings.map { it.code }, "countWorkingDays")
        cal.loadYearJson("""{"schema_version":1,"year":2027,"off":["2027-01-01"],"working":[],"source":"test"}""")
        check(2027 in cal.officialYears()) { "2027 loaded" }
        val now = cal.isWorkingDay("2027-01-01")
        check(!now.value && now.findings.isEmpty()) { "after loading: $now" }
        checkEq(DayKind.HOLIDAY, cal.day("2027-01-01").kind, "kind")
    }
    h.test("Calendar.loadYearJson: a bad year is DangjianException.Calendar with code and field") {
        val cal = Calendar.official()
        expectCoded<DangjianException.Calendar>("DATE_OUTSIDE_YEAR", "off[0]") {
            cal.loadYearJson("""{"schema_version":1,"year":2028,"off":["2027-12-31"],"working":[]}""")
        }
        expectCoded<DangjianException.Calendar>("INVALID_CALENDAR_JSON", "off") {
            cal.loadYearJson("""{"schema_version":1,"year":2028,"working":[]}""")
        }
        check(2028 !in cal.officialYears()) { "2028 must not be loaded" }
    }
    h.test("Calendar: bad dates name the argument; a runaway n is SPAN_TOO_LONG") {
        val cal = Calendar.official()
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "date") { cal.isWorkingDay("2026-02-30") }
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "to") { cal.countWorkingDays("2026-02-01", "tomorrow") }
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "date") { cal.day("today") }
        expectCoded<DangjianException.InvalidInput>("SPAN_TOO_LONG", "n") { cal.addWorkingDays("2026-01-01", 4_000_000_000u) }
    }
    h.test("Calendar: shared between threads while a year loads") {
        val cal = Calendar.official()
        val results = java.util.Collections.synchronizedList(ArrayList<String>())
        val threads = (1..8).map { thread { results.add(cal.addWorkingDays("2026-02-12", 4u).value) } }
        cal.loadYearJson("""{"schema_version":1,"year":2027,"off":[],"working":[]}""")
        threads.forEach { it.join() }
        checkEq(List(8) { "2026-02-25" }, results.toList(), "results")
    }

    // ---- credits and disclosure (CreditsDisclosureTests.kt) ----
    creditsDisclosureTests(h)
    disclosureTypedTests(h)
    disclosureBeyondWorkflowTests(h)

    // ---- the typed credits calls (CreditsTypedTests.kt) ----
    creditsTypedTests(h)

    // ---- the credits totals fast path (TallyTests.kt) ----
    tallyTests(h)

    // ---- membership (MembershipTests.kt) ----
    membershipTests(h)

    // ---- the code registry (CodesTests.kt) ----
    codesTests(h)

    // ---- the panic guard (GuardTests.kt) ----
    guardTests(h)

    // ---- the shared vectors: dues from the directory given, credits, disclosure and membership beside it ----
    val dir = File(args.getOrElse(0) { "tests/vectors/dues" })

    // ---- the audit trail (AuditTests.kt): the example data, two levels above the vectors ----
    auditTests(h, dir.absoluteFile.parentFile.parentFile.parentFile)

    // ---- JSON Lines for the member and organization checks (StreamsTests.kt): the example data ----
    streamsTests(h, dir.absoluteFile.parentFile.parentFile.parentFile)
    runVectors(h, dir)
    duesColumnsTests(h, dir) // the columnar MonthRules against the record API (DuesColumnsTests.kt)
    val vectors = dir.absoluteFile.parentFile
    runCreditsVectors(h, File(vectors, "credits"))
    runDisclosureVectors(h, File(vectors, "disclosure"))
    runMembershipVectors(h, File(vectors, "membership"))
    runErrorVectors(h, vectors) // the error vectors of every JSON entry point (ErrorVectors.kt)

    println("passed=${h.passed} failed=${h.failed}")
    exitProcess(if (h.failed == 0) 0 else 1)
}
