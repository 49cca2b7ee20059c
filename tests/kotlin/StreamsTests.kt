// JSON Lines for the member and organization checks from Kotlin (core/src/surface/entry_points/membership.rs): the example files
// examples/data/members-lines.jsonl and orgs-lines.jsonl (a bad line each) — the good lines' reports are the
// document checks' reports, each with its line; the bad line is named by line, code and field and loses none of
// the others; only a bad day fails the whole call. Registered in Main.kt.
package cn.dangjian.tests

import cn.dangjian.Calendar
import cn.dangjian.types.DangjianException
import cn.dangjian.Policy
import cn.dangjian.membershipCheckMembers
import cn.dangjian.membershipCheckMembersLines
import cn.dangjian.membershipCheckOrgs
import cn.dangjian.membershipCheckOrgsLines
import java.io.File
import java.math.BigDecimal

fun streamsTests(h: Harness, root: File) {
    val policy = Policy.bundled()
    val cal = Calendar.official()
    val data = { name: String -> File(root, "examples/data/$name").readText() }

    h.test("membershipCheckMembersLines: the roster document's reports with their lines; line 7 is named") {
        val out = Json.parse(membershipCheckMembersLines(policy, cal, data("members-lines.jsonl"), "2026-11-20")).asMap()
        val batch = Json.parse(membershipCheckMembers(policy, cal, data("members.json"), "2026-11-20")).asMap()
        val reports = out["reports"].asList().map { it.asMap() }
        checkEq(batch["reports"], reports.map { it["report"] }, "reports")
        checkEq(listOf(1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13), reports.map { (it["line"] as BigDecimal).toInt() }, "lines")
        val e = out["errors"].asList().single().asMap()
        checkEq(
            listOf(BigDecimal(7), "M99", "invalid_input", "INVALID_RECORD_JSON", "events[0].kind"),
            listOf(e["line"], e["member_id"], e["kind"], e["code"], e["field"]),
            "the bad line",
        )
    }
    h.test("membershipCheckOrgsLines: each bundle its own report; the bad bundle on line 2 is named; a bad day throws") {
        val out = Json.parse(membershipCheckOrgsLines(policy, data("orgs-lines.jsonl"), "2026-03-31")).asMap()
        val reports = out["reports"].asList().map { it.asMap() }
        checkEq(listOf(BigDecimal(1), BigDecimal(3)), reports.map { it["line"] }, "lines")
        checkEq(Json.parse(membershipCheckOrgs(policy, data("org.json"), "2026-03-31")), reports[0]["report"], "line 1")
        val e = out["errors"].asList().single().asMap()
        checkEq(listOf(BigDecimal(2), "INVALID_ORG_JSON", "orgs[0].kind"), listOf(e["line"], e["code"], e["field"]), "line 2")
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "on") {
            membershipCheckOrgsLines(policy, data("orgs-lines.jsonl"), "2026-02-30")
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "on") {
            membershipCheckMembersLines(policy, cal, data("members-lines.jsonl"), "soon")
        }
    }
    cal.close()
    policy.close()
}
