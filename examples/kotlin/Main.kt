// A branch treasurer's month-end, on the JVM with the dangjian Kotlin bindings (package cn.dangjian):
// the November 2026 dues of a branch of three members, each with the article that decides it, then one
// member's ledger as of 21 November 2026 with the six-month line.
// Run it with examples/kotlin/run.sh.
package cn.dangjian.example

import cn.dangjian.types.Category
import cn.dangjian.types.Citation
import cn.dangjian.types.DangjianException
import cn.dangjian.types.DuesMember
import cn.dangjian.types.EmployerType
import cn.dangjian.types.IncomeItem
import cn.dangjian.types.IncomeRecord
import cn.dangjian.types.ItemCode
import cn.dangjian.types.Ledger
import cn.dangjian.types.Obligation
import cn.dangjian.types.Payment
import cn.dangjian.types.Period
import cn.dangjian.Policy
import cn.dangjian.assessDuesBatch
import cn.dangjian.coreVersion
import cn.dangjian.evaluateDuesLedger
import cn.dangjian.summarizeDues
import java.math.BigDecimal

private fun yuan(s: String) = BigDecimal(s)

private fun cite(c: Citation) = if (c.article.isEmpty()) "《${c.regulation}》" else "《${c.regulation}》${c.article}"

private val names = mapOf("M001" to "张伟", "M002" to "李秀英", "M003" to "王磊")

/** The branch: a teacher at a public institution, a retiree, and a student admitted in December. */
private fun branch() = listOf(
    DuesMember(
        memberId = "M001",
        category = Category.EMPLOYED,
        employerType = EmployerType.PUBLIC_INSTITUTION,
        incomes = listOf(
            IncomeRecord(
                items = listOf(
                    IncomeItem(ItemCode.POST_SALARY, yuan("4000.00")),
                    IncomeItem(ItemCode.GRADE_SALARY, yuan("1500.00")),
                    IncomeItem(ItemCode.BASIC_PERFORMANCE, yuan("2000.00")),
                    IncomeItem(ItemCode.REWARD_PERFORMANCE, yuan("3000.00")),
                    IncomeItem(ItemCode.HOUSING_FUND, yuan("900.00")),
                    IncomeItem(ItemCode.INCOME_TAX, yuan("200.00")),
                ),
            ),
        ),
    ),
    DuesMember(
        memberId = "M002",
        category = Category.RETIRED,
        incomes = listOf(IncomeRecord(items = listOf(IncomeItem(ItemCode.PENSION, yuan("5000.01"))))),
    ),
    DuesMember(memberId = "M003", category = Category.STUDENT, admittedOn = "2026-12-03"),
)

/** M002's ledger: 50.00 a month, January and February paid on 10 February, nothing since. */
private fun retireeLedger() = Ledger(
    memberId = "M002",
    obligations = (1..11).map { Obligation("2026-%02d".format(it), yuan("50.00")) },
    payments = listOf(Payment("2026-02-10", yuan("100.00"), listOf("2026-01", "2026-02"), BigDecimal.ZERO, "微信")),
)

fun main() {
    println("dangjian core ${coreVersion()}")
    val policy = Policy.bundled()

    println()
    println("== 2026-11 党费 (branch of ${branch().size}) ==")
    val out = assessDuesBatch(policy, branch(), "2026-11", false)
    var total = BigDecimal("0.00")
    for (a in out.assessments) {
        total += a.amount
        val base = a.base
        val rate = a.rate
        val how = if (base != null && rate != null) " (base ${base.toPlainString()} × rate ${rate.toPlainString()})" else ""
        println("${a.memberId} ${names[a.memberId]}: ${a.amount.toPlainString()} yuan$how")
        println("    依据 ${cite(a.citation)}")
        for (f in a.findings) println("    [${f.code}] ${f.messageZh}")
    }
    for (e in out.errors) println("#${e.index} ${e.memberId}: ${e.code} at ${e.field}: ${e.messageZh}")
    println("branch total: ${total.toPlainString()} yuan")

    println()
    println("== ledger of M002 ${names["M002"]} as of 2026-11-21 ==")
    val report = evaluateDuesLedger(policy, retireeLedger(), "2026-11-21")
    println("month     due     paid  outstanding  paid on")
    for (l in report.months) {
        println(
            "%-7s %7s %8s %12s  %s".format(
                l.month, l.due.toPlainString(), l.paid.toPlainString(), l.outstanding.toPlainString(), l.paidOn ?: "-",
            ),
        )
    }
    println("total due ${report.totalDue.toPlainString()}, paid ${report.totalPaid.toPlainString()}, outstanding ${report.outstanding.toPlainString()}")
    println("arrears: ${report.arrears.joinToString(", ")}")
    println("six-month line crossed on: ${report.lapseOn ?: "not crossed"}")
    for (f in report.findings) {
        println("[${f.code}, ${f.severity}] ${f.messageZh}")
        (listOfNotNull(f.citation) + f.alsoCited).forEach { println("    依据 ${cite(it)}") }
    }

    val year = summarizeDues(listOf(report), Period.Year(2026))
    println("2026 for this member: collected ${year.collected.toPlainString()} of ${year.due.toPlainString()} (rate ${year.paymentRate?.toPlainString()})")

    // Errors arrive as typed exceptions with a code and the path of the field at fault.
    try {
        assessDuesBatch(policy, listOf(branch()[0].copy(admittedOn = "2026-02-30")), "2026-11", false)
    } catch (e: DangjianException.InvalidInput) {
        println("rejected: ${e.code} at ${e.field}: ${e.messageEn}")
    }
}
