// The error vectors (tests/vectors/errors-*.json, format in tests/vectors/README.md) through the Kotlin bindings:
// each case calls the JSON-document entry point it names with its bad input; the call must throw a
// DangjianException with the case's code and field path (or, for a batch, answer with each bad item's index or
// line, code and field), and every message must read as a sentence (no serde wording). The same files run on
// Rust (core/tests/error_vectors.rs), Python (tests/python/test_error_vectors.py) and JS
// (tests/js/error-vectors.test.mjs).
package cn.dangjian.tests

import cn.dangjian.*
import cn.dangjian.types.DangjianException
import java.io.File

private val ENGINES = listOf("audit", "calendar", "credits", "disclosure", "dues", "membership", "policy")

/** serde's own words: a message carrying one was written for a programmer, not for a party worker. */
private val SERDE_WORDING = listOf(
    "expected", "invalid type", "invalid value", "variant", "at line", "missing field", "unknown field", "EOF while",
)

/** An argument as the bindings take it: a string as it is, any other value as its JSON text. */
private fun arg(args: Map<String, Any?>, name: String): String {
    check(args.containsKey(name)) { "missing argument $name" }
    return when (val v = args[name]) {
        is String -> v
        else -> Json.write(v)
    }
}

private fun scheme(name: String): CreditsScheme = when (name) {
    "learning_platform" -> CreditsScheme.learningPlatform()
    "member_points" -> CreditsScheme.memberPoints()
    else -> throw AssertionError("unknown scheme preset $name")
}

/** Calls the export behind [entry] (the core's `engine.function`) with the case's arguments. */
private fun call(entry: String, args: Map<String, Any?>): String {
    val p = Policy.bundled()
    val c = Calendar.official()
    val s = { name: String -> arg(args, name) }
    return when (entry) {
        "dues.assess_json" -> assessDuesJson(p, s("member"), s("month"), false)
        "dues.assess_batch_json" -> assessDuesBatchJson(p, s("members"), s("month"), false)
        "dues.evaluate_ledger_json" -> evaluateDuesLedgerJson(p, s("ledger"), s("as_of"))
        "dues.summarize_json" -> summarizeDuesJson(s("reports"), s("period"))
        "membership.check_member_json" -> membershipCheckMember(p, c, s("record"), s("on"))
        "membership.check_members_json" -> membershipCheckMembers(p, c, s("members"), s("on"))
        "membership.apply_event_json" -> membershipApplyEvent(p, c, s("record"), s("event"), s("roster"))
        "membership.rights_json" -> membershipRights(p, s("record"), s("on"))
        "membership.check_orgs_json" -> membershipCheckOrgs(p, s("doc"), s("on"))
        "membership.check_members_lines_json" -> membershipCheckMembersLines(p, c, s("jsonl"), s("on"))
        "membership.check_orgs_lines_json" -> membershipCheckOrgsLines(p, s("jsonl"), s("on"))
        "credits.scheme_from_json" -> CreditsScheme.fromJson(s("json")).let { "ok" }
        "credits.score_json" -> creditsScoreJson(scheme(s("scheme")), s("input"), false)
        "credits.score_jsonl" -> creditsScoreJsonl(scheme(s("scheme")), s("jsonl"), false)
        "credits.leaderboard_json" -> creditsLeaderboardJson(s("totals"), s("orgs"), s("kind"), s("period"), s("org"))
        "credits.rate_json" -> creditsRateJson(s("scores"), s("tiers"))
        "credits.meeting_events_json" -> creditsMeetingEventsJson(s("records"), s("activity"))
        "credits.dues_events_json" -> creditsDuesEventsJson(s("ledger"), s("activity"))
        "disclosure.create_json" -> disclosureCreate(s("context"), s("new_item"), s("actor"), s("at"))
        "disclosure.apply_json" -> disclosureApply(p, s("context"), s("item"), s("action"), s("log"))
        "disclosure.visible_json" -> disclosureVisible(s("context"), s("viewer"), s("item"), s("on")).toString()
        "disclosure.filter_visible_json" -> disclosureFilterVisible(s("context"), s("viewer"), s("items"), s("on"))
        "disclosure.board_json" -> disclosureBoard(p, s("context"), s("viewer"), s("items"), s("on"))
        "disclosure.item_deadlines_json" -> disclosureItemDeadlines(p, c, s("item"), s("on"))
        "disclosure.catalogue_status_json" -> disclosureCatalogueStatus(p, c, s("catalogue"), s("items"), s("on"))
        "disclosure.evaluate_notice_json" -> disclosureEvaluateNotice(p, c, s("notice"), s("on"))
        "disclosure.redaction_preview_json" -> disclosureRedactionPreview(p, s("item"), s("on"))
        "disclosure.dues_disclosure_json" -> disclosureDuesReport(s("summary"), s("org"), s("id"), s("uses"))
        "audit.verify_audit_json" -> disclosureVerifyAudit(s("log"))
        "audit.audit_append_json" -> disclosureAuditAppend(s("log"), s("event"))
        "audit.audit_append_head_json" -> disclosureAuditAppendAtHead(s("head"), s("event"))
        "audit.apply_head_json" -> disclosureApplyAtHead(p, s("context"), s("item"), s("action"), s("head"))
        "audit.verify_audit_signed_json" -> disclosureVerifyAuditSigned(s("log"), s("public_key"))
        "audit.verify_audit_jsonl" -> disclosureVerifyAuditJsonl(s("jsonl"), null)
        "policy.from_json" -> Policy.fromJson(s("json")).let { "ok" }
        "policy.with_overrides_json" -> p.withOverridesJson(s("json")).let { "ok" }
        "calendar.load_year_json" -> c.loadYearJson(s("json")).let { "ok" }
        else -> throw AssertionError("unknown entry $entry")
    }
}

/** The messages of an exception, whatever its variant. */
private fun messages(e: DangjianException): Pair<String, String> = when (e) {
    is DangjianException.InvalidInput -> e.messageZh to e.messageEn
    is DangjianException.Policy -> e.messageZh to e.messageEn
    is DangjianException.Calendar -> e.messageZh to e.messageEn
    is DangjianException.Internal -> e.messageZh to e.messageEn
}

/** What is wrong with a message pair, if anything: empty, or serde's wording. */
private fun messageFault(zh: String?, en: String?): String? {
    if (zh.isNullOrBlank() || en.isNullOrBlank()) return "empty message (zh \"$zh\", en \"$en\")"
    val word = SERDE_WORDING.firstOrNull { zh.contains(it) || en.contains(it) } ?: return null
    return "message carries serde's wording \"$word\": zh \"$zh\" en \"$en\""
}

/** A batch's item errors against the expected ones: the same count, each listed key equal, in order. */
private fun batchFaults(want: List<Any?>, out: String): List<String> {
    val got = Json.parse(out).asMap()["errors"].asList()
    val faults = ArrayList<String>()
    if (got.size != want.size) faults.add("expected ${want.size} item error(s), got ${got.size}: ${Json.write(got).take(300)}")
    for ((w, g) in want.zip(got)) {
        val have = g.asMap()
        if (w.asMap().any { (k, v) -> !sameJson(v, have[k]) }) faults.add("expected ${Json.write(w)}, got ${Json.write(g)}")
        messageFault(have["message_zh"] as? String, have["message_en"] as? String)?.let { faults.add(it) }
    }
    return faults
}

private fun faultsOf(case: Map<String, Any?>): List<String> {
    val expect = case["expect"].asMap()
    val out = try {
        call(case["entry"] as String, case["args"].asMap())
    } catch (e: DangjianException) {
        if (expect.containsKey("errors")) return listOf("expected a batch result, got ${codeField(e)}")
        val faults = ArrayList<String>()
        val want = mapOf("code" to expect["code"], "field" to expect["field"])
        if (want != codeField(e)) faults.add("expected $want, got ${codeField(e)}")
        val (zh, en) = messages(e)
        messageFault(zh, en)?.let { faults.add(it) }
        return faults
    }
    if (!expect.containsKey("errors")) return listOf("expected an error, got ${out.take(300)}")
    return batchFaults(expect["errors"].asList(), out)
}

/** Every case of every `errors-*.json` beside the areas' folders, one test each. */
fun runErrorVectors(h: Harness, vectors: File) {
    h.test("every engine has its file of error vectors") {
        for (engine in ENGINES) check(File(vectors, "errors-$engine.json").isFile) { "errors-$engine.json missing" }
    }
    val names = HashSet<String>()
    val files = vectors.listFiles { f -> f.name.startsWith("errors-") && f.name.endsWith(".json") }.orEmpty().sortedBy { it.name }
    for (file in files) {
        for (c in Json.parse(file.readText(Charsets.UTF_8)).asMap()["cases"].asList()) {
            val case = c.asMap()
            val where = "${file.name}: ${case["name"]}"
            h.test("error vector $where") {
                check(names.add(case["name"] as String)) { "duplicate case name" }
                val faults = faultsOf(case)
                if (faults.isNotEmpty()) {
                    faults.forEach { System.err.println("    $where: $it") }
                    throw AssertionError("${faults.size} fault(s)")
                }
            }
        }
    }
}
