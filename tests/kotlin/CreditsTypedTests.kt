// The typed credits calls from Kotlin (CreditsScorer.ingest / void / recordOffences / ledger / entry / totals /
// explanation, creditsLeaderboard, creditsRate) with the core's own records (cn.dangjian.types: CreditEvent,
// LedgerEntry, ScorerChanges, EventError, CreditTotal, PeriodKind, OrgMap, Standing, Tier, Rating): the values
// the rules give, worked by hand (learning platform, 2022 rules: login 1 point, at most 1 a China-time day;
// reading time 1 a full minute), and the same documents as the JSON methods for the same events.
// Registered in Main.kt.
package cn.dangjian.tests

import cn.dangjian.CreditsScheme
import cn.dangjian.CreditsScorer
import cn.dangjian.creditsDefaultTiers
import cn.dangjian.creditsLeaderboard
import cn.dangjian.creditsLeaderboardJson
import cn.dangjian.creditsRate
import cn.dangjian.types.CreditEvent
import cn.dangjian.types.CreditReason
import cn.dangjian.types.CreditTotal
import cn.dangjian.types.DangjianException
import cn.dangjian.types.EventError
import cn.dangjian.types.LedgerEntry
import cn.dangjian.types.Offence
import cn.dangjian.types.OrgMap
import cn.dangjian.types.PeriodKind
import cn.dangjian.types.ScorerChanges

/**
 * Logins of M1 around the China-time midnight between 2 and 3 March 2026, an unknown activity and five
 * minutes of reading by M2.
 */
private fun typedEvents() = listOf(
    CreditEvent("a", "M1", "login", "2026-03-02T08:00:00+08:00"),
    // 23:59:59 in Beijing, still 2 March: the day's one login point is already taken.
    CreditEvent("b", "M1", "login", "2026-03-02T15:59:59Z"),
    // 00:00:00 in Beijing on 3 March: a new day.
    CreditEvent("c", "M1", "login", "2026-03-02T16:00:00Z"),
    CreditEvent("n", "M1", "nap", "2026-03-02T09:00:00+08:00"),
    CreditEvent("r", "M2", "reading_time", "2026-03-02T07:00:00+08:00", contentId = "A1", durationSeconds = 300u),
)

/** The events as the document ingestJson reads (absent fields left out). */
private fun eventsJson(events: List<CreditEvent>) = events.map { e ->
    listOf(
        "event_id" to e.eventId, "member_id" to e.memberId, "activity" to e.activity, "occurred_at" to e.occurredAt,
        "content_id" to e.contentId, "duration_seconds" to e.durationSeconds?.toLong(),
        "correct_answers" to e.correctAnswers?.toLong(), "place" to e.place?.toLong(), "points" to e.points,
    ).filter { it.second != null }.toMap()
}.json()

private fun entryDoc(e: LedgerEntry) = mapOf(
    "event_id" to e.eventId, "member_id" to e.memberId, "activity" to e.activity, "occurred_at" to e.occurredAt,
    "day" to e.day, "points" to e.points, "raw_points" to e.rawPoints, "reason" to e.reason.name,
)

/** An error entry as the JSON document writes it (the same core record: the same messages). */
private fun errorDoc(e: EventError): Map<String, Any?> = listOf(
    "index" to e.index.toLong(), "line" to e.line?.toLong(), "event_id" to e.eventId, "kind" to e.kind,
    "code" to e.code, "field" to e.field, "message_zh" to e.messageZh, "message_en" to e.messageEn,
).filter { it.first != "line" || it.second != null }.toMap()

private fun changesDoc(c: ScorerChanges) = mapOf(
    "changed" to c.changed.map(::entryDoc), "duplicates" to c.duplicates, "errors" to c.errors.map(::errorDoc),
)

private fun totalDoc(t: CreditTotal) = mapOf(
    "member_id" to t.memberId, "kind" to t.kind.name.lowercase(), "period" to t.period, "points" to t.points,
    "score" to t.score,
)

private fun jsonChanges(text: String): Any? = Json.parse(text)

private fun checkSameJson(want: Any?, got: Any?, what: String) =
    check(sameJson(want, got)) { "$what:\n  JSON  ${Json.write(want, true)}\n  typed ${Json.write(got, true)}" }

private fun learning() = CreditsScorer(CreditsScheme.learningPlatform())

fun creditsTypedTests(h: Harness) {
    h.test("CreditsScorer.ingest: China-time days, the login cap and an unknown activity in place") {
        learning().use { s ->
            val out = s.ingest(typedEvents())
            // Canonical order is by instant: r (23:00Z on 1 March), a (00:00Z), b (15:59:59Z), c (16:00Z).
            checkEq(
                listOf(
                    listOf("r", "2026-03-02", 5L, 5L, CreditReason.SCORED),
                    listOf("a", "2026-03-02", 1L, 1L, CreditReason.SCORED),
                    listOf("b", "2026-03-02", 0L, 1L, CreditReason.CAP_REACHED),
                    listOf("c", "2026-03-03", 1L, 1L, CreditReason.SCORED),
                ),
                out.changed.map { listOf(it.eventId, it.day, it.points, it.rawPoints, it.reason) },
                "changed",
            )
            checkEq(listOf("2026-03-02T07:00:00+08:00", "2026-03-02T15:59:59Z"), listOf(out.changed[0].occurredAt, out.changed[2].occurredAt), "instants as given")
            checkEq(
                listOf(listOf(3u, "n", "invalid_input", "UNKNOWN_ACTIVITY", "activity")),
                out.errors.map { listOf(it.index, it.eventId, it.kind, it.code, it.field) },
                "errors",
            )
            checkEq(null, out.errors[0].line, "no line for a typed call")
            checkEq(listOf<String>(), out.duplicates, "duplicates")
            checkEq(4uL, s.len(), "len")
        }
    }
    h.test("CreditsScorer.ingest: an occurredAt that is not RFC 3339 with an offset is INVALID_TIME for the whole call") {
        learning().use { s ->
            for (bad in listOf("yesterday", "2026-03-02T08:00:00", "2026-02-30T08:00:00+08:00")) {
                expectCoded<DangjianException.InvalidInput>("INVALID_TIME", "") {
                    s.ingest(typedEvents() + CreditEvent("bad", "M1", "login", bad))
                }
            }
            checkEq(0uL, s.len(), "nothing scored")
        }
    }
    h.test("CreditsScorer typed calls give the JSON methods' documents: ingest (twice), void, ledger, entry, totals") {
        val typed = learning()
        val byJson = learning()
        val events = typedEvents()
        checkSameJson(jsonChanges(byJson.ingestJson(eventsJson(events))), changesDoc(typed.ingest(events)), "ingest")
        val again = typed.ingest(events)
        checkEq(listOf("a", "b", "c", "r"), again.duplicates, "duplicates")
        checkSameJson(jsonChanges(byJson.ingestJson(eventsJson(events))), changesDoc(again), "ingest again")
        checkSameJson(jsonChanges(byJson.voidEvents(listOf("a", "nope"))), changesDoc(typed.void(listOf("a", "nope"))), "void")
        val offence = """[{"offence_id":"o1","member_id":"M1","decided_at":"2026-03-03T07:00:00+08:00"}]"""
        checkSameJson(
            jsonChanges(byJson.recordOffencesJson(offence)),
            changesDoc(typed.recordOffences(listOf(Offence("o1", "M1", "2026-03-03T07:00:00+08:00")))),
            "offences",
        )
        checkSameJson(Json.parse(byJson.ledgerJson()), typed.ledger().map(::entryDoc), "ledger")
        checkSameJson(Json.parse(byJson.totalsJson()), typed.totals().map(::totalDoc), "totals")
        for (id in listOf("a", "b", "c", "r", "zzz")) {
            checkSameJson(byJson.entryJson(id)?.let { Json.parse(it) }, typed.entry(id)?.let(::entryDoc), "entry $id")
            checkEq(
                byJson.explain(id)?.let { Json.parse(it).asMap()["steps"].asList().map { st -> st.asMap()["value"] } },
                typed.explanation(id)?.steps?.map { it.value },
                "explanation $id",
            )
        }
    }
    h.test("CreditsScorer.void: the cap freed for the next login; an unknown id is UNKNOWN_EVENT; entry null when unknown") {
        val s = learning()
        s.ingest(typedEvents())
        val out = s.void(listOf("a", "nope"))
        checkEq(
            listOf(Triple("a", 0L, CreditReason.VOIDED), Triple("b", 1L, CreditReason.SCORED)),
            out.changed.map { Triple(it.eventId, it.points, it.reason) },
            "changed",
        )
        checkEq(listOf(listOf(1u, "nope", "UNKNOWN_EVENT", "event_id")), out.errors.map { listOf(it.index, it.eventId, it.code, it.field) }, "errors")
        checkEq(0, s.void(listOf("a")).changed.size, "voiding twice changes nothing")
        checkEq(CreditReason.VOIDED, s.entry("a")?.reason, "entry a")
        checkEq(null, s.entry("zzz"), "unknown entry")
        // A first offence on 3 March suspends M1 for 7 days from that day (the ladder's first step): c scores 0.
        val out2 = s.recordOffences(listOf(Offence("o1", "M1", "2026-03-03T00:00:00+08:00")))
        checkEq(listOf(Triple("c", 0L, CreditReason.SUSPENDED)), out2.changed.map { Triple(it.eventId, it.points, it.reason) }, "suspended")
    }
    h.test("CreditsScorer.totals: M1 per China-time day, ISO week, month and year") {
        val s = learning()
        s.ingest(typedEvents())
        // 2 March 2026 is the Monday of ISO week 10; the learning platform has no base score.
        checkEq(
            listOf(
                listOf(PeriodKind.DAY, "2026-03-02", 1L, 1L),
                listOf(PeriodKind.DAY, "2026-03-03", 1L, 1L),
                listOf(PeriodKind.WEEK, "2026-W10", 2L, 2L),
                listOf(PeriodKind.MONTH, "2026-03", 2L, 2L),
                listOf(PeriodKind.YEAR, "2026", 2L, 2L),
            ),
            s.totals().filter { it.memberId == "M1" }.map { listOf(it.kind, it.period, it.points, it.score) },
            "totals",
        )
    }
    h.test("creditsLeaderboard and creditsRate: ranks shared by equal scores, the 优秀 quota, as their JSON twins") {
        val totals = listOf(95L to "A", 80L to "B", 80L to "C", 50L to "D").map { (score, m) ->
            CreditTotal(m, PeriodKind.YEAR, "2026", score, score)
        }
        val orgs = OrgMap(mapOf("A" to "b1", "B" to "b1", "C" to "b2", "D" to "b3"), mapOf("b1" to "root", "b2" to "root"))
        val board = creditsLeaderboard(totals, orgs, PeriodKind.YEAR, "2026", "root")
        // D's branch is not under root; B and C share second place, listed by id.
        checkEq(listOf(Triple(1u, "A", 95L), Triple(2u, "B", 80L), Triple(2u, "C", 80L)), board.map { Triple(it.rank, it.memberId, it.score) }, "board")
        val totalsJson = totals.map { totalDoc(it) }.json()
        val orgsJson = mapOf("member_org" to orgs.memberOrg, "parent" to orgs.parent).json()
        checkSameJson(
            Json.parse(creditsLeaderboardJson(totalsJson, orgsJson, "year", "2026", "root")),
            board.map { mapOf("rank" to it.rank.toLong(), "member_id" to it.memberId, "score" to it.score) },
            "board as JSON",
        )
        // Four rated: the 优秀 quota is 4/3 rounded down = 1 (A); 80 and 80 are 合格, 50 is 基本合格.
        checkEq(
            listOf("A" to "优秀", "B" to "合格", "C" to "合格", "D" to "基本合格"),
            creditsRate(totals.associate { it.memberId to it.score }, null).map { it.memberId to it.tier },
            "rating",
        )
        checkEq(listOf("优秀", "合格", "基本合格", "不合格"), creditsDefaultTiers().map { it.name }, "default tiers")
        expectCoded<DangjianException.InvalidInput>("NO_TIERS", "tiers") { creditsRate(mapOf("A" to 1L), listOf()) }
    }
    h.test("CreditReason and PeriodKind: enum values named as the core's codes") {
        checkEq(
            listOf("SCORED", "CAP_REACHED", "TOO_SHORT", "DUPLICATE_CONTENT", "DUPLICATE_EVENT", "NOT_AVAILABLE", "VOIDED", "SUSPENDED"),
            CreditReason.entries.map { it.name },
            "reasons",
        )
        checkEq(listOf("day", "week", "month", "year"), PeriodKind.entries.map { it.name.lowercase() }, "period kinds")
        val s = learning()
        s.ingest(typedEvents())
        val reasons: List<CreditReason> = s.ledger().map { it.reason }
        checkEq(setOf(CreditReason.SCORED, CreditReason.CAP_REACHED), reasons.toSet(), "reasons in the ledger")
    }
}
