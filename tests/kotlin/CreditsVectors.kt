// The shared credits vectors (tests/vectors/credits) run through the Kotlin bindings, one test per case,
// compared exactly as core/tests/credits_vectors.rs compares them:
// - score: creditsScoreJson(scheme, input, explain = true); entries (id → [points, reason], only those listed),
//   totals (each listed one present with that score), duplicates (when listed), errors (the listed keys of
//   each, in order, count exact). The same events also go through a CreditsScorer (ingestJson, voidEvents,
//   recordOffencesJson), whose ledgerJson / totalsJson / duplicates must meet the same expectations (its
//   errors too when the case has no voids or offences, whose paths only creditsScoreJson rewrites);
// - score_jsonl: creditsScoreJsonl(scheme, lines joined with "\n", explain = false), compared as score;
// - scheme_error: CreditsScheme.fromJson must throw {code, field};
// - leaderboard: creditsLeaderboardJson → [[member_id, rank, score], …]; rate: creditsRateJson → {member_id: tier};
// - close: a CreditsScorer takes input.events, closeThrough(close_through) must hand back the entries `closed`
//   (ids, in order), then `after` (events, voids, offences) goes in and the ledger, totals and errors compare as score.
package cn.dangjian.tests

import cn.dangjian.CreditsScheme
import cn.dangjian.CreditsScorer
import cn.dangjian.types.DangjianException
import cn.dangjian.creditsLeaderboardJson
import cn.dangjian.creditsRateJson
import cn.dangjian.creditsScoreJson
import cn.dangjian.creditsScoreJsonl
import java.io.File

val CREDITS_KINDS = setOf("score", "score_jsonl", "scheme_error", "leaderboard", "rate", "close")

/** A preset by name, or a scheme document read by CreditsScheme.fromJson. */
private fun schemeOf(v: Any?): CreditsScheme = when (v) {
    "learning_platform" -> CreditsScheme.learningPlatform()
    "member_points" -> CreditsScheme.memberPoints()
    is String -> throw IllegalArgumentException("unknown preset $v")
    else -> CreditsScheme.fromJson(v.json())
}

/** The score document of an input as a CreditsScorer gives it (entries from the ledger, its totals). */
private fun scorerView(scheme: CreditsScheme, input: Map<String, Any?>): Map<String, Any?> =
    CreditsScorer(scheme).use { feed(it, input) }

/** Feeds an input (events, voids, offences) to [s]; its ledger and totals and the calls' errors. */
private fun feed(s: CreditsScorer, input: Map<String, Any?>): Map<String, Any?> {
    val ingested = Json.parse(s.ingestJson(input["events"].json())).asMap()
    val voided = Json.parse(s.voidEvents(input["voids"].asList().map { it as String })).asMap()
    val penalised = Json.parse(s.recordOffencesJson((input["offences"] ?: listOf<Any?>()).json())).asMap()
    return mapOf(
        "entries" to Json.parse(s.ledgerJson()),
        "totals" to Json.parse(s.totalsJson()),
        "duplicates" to ingested["duplicates"].asList().map { it as String }.sorted(),
        "errors" to ingested["errors"].asList() + voided["errors"].asList() + penalised["errors"].asList(),
    )
}

private class CreditsRun(where: String, case: Map<String, Any?>) : VectorRun(where, case) {
    val expect = case["expect"].asMap()

    fun checkScored(surface: String, out: Map<String, Any?>, withErrors: Boolean = true) {
        val entries = out["entries"].asList().map { it.asMap() }
        for ((id, want) in expect["entries"].asMap()) {
            val got = entries.firstOrNull { it["event_id"] == id }?.let { listOf(it["points"], it["reason"]) }
            if (!sameJson(want, got)) mismatch(surface, "entries.$id", want, got)
        }
        for (want in expect["totals"].asList().map { it.asMap() }) {
            val found = out["totals"].asList().map { it.asMap() }
                .firstOrNull { t -> listOf("member_id", "kind", "period").all { sameJson(t[it], want[it]) } }
            if (found == null || !sameJson(found["score"], want["score"])) mismatch(surface, "totals", want, found)
        }
        if ("duplicates" in expect && !sameJson(expect["duplicates"], out["duplicates"])) {
            mismatch(surface, "duplicates", expect["duplicates"], out["duplicates"])
        }
        if (!withErrors) return
        val wantErrors = expect["errors"].asList()
        val gotErrors = out["errors"].asList()
        val got = gotErrors.zip(wantErrors).map { (g, w) -> w.asMap().keys.associateWith { g.asMap()[it] } }
        if (gotErrors.size != wantErrors.size || !sameJson(got, wantErrors)) mismatch(surface, "errors", wantErrors, gotErrors)
    }

    fun run(): CreditsRun {
        when (case["kind"]) {
            "score" -> {
                val scheme = schemeOf(case["scheme"])
                val input = case["input"].asMap()
                checkScored("creditsScoreJson", Json.parse(creditsScoreJson(scheme, input.json(), true)).asMap())
                val plain = input["voids"].asList().isEmpty() && input["offences"].asList().isEmpty()
                checkScored("CreditsScorer", scorerView(scheme, input), withErrors = plain)
            }
            "score_jsonl" -> {
                val lines = case["lines"].asList().joinToString("\n") { it as String }
                checkScored("creditsScoreJsonl", Json.parse(creditsScoreJsonl(schemeOf(case["scheme"]), lines, false)).asMap())
            }
            "scheme_error" -> try {
                schemeOf(case["scheme"])
                mismatch("CreditsScheme.fromJson", "error", expect, "a scheme")
            } catch (e: DangjianException) {
                if (!sameJson(expect, codeField(e))) mismatch("CreditsScheme.fromJson", "error", expect, codeField(e))
            }
            "leaderboard" -> {
                val out = creditsLeaderboardJson(
                    case["totals"].json(), case["orgs"].json(),
                    case["period_kind"] as String, case["period"] as String, case["org"] as String,
                )
                val rows = Json.parse(out).asList().map { it.asMap().let { r -> listOf(r["member_id"], r["rank"], r["score"]) } }
                compare("creditsLeaderboardJson", expect, mapOf("ranks" to rows))
            }
            "close" -> CreditsScorer(schemeOf(case["scheme"])).use { s ->
                s.ingestJson(case["input"].asMap()["events"].json())
                val closed = Json.parse(s.closeThrough(case["close_through"] as String)).asMap()["entries"].asList()
                    .map { it.asMap()["event_id"] }
                if (!sameJson(expect["closed"], closed)) mismatch("CreditsScorer.closeThrough", "closed", expect["closed"], closed)
                checkScored("CreditsScorer", feed(s, case["after"].asMap()))
            }
            "rate" -> {
                val out = creditsRateJson(case["scores"].asList().json(), case["tiers"].json())
                val tiers = Json.parse(out).asList().associate { it.asMap()["member_id"] as String to it.asMap()["tier"] }
                compare("creditsRateJson", expect, mapOf("tiers" to tiers))
            }
        }
        return this
    }
}

/** Runs every credits case under [dir]; returns the number of cases. */
fun runCreditsVectors(h: Harness, dir: File): Int =
    runVectorArea(h, dir, CREDITS_KINDS) { where, case -> CreditsRun(where, case).run() }
