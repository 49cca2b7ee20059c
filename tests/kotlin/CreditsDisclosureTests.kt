// The credits and disclosure exports from Kotlin: every one called, documents as JSON strings, errors as
// DangjianException subclasses with code and field. Registered in Main.kt.
package cn.dangjian.tests

import cn.dangjian.Calendar
import cn.dangjian.CreditsColumns
import cn.dangjian.CreditsScheme
import cn.dangjian.CreditsScorer
import cn.dangjian.types.DangjianException
import cn.dangjian.Policy
import cn.dangjian.creditsLeaderboardJson
import cn.dangjian.creditsDuesEventsJson
import cn.dangjian.creditsMeetingEventsJson
import cn.dangjian.creditsRateJson
import cn.dangjian.creditsScoreJson
import cn.dangjian.creditsScoreJsonl
import cn.dangjian.disclosureApply
import cn.dangjian.disclosureAuditAppend
import cn.dangjian.disclosureCatalogueStatus
import cn.dangjian.disclosureCreate
import cn.dangjian.disclosureDuesReport
import cn.dangjian.disclosureEvaluateNotice
import cn.dangjian.disclosureBoard
import cn.dangjian.disclosureFilterVisible
import cn.dangjian.disclosureItemDeadlines
import cn.dangjian.disclosureMask
import cn.dangjian.disclosureRedactionPreview
import cn.dangjian.disclosureScan
import cn.dangjian.types.PersonalKind
import cn.dangjian.disclosureVerifyAudit
import cn.dangjian.disclosureVisible
import cn.dangjian.summarizeDuesJson
import java.math.BigDecimal
import kotlin.concurrent.thread

private fun event(id: String, hour: Int, member: String = "M1", activity: String = "login", day: String = "2026-03-02") =
    mapOf("event_id" to id, "member_id" to member, "activity" to activity, "occurred_at" to "${day}T%02d:00:00+08:00".format(hour))

private fun obj(json: String?) = Json.parse(json ?: "null").asMap()

private fun arr(json: String) = Json.parse(json).asList().map { it.asMap() }

/** event id → [points, reason] of a list of entries (numbers as plain strings). */
private fun byId(entries: Any?) = entries.asList().associate {
    val e = it.asMap()
    e["event_id"] to listOf((e["points"] as BigDecimal).toPlainString(), e["reason"])
}

private fun int(v: Any?) = (v as BigDecimal).toInt()

/** 2026-03-02T07:00:00+08:00 in ns since the epoch. */
private const val T0 = 1_772_406_000_000_000_000L

/** The core's own example (core/src/credits/columns.rs): two reading-time rows of M1, 10 minutes apart. */
private fun readingColumns() = CreditsColumns(
    eventIdBytes = "r1r2", eventIdOffsets = listOf(0u, 2u, 4u),
    memberIds = listOf("M1"), members = listOf(0u, 0u),
    activityCodes = listOf("reading_time"), activities = listOf(0u, 0u),
    occurredAtNs = listOf(T0, T0 + 600_000_000_000L),
    durationSeconds = listOf(300u, 150u),
)

/** The same two rows as event documents. */
private val READING_EVENTS = listOf(
    mapOf("event_id" to "r1", "member_id" to "M1", "activity" to "reading_time", "occurred_at" to "2026-03-02T07:00:00+08:00", "duration_seconds" to 300),
    mapOf("event_id" to "r2", "member_id" to "M1", "activity" to "reading_time", "occurred_at" to "2026-03-02T07:10:00+08:00", "duration_seconds" to 150),
).json()

private val CONTEXT = mapOf(
    "orgs" to listOf(mapOf("id" to "C1", "kind" to "committee"), mapOf("id" to "B1", "parent" to "C1", "kind" to "branch")),
    "roles" to listOf("P1" to "proposer", "S1" to "confidentiality_reviewer", "R1" to "reviewer", "A1" to "approver")
        .map { (p, r) -> mapOf("person" to p, "org" to "B1", "role" to r) },
).json()

private val NEW_ITEM = mapOf(
    "id" to "D1", "org" to "B1", "title" to "支部委员会换届结果", "body" to "联系电话13800138000",
    "category" to "organization", "scope" to mapOf("kind" to "members", "org" to "B1"),
).json()

private val ACTIONS = listOf(
    """{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}""",
    """{"action":"confidentiality_review","actor":"S1","at":"2026-03-03T09:00:00+08:00","passed":true}""",
    """{"action":"review","actor":"R1","at":"2026-03-03T10:00:00+08:00","necessity":true,"accuracy":true}""",
    """{"action":"approve","actor":"A1","at":"2026-03-04T09:00:00+08:00"}""",
    """{"action":"publish","actor":"P1","at":"2026-03-04T15:00:00+08:00"}""",
)

private const val MEMBER = """{"person":"M1","memberships":[{"org":"B1","status":"full","from":"2020-01-01"}],"posts":[]}"""

/** The item created at [at] with [actions] applied, and its audit log. */
private fun workflow(actions: List<String>, at: String = "2026-03-02T09:00:00+08:00") =
    disclosureWorkflow(Policy.bundled(), CONTEXT, NEW_ITEM, "P1", at, actions)

fun creditsDisclosureTests(h: Harness) {
    // ---- credits ----
    h.test("CreditsScheme: presets, toJson round trip, coded errors") {
        checkEq("learning_platform", CreditsScheme.learningPlatform().name(), "name")
        val text = CreditsScheme.memberPoints().toJson()
        checkEq("member_points", CreditsScheme.fromJson(text).name(), "name")
        checkEq(text, CreditsScheme.fromJson(text).toJson(), "round trip")
        expectCoded<DangjianException.InvalidInput>("INVALID_SCHEME_JSON", "schema_version") { CreditsScheme.fromJson("{}") }
        val v9 = obj(text) + ("schema_version" to 9)
        expectCoded<DangjianException.Policy>("UNSUPPORTED_SCHEMA_VERSION", "schema_version") { CreditsScheme.fromJson(v9.json()) }
    }
    h.test("CreditsScorer: a late event re-scores the later one; ledger, totals, entry, explain, len, scheme") {
        CreditsScorer(CreditsScheme.learningPlatform()).use { s ->
            check(s.isEmpty()) { "a new scorer is empty" }
            checkEq(mapOf("b" to listOf("1", "SCORED")), byId(obj(s.ingestJson(listOf(event("b", 9)).json()))["changed"]), "first")
            val late = obj(s.ingestJson(listOf(event("a", 8)).json()))
            checkEq(mapOf("a" to listOf("1", "SCORED"), "b" to listOf("0", "CAP_REACHED")), byId(late["changed"]), "late")
            checkEq(2uL, s.len(), "len")
            checkEq(listOf("a", "b"), arr(s.ledgerJson()).map { it["event_id"] }, "ledger order")
            val day = arr(s.totalsJson()).filter { it["kind"] == "day" }.map { listOf(it["period"], int(it["score"])) }
            checkEq(listOf(listOf("2026-03-02", 1)), day, "day totals")
            checkEq("CAP_REACHED", obj(s.entryJson("b"))["reason"], "entry")
            checkEq(null, s.entryJson("zzz"), "unknown entry")
            checkEq("CAP_REACHED", obj(s.explain("b"))["steps"].asList().last().asMap()["value"], "explain")
            checkEq(null, s.explain("zzz"), "unknown explain")
            checkEq("learning_platform", s.scheme().name(), "scheme")
        }
    }
    h.test("CreditsScorer.ingestJson: duplicates, per-event errors at their position; a non-array is INVALID_EVENTS_JSON") {
        val s = CreditsScorer(CreditsScheme.learningPlatform())
        s.ingestJson(listOf(event("a", 8)).json())
        val out = obj(s.ingestJson(listOf(event("a", 8), mapOf("event_id" to "x", "member_id" to "M1"), event("n", 9, activity = "nap")).json()))
        checkEq(listOf("a"), out["duplicates"], "duplicates")
        checkEq(
            listOf(listOf(1, "x", "INVALID_EVENT_JSON", "activity"), listOf(2, "n", "UNKNOWN_ACTIVITY", "activity")),
            out["errors"].asList().map { it.asMap().let { e -> listOf(int(e["index"]), e["event_id"], e["code"], e["field"]) } },
            "errors",
        )
        expectCoded<DangjianException.InvalidInput>("INVALID_EVENTS_JSON", "") { s.ingestJson("{}") }
    }
    h.test("CreditsScorer: voidEvents and recordOffencesJson re-score; a bad offence is INVALID_OFFENCES_JSON") {
        val s = CreditsScorer(CreditsScheme.learningPlatform())
        s.ingestJson(listOf(event("a", 8), event("b", 9)).json())
        val voided = obj(s.voidEvents(listOf("a", "nope")))
        checkEq(mapOf("a" to listOf("0", "VOIDED"), "b" to listOf("1", "SCORED")), byId(voided["changed"]), "voided")
        checkEq(listOf(listOf(1, "UNKNOWN_EVENT", "event_id")), voided["errors"].asList().map { it.asMap().let { e -> listOf(int(e["index"]), e["code"], e["field"]) } }, "void errors")
        s.ingestJson(listOf(event("c", 7, day = "2026-03-03")).json())
        val offence = """[{"offence_id":"o1","member_id":"M1","decided_at":"2026-03-02T12:00:00+08:00"}]"""
        checkEq(listOf("0", "SUSPENDED"), byId(obj(s.recordOffencesJson(offence))["changed"])["c"], "suspended")
        expectCoded<DangjianException.InvalidInput>("INVALID_OFFENCES_JSON", "[0].decided_at") {
            s.recordOffencesJson("""[{"offence_id":"o2","member_id":"M1","decided_at":"yesterday"}]""")
        }
    }
    h.test("CreditsScorer.closeThrough: closed entries handed back once, later events on them PERIOD_CLOSED, totals whole") {
        val s = CreditsScorer(CreditsScheme.learningPlatform())
        checkEq(null, s.closedThrough(), "nothing closed")
        s.ingestJson(listOf(event("d1", 8), event("d2", 8, day = "2026-03-03")).json())
        val closed = obj(s.closeThrough("2026-03-02"))
        checkEq("2026-03-02", closed["through"], "through")
        checkEq(listOf("d1"), closed["entries"].asList().map { it.asMap()["event_id"] }, "closed entries")
        checkEq(1, int(closed["open"]), "open")
        checkEq("2026-03-02", s.closedThrough(), "closedThrough")
        checkEq(null, s.entryJson("d1"), "closed entry gone")
        checkEq(0, obj(s.closeThrough("2026-03-01"))["entries"].asList().size, "nothing twice")
        // 23:59:59 in China on the closed day is refused; 16:00Z is already 3 March there.
        val late = obj(
            s.ingestJson(
                listOf(
                    mapOf("event_id" to "x", "member_id" to "M1", "activity" to "login", "occurred_at" to "2026-03-02T23:59:59+08:00"),
                    mapOf("event_id" to "y", "member_id" to "M2", "activity" to "login", "occurred_at" to "2026-03-02T16:00:00Z"),
                ).json(),
            ),
        )
        checkEq(listOf(listOf(0, "PERIOD_CLOSED", "occurred_at")), late["errors"].asList().map { it.asMap().let { e -> listOf(int(e["index"]), e["code"], e["field"]) } }, "refused")
        checkEq(listOf("y"), late["changed"].asList().map { it.asMap()["event_id"] }, "open day scored")
        val month = arr(s.totalsJson()).filter { it["kind"] == "month" && it["member_id"] == "M1" }.map { int(it["points"]) }
        checkEq(listOf(2), month, "month keeps the closed day")
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "through") { s.closeThrough("2026-02-30") }
    }
    h.test("CreditsScorer.ingestColumns: exactly the document ingestJson gives for the same events") {
        val byCols = CreditsScorer(CreditsScheme.learningPlatform())
        val byJson = CreditsScorer(CreditsScheme.learningPlatform())
        val out = byCols.ingestColumns(readingColumns())
        checkEq(byJson.ingestJson(READING_EVENTS), out, "same document")
        // 2022 rules: 1 point a full minute, at most 6 a day: 5 minutes → 5; then 2½ minutes → 2, 1 left under the cap.
        checkEq(mapOf("r1" to listOf("5", "SCORED"), "r2" to listOf("1", "CAP_REACHED")), byId(obj(out)["changed"]), "points")
        checkEq(byJson.ledgerJson(), byCols.ledgerJson(), "ledger")
        checkEq(listOf("r1", "r2"), obj(byCols.ingestColumns(readingColumns()))["duplicates"], "duplicates")
        // A refused row is an error entry with its row as index, as with ingestJson.
        val nap = readingColumns().copy(activityCodes = listOf("reading_time", "nap"), activities = listOf(0u, 1u))
        val errs = obj(CreditsScorer(CreditsScheme.learningPlatform()).ingestColumns(nap))["errors"].asList().map { it.asMap() }
        checkEq(listOf(listOf(1, "r2", "UNKNOWN_ACTIVITY", "activity")), errs.map { listOf(int(it["index"]), it["event_id"], it["code"], it["field"]) }, "errors")
    }
    h.test("CreditsScorer.ingestColumns: offsets past the ids' end are INVALID_COLUMNS at event_id_offsets; nothing changes") {
        val s = CreditsScorer(CreditsScheme.learningPlatform())
        expectCoded<DangjianException.InvalidInput>("INVALID_COLUMNS", "event_id_offsets") {
            s.ingestColumns(readingColumns().copy(eventIdOffsets = listOf(0u, 2u, 5u)))
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_COLUMNS", "members") {
            s.ingestColumns(readingColumns().copy(members = listOf(0u, 1u)))
        }
        check(s.isEmpty()) { "a refused batch changes nothing" }
    }
    h.test("CreditsScorer: shared between threads") {
        val s = CreditsScorer(CreditsScheme.learningPlatform())
        (1..8).map { i -> thread { s.ingestJson(listOf(event("e$i", 8, member = "M$i")).json()) } }.forEach { it.join() }
        checkEq(8uL, s.len(), "len")
        checkEq(setOf(1), arr(s.ledgerJson()).map { int(it["points"]) }.toSet(), "points")
    }
    h.test("creditsScoreJson / creditsScoreJsonl agree with the scorer; bad documents are coded") {
        val scheme = CreditsScheme.learningPlatform()
        val events = listOf(event("a", 8), event("b", 9))
        val whole = obj(creditsScoreJson(scheme, mapOf("events" to events, "voids" to listOf("a")).json(), true))
        checkEq(mapOf("a" to listOf("0", "VOIDED"), "b" to listOf("1", "SCORED")), byId(whole["entries"]), "score_json")
        check("explanation" in whole["entries"].asList()[0].asMap()) { "explain = true gives explanations" }
        val jl = obj(creditsScoreJsonl(scheme, events.joinToString("\n") { it.json() } + "\nnot json\n", false))
        checkEq(mapOf("a" to listOf("1", "SCORED"), "b" to listOf("0", "CAP_REACHED")), byId(jl["entries"]), "jsonl")
        checkEq(listOf(listOf(3, "INVALID_EVENT_JSON")), jl["errors"].asList().map { it.asMap().let { e -> listOf(int(e["line"]), e["code"]) } }, "jsonl errors")
        val s = CreditsScorer(scheme)
        s.ingestJson(events.json())
        check(sameJson(Json.parse(s.totalsJson()), jl["totals"])) { "totals differ" }
        expectCoded<DangjianException.InvalidInput>("INVALID_EVENTS_JSON", "") { creditsScoreJson(scheme, "[]", false) }
    }
    h.test("creditsLeaderboardJson and creditsRateJson; bad documents are coded") {
        val s = CreditsScorer(CreditsScheme.learningPlatform())
        s.ingestJson(listOf(event("a", 8, "A"), event("b", 8, "B"), event("c", 8, "C", "daily_quiz")).json())
        val orgs = """{"member_org":{"A":"B1","B":"B2","C":"B1"},"parent":{"B1":"C1","B2":"C1"}}"""
        val board = arr(creditsLeaderboardJson(s.totalsJson(), orgs, "year", "2026", "C1"))
        checkEq(listOf(listOf(1, "A", 1), listOf(1, "B", 1)), board.map { listOf(int(it["rank"]), it["member_id"], int(it["score"])) }, "board")
        expectCoded<DangjianException.InvalidInput>("INVALID_PERIOD_KIND", "kind") { creditsLeaderboardJson("[]", orgs, "decade", "2026", "C1") }
        expectCoded<DangjianException.InvalidInput>("INVALID_TOTALS_JSON", "[0].member_id") { creditsLeaderboardJson("[{}]", orgs, "year", "2026", "C1") }
        checkEq(listOf("A" to "合格"), arr(creditsRateJson("""[{"member_id":"A","score":95}]""", "null")).map { it["member_id"] to it["tier"] }, "rate")
        expectCoded<DangjianException.InvalidInput>("INVALID_TIERS_JSON", "[0].x") { creditsRateJson("[]", """[{"x":1}]""") }
    }
    h.test("adapters: 三会一课 attendance and on-time dues become member_points events") {
        val meetings = arr(creditsMeetingEventsJson("""[{"meeting_id":"m1","meeting_type":"party_lecture","date":"2026-03-02","attendees":["A","B"]}]""", "meeting_attendance"))
        checkEq(listOf("meeting:m1:A", "meeting:m1:B"), meetings.map { it["event_id"] }, "meeting events")
        // January paid on 20 January (on time), February paid on 2 March (late): one event.
        val ledger = """{"member_id":"A","obligations":[{"month":"2026-01","amount":"10.00"},{"month":"2026-02","amount":"10.00"}],
            "payments":[{"paid_on":"2026-01-20","amount":"10.00","months":["2026-01"]},{"paid_on":"2026-03-02","amount":"10.00","months":["2026-02"]}]}"""
        checkEq(listOf("dues:A:2026-01"), arr(creditsDuesEventsJson(ledger, "dues_on_time")).map { it["event_id"] }, "dues events")
        expectCoded<DangjianException.InvalidInput>("INVALID_MEETING_JSON", "[0].date") { creditsMeetingEventsJson("""[{"meeting_id":"m","meeting_type":"party_lecture","attendees":[]}]""", "x") }
    }

    // ---- disclosure ----
    h.test("disclosure: create, audit append, apply to published; verify; visible and filterVisible") {
        val (item, log) = workflow(ACTIONS)
        checkEq("published", item["status"], "status")
        val v = obj(disclosureVerifyAudit(log))
        checkEq(listOf(true, 6), listOf(v["valid"], int(v["entries"])), "verification")
        checkEq(true, disclosureVisible(CONTEXT, MEMBER, item.json(), "2026-03-10"), "member sees")
        checkEq(false, disclosureVisible(CONTEXT, "{}", item.json(), "2026-03-10"), "public does not")
        checkEq(listOf("D1"), Json.parse(disclosureFilterVisible(CONTEXT, MEMBER, "[${item.json()}]", "2026-03-10")), "filter member")
        checkEq(listOf<Any?>(), Json.parse(disclosureFilterVisible(CONTEXT, "{}", "[${item.json()}]", "2026-03-10")), "filter public")
        val board = Json.parse(disclosureBoard(Policy.bundled(), CONTEXT, MEMBER, "[${item.json()}]", "2026-03-10")).asList().map { it.asMap() }
        checkEq(listOf(listOf("D1", "published", 1)), board.map { listOf(it["id"], it["status"], int(it["version"])) }, "board member")
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "on") { disclosureBoard(Policy.bundled(), CONTEXT, "{}", "[]", "soon") }
        expectCoded<DangjianException.InvalidInput>("INVALID_ITEM_JSON", "[0].schema_version") {
            disclosureBoard(Policy.bundled(), CONTEXT, "{}", """[{"id":"x"}]""", "2026-03-10")
        }
    }
    h.test("disclosure: a tampered log is reported by verify and refused by apply and append") {
        val (item, log) = workflow(ACTIONS)
        val doc = obj(log)
        val entries = doc["entries"].asList().map { it.asMap() }.toMutableList()
        entries[1] = entries[1] + ("event" to (entries[1]["event"].asMap() + ("comment" to "edited")))
        val tampered = (doc + ("entries" to entries)).json()
        val v = obj(disclosureVerifyAudit(tampered))
        checkEq(listOf(false, 1, "HASH_MISMATCH"), listOf(v["valid"], int(v["first_broken"]), v["code"]), "verification")
        val withdraw = """{"action":"withdraw","actor":"A1","at":"2026-03-05T09:00:00+08:00","comment":"r"}"""
        expectCoded<DangjianException.InvalidInput>("AUDIT_CHAIN_BROKEN", "entries[1]") {
            disclosureApply(Policy.bundled(), CONTEXT, item.json(), withdraw, tampered)
        }
        expectCoded<DangjianException.InvalidInput>("AUDIT_CHAIN_BROKEN", "entries[1]") { disclosureAuditAppend(tampered, "{}") }
        expectCoded<DangjianException.InvalidInput>("INVALID_AUDIT_EVENT_JSON", "item_id") { disclosureAuditAppend(EMPTY_AUDIT_LOG, "{}") }
        expectCoded<DangjianException.InvalidInput>("INVALID_AUDIT_JSON", "schema_version") { disclosureVerifyAudit("{}") }
    }
    h.test("disclosure: create, apply, visible and filterVisible errors are coded") {
        expectCoded<DangjianException.InvalidInput>("INVALID_ITEM_JSON", "id") { disclosureCreate(CONTEXT, "{}", "P1", "2026-03-02T09:00:00+08:00") }
        expectCoded<DangjianException.InvalidInput>("INVALID_TIME", "at") { disclosureCreate(CONTEXT, NEW_ITEM, "P1", "now") }
        val (draft, _) = workflow(listOf())
        expectCoded<DangjianException.InvalidInput>("INVALID_ACTION_JSON", "action") {
            disclosureApply(Policy.bundled(), CONTEXT, draft.json(), "{}", EMPTY_AUDIT_LOG)
        }
        expectCoded<DangjianException.InvalidInput>("INVALID_VIEWER_JSON", "x") { disclosureVisible(CONTEXT, """{"x":1}""", "{}", "2026-03-10") }
        expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "on") { disclosureFilterVisible(CONTEXT, "{}", "[]", "soon") }
    }
    h.test("disclosure: item deadlines across the Spring Festival, catalogue status, a notice (with the Calendar object)") {
        val policy = Policy.bundled()
        Calendar.official().use { cal ->
            val (proposed, _) = workflow(listOf("""{"action":"propose","actor":"P1","at":"2026-02-12T10:00:00+08:00"}"""), "2026-02-12T09:00:00+08:00")
            val d = obj(disclosureItemDeadlines(policy, cal, proposed.json(), "2026-02-25"))
            checkEq(listOf(listOf("review", "2026-02-24", true)), d["value"].asList().map { it.asMap().let { x -> listOf(x["kind"], x["due_on"], x["overdue"]) } }, "deadlines")
            checkEq(listOf("REVIEW_OVERDUE"), d["findings"].asList().map { it.asMap()["code"] }, "findings")
            val s = obj(disclosureCatalogueStatus(policy, cal, """{"org":"B1","since":"2025-01-01"}""", "[]", "2026-02-02"))
            val annual = s["value"].asList().map { it.asMap() }.filter { it["code"] == "dues_annual" }
            checkEq(listOf(listOf("2025", "2026-01-29", "overdue")), annual.map { listOf(it["period"], it["due_on"], it["status"]) }, "annual")
            expectCoded<DangjianException.InvalidInput>("INVALID_CATALOGUE_JSON", "org") {
                disclosureCatalogueStatus(policy, cal, """{"since":"2025-01-01"}""", "[]", "2026-02-02")
            }
            val notice = """{"id":"N1","subject":"s","opens_on":"2026-02-12","closes_on":"2026-02-25"}"""
            val r = obj(disclosureEvaluateNotice(policy, cal, notice, "2026-02-26"))
            checkEq(listOf(5, "passed"), listOf(int(r["working_days"]), r["result"]), "notice")
            expectCoded<DangjianException.InvalidInput>("INVALID_DATE", "on") { disclosureEvaluateNotice(policy, cal, notice, "tomorrow") }
            expectCoded<DangjianException.InvalidInput>("INVALID_ITEM_JSON", "schema_version") { disclosureItemDeadlines(policy, cal, "{}", "2026-02-25") }
        }
    }
    h.test("disclosure: mask, scan, redaction preview") {
        checkEq("电话138****8000", disclosureMask("电话13800138000"), "mask")
        val found = disclosureScan("电话13800138000").map { listOf(it.kind, it.start, it.end, it.masked) }
        checkEq(listOf(listOf(PersonalKind.MOBILE, 2u, 13u, "138****8000")), found, "scan")
        val item = mapOf(
            "schema_version" to 1, "id" to "D1", "org" to "B1", "title" to "t", "body" to "电话13800138000", "category" to "service",
            "scope" to mapOf("kind" to "to_society"), "created_by" to "P1", "created_at" to "2026-03-02T09:00:00+08:00", "status" to "reviewed",
        )
        val p = obj(disclosureRedactionPreview(Policy.bundled(), item.json(), "2026-03-03"))
        checkEq(listOf(true, "电话138****8000"), listOf(p["masked"], p["text"]), "preview")
        expectCoded<DangjianException.InvalidInput>("INVALID_ITEM_JSON", "schema_version") { disclosureRedactionPreview(Policy.bundled(), "{}", "2026-03-03") }
    }
    h.test("disclosureDuesReport: the annual report from summarizeDuesJson; a month's summary is NOT_ANNUAL_PERIOD") {
        val year = summarizeDuesJson("[]", """{"year":2025}""")
        val new = obj(disclosureDuesReport(year, "B1", "DUES-2025", """[{"purpose":"订阅党报党刊","amount":"0.00"}]"""))
        checkEq(listOf("DUES-2025", "B1"), listOf(new["id"], new["org"]), "id and org")
        check((new["title"] as String).contains("2025年度党费收缴")) { "title ${new["title"]}" }
        val month = summarizeDuesJson("[]", """{"month":"2025-11"}""")
        expectCoded<DangjianException.InvalidInput>("NOT_ANNUAL_PERIOD", "period") { disclosureDuesReport(month, "B1", "D", "[]") }
        expectCoded<DangjianException.InvalidInput>("INVALID_SUMMARY_JSON", "period") { disclosureDuesReport("{}", "B1", "D", "[]") }
        expectCoded<DangjianException.InvalidInput>("INVALID_USES_JSON", "[0].amount") { disclosureDuesReport(year, "B1", "D", """[{"purpose":"p"}]""") }
    }
}
