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
package cn.dangjian.tests

import cn.dangjian.Calendar
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
        val member = case["member"]
        val report = out["reports"].asList().map { it.asMap() }.firstOrNull { it["member_id"] == member }
        val error = out["errors"].asList().map { it.asMap() }.firstOrNull { it["member_id"] == member }
        return when {
            report != null -> memberReportShape(report)
            error != null -> mapOf("code" to error["code"], "field" to error["field"])
            else -> mapOf("missing" to member)
        }
    }

    fun run(): MembershipRun {
        val (surface, got) = actual()
        for ((key, want) in case["expect"].asMap()) {
            val expected = if (key == "codes") sortedCodes(want) else want
            val have = got[key]
            if (!containsJson(expected, have)) mismatch(surface, key, expected, have)
        }
        calendar.close()
        return this
    }
}

/** Runs every membership case under [dir]; returns the number of cases. */
fun runMembershipVectors(h: Harness, dir: File): Int =
    runVectorArea(h, dir, MEMBERSHIP_KINDS) { where, case -> MembershipRun(where, case).run() }
