// The typed disclosure calls from Kotlin, with the core's own records. The workflow (disclosureCreateItem,
// disclosureApplyAction, disclosureAllowedActions): the first case of tests/vectors/disclosure/workflow.json
// ("the whole procedure") step by step, the actions each person may take at each step worked by hand from
// 条例 第十五条 and the case's roles, and the refusals with their codes and fields. Beyond it: the item of
// tests/vectors/disclosure/board_dated.json built by the typed workflow and viewed on its five dates
// (disclosureBoardEntries, disclosureVisibleItems, disclosureItemVisible), the officer's withdrawal record; the
// first notice, deadline and catalogue vectors (disclosureNoticeReport, disclosureDeadlines,
// disclosurePeriodicDues); redaction (disclosureScan, disclosurePreviewRedaction); the dues item; the typed
// AuditTrail and disclosureVerifyLog; appends at the head (disclosureAppendAtHead, disclosureApplyActionAtHead). Expected values are the vectors'. Registered in Main.kt.
package cn.dangjian.tests

import cn.dangjian.AuditTrail
import cn.dangjian.Calendar
import cn.dangjian.Policy
import cn.dangjian.disclosureAllowedActions
import cn.dangjian.disclosureAppendAtHead
import cn.dangjian.disclosureApplyAction
import cn.dangjian.disclosureApplyActionAtHead
import cn.dangjian.disclosureBoardEntries
import cn.dangjian.disclosureCreateItem
import cn.dangjian.disclosureDeadlines
import cn.dangjian.disclosureDuesItem
import cn.dangjian.disclosureItemVisible
import cn.dangjian.disclosureNoticeReport
import cn.dangjian.disclosurePeriodicDues
import cn.dangjian.disclosurePreviewRedaction
import cn.dangjian.disclosureScan
import cn.dangjian.disclosureVerifyLog
import cn.dangjian.disclosureVisibleItems
import cn.dangjian.summarizeDues
import cn.dangjian.types.AuditHead
import cn.dangjian.types.BoardEntry
import cn.dangjian.types.Catalogue
import cn.dangjian.types.CatalogueEntry
import cn.dangjian.types.CatalogueRef
import cn.dangjian.types.Correction
import cn.dangjian.types.DueStatus
import cn.dangjian.types.DuesUse
import cn.dangjian.types.Frequency
import cn.dangjian.types.MemberStatus
import cn.dangjian.types.Membership
import cn.dangjian.types.NoticeResult
import cn.dangjian.types.Period
import cn.dangjian.types.PersonalKind
import cn.dangjian.types.Post
import cn.dangjian.types.PublicNotice
import cn.dangjian.types.ScopeKind
import cn.dangjian.types.Viewer
import java.math.BigDecimal
import cn.dangjian.types.DangjianException
import cn.dangjian.types.DisclosureAction
import cn.dangjian.types.DisclosureActionKind
import cn.dangjian.types.DisclosureCategory
import cn.dangjian.types.DisclosureContext
import cn.dangjian.types.DisclosureItem
import cn.dangjian.types.DisclosureRole
import cn.dangjian.types.DisclosureStatus
import cn.dangjian.types.NewItem
import cn.dangjian.types.Org
import cn.dangjian.types.OrgKind
import cn.dangjian.types.RoleAssignment
import cn.dangjian.types.Scope

/** The vector's context: committee C1 over branches B1 and B2, group G1 under B1; the roles at B1 and C1. */
private fun vectorContext() = DisclosureContext(
    orgs = listOf(
        Org("C1", null, OrgKind.COMMITTEE),
        Org("B1", "C1", OrgKind.BRANCH),
        Org("B2", "C1", OrgKind.BRANCH),
        Org("G1", "B1", OrgKind.GROUP),
    ),
    roles = listOf(
        RoleAssignment("P1", "B1", DisclosureRole.PROPOSER),
        RoleAssignment("S1", "B1", DisclosureRole.CONFIDENTIALITY_REVIEWER),
        RoleAssignment("R1", "B1", DisclosureRole.REVIEWER),
        RoleAssignment("A1", "B1", DisclosureRole.APPROVER),
        RoleAssignment("P1", "B1", DisclosureRole.APPROVER),
        RoleAssignment("CA", "C1", DisclosureRole.APPROVER),
    ),
)

private fun newItem() = NewItem(
    id = "D1", org = "B1", title = "换届结果", body = "正文",
    category = DisclosureCategory.Organization, scope = Scope.Members("B1"),
)

fun disclosureTypedTests(h: Harness) {
    val policy = Policy.bundled()
    val ctx = vectorContext()
    fun invalid(body: () -> Unit): Map<String, Any?> = codeField(expectThrows<DangjianException.InvalidInput>(body))

    h.test("typed disclosure: the whole procedure (workflow.json case 1), allowed actions at each step") {
        val created = disclosureCreateItem(ctx, newItem(), "P1", "2026-03-02T09:00:00+08:00")
        checkEq(DisclosureStatus.DRAFT, created.item.status, "created")
        checkEq("create", created.event.action, "event")
        var item: DisclosureItem = created.item
        val steps: List<Pair<DisclosureAction, Map<String, List<DisclosureActionKind>>>> = listOf(
            // Draft: only the proposer edits or proposes.
            DisclosureAction.Propose("P1", "2026-03-02T10:00:00+08:00", "") to mapOf(
                "P1" to listOf(DisclosureActionKind.EDIT, DisclosureActionKind.PROPOSE), "S1" to listOf(), "CA" to listOf(),
            ),
            // Proposed, no 保密审查 yet: review waits; reviewers and the approvers at B1 may reject.
            DisclosureAction.ConfidentialityReview("S1", "2026-03-03T09:00:00+08:00", true, "") to mapOf(
                "S1" to listOf(DisclosureActionKind.CONFIDENTIALITY_REVIEW, DisclosureActionKind.REJECT),
                "R1" to listOf(DisclosureActionKind.EXTEND_REVIEW, DisclosureActionKind.REJECT),
                "A1" to listOf(DisclosureActionKind.REJECT), "CA" to listOf(),
            ),
            DisclosureAction.Review("R1", "2026-03-03T10:00:00+08:00", true, true, "") to mapOf(
                "R1" to listOf(DisclosureActionKind.EXTEND_REVIEW, DisclosureActionKind.REVIEW, DisclosureActionKind.REJECT),
            ),
            // Reviewed: P1 proposed it, so may not approve it (separation of duties); A1 may.
            DisclosureAction.Approve("A1", "2026-03-04T09:00:00+08:00", "") to mapOf(
                "A1" to listOf(DisclosureActionKind.REJECT, DisclosureActionKind.ESCALATE, DisclosureActionKind.APPROVE),
                "P1" to listOf(DisclosureActionKind.REJECT, DisclosureActionKind.ESCALATE),
            ),
            DisclosureAction.Publish("P1", "2026-03-04T15:00:00+08:00", "") to mapOf(
                "P1" to listOf(DisclosureActionKind.PUBLISH, DisclosureActionKind.WITHDRAW), "R1" to listOf(),
            ),
        )
        for ((action, allowed) in steps) {
            val at = when (action) {
                is DisclosureAction.Propose -> action.at
                is DisclosureAction.ConfidentialityReview -> action.at
                is DisclosureAction.Review -> action.at
                is DisclosureAction.Approve -> action.at
                is DisclosureAction.Publish -> action.at
                else -> error("unexpected $action")
            }
            for ((who, kinds) in allowed) {
                checkEq(kinds, disclosureAllowedActions(policy, ctx, item, who, at), "$who at ${item.status}")
            }
            item = disclosureApplyAction(policy, ctx, item, action).item
        }
        // The vector's expectation: published, one version (the audit log's 6 entries are the JSON harness's).
        checkEq(DisclosureStatus.PUBLISHED, item.status, "status")
        checkEq(1, item.versions.size, "versions")
        checkEq(5, item.history.size, "history")
        checkEq(
            listOf(DisclosureActionKind.CORRECT, DisclosureActionKind.WITHDRAW, DisclosureActionKind.ARCHIVE),
            disclosureAllowedActions(policy, ctx, item, "A1", "2026-03-05T09:00:00+08:00"),
            "published",
        )
    }

    h.test("typed disclosure: appends at the head give the entries a trail holding the whole log gives") {
        val created = disclosureCreateItem(ctx, newItem(), "P1", "2026-03-02T09:00:00+08:00")
        val trail = AuditTrail()
        trail.appendEvent(created.event)
        var out = disclosureAppendAtHead(AuditHead(0uL, "0".repeat(64), null), created.event)
        checkEq(null, out.item, "an event appends no item")
        val stored = out.entries.toMutableList()
        var head = out.head
        var item = created.item
        val steps = listOf(
            DisclosureAction.Propose("P1", "2026-03-02T10:00:00+08:00", ""),
            DisclosureAction.ConfidentialityReview("S1", "2026-03-03T09:00:00+08:00", true, ""),
        )
        for (action in steps) {
            out = disclosureApplyActionAtHead(policy, ctx, item, action, head)
            item = trail.applyAction(policy, ctx, item, action).item
            checkEq(item, out.item, "item after ${item.status}")
            stored += out.entries
            head = out.head
        }
        checkEq(trail.log().entries, stored, "entries")
        checkEq(trail.head(), head, "head")
        checkEq(mapOf("code" to "INVALID_AUDIT_HEAD_JSON", "field" to "hash"), invalid {
            disclosureAppendAtHead(AuditHead(1uL, "0".repeat(64), null), created.event)
        }, "an empty log's hash after one entry")
    }

    h.test("typed disclosure: refusals carry the core's code and field") {
        val draft = disclosureCreateItem(ctx, newItem(), "P1", "2026-03-02T09:00:00+08:00").item
        checkEq(mapOf("code" to "ILLEGAL_TRANSITION", "field" to "action"), invalid {
            disclosureApplyAction(policy, ctx, draft, DisclosureAction.Approve("A1", "2026-03-02T10:00:00+08:00", ""))
        }, "approve a draft")
        checkEq(mapOf("code" to "ROLE_REQUIRED", "field" to "actor"), invalid {
            disclosureCreateItem(ctx, newItem(), "R1", "2026-03-02T09:00:00+08:00")
        }, "a reviewer creates")
        checkEq(mapOf("code" to "INVALID_TIME", "field" to "at"), invalid {
            disclosureAllowedActions(policy, ctx, draft, "P1", "yesterday")
        }, "a time without offset")
        val stray = DisclosureContext(ctx.orgs, listOf(RoleAssignment("P1", "X9", DisclosureRole.PROPOSER)))
        checkEq(mapOf("code" to "UNKNOWN_ORG", "field" to "roles[0].org"), invalid {
            disclosureAllowedActions(policy, stray, draft, "P1", "2026-03-02T10:00:00+08:00")
        }, "a role at an unknown organization")
        // A tree with an unknown parent does not cross: refused as it is lifted.
        val orphan = DisclosureContext(listOf(Org("B1", "NOPE", OrgKind.BRANCH)), listOf())
        checkEq("UNKNOWN_ORG", invalid {
            disclosureAllowedActions(policy, orphan, draft, "P1", "2026-03-02T10:00:00+08:00")
        }["code"], "an org tree with an unknown parent")
    }
}

/** The item of board_dated.json, built by the typed workflow: published 4 March 15:00 (approved by CA at C1 after
 * an escalation), corrected 9 March 09:00, withdrawn 12 March 10:00. */
private fun boardItem(policy: Policy, ctx: DisclosureContext): DisclosureItem {
    val body = { day: Int -> "3月${day}日上午在幸福里社区开展志愿服务，联系电话13800138000。" }
    val new = NewItem("GK-1", "B1", "志愿服务活动通知", body(14), DisclosureCategory.Service, Scope.ToSociety)
    var item = disclosureCreateItem(ctx, new, "P1", "2026-03-02T09:00:00+08:00").item
    for (a in listOf(
        DisclosureAction.Propose("P1", "2026-03-02T10:00:00+08:00", ""),
        DisclosureAction.ConfidentialityReview("S1", "2026-03-03T09:00:00+08:00", true, ""),
        DisclosureAction.Review("R1", "2026-03-03T10:00:00+08:00", true, true, ""),
        DisclosureAction.Escalate("A1", "2026-03-03T11:00:00+08:00", "向社会公开，报机关党委审批"),
        DisclosureAction.Approve("CA", "2026-03-04T09:00:00+08:00", ""),
        DisclosureAction.Publish("P1", "2026-03-04T15:00:00+08:00", ""),
        DisclosureAction.Correct("A1", "2026-03-09T09:00:00+08:00", null, body(15), "更正：活动改在3月15日"),
        DisclosureAction.Withdraw("A1", "2026-03-12T10:00:00+08:00", "活动取消"),
    )) item = disclosureApplyAction(policy, ctx, item, a).item
    return item
}

fun disclosureBeyondWorkflowTests(h: Harness) {
    val policy = Policy.bundled()
    val cal = Calendar.official()
    val ctx = vectorContext()

    h.test("typed disclosure: the board of board_dated.json on its five dates, the officer's withdrawal record") {
        val item = boardItem(policy, ctx)
        val text = { day: Int -> "3月${day}日上午在幸福里社区开展志愿服务，联系电话138****8000。" }
        val published = "2026-03-04T15:00:00+08:00"
        val correction = Correction(2u, "2026-03-09T09:00:00+08:00", "2026-03-09", "更正：活动改在3月15日")
        val v1 = BoardEntry("GK-1", DisclosureStatus.PUBLISHED, 1u, "志愿服务活动通知", text(14), published, null, null)
        val v2 = BoardEntry("GK-1", DisclosureStatus.PUBLISHED, 2u, "志愿服务活动通知", text(15), published, correction, null)
        val public = Viewer()
        for ((on, expect) in listOf("2026-03-03" to listOf<BoardEntry>(), "2026-03-04" to listOf(v1), "2026-03-09" to listOf(v2),
                "2026-03-11" to listOf(v2), "2026-03-12" to listOf<BoardEntry>())) {
            checkEq(expect, disclosureBoardEntries(policy, ctx, public, listOf(item), on), "board on $on")
            checkEq(expect.map { it.id }, disclosureVisibleItems(ctx, public, listOf(item), on).map { it.id }, "visible items on $on")
            checkEq(expect.isNotEmpty(), disclosureItemVisible(ctx, public, item, on), "visible on $on")
        }
        // The officer of the committee above sees the withdrawal record (the bundled disclosure.withdrawal).
        val officer = Viewer("O1", listOf(Membership("C1", MemberStatus.FULL, "2010-07-01")), listOf(Post("C1", "2024-01-01")))
        val record = disclosureBoardEntries(policy, ctx, officer, listOf(item), "2026-03-13").single()
        checkEq(listOf(DisclosureStatus.WITHDRAWN, 2u, "2026-03-12", "活动取消"),
            listOf(record.status, record.version, record.withdrawn?.on, record.withdrawn?.reason), "withdrawal record")
        checkEq(listOf(), disclosureVisibleItems(ctx, officer, listOf(item), "2026-03-13"), "no longer visible")
        checkEq(mapOf("code" to "INVALID_DATE", "field" to "on"),
            codeField(expectThrows<DangjianException.InvalidInput> { disclosureItemVisible(ctx, public, item, "2026-02-30") }), "bad day")
    }

    h.test("typed disclosure: notice, deadlines and catalogue (the first vector of each)") {
        val notice = PublicNotice(id = "N1", subject = "拟发展对象公示", opensOn = "2026-02-12", closesOn = "2026-02-25")
        val r = disclosureNoticeReport(policy, cal, notice, "2026-02-26")
        checkEq(listOf(5u, "2026-02-25", NoticeResult.PASSED, listOf<String>()),
            listOf(r.workingDays, r.earliestClose, r.result, r.findings.map { it.code }), "notice")
        checkEq(NoticeResult.PENDING, disclosureNoticeReport(policy, cal, notice, "2026-02-25").result, "on its last day")
        checkEq(mapOf("code" to "INVALID_PERIOD", "field" to "closes_on"), codeField(expectThrows<DangjianException.InvalidInput> {
            disclosureNoticeReport(policy, cal, notice.copy(closesOn = "2026-02-11"), "2026-02-26")
        }), "closes before it opens")
        // Proposed 12 Feb 10:00: review due the 3rd working day after (13, make-up Saturday 14, 24).
        val draft = disclosureCreateItem(ctx, newItem(), "P1", "2026-02-12T09:00:00+08:00").item
        val proposed = disclosureApplyAction(policy, ctx, draft, DisclosureAction.Propose("P1", "2026-02-12T10:00:00+08:00", "")).item
        val d = disclosureDeadlines(policy, cal, proposed, "2026-02-25")
        checkEq(listOf("review", "2026-02-24", true), d.value.single().let { listOf(it.kind, it.dueOn, it.overdue) }, "deadline")
        checkEq(listOf("REVIEW_OVERDUE"), d.findings.map { it.code }, "deadline findings")
        val catalogue = Catalogue(org = "B1", since = "2025-01-01", withoutDefaults = true, entries = listOf(
            CatalogueEntry("dues_annual", "党费收缴使用情况", DisclosureCategory.Organization, ScopeKind.MEMBERS, Frequency.ANNUAL, 20u),
        ))
        val c = disclosurePeriodicDues(policy, cal, catalogue, listOf(), "2026-02-02")
        checkEq(listOf("dues_annual", "2025", "2026-01-29", DueStatus.OVERDUE),
            c.value.single().let { listOf(it.code, it.period, it.dueOn, it.status) }, "catalogue")
        checkEq(listOf("DISCLOSURE_OVERDUE"), c.findings.map { it.code }, "catalogue findings")
        checkEq(DueStatus.OPEN, disclosurePeriodicDues(policy, cal, catalogue, listOf(), "2026-01-29").value.single().status, "due day")
    }

    h.test("typed disclosure: scan, redaction preview, the dues item") {
        val found = disclosureScan("张三，11010519491231002X，13800138000")
        checkEq(listOf(PersonalKind.ID_NUMBER to "110105********002X", PersonalKind.MOBILE to "138****8000"),
            found.map { it.kind to it.masked }, "scan")
        checkEq(listOf(3u, 21u), listOf(found[0].start, found[0].end), "character offsets")
        val item = boardItem(policy, ctx)
        val p = disclosurePreviewRedaction(policy, item, "2026-03-13")
        checkEq(listOf(true, "3月15日上午在幸福里社区开展志愿服务，联系电话138****8000。"), listOf(p.masked, p.text), "preview")
        val summary = summarizeDues(listOf(), Period.Year(2025))
        val dues = disclosureDuesItem(summary, "B1", "DUES-2025", listOf(DuesUse("订阅学习资料", BigDecimal("320.00"))))
        checkEq(listOf("2025年度党费收缴、使用和管理情况", CatalogueRef("dues_annual", "2025")), listOf(dues.title, dues.catalogue), "dues item")
        checkEq(true, dues.body.contains("320.00"), "the use in the body")
        checkEq("NOT_ANNUAL_PERIOD", codeField(expectThrows<DangjianException.InvalidInput> {
            disclosureDuesItem(summarizeDues(listOf(), Period.Month("2025-11")), "B1", "D", listOf())
        })["code"], "a month's summary")
    }

    h.test("typed AuditTrail: appendEvent, applyAction, the log and head, disclosureVerifyLog") {
        val created = disclosureCreateItem(ctx, newItem(), "P1", "2026-03-02T09:00:00+08:00")
        val trail = AuditTrail()
        val first = trail.appendEvent(created.event)
        checkEq(listOf(0uL, "0".repeat(64)), listOf(first.seq, first.prevHash), "first entry")
        var item = created.item
        for (a in listOf(
            DisclosureAction.Propose("P1", "2026-03-02T10:00:00+08:00", ""),
            DisclosureAction.ConfidentialityReview("S1", "2026-03-03T09:00:00+08:00", true, ""),
            DisclosureAction.Review("R1", "2026-03-03T10:00:00+08:00", true, true, ""),
        )) item = trail.applyAction(policy, ctx, item, a).item
        checkEq(DisclosureStatus.REVIEWED, item.status, "status")
        val log = trail.log()
        checkEq(listOf(0uL, 1uL, 2uL, 3uL), log.entries.map { it.seq }, "seq")
        checkEq(log.entries.dropLast(1).map { it.hash }, log.entries.drop(1).map { it.prevHash }, "chained")
        checkEq(AuditHead(4uL, log.entries.last().hash, null), trail.head(), "head")
        checkEq("ILLEGAL_TRANSITION", codeField(expectThrows<DangjianException.InvalidInput> {
            trail.applyAction(policy, ctx, item, DisclosureAction.Publish("P1", "2026-03-04T15:00:00+08:00", ""))
        })["code"], "publish before approval")
        checkEq(4uL, trail.len(), "nothing appended")
        val v = disclosureVerifyLog(log, null)
        checkEq(listOf(true, 4uL, false), listOf(v.valid, v.entries, v.authenticated), "integrity")
        val forged = log.copy(entries = log.entries.mapIndexed { i, e -> if (i == 2) e.copy(event = e.event.copy(actor = "FORGER")) else e })
        val broken = disclosureVerifyLog(forged, null)
        checkEq(listOf(false, 2uL, "HASH_MISMATCH"), listOf(broken.valid, broken.firstBroken, broken.code), "edited actor")
    }
}
