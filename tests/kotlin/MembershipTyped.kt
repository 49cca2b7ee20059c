// The membership records of the typed exports built from the vectors' JSON documents (as read by Json.parse),
// and typed results written back as JSON values, so the vector expectations compare against both paths alike.
// Strict, as Typed.kt: an unknown field or event kind, or a missing field, throws NotTyped. The defaults are the
// contract's (the core's serde defaults): `passed` true, `days`/`class_hours` 0, a notice for
// `development_target`, `same_city` false, `written` 0.
package cn.dangjian.tests

import cn.dangjian.types.Candidate
import cn.dangjian.types.CommitteeInfo
import cn.dangjian.types.DateRange
import cn.dangjian.types.Election
import cn.dangjian.types.Meeting
import cn.dangjian.types.MeetingKind
import cn.dangjian.types.MemberEvent
import cn.dangjian.types.MemberRating
import cn.dangjian.types.MemberRecord
import cn.dangjian.types.NoticeStage
import cn.dangjian.types.Objection
import cn.dangjian.types.ObjectionDecision
import cn.dangjian.types.Org
import cn.dangjian.types.OrgDetails
import cn.dangjian.types.OrgDocument
import cn.dangjian.types.OrgKind
import cn.dangjian.types.Recommendation
import cn.dangjian.types.RemovalKind
import cn.dangjian.types.ReviewRating
import cn.dangjian.types.ReviewRound
import cn.dangjian.types.SanctionKind
import cn.dangjian.types.Stage
import cn.dangjian.types.Vote
import java.lang.reflect.Modifier
import java.math.BigDecimal

private fun fields(v: Any?, required: List<String>, optional: List<String> = listOf()): Map<*, *> {
    val m = v as? Map<*, *> ?: throw NotTyped("not an object: $v")
    val unknown = m.keys.filter { it !in required && it !in optional }
    val missing = required.filter { it !in m.keys }
    if (unknown.isNotEmpty() || missing.isNotEmpty()) throw NotTyped("unknown $unknown, missing $missing")
    return m
}

private fun text(v: Any?): String = v as? String ?: throw NotTyped("not a string: $v")

private fun optText(v: Any?): String? = if (v == null) null else text(v)

private fun count(v: Any?): UInt = (v as? BigDecimal ?: throw NotTyped("not a number: $v")).intValueExact().toUInt()

private fun flag(v: Any?): Boolean = v as? Boolean ?: throw NotTyped("not a boolean: $v")

private fun <T> items(v: Any?, f: (Any?) -> T): List<T> = (v as? List<*> ?: throw NotTyped("not an array: $v")).map(f)

private inline fun <reified E : Enum<E>> named(v: Any?): E {
    val s = text(v)
    return enumValues<E>().firstOrNull { it.name.lowercase() == s } ?: throw NotTyped("${E::class.simpleName} \"$s\"")
}

/** Per event kind: its required and its optional fields beyond `kind` and `date`. */
private val EVENT_FIELDS: Map<String, Pair<List<String>, List<String>>> = mapOf(
    "imported" to (listOf("stage") to listOf<String>()),
    "activist" to (listOf("recommended_by") to listOf("filed_on")),
    "contacts" to (listOf("contacts") to listOf<String>()),
    "development_target" to (listOf<String>() to listOf("higher_approval_on")),
    "sponsors" to (listOf("sponsors") to listOf<String>()),
    "political_review" to (listOf<String>() to listOf("passed")),
    "training" to (listOf<String>() to listOf("days", "class_hours")),
    "public_notice" to (listOf("closes_on") to listOf("stage", "objections")),
    "branch_vote" to (listOf("vote") to listOf<String>()),
    "approval" to (listOf<String>() to listOf("reason")),
    "probation_extended" to (listOf("months") to listOf<String>()),
    "sanction" to (listOf("sanction") to listOf("years")),
    "removed" to (listOf("how") to listOf<String>()),
    "transfer_out" to (listOf("to_org") to listOf("same_city")),
    "transfer_in" to (listOf("from_org") to listOf<String>()),
    "away" to (listOf<String>() to listOf("place")),
    "excused" to (listOf("until", "reason") to listOf<String>()),
)

fun memberEventFrom(v: Any?): MemberEvent {
    val kind = (v as? Map<*, *>)?.get("kind") as? String ?: throw NotTyped("an event without a kind: $v")
    val (required, optional) = EVENT_FIELDS[kind] ?: (listOf<String>() to listOf<String>())
    val e = fields(v, listOf("kind", "date") + required, optional)
    val d = text(e["date"])
    return when (kind) {
        "imported" -> MemberEvent.Imported(d, named<Stage>(e["stage"]))
        "application" -> MemberEvent.Application(d)
        "talk" -> MemberEvent.Talk(d)
        "activist" -> MemberEvent.Activist(d, named<Recommendation>(e["recommended_by"]), optText(e["filed_on"]))
        "contacts" -> MemberEvent.Contacts(d, items(e["contacts"], ::text))
        "half_year_review" -> MemberEvent.HalfYearReview(d)
        "development_target" -> MemberEvent.DevelopmentTarget(d, optText(e["higher_approval_on"]))
        "sponsors" -> MemberEvent.Sponsors(d, items(e["sponsors"], ::text))
        "political_review" -> MemberEvent.PoliticalReview(d, e["passed"]?.let(::flag) ?: true)
        "training" -> MemberEvent.Training(d, e["days"]?.let(::count) ?: 0u, e["class_hours"]?.let(::count) ?: 0u)
        "public_notice" -> MemberEvent.PublicNotice(
            d, text(e["closes_on"]), e["stage"]?.let { named<NoticeStage>(it) } ?: NoticeStage.DEVELOPMENT_TARGET,
            items(e["objections"] ?: listOf<Any?>(), ::objectionFrom),
        )
        "committee_review" -> MemberEvent.CommitteeReview(d)
        "pre_review" -> MemberEvent.PreReview(d)
        "branch_vote" -> MemberEvent.BranchVote(d, voteFrom(e["vote"]))
        "interview" -> MemberEvent.Interview(d)
        "approval" -> MemberEvent.Approval(d, optText(e["reason"]))
        "oath" -> MemberEvent.Oath(d)
        "probation_extended" -> MemberEvent.ProbationExtended(d, count(e["months"]))
        "probation_cancelled" -> MemberEvent.ProbationCancelled(d)
        "conversion" -> MemberEvent.Conversion(d)
        "sanction" -> MemberEvent.Sanction(d, named<SanctionKind>(e["sanction"]), e["years"]?.let(::count))
        "sanction_extended" -> MemberEvent.SanctionExtended(d)
        "rights_restored" -> MemberEvent.RightsRestored(d)
        "suspended" -> MemberEvent.Suspended(d)
        "reinstated" -> MemberEvent.Reinstated(d)
        "removed" -> MemberEvent.Removed(d, named<RemovalKind>(e["how"]))
        "lost_contact" -> MemberEvent.LostContact(d)
        "contact_restored" -> MemberEvent.ContactRestored(d)
        "transfer_out" -> MemberEvent.TransferOut(d, text(e["to_org"]), e["same_city"]?.let(::flag) ?: false)
        "transfer_in" -> MemberEvent.TransferIn(d, text(e["from_org"]))
        "away" -> MemberEvent.Away(d, optText(e["place"]))
        "returned" -> MemberEvent.Returned(d)
        "graduated" -> MemberEvent.Graduated(d)
        "excused" -> MemberEvent.Excused(d, text(e["until"]), text(e["reason"]))
        else -> throw NotTyped("event kind \"$kind\"")
    }
}

private fun voteFrom(v: Any?): Vote {
    val m = fields(v, listOf("entitled", "present", "yes", "no", "abstain"), listOf("written", "secret_ballot"))
    return Vote(
        count(m["entitled"]), count(m["present"]), count(m["yes"]), count(m["no"]), count(m["abstain"]),
        m["written"]?.let(::count) ?: 0u, m["secret_ballot"]?.let(::flag),
    )
}

private fun objectionFrom(v: Any?): Objection {
    val m = fields(v, listOf("by", "at", "content"), listOf("decision"))
    val decision = m["decision"]?.let {
        val x = fields(it, listOf("upheld", "reason", "by", "at"))
        ObjectionDecision(flag(x["upheld"]), text(x["reason"]), text(x["by"]), text(x["at"]))
    }
    return Objection(text(m["by"]), text(m["at"]), text(m["content"]), decision)
}

fun memberRecordFrom(v: Any?): MemberRecord {
    val m = fields(v, listOf("id", "name", "birth_date", "org"), listOf("id_number", "events"))
    return MemberRecord(
        text(m["id"]), text(m["name"]), text(m["birth_date"]), text(m["org"]), optText(m["id_number"]),
        items(m["events"] ?: listOf<Any?>(), ::memberEventFrom),
    )
}

fun meetingFrom(v: Any?): Meeting {
    val m = fields(v, listOf("id", "kind", "date", "org"), listOf("attendees", "absent_with_leave", "absent_without_leave", "lecturer"))
    return Meeting(
        text(m["id"]), named<MeetingKind>(m["kind"]), text(m["date"]), text(m["org"]),
        items(m["attendees"] ?: listOf<Any?>(), ::text), items(m["absent_with_leave"] ?: listOf<Any?>(), ::text),
        items(m["absent_without_leave"] ?: listOf<Any?>(), ::text), optText(m["lecturer"]),
    )
}

private fun orgFrom(v: Any?): Org {
    val m = fields(v, listOf("id", "kind"), listOf("parent"))
    return Org(text(m["id"]), optText(m["parent"]), named<OrgKind>(m["kind"]))
}

private fun detailsFrom(v: Any?): OrgDetails {
    val m = fields(v, listOf("org"), listOf("name", "units", "committee", "approved_below_minimum"))
    val committee = m["committee"]?.let {
        val c = fields(it, listOf("elected_on", "size"))
        CommitteeInfo(text(c["elected_on"]), count(c["size"]))
    }
    return OrgDetails(
        text(m["org"]), optText(m["name"]), m["units"]?.let(::count), committee,
        m["approved_below_minimum"]?.let(::flag) ?: false,
    )
}

private fun electionFrom(v: Any?): Election {
    val m = fields(v, listOf("id", "org", "date", "present"), listOf("entitled", "voters", "candidates"))
    val candidates = items(m["candidates"] ?: listOf<Any?>()) {
        val c = fields(it, listOf("id", "votes"))
        Candidate(text(c["id"]), count(c["votes"]))
    }
    return Election(
        text(m["id"]), text(m["org"]), text(m["date"]), m["entitled"]?.let(::count), count(m["present"]),
        m["voters"]?.let { items(it, ::text) }, candidates,
    )
}

private fun roundFrom(v: Any?): ReviewRound {
    val m = fields(v, listOf("org", "year", "date"), listOf("ratings"))
    val ratings = items(m["ratings"] ?: listOf<Any?>()) {
        val r = fields(it, listOf("member"), listOf("rating"))
        MemberRating(text(r["member"]), r["rating"]?.let { x -> named<ReviewRating>(x) })
    }
    val year = (m["year"] as? BigDecimal ?: throw NotTyped("not a year: ${m["year"]}")).intValueExact()
    return ReviewRound(text(m["org"]), year, text(m["date"]), ratings)
}

fun orgDocumentFrom(v: Any?): OrgDocument {
    val m = fields(v, listOf("orgs"), listOf("details", "members", "meetings", "elections", "reviews", "period"))
    val period = m["period"]?.let {
        val p = fields(it, listOf("from", "to"))
        DateRange(text(p["from"]), text(p["to"]))
    }
    fun <T> all(key: String, f: (Any?) -> T) = items(m[key] ?: listOf<Any?>(), f)
    return OrgDocument(
        items(m["orgs"], ::orgFrom), all("details", ::detailsFrom), all("members", ::memberRecordFrom),
        all("meetings", ::meetingFrom), all("elections", ::electionFrom), all("reviews", ::roundFrom), period,
    )
}

/** camelCase → snake_case (`messageZh` → `message_zh`): a field's name in JSON. */
private fun snake(name: String): String = name.replace(Regex("([A-Z])")) { "_" + it.value.lowercase() }

/**
 * A typed result as the JSON value the core would write: records as objects (their fields under their JSON
 * names, null fields left out as the core omits them), enums as their snake_case names, decimals as strings,
 * counts as numbers.
 */
fun plainJson(v: Any?): Any? = if (v == null) null else when (v) {
    is String, is Boolean -> v
    is BigDecimal -> v.toPlainString()
    is UInt -> BigDecimal(v.toLong())
    is Number -> BigDecimal(v.toString())
    is Enum<*> -> v.name.lowercase()
    is List<*> -> v.map(::plainJson)
    else -> v.javaClass.declaredFields
        .filter { !Modifier.isStatic(it.modifiers) }
        .mapNotNull { f ->
            f.isAccessible = true
            f.get(v)?.let { snake(f.name) to plainJson(it) }
        }
        .toMap()
}
