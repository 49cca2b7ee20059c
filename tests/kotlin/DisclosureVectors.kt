// The shared disclosure vectors (tests/vectors/disclosure) run through the Kotlin bindings, one test per case,
// exactly as core/tests/disclosure_vectors.rs runs them: the export's result is put in the shape of `expect`
// and every key of `expect` is compared.
// - notice / notice_error: disclosureEvaluateNotice (working_days, earliest_close, result, codes; or {code, field});
// - redact: disclosureMask (masked) and disclosureScan (kinds and ranges, in order), and the same from
//   disclosureRedactionPreview of an item to society (the only path for cases with policy overrides);
//   visible: disclosureVisible;
// - board: disclosureBoard (entries, compared whole) and disclosureFilterVisible (ids);
// - catalogue: disclosureCatalogueStatus (dues {code, period, due_on, status}, codes);
// - deadlines: disclosureItemDeadlines (deadlines {kind, due_on, overdue}, codes);
// - audit_verify_signed / audit_verify_jsonl: disclosureVerifyAuditSigned / disclosureVerifyAuditJsonl (or {error});
// - audit_append_head: disclosureAuditAppendAtHead (seq, prev_hash, hash; head_entries, head_hash);
// - workflow: disclosureCreate, its event appended to an empty log (disclosureAuditAppend), each action through
//   disclosureApply (the first error is {step, code, field}), the log verified (disclosureVerifyAudit: valid,
//   entries) — status, version (number of versions), log_entries.
package cn.dangjian.tests

import cn.dangjian.Calendar
import cn.dangjian.types.DangjianException
import cn.dangjian.Policy
import cn.dangjian.disclosureApply
import cn.dangjian.disclosureAuditAppend
import cn.dangjian.disclosureBoard
import cn.dangjian.disclosureAuditAppendAtHead
import cn.dangjian.disclosureCatalogueStatus
import cn.dangjian.disclosureCreate
import cn.dangjian.disclosureEvaluateNotice
import cn.dangjian.disclosureFilterVisible
import cn.dangjian.disclosureItemDeadlines
import cn.dangjian.disclosureMask
import cn.dangjian.disclosureRedactionPreview
import cn.dangjian.disclosureScan
import cn.dangjian.disclosureVerifyAudit
import cn.dangjian.disclosureVerifyAuditJsonl
import cn.dangjian.disclosureVerifyAuditSigned
import cn.dangjian.disclosureVisible
import java.io.File
import java.math.BigDecimal

val DISCLOSURE_KINDS = setOf(
    "notice", "notice_error", "redact", "visible", "board", "catalogue", "deadlines", "workflow", "audit_verify",
    "audit_verify_signed", "audit_verify_jsonl", "audit_append_head",
)

/** A document the bindings wrote, or `{"error":{code,field}}`. */
private fun orError(call: () -> String): Map<String, Any?> = try {
    Json.parse(call()).asMap()
} catch (e: DangjianException) {
    mapOf("error" to codeField(e))
}

const val EMPTY_AUDIT_LOG = """{"schema_version":1,"entries":[]}"""

/** An action of a workflow refused: its index and the error. */
class StepFailed(val step: Int, val error: DangjianException) : Exception("step $step: $error", error)

/**
 * disclosureCreate, its event appended to an empty log (disclosureAuditAppend), then each action (a JSON
 * string) through disclosureApply. Returns the item and the log's JSON; a refused action throws [StepFailed].
 */
fun disclosureWorkflow(
    policy: Policy,
    contextJson: String,
    newItemJson: String,
    actor: String,
    at: String,
    actions: List<String>,
): Pair<Map<String, Any?>, String> {
    val created = Json.parse(disclosureCreate(contextJson, newItemJson, actor, at)).asMap()
    var item = created["item"].asMap()
    var log = disclosureAuditAppend(EMPTY_AUDIT_LOG, created["event"].json())
    for ((step, action) in actions.withIndex()) {
        val out = try {
            Json.parse(disclosureApply(policy, contextJson, item.json(), action, log)).asMap()
        } catch (e: DangjianException) {
            throw StepFailed(step, e)
        }
        item = out["item"].asMap()
        log = out["log"].json()
    }
    return item to log
}

private fun codesOf(findings: Any?) = findings.asList().map { it.asMap()["code"] }

private fun pick(rows: Any?, vararg keys: String) = rows.asList().map { r -> keys.associateWith { r.asMap()[it] } }

private class DisclosureRun(where: String, case: Map<String, Any?>) : VectorRun(where, case) {
    val policy: Policy = policyOf(case)
    val calendar: Calendar = Calendar.official()
    val on = case["on"] as? String ?: ""

    /** What the bindings give for the case, in the shape of its `expect`. */
    fun actual(): Pair<String, Map<String, Any?>> = when (case["kind"]) {
        "notice" -> "disclosureEvaluateNotice" to Json.parse(disclosureEvaluateNotice(policy, calendar, case["notice"].json(), on)).asMap()
            .let { r -> mapOf("working_days" to r["working_days"], "earliest_close" to r["earliest_close"], "result" to r["result"], "codes" to codesOf(r["findings"])) }
        "notice_error" -> "disclosureEvaluateNotice" to try {
            mapOf("unexpected" to disclosureEvaluateNotice(policy, calendar, case["notice"].json(), on))
        } catch (e: DangjianException) {
            codeField(e)
        }
        "redact" -> "disclosureMask / disclosureScan / disclosureRedactionPreview" to redact()
        "visible" -> "disclosureVisible" to mapOf(
            "visible" to disclosureVisible(case["context"].json(), case["viewer"].json(), case["item"].json(), on),
        )
        "board" -> listOf(case["context"].json(), case["viewer"].json(), case["items"].json()).let { (ctx, viewer, items) ->
            "disclosureBoard / disclosureFilterVisible" to mapOf(
                "entries" to Json.parse(disclosureBoard(policy, ctx, viewer, items, on)),
                "ids" to Json.parse(disclosureFilterVisible(ctx, viewer, items, on)),
            )
        }
        "catalogue" -> "disclosureCatalogueStatus" to Json.parse(
            disclosureCatalogueStatus(policy, calendar, case["catalogue"].json(), case["items"].json(), on),
        ).asMap().let { r -> mapOf("dues" to pick(r["value"], "code", "period", "due_on", "status"), "codes" to codesOf(r["findings"])) }
        "deadlines" -> "disclosureItemDeadlines" to Json.parse(disclosureItemDeadlines(policy, calendar, case["item"].json(), on)).asMap()
            .let { r -> mapOf("deadlines" to pick(r["value"], "kind", "due_on", "overdue"), "codes" to codesOf(r["findings"])) }
        "audit_verify" -> "disclosureVerifyAudit" to Json.parse(disclosureVerifyAudit(case["log"].json())).asMap()
        "audit_verify_signed" -> "disclosureVerifyAuditSigned" to orError {
            disclosureVerifyAuditSigned(case["log"].json(), case["public_key"] as String)
        }
        "audit_verify_jsonl" -> "disclosureVerifyAuditJsonl" to orError {
            disclosureVerifyAuditJsonl(case["lines"].asList().joinToString("\n") { it as String }, case["public_key"] as String?)
        }
        "audit_append_head" -> "disclosureAuditAppendAtHead" to orError {
            disclosureAuditAppendAtHead(case["head"].json(), case["event"].json())
        }.let { out ->
            if (out.containsKey("error")) out else {
                val e = out["entries"].asList()[0].asMap()
                val head = out["head"].asMap()
                mapOf("seq" to e["seq"], "prev_hash" to e["prev_hash"], "hash" to e["hash"], "head_entries" to head["entries"], "head_hash" to head["hash"])
            }
        }
        else -> "disclosureApply" to workflow()
    }

    /** The masked text, kinds and ranges of the findings. */
    private fun redaction(masked: Any?, found: Any?): Map<String, Any?> {
        val rows = found.asList().map { it.asMap() }
        return mapOf(
            "masked" to masked,
            "kinds" to rows.map { it["kind"] },
            "found" to rows.map { mapOf("kind" to it["kind"], "start" to it["start"], "end" to it["end"]) },
        )
    }

    /**
     * disclosureMask / disclosureScan (default options: only without policy overrides) and the preview of an
     * item to society carrying the text, under the case's policy: both must give the expectation.
     */
    fun redact(): Map<String, Any?> {
        val text = case["text"] as String
        val item = mapOf(
            "schema_version" to 1, "id" to "V", "org" to "B1", "title" to "vector", "body" to text, "category" to "service",
            "scope" to mapOf("kind" to "to_society"), "created_by" to "P1", "created_at" to "2026-03-02T09:00:00+08:00",
            "status" to "reviewed",
        )
        val p = Json.parse(disclosureRedactionPreview(policy, Json.write(item), "2026-03-03")).asMap()
        val fromPreview = redaction(p["text"], p["found"])
        if (case.containsKey("policy_overrides")) return fromPreview
        val fromScan = redaction(disclosureMask(text), disclosureScan(text).map {
            mapOf("kind" to it.kind.name.lowercase(), "start" to BigDecimal(it.start.toLong()), "end" to BigDecimal(it.end.toLong()))
        })
        return if (sameJson(fromScan, fromPreview)) fromScan else mapOf("scan" to fromScan, "preview" to fromPreview)
    }

    fun workflow(): Map<String, Any?> {
        val (item, log) = try {
            disclosureWorkflow(
                policy, case["context"].json(), case["new_item"].json(), case["actor"] as String, case["at"] as String,
                case["actions"].asList().map { it.json() },
            )
        } catch (e: StepFailed) {
            return mapOf("error" to mapOf("step" to BigDecimal(e.step)) + codeField(e.error))
        }
        val v = Json.parse(disclosureVerifyAudit(log)).asMap()
        if (v["valid"] != true) mismatch("disclosureVerifyAudit", "log", "a valid chain", v)
        return mapOf("status" to item["status"], "version" to BigDecimal(item["versions"].asList().size), "log_entries" to v["entries"])
    }

    fun run(): DisclosureRun {
        val (surface, got) = actual()
        compare(surface, case["expect"].asMap(), got)
        calendar.close()
        return this
    }
}

/** Runs every disclosure case under [dir]; returns the number of cases. */
fun runDisclosureVectors(h: Harness, dir: File): Int =
    runVectorArea(h, dir, DISCLOSURE_KINDS) { where, case -> DisclosureRun(where, case).run() }
