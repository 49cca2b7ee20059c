// The disclosure audit trail through the Kotlin bindings: the AuditTrail object, appends at the head, SM2
// signatures over the head (the example's TEST-ONLY key), verification with and without the public key, JSON
// Lines. The forged-and-rehashed log must fail with the key and pass integrity without it.
package cn.dangjian.tests

import cn.dangjian.AuditTrail
import cn.dangjian.types.DangjianException
import cn.dangjian.Policy
import cn.dangjian.disclosureApply
import cn.dangjian.disclosureApplyAtHead
import cn.dangjian.disclosureAuditAppend
import cn.dangjian.disclosureAuditAppendAtHead
import cn.dangjian.disclosureAuditHead
import cn.dangjian.disclosureAuditSign
import cn.dangjian.disclosureCreate
import cn.dangjian.disclosureVerifyAudit
import cn.dangjian.disclosureVerifyAuditJsonl
import cn.dangjian.disclosureVerifyAuditSigned
import cn.dangjian.disclosureVerifyLog
import java.io.File
import java.math.BigDecimal

/** Another SM2 public key (its private key was thrown away): the wrong key. */
private const val OTHER_PUBLIC = """-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAElToK+CwQqwxRIy0hEW8skJtuOXbx
DY26zoSMkmdvQbE8rMJ+gRA27sIP8+eRvYBc1kCWPaouUIjhxfxWTSwopg==
-----END PUBLIC KEY-----
"""

private val GENESIS = "0".repeat(64)

private val A_CONTEXT = mapOf(
    "orgs" to listOf(mapOf("id" to "B1", "kind" to "branch")),
    "roles" to listOf("P1" to "proposer", "S1" to "confidentiality_reviewer", "R1" to "reviewer", "A1" to "approver")
        .map { (p, r) -> mapOf("person" to p, "org" to "B1", "role" to r) },
).json()

private val A_ITEM = mapOf(
    "id" to "D1", "org" to "B1", "title" to "支部委员会换届结果", "body" to "…",
    "category" to "organization", "scope" to mapOf("kind" to "members", "org" to "B1"),
).json()

private val A_ACTIONS = listOf(
    """{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}""",
    """{"action":"confidentiality_review","actor":"S1","at":"2026-03-03T09:00:00+08:00","passed":true}""",
    """{"action":"review","actor":"R1","at":"2026-03-03T10:00:00+08:00","necessity":true,"accuracy":true}""",
)

private fun m(json: String) = Json.parse(json).asMap()

private fun n(v: Any?) = (v as BigDecimal).toInt()

fun auditTests(h: Harness, root: File) {
    val public = File(root, "examples/data/audit-log.pub.pem").readText()
    val private = File(root, "examples/cli/tests/fixtures/audit-log.TEST-ONLY.key.pem").readText()
    val example = File(root, "examples/data/audit-log.json").readText()

    h.test("audit: the signed example verifies with its key; without it, integrity only; a wrong key fails") {
        val v = m(disclosureVerifyAuditSigned(example, public))
        checkEq(listOf(true, true, 53, 1), listOf(v["valid"], v["authenticated"], n(v["entries"]), n(v["checkpoints"])), "with key")
        val plain = m(disclosureVerifyAudit(example))
        checkEq(listOf(true, false), listOf(plain["valid"], plain["authenticated"]), "without key")
        val wrong = m(disclosureVerifyAuditSigned(example, OTHER_PUBLIC))
        checkEq(listOf(false, "KEY_MISMATCH"), listOf(wrong["valid"], wrong["code"]), "wrong key")
        expectCoded<DangjianException.InvalidInput>("INVALID_PUBLIC_KEY", "public_key") { disclosureVerifyAuditSigned(example, private) }
        expectCoded<DangjianException.InvalidInput>("INVALID_PRIVATE_KEY", "private_key") { disclosureAuditSign(example, public) }
    }
    h.test("audit: a forged, rehashed log passes integrity and fails with the key") {
        var head = mapOf<String, Any?>("entries" to 0, "hash" to GENESIS).json()
        val entries = mutableListOf<Any?>()
        val doc = m(example)
        for (e in doc["entries"].asList()) {
            var ev = e.asMap()["event"].asMap()
            if (n(e.asMap()["seq"]) == 10) ev = ev + ("actor" to "FORGER")
            val out = m(disclosureAuditAppendAtHead(head, ev.json()))
            entries.addAll(out["entries"].asList())
            head = out["head"].json()
        }
        val stripped = mapOf("schema_version" to 1, "entries" to entries).json()
        checkEq(true, m(disclosureVerifyAudit(stripped))["valid"], "integrity")
        checkEq("NOT_SIGNED", m(disclosureVerifyAuditSigned(stripped, public))["code"], "no checkpoint")
        val kept = mapOf("schema_version" to 1, "entries" to entries, "checkpoints" to doc["checkpoints"]).json()
        val v = m(disclosureVerifyAuditSigned(kept, public))
        checkEq(listOf(false, 52, "CHECKPOINT_MISMATCH"), listOf(v["valid"], n(v["first_broken"]), v["code"]), "checkpoint kept")
    }
    h.test("AuditTrail: append, apply, sign, verify with the key, head, JSON and JSON Lines round trips") {
        val trail = AuditTrail()
        checkEq(true, trail.isEmpty(), "empty")
        val created = m(disclosureCreate(A_CONTEXT, A_ITEM, "P1", "2026-03-02T09:00:00+08:00"))
        trail.append(created["event"].json())
        var item = created["item"].json()
        for (a in A_ACTIONS) item = m(trail.apply(Policy.bundled(), A_CONTEXT, item, a))["item"].json()
        checkEq(4uL, trail.len(), "entries")
        expectCoded<DangjianException.InvalidInput>("INVALID_ACTION_JSON", "action") { trail.apply(Policy.bundled(), A_CONTEXT, item, "{}") }
        checkEq(4uL, trail.len(), "nothing appended by a refused action")
        checkEq("NOT_SIGNED", trail.verifyWithKey(public).code, "unsigned")
        val checkpoint = trail.sign(private)
        checkEq(listOf(4uL, "SM2-SM3"), listOf(checkpoint.entries, checkpoint.algorithm), "checkpoint")
        checkEq(true, trail.verifyWithKey(public).authenticated, "authenticated")
        checkEq(false, trail.verify().authenticated, "integrity only")
        checkEq(4uL to checkpoint, trail.head().let { it.entries to it.checkpoint }, "head")
        checkEq(listOf(true, true, 1uL), disclosureVerifyLog(trail.log(), public).let { listOf(it.valid, it.authenticated, it.checkpoints) }, "typed log with key")
        checkEq("KEY_MISMATCH", disclosureVerifyLog(trail.log(), OTHER_PUBLIC).code, "typed log, wrong key")
        checkEq(trail.toJson(), AuditTrail.fromJson(trail.toJson()).toJson(), "JSON round trip")
        checkEq(trail.toJson(), AuditTrail.fromJsonl(trail.toJsonl()).toJson(), "JSON Lines round trip")
        checkEq(true, m(disclosureVerifyAuditJsonl(trail.toJsonl(), public))["authenticated"], "JSON Lines with key")
        checkEq(false, m(disclosureVerifyAuditJsonl(trail.toJsonl(), null))["authenticated"], "JSON Lines without key")
        expectCoded<DangjianException.InvalidInput>("INVALID_AUDIT_EVENT_JSON", "item_id") { trail.append("{}") }
        expectCoded<DangjianException.InvalidInput>("AUDIT_CHAIN_BROKEN", "entries[38]") {
            AuditTrail.fromJson(File(root, "examples/data/audit-log-tampered.json").readText())
        }
    }
    h.test("audit: apply at the head gives what apply on the whole log gives") {
        val created = m(disclosureCreate(A_CONTEXT, A_ITEM, "P1", "2026-03-02T09:00:00+08:00"))
        val log = disclosureAuditAppend(EMPTY_AUDIT_LOG, created["event"].json())
        val head = disclosureAuditHead(log)
        val whole = m(disclosureApply(Policy.bundled(), A_CONTEXT, created["item"].json(), A_ACTIONS[0], log))
        val atHead = m(disclosureApplyAtHead(Policy.bundled(), A_CONTEXT, created["item"].json(), A_ACTIONS[0], head))
        checkEq(whole["item"], atHead["item"], "item")
        checkEq(whole["log"].asMap()["entries"].asList().drop(1), atHead["entries"], "entries")
        expectCoded<DangjianException.InvalidInput>("INVALID_AUDIT_HEAD_JSON", "hash") {
            disclosureApplyAtHead(Policy.bundled(), A_CONTEXT, created["item"].json(), A_ACTIONS[0], """{"entries":1,"hash":"x"}""")
        }
    }
}
