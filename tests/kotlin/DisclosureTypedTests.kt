// The typed disclosure workflow from Kotlin (disclosureCreateItem, disclosureApplyAction,
// disclosureAllowedActions with the core's own records): the first case of tests/vectors/disclosure/workflow.json
// ("the whole procedure") step by step, the actions each person may take at each step worked by hand from
// 条例 第十五条 and the case's roles, and the refusals with their codes and fields. Registered in Main.kt.
package cn.dangjian.tests

import cn.dangjian.Policy
import cn.dangjian.disclosureAllowedActions
import cn.dangjian.disclosureApplyAction
import cn.dangjian.disclosureCreateItem
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
