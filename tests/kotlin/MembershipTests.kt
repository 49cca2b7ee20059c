// The membership exports from Kotlin: every one called, documents as JSON strings, errors as
// DangjianException subclasses with code and field. Registered in Main.kt.
package cn.dangjian.tests

import cn.dangjian.Calendar
import cn.dangjian.types.DangjianException
import cn.dangjian.Policy
import cn.dangjian.membershipApplyEvent
import cn.dangjian.membershipCheckMember
import cn.dangjian.membershipCheckMembers
import cn.dangjian.membershipCheckOrgs
import cn.dangjian.membershipRights
import cn.dangjian.membershipValidateIdNumber
import java.math.BigDecimal

private fun record(id: String, vararg events: Pair<String, String>, birth: String = "2000-01-01") = mapOf(
    "id" to id, "name" to "甲", "birth_date" to birth, "org" to "B1",
    "events" to events.map { (kind, date) -> mapOf("kind" to kind, "date" to date) },
)

/** A member who came in with full membership on 2015-07-01 (the roster's sponsors and contacts). */
private fun fullMember(id: String) = mapOf(
    "id" to id, "name" to "乙", "birth_date" to "1980-01-01", "org" to "B1",
    "events" to listOf(mapOf("kind" to "imported", "date" to "2015-07-01", "stage" to "full")),
)

fun membershipTests(h: Harness) {
    val policy = Policy.bundled()
    val cal = Calendar.official()

    h.test("membershipCheckMember: an application of 2024-01-10 makes an applicant on 2024-01-20") {
        val r = Json.parse(membershipCheckMember(policy, cal, record("M1", "application" to "2024-01-10").json(), "2024-01-20")).asMap()
        checkEq(listOf("M1", "applicant", "2024-01-10"), listOf(r["member_id"], r["stage"], r["since"]), "member, stage, since")
        check(r["findings"] is List<*> && r["next_steps"] is List<*>) { "findings and next_steps: $r" }
    }
    h.test("membershipCheckMember: an unknown event kind is INVALID_RECORD_JSON at events[0].kind; a bad date at on") {
        expectCoded<DangjianException.InvalidInput>("INVALID_RECORD_JSON", "events[0].kind") {
            membershipCheckMember(policy, cal, record("M1", "joined" to "2024-01-10").json(), "2024-01-20")
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "on") {
            membershipCheckMember(policy, cal, record("M1").json(), "2024-02-30")
        }
    }
    h.test("membershipCheckMembers: a bad record is an error entry (events[1].kind), the good one is checked") {
        val members = listOf(
            record("A", "application" to "2024-01-10"),
            record("B", "application" to "2024-01-10", "joined_party" to "2024-02-01"),
        )
        val out = Json.parse(membershipCheckMembers(policy, cal, mapOf("members" to members).json(), "2024-03-01")).asMap()
        checkEq(listOf("A" to "applicant"), out["reports"].asList().map { it.asMap()["member_id"] to it.asMap()["stage"] }, "reports")
        val e = out["errors"].asList().single().asMap()
        checkEq(
            listOf(BigDecimal.ONE, "B", "invalid_input", "INVALID_RECORD_JSON", "events[1].kind"),
            listOf(e["index"], e["member_id"], e["kind"], e["code"], e["field"]),
            "error entry",
        )
        // A bare array is accepted too; anything else fails the whole call.
        val bare = Json.parse(membershipCheckMembers(policy, cal, members.json(), "2024-03-01")).asMap()
        checkEq(1, bare["errors"].asList().size, "errors of the bare array")
        expectCoded<DangjianException.InvalidInput>("INVALID_RECORD_JSON", "") {
            membershipCheckMembers(policy, cal, "42", "2024-03-01")
        }
    }
    h.test("membershipApplyEvent: an application is appended") {
        val out = Json.parse(
            membershipApplyEvent(policy, cal, record("M1").json(), """{"kind":"application","date":"2024-01-10"}""", "[]"),
        ).asMap()
        checkEq(listOf("application"), out["events"].asList().map { it.asMap()["kind"] }, "event kinds")
    }
    h.test("membershipApplyEvent: unreadable event and roster name their paths") {
        expectCoded<DangjianException.InvalidInput>("INVALID_EVENT_JSON", "event.kind") {
            membershipApplyEvent(policy, cal, record("M1").json(), """{"kind":"nap","date":"2024-01-10"}""", "[]")
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_RECORD_JSON", "roster[0].name") {
            membershipApplyEvent(policy, cal, record("M1").json(), """{"kind":"application","date":"2024-01-10"}""", """[{"id":"X"}]""")
        }
    }
    h.test("membershipApplyEvent: a talk dated before the last event is refused (EVENT_OUT_OF_ORDER at event.date)") {
        val r = record("M1", "application" to "2024-01-10", "talk" to "2024-01-20")
        expectCoded<DangjianException.InvalidInput>("EVENT_OUT_OF_ORDER", "event.date") {
            membershipApplyEvent(policy, cal, r.json(), """{"kind":"talk","date":"2024-01-15"}""", listOf(fullMember("S1")).json())
        }
    }
    h.test("membershipRights: a full member has every right; a probationary member may not vote") {
        val full = Json.parse(membershipRights(policy, fullMember("S1").json(), "2026-01-01")).asMap()
        checkEq(mapOf("may_vote" to true, "may_elect" to true, "may_be_elected" to true, "may_sponsor" to true),
            full.filterKeys { it.startsWith("may_") }, "full member")
        checkEq("full", full["stage"], "stage")
        val probationary = mapOf(
            "id" to "P1", "name" to "丙", "birth_date" to "1995-01-01", "org" to "B1",
            "events" to listOf(mapOf("kind" to "imported", "date" to "2025-06-01", "stage" to "probationary")),
        )
        val r = Json.parse(membershipRights(policy, probationary.json(), "2026-01-01")).asMap()
        checkEq(listOf(false, false, false, false), listOf(r["may_vote"], r["may_elect"], r["may_be_elected"], r["may_sponsor"]), "probationary")
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "on") {
            membershipRights(policy, fullMember("S1").json(), "2026-13-01")
        }
    }
    h.test("membershipValidateIdNumber: 11010519491231002X passes, a wrong check character is INVALID_ID_NUMBER") {
        membershipValidateIdNumber("11010519491231002X", "1949-12-31")
        expectCoded<DangjianException.InvalidInput>("INVALID_ID_NUMBER", "id_number") {
            membershipValidateIdNumber("110105194912310021", "1949-12-31")
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "birth_date") {
            membershipValidateIdNumber("11010519491231002X", "1949-13-31")
        }
    }
    h.test("membershipCheckOrgs: a lone branch gives a report with findings; an unknown kind is INVALID_ORG_JSON") {
        val r = Json.parse(membershipCheckOrgs(policy, """{"orgs":[{"id":"B1","kind":"branch"}]}""", "2026-01-01")).asMap()
        check(r["findings"] is List<*>) { "findings: $r" }
        check(r["findings"].asList().all { it.asMap()["code"] is String }) { "finding codes: $r" }
        expectCoded<DangjianException.InvalidInput>("INVALID_ORG_JSON", "orgs[0].kind") {
            membershipCheckOrgs(policy, """{"orgs":[{"id":"B1","kind":"castle"}]}""", "2026-01-01")
        }
    }
    cal.close()
    policy.close()
}
