// The shared membership vectors (tests/vectors/membership) run through the Kotlin bindings, one test per case,
// compared exactly as core/tests/membership_vectors.rs compares them: `expect` is a subset — each of its keys
// must be contained in the same key of the result (objects key by key, recursively; arrays and scalars
// exactly; null means absent), `codes` compared as sorted lists.
// - member_check / member_error: membershipCheckMembers({"members","meetings","ledgers"}, on); the report of
//   `member` in the shape of the expectation (its fields, `codes` sorted, `next_steps` as code → {due, earliest}
//   of the first step with that code), else its batch error's {code, field};
// - apply: membershipApplyEvent(record, event, members as the roster) → {"ok":true} or {"error":{code, field}};
// - rights: membershipRights(record, on), the Rights document;
// - org_check: membershipCheckOrgs(document, on) (no calendar) in the shape of the expectation: `codes` (every
//   finding of the report, sorted) and `orgs`: org id → its section, with `next_steps` as for members, `missing`
//   (meeting kind → periods), `attendance` (member → rate), `elections` (id → report), `reviews` (year, as a
//   string → report); an error of the call → {"error":{code, field}}.
// Each case runs through the typed exports too, on records built from its documents (MembershipTyped.kt), the
// results written back as JSON values and compared the same way: checkMembers (meetings and ledgers: the lapse
// and transfer findings) and, for a case without meetings or ledgers, checkMember and memberNextSteps on the
// roster; applyMemberEvent; memberRights; checkOrgs, and per organization of an org_check expectation
// lifeCompliance (missing, attendance), evaluateElection (elections) and rateReview (reviews). A member_error
// case whose document the typed records cannot hold (INVALID_RECORD_JSON) runs on the JSON path only.
package cn.dangjian.tests

import cn.dangjian.Calendar
import cn.dangjian.applyMemberEvent
import cn.dangjian.checkMember
import cn.dangjian.checkMembers
import cn.dangjian.checkOrgs
import cn.dangjian.evaluateElection
import cn.dangjian.lifeCompliance
import cn.dangjian.memberNextSteps
import cn.dangjian.memberRights
import cn.dangjian.rateReview
import cn.dangjian.types.OrgDocument
import cn.dangjian.types.DangjianException
import cn.dangjian.membershipApplyEvent
import cn.dangjian.membershipCheckMembers
import cn.dangjian.membershipCheckOrgs
import cn.dangjian.membershipRights
import java.io.File

val MEMBERSHIP_KINDS = setOf("member_check", "member_error", "apply", "rights", "org_check")

/** Whether [got] has everything [want] lists: objects key by key (recursively), anything else as equal JSON. */
fun containsJson(want: Any?, got: Any?): Boolean =
    if (want is Map<*, *> && got is Map<*, *>) {
        want.all { (k, v) -> containsJson(v, got[k]) }
    } else {
        sameJson(want, got)
    }

/** The strings of a JSON array, sorted (what `codes` are compared as). */
private fun sortedCodes(v: Any?): List<String> = v.asList().filterIsInstance<String>().sorted()

/** Next steps as code → `{due, earliest}` of the first step with that code. */
private fun stepsShape(steps: Any?): Map<String, Any?> {
    val out = LinkedHashMap<String, Any?>()
    for (step in steps.asList().map { it.asMap() }) {
        // The first step of a code is the one compared (the soonest, as reports sort them).
        val code = step["code"] as? String ?: continue
        out.getOrPut(code) { mapOf("due" to step["due"], "earliest" to step["earliest"]) }
    }
    return out
}

/** The codes of a findings array, sorted. */
private fun findingCodes(findings: Any?): List<String> = sortedCodes(findings.asList().map { it.asMap()["code"] })

/** A report in the shape of a `member_check` expectation. */
fun memberReportShape(report: Map<String, Any?>): Map<String, Any?> =
    report + mapOf("codes" to findingCodes(report["findings"]), "next_steps" to stepsShape(report["next_steps"]))

/** [items] as an object: each item's [key] (a string as it is, any other value as its JSON, so the year 2025 is
 * "2025") → [value] of the item. */
private fun keyed(items: Any?, key: String, value: (Map<String, Any?>) -> Any?): Map<String, Any?> =
    items.asList().map { it.asMap() }.associate { item ->
        val k = item[key]
        (k as? String ?: k.json()) to value(item)
    }

/** An organizations report in the shape of an `org_check` expectation: `codes` (all findings, sorted) and per
 * organization its section with `next_steps`, `missing` (meeting kind → periods), `attendance` (member → rate),
 * `elections` (id → report) and `reviews` (year → report). */
fun orgReportShape(report: Map<String, Any?>): Map<String, Any?> {
    val orgs = LinkedHashMap<String, Any?>()
    for (section in report["orgs"].asList().map { it.asMap() }) {
        val life = section["life"].asMap()
        orgs[section["org"] as? String ?: section["org"].json()] = section + mapOf(
            "next_steps" to stepsShape(section["next_steps"]),
            "missing" to keyed(life["rules"], "meeting") { it["missing"] },
            "attendance" to keyed(life["attendance"], "member") { it["rate"] },
            "elections" to keyed(section["elections"], "id") { it },
            "reviews" to keyed(section["reviews"], "year") { it },
        )
    }
    return mapOf("codes" to findingCodes(report["findings"]), "orgs" to orgs)
}

private class MembershipRun(where: String, case: Map<String, Any?>) : VectorRun(where, case) {
    val policy = policyOf(case)
    val calendar: Calendar = Calendar.official()
    val on = case["on"] as? String ?: ""

    /** What the bindings give for the case, in the shape of its `expect`. */
    fun actual(): Pair<String, Map<String, Any?>> = when (case["kind"]) {
        "member_check", "member_error" -> "membershipCheckMembers" to checked()
        "apply" -> "membershipApplyEvent" to try {
            membershipApplyEvent(policy, calendar, case["record"].json(), case["event"].json(), case["members"].json())
            mapOf("ok" to true)
        } catch (e: DangjianException) {
            mapOf("error" to codeField(e))
        }
        "org_check" -> "membershipCheckOrgs" to try {
            orgReportShape(Json.parse(membershipCheckOrgs(policy, case["document"].json(), on)).asMap())
        } catch (e: DangjianException) {
            mapOf("error" to codeField(e))
        }
        else -> "membershipRights" to try {
            Json.parse(membershipRights(policy, case["record"].json(), on)).asMap()
        } catch (e: DangjianException) {
            mapOf("error" to codeField(e))
        }
    }

    fun checked(): Map<String, Any?> {
        val doc = mapOf(
            "members" to case["members"],
            "meetings" to (case["meetings"] ?: listOf<Any?>()),
            "ledgers" to (case["ledgers"] ?: listOf<Any?>()),
        )
        val out = try {
            Json.parse(membershipCheckMembers(policy, calendar, doc.json(), on)).asMap()
        } catch (e: DangjianException) {
            return mapOf("error" to codeField(e))
        }
        return picked(out)
    }

    /** The report of the case's `member` in a batch, in the shape of the expectation, else its error. */
    fun picked(out: Map<String, Any?>): Map<String, Any?> {
        val member = case["member"]
        val report = out["reports"].asList().map { it.asMap() }.firstOrNull { it["member_id"] == member }
        val error = out["errors"].asList().map { it.asMap() }.firstOrNull { it["member_id"] == member }
        return when {
            report != null -> memberReportShape(report)
            error != null -> mapOf("code" to error["code"], "field" to error["field"])
            else -> mapOf("missing" to member)
        }
    }

    /** The typed exports' answer to the case (null: the case has none), in the shape of its `expect`. */
    fun typed(): List<Pair<String, Map<String, Any?>>> = try {
        when (case["kind"]) {
            "member_check" -> typedChecks()
            "member_error" -> if (case["expect"].asMap()["code"] == "INVALID_RECORD_JSON") listOf() else typedChecks()
            "apply" -> {
                val record = memberRecordFrom(case["record"])
                val event = memberEventFrom(case["event"])
                val roster = case["members"].asList().map(::memberRecordFrom)
                listOf("applyMemberEvent" to attemptTyped {
                    // The record comes back with the event appended, as given.
                    mapOf("ok" to (applyMemberEvent(policy, calendar, record, event, roster).events == record.events + event))
                })
            }
            "org_check" -> {
                val doc = orgDocumentFrom(case["document"])
                listOf("checkOrgs" to attemptTyped { orgReportShape(plainJson(checkOrgs(policy, doc, on)).asMap()) }) +
                    orgParts(doc)
            }
            else -> {
                val record = memberRecordFrom(case["record"])
                listOf("memberRights" to attemptTyped { plainJson(memberRights(policy, record, on)).asMap() })
            }
        }
    } catch (e: NotTyped) {
        listOf("typed" to mapOf("records the typed exports can hold" to e.message))
    }

    /**
     * An organization's 三会一课 (lifeCompliance over the document's period), its elections (evaluateElection)
     * and its 民主评议 rounds (rateReview) one at a time, in the shape of its section's expectation
     * (`{"orgs": {id: {missing, attendance, elections, reviews}}}`).
     */
    private fun orgParts(doc: OrgDocument): List<Pair<String, Map<String, Any?>>> {
        val period = case["document"].asMap()["period"].asMap()
        val from = period["from"] as? String ?: (on.take(4) + "-01-01")
        val to = period["to"] as? String ?: on
        val orgs = LinkedHashMap<String, Any?>()
        val got = attemptTyped {
            for (org in case["expect"].asMap()["orgs"].asMap().keys) {
                val life = plainJson(lifeCompliance(policy, doc, org, from, to)).asMap()
                orgs[org] = mapOf(
                    "missing" to life["rules"].asList().associate { it.asMap()["meeting"] as String to it.asMap()["missing"] },
                    "attendance" to life["attendance"].asList().associate { it.asMap()["member"] as String to it.asMap()["rate"] },
                    "elections" to doc.elections.filter { it.org == org }
                        .associate { it.id to plainJson(evaluateElection(policy, doc.orgs, doc.members, it)) },
                    "reviews" to doc.reviews.filter { it.org == org }
                        .associate { it.year.toString() to plainJson(rateReview(policy, doc.orgs, doc.members, it)) },
                )
            }
            mapOf("orgs" to orgs)
        }
        return listOf("lifeCompliance, evaluateElection, rateReview" to got)
    }

    private fun attemptTyped(body: () -> Map<String, Any?>): Map<String, Any?> = try {
        body()
    } catch (e: DangjianException) {
        mapOf("error" to codeField(e))
    }

    private fun typedChecks(): List<Pair<String, Map<String, Any?>>> {
        val members = case["members"].asList().map(::memberRecordFrom)
        val meetings = (case["meetings"] ?: listOf<Any?>()).asList().map(::meetingFrom)
        val ledgers = (case["ledgers"] ?: listOf<Any?>()).asList().map(::ledgerFrom)
        val out = mutableListOf("checkMembers" to attemptTyped {
            picked(plainJson(checkMembers(policy, calendar, members, meetings, ledgers, on)).asMap())
        })
        val record = members.firstOrNull { it.id == case["member"] }
        if (meetings.isEmpty() && ledgers.isEmpty() && record != null && "code" !in case["expect"].asMap()) {
            out += "checkMember" to attemptTyped {
                memberReportShape(plainJson(checkMember(policy, calendar, record, members, on)).asMap())
            }
            val steps = case["expect"].asMap()["next_steps"]
            if (steps != null) {
                out += "memberNextSteps" to attemptTyped {
                    val got = plainJson(memberNextSteps(policy, calendar, record, members, on))
                    mapOf("next_steps" to memberReportShape(mapOf("next_steps" to got))["next_steps"])
                }
            }
        }
        return out
    }

    fun run(): MembershipRun {
        val (surface, got) = actual()
        compareExpect(surface, got)
        for ((typedSurface, typedGot) in typed()) {
            if (typedSurface == "typed") {
                mismatch(typedSurface, "records", "records the typed exports can hold", typedGot.values.firstOrNull())
            } else if (typedSurface == "memberNextSteps") {
                compareExpect(typedSurface, typedGot, setOf("next_steps"))
            } else if (typedSurface.startsWith("lifeCompliance")) {
                compareParts(typedSurface, typedGot)
            } else {
                compareExpect(typedSurface, typedGot)
            }
        }
        calendar.close()
        return this
    }

    /** The parts' keys (`missing`, `attendance`, `elections`, `reviews`) of each organization's expectation. */
    private fun compareParts(surface: String, got: Map<String, Any?>) {
        if ("error" in got) return compareExpect(surface, got, setOf("orgs"))
        for ((org, want) in case["expect"].asMap()["orgs"].asMap()) {
            val parts = want.asMap().filterKeys { it in setOf("missing", "attendance", "elections", "reviews") }
            val have = got["orgs"].asMap()[org]
            if (!containsJson(parts, have)) mismatch(surface, "orgs.$org", parts, have)
        }
    }

    private fun compareExpect(surface: String, got: Map<String, Any?>, only: Set<String>? = null) {
        for ((key, want) in case["expect"].asMap()) {
            if (only != null && key !in only) continue
            val expected = if (key == "codes") sortedCodes(want) else want
            val have = got[key]
            if (!containsJson(expected, have)) mismatch(surface, key, expected, have)
        }
    }
}

/** Runs every membership case under [dir]; returns the number of cases. */
fun runMembershipVectors(h: Harness, dir: File): Int =
    runVectorArea(h, dir, MEMBERSHIP_KINDS) { where, case -> MembershipRun(where, case).run() }
