// The shared dues conformance vectors (tests/vectors/README.md) run through the Kotlin bindings: one test
// per case, every case of every *.json file under the directory given.
//
// Each case runs through the JSON entry point of its kind (with and without the trace where the export takes
// one); `assess` and `assess_error` cases whose member can be built as a typed DuesMember also run through
// assessDues, `ledger` cases through evaluateDuesLedger (and the report through summarizeDues, which must
// agree with summarizeDuesJson), `batch` cases whose members can all be built through assessDuesBatch.
// A failing case prints `file: name: field expected X got Y [surface]` per mismatch.
package cn.dangjian.tests

import cn.dangjian.types.Assessment
import cn.dangjian.types.BatchOutcome
import cn.dangjian.types.BranchSummary
import cn.dangjian.types.DangjianException
import cn.dangjian.types.LedgerReport
import cn.dangjian.types.Period
import cn.dangjian.Policy
import cn.dangjian.assessDues
import cn.dangjian.assessDuesBatch
import cn.dangjian.assessDuesBatchJson
import cn.dangjian.assessDuesJson
import cn.dangjian.evaluateDuesLedger
import cn.dangjian.evaluateDuesLedgerJson
import cn.dangjian.summarizeDues
import cn.dangjian.summarizeDuesJson
import java.io.File
import java.math.BigDecimal

/** The case kinds tests/vectors/README.md defines. */
val VECTOR_KINDS = setOf("assess", "assess_error", "ledger", "batch")

/** The code and field of any DangjianException. */
fun codeField(e: DangjianException): Map<String, Any?> = when (e) {
    is DangjianException.InvalidInput -> mapOf("code" to e.code, "field" to e.field)
    is DangjianException.Policy -> mapOf("code" to e.code, "field" to e.field)
    is DangjianException.Calendar -> mapOf("code" to e.code, "field" to e.field)
    is DangjianException.Internal -> mapOf("code" to e.code, "field" to e.field)
}

private fun plain(d: BigDecimal?): String? = d?.toPlainString()

private fun codesOf(findings: Any?): List<Any?> = findings.asList().map { it.asMap()["code"] }

private fun assessmentOf(doc: Map<String, Any?>) = mapOf(
    "amount" to doc["amount"], "base" to doc["base"], "rate" to doc["rate"], "codes" to codesOf(doc["findings"]),
)

private fun assessmentOf(a: Assessment) = mapOf(
    "amount" to plain(a.amount), "base" to plain(a.base), "rate" to plain(a.rate), "codes" to a.findings.map { it.code },
)

private val LEDGER_KEYS = listOf("total_due", "total_paid", "outstanding", "remitted_to_centre", "voluntary_total")

private fun ledgerOf(doc: Map<String, Any?>): Map<String, Any?> =
    LEDGER_KEYS.associateWith { doc[it] } + mapOf(
        "arrears" to doc["arrears"], "lapse_on" to doc["lapse_on"], "codes" to codesOf(doc["findings"]),
    )

private fun ledgerOf(r: LedgerReport) = mapOf(
    "total_due" to plain(r.totalDue), "total_paid" to plain(r.totalPaid), "outstanding" to plain(r.outstanding),
    "remitted_to_centre" to plain(r.remittedToCentre), "voluntary_total" to plain(r.voluntaryTotal),
    "arrears" to r.arrears, "lapse_on" to r.lapseOn, "codes" to r.findings.map { it.code },
)

private val SUMMARY_KEYS = listOf(
    "members", "due", "collected", "outstanding", "payment_rate", "members_in_arrears", "voluntary", "remitted_to_centre",
)

private fun summaryOf(doc: Map<String, Any?>) = SUMMARY_KEYS.associateWith { doc[it] }

private fun summaryOf(s: BranchSummary) = mapOf(
    "members" to BigDecimal(s.members.toLong()), "due" to plain(s.due), "collected" to plain(s.collected),
    "outstanding" to plain(s.outstanding), "payment_rate" to plain(s.paymentRate),
    "members_in_arrears" to BigDecimal(s.membersInArrears.toLong()), "voluntary" to plain(s.voluntary),
    "remitted_to_centre" to plain(s.remittedToCentre),
)

private fun batchOf(doc: Map<String, Any?>) = mapOf(
    "amounts" to doc["assessments"].asList().associate { it.asMap()["member_id"] as String? to it.asMap()["amount"] },
    "errors" to doc["errors"].asList().map { e ->
        val m = e.asMap()
        mapOf("index" to m["index"], "code" to m["code"], "field" to m["field"])
    },
)

private fun batchOf(b: BatchOutcome) = mapOf(
    "amounts" to b.assessments.associate { it.memberId to plain(it.amount) },
    "errors" to b.errors.map { mapOf("index" to BigDecimal(it.index.toLong()), "code" to it.code, "field" to it.field) },
)

/** One dues case through every surface that can take it. */
private class CaseRun(where: String, case: Map<String, Any?>) : VectorRun(where, case) {
    fun run() {
        val policy = policyOf(case)
        val expect = case["expect"].asMap()
        when (case["kind"]) {
            "assess" -> assess(policy, expect)
            "assess_error" -> assessError(policy, expect)
            "ledger" -> ledger(policy, expect)
            "batch" -> batch(policy, expect)
        }
    }

    fun assess(policy: Policy, expect: Map<String, Any?>) {
        val memberJson = Json.write(case["member"])
        val month = case["month"] as String
        for (trace in listOf(true, false)) {
            val surface = "assessDuesJson" + if (trace) " trace" else ""
            attempt(surface, "an assessment") {
                val doc = Json.parse(assessDuesJson(policy, memberJson, month, trace)).asMap()
                compare(surface, expect, assessmentOf(doc))
                if (!trace && doc["trace"].asList().isNotEmpty()) mismatch(surface, "trace", listOf<Any?>(), doc["trace"])
            }
        }
        val member = try {
            memberFrom(case["member"])
        } catch (e: NotTyped) {
            mismatch("typed", "member", "a member the typed records can hold", e.message)
            return
        }
        for (trace in listOf(true, false)) {
            val surface = "assessDues" + if (trace) " trace" else ""
            attempt(surface, "an assessment") {
                val a = assessDues(policy, member, month, trace)
                compare(surface, expect, assessmentOf(a))
                if (!trace && a.trace.isNotEmpty()) mismatch(surface, "trace", listOf<Any?>(), a.trace.map { it.step })
            }
        }
    }

    fun assessError(policy: Policy, expect: Map<String, Any?>) {
        val memberJson = Json.write(case["member"])
        val month = case["month"] as String
        for (trace in listOf(true, false)) {
            val surface = "assessDuesJson" + if (trace) " trace" else ""
            try {
                val out = Json.parse(assessDuesJson(policy, memberJson, month, trace)).asMap()
                mismatch(surface, "result", expect, out["amount"])
            } catch (e: DangjianException) {
                compare(surface, expect, codeField(e))
            }
        }
        val member = try {
            memberFrom(case["member"])
        } catch (e: NotTyped) {
            return // a document error only the JSON entry point can be given
        }
        try {
            val a = assessDues(policy, member, month, false)
            mismatch("assessDues", "result", expect, plain(a.amount))
        } catch (e: DangjianException) {
            compare("assessDues", expect, codeField(e))
        }
    }

    fun ledger(policy: Policy, expect: Map<String, Any?>) {
        val ledgerJson = Json.write(case["ledger"])
        val asOf = case["as_of"] as String
        var reportJson: String? = null
        attempt("evaluateDuesLedgerJson", "a ledger report") {
            reportJson = evaluateDuesLedgerJson(policy, ledgerJson, asOf)
            compare("evaluateDuesLedgerJson", expect, ledgerOf(Json.parse(reportJson!!).asMap()))
        }
        val ledger = try {
            ledgerFrom(case["ledger"])
        } catch (e: NotTyped) {
            mismatch("typed", "ledger", "a ledger the typed records can hold", e.message)
            return
        }
        attempt("evaluateDuesLedger", "a ledger report") {
            val report = evaluateDuesLedger(policy, ledger, asOf)
            compare("evaluateDuesLedger", expect, ledgerOf(report))
            val json = reportJson ?: return@attempt
            // The branch summary of this one report, typed and JSON, must agree.
            val year = asOf.substring(0, 4).toInt()
            val month = asOf.substring(0, 7)
            for ((period, periodJson) in listOf(
                Period.Year(year) to """{"year":$year}""",
                Period.Month(month) to """{"month":"$month"}""",
            )) {
                val typed = summaryOf(summarizeDues(listOf(report), period))
                val doc = summaryOf(Json.parse(summarizeDuesJson("[$json]", periodJson)).asMap())
                compare("summarizeDues $periodJson", doc, typed)
            }
        }
    }

    fun batch(policy: Policy, expect: Map<String, Any?>) {
        val membersJson = Json.write(case["members"])
        val month = case["month"] as String
        for (trace in listOf(true, false)) {
            val surface = "assessDuesBatchJson" + if (trace) " trace" else ""
            attempt(surface, "a batch result") {
                compare(surface, expect, batchOf(Json.parse(assessDuesBatchJson(policy, membersJson, month, trace)).asMap()))
            }
        }
        val members = try {
            case["members"].asList().map(::memberFrom)
        } catch (e: NotTyped) {
            return // a member only the JSON entry point can be given
        }
        attempt("assessDuesBatch", "a batch result") {
            compare("assessDuesBatch", expect, batchOf(assessDuesBatch(policy, members, month, false)))
        }
    }
}

/** Runs every dues case under [dir] (see [runVectorArea]); returns the number of cases. */
fun runVectors(h: Harness, dir: File): Int = runVectorArea(h, dir, VECTOR_KINDS) { where, case ->
    CaseRun(where, case).also { it.run() }
}
