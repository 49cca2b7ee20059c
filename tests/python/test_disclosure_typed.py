"""Python tests of the typed disclosure workflow (disclosure_create_item, disclosure_apply_action,
disclosure_allowed_actions with the core's own records, module dangjian_types): every case of
tests/vectors/disclosure/workflow.json built as typed records and run step by step (status, number of
versions, log entries, or the first refused step with its code and field), each accepted action listed by
disclosure_allowed_actions for its actor; and the first case ("the whole procedure") with the actions each
person may take at each step worked by hand from 条例 第十五条 and the case's roles."""

import json
import unittest

import dangjian as dj
import dangjian_types as djt
from vectorlib import VECTORS, error_view, policy_of

K = djt.DisclosureActionKind


def category(doc):
    if isinstance(doc, dict):
        return djt.DisclosureCategory.CUSTOM(doc["custom"])
    return getattr(djt.DisclosureCategory, doc.upper())()


def channel(doc):
    if isinstance(doc, dict):
        return djt.Channel.OTHER(doc["other"])
    return getattr(djt.Channel, doc.upper())()


def scope(doc):
    fields = {k: v for k, v in doc.items() if k != "kind"}
    if doc["kind"] == "organizations":
        fields.setdefault("include_descendants", False)
    return getattr(djt.Scope, doc["kind"].upper())(**fields)


def context(doc):
    orgs = [djt.Org(id=o["id"], parent=o.get("parent"), kind=getattr(djt.OrgKind, o["kind"].upper()))
            for o in doc["orgs"]]
    roles = [djt.RoleAssignment(person=r["person"], org=r["org"], role=getattr(djt.DisclosureRole, r["role"].upper()))
             for r in doc.get("roles", [])]
    return djt.DisclosureContext(orgs=orgs, roles=roles)


def new_item(doc):
    extra = {}
    if "channels" in doc:
        extra["channels"] = [channel(c) for c in doc["channels"]]
    if "planned_on" in doc:
        extra["planned_on"] = doc["planned_on"]
    if "catalogue" in doc:
        extra["catalogue"] = djt.CatalogueRef(**doc["catalogue"])
    return djt.NewItem(id=doc["id"], org=doc["org"], title=doc["title"], body=doc["body"],
                       category=category(doc["category"]), scope=scope(doc["scope"]), **extra)


# The fields each action carries besides actor, at and comment, with the values a document may leave out.
OPTIONAL = {
    "edit": {"title": None, "body": None, "scope": None, "channels": None, "planned_on": None},
    "correct": {"title": None},
}


def action(doc):
    fields = dict(OPTIONAL.get(doc["action"], {}))
    fields.update({k: v for k, v in doc.items() if k != "action"})
    fields.setdefault("comment", "")
    if fields.get("scope") is not None:
        fields["scope"] = scope(fields["scope"])
    if fields.get("channels") is not None:
        fields["channels"] = [channel(c) for c in fields["channels"]]
    return getattr(djt.DisclosureAction, doc["action"].upper())(**fields)


def kind_of(doc):
    return getattr(K, doc["action"].upper())


def workflow_cases():
    doc = json.loads((VECTORS / "disclosure" / "workflow.json").read_text(encoding="utf-8"))
    return [c for c in doc["cases"] if c["kind"] == "workflow"]


class DisclosureTypedTest(unittest.TestCase):
    def test_every_workflow_vector_through_the_typed_calls(self):
        cases = workflow_cases()
        self.assertGreaterEqual(len(cases), 10)
        for case in cases:
            with self.subTest(case["name"]):
                policy, ctx = policy_of(case), context(case["context"])
                created = dj.disclosure_create_item(ctx, new_item(case["new_item"]), case["actor"], case["at"])
                item, entries, got = created.item, 1, None
                for step, a in enumerate(case["actions"]):
                    try:
                        applied = dj.disclosure_apply_action(policy, ctx, item, action(a))
                    except djt.DangjianError.InvalidInput as e:
                        got = {"error": {"step": step, **error_view(e)}}
                        break
                    allowed = dj.disclosure_allowed_actions(policy, ctx, item, a["actor"], a["at"])
                    self.assertIn(kind_of(a), allowed, f"step {step}")
                    item, entries = applied.item, entries + 1
                expect = case["expect"]
                if got is None:
                    got = {"status": item.status.name.lower(), "version": len(item.versions), "log_entries": entries}
                self.assertEqual({k: got.get(k) for k in expect}, expect)

    def test_the_whole_procedure_worked_by_hand(self):
        case = workflow_cases()[0]
        self.assertEqual(case["name"], "workflow: the whole procedure")
        policy, ctx = dj.Policy.bundled(), context(case["context"])
        item = dj.disclosure_create_item(ctx, new_item(case["new_item"]), "P1", case["at"]).item
        expected = [
            # Draft: only the proposer edits or proposes.
            {"P1": [K.EDIT, K.PROPOSE], "S1": [], "CA": []},
            # Proposed, no 保密审查 yet: review waits; reviewers and the approvers at B1 may reject.
            {"S1": [K.CONFIDENTIALITY_REVIEW, K.REJECT], "R1": [K.EXTEND_REVIEW, K.REJECT], "A1": [K.REJECT], "CA": []},
            {"R1": [K.EXTEND_REVIEW, K.REVIEW, K.REJECT], "S1": [K.REJECT]},
            # Reviewed: P1 proposed it and may not approve it (separation of duties); A1 may.
            {"A1": [K.REJECT, K.ESCALATE, K.APPROVE], "P1": [K.REJECT, K.ESCALATE], "CA": []},
            {"P1": [K.PUBLISH, K.WITHDRAW], "R1": []},
        ]
        for a, allowed in zip(case["actions"], expected):
            for who, kinds in allowed.items():
                self.assertEqual(dj.disclosure_allowed_actions(policy, ctx, item, who, a["at"]), kinds, f"{who} {item.status}")
            item = dj.disclosure_apply_action(policy, ctx, item, action(a)).item
        self.assertEqual(item.status, djt.DisclosureStatus.PUBLISHED)
        self.assertEqual(dj.disclosure_allowed_actions(policy, ctx, item, "A1", "2026-03-05T09:00:00+08:00"),
                         [K.CORRECT, K.WITHDRAW, K.ARCHIVE])

    def test_refusals_carry_code_and_field(self):
        case = workflow_cases()[0]
        policy, ctx = dj.Policy.bundled(), context(case["context"])
        draft = dj.disclosure_create_item(ctx, new_item(case["new_item"]), "P1", case["at"]).item
        approve = djt.DisclosureAction.APPROVE(actor="A1", at="2026-03-02T10:00:00+08:00", comment="")
        with self.assertRaises(djt.DangjianError.InvalidInput) as e:
            dj.disclosure_apply_action(policy, ctx, draft, approve)
        self.assertEqual(error_view(e.exception), {"code": "ILLEGAL_TRANSITION", "field": "action"})
        with self.assertRaises(djt.DangjianError.InvalidInput) as e:
            dj.disclosure_allowed_actions(policy, ctx, draft, "P1", "2026-03-02 10:00")
        self.assertEqual(error_view(e.exception), {"code": "INVALID_TIME", "field": "at"})
        stray = djt.DisclosureContext(orgs=ctx.orgs, roles=[
            djt.RoleAssignment(person="P1", org="X9", role=djt.DisclosureRole.PROPOSER)])
        with self.assertRaises(djt.DangjianError.InvalidInput) as e:
            dj.disclosure_allowed_actions(policy, stray, draft, "P1", "2026-03-02T10:00:00+08:00")
        self.assertEqual(error_view(e.exception), {"code": "UNKNOWN_ORG", "field": "roles[0].org"})
        # A tree with an unknown parent does not cross.
        orphan = djt.DisclosureContext(orgs=[djt.Org(id="B1", parent="NOPE", kind=djt.OrgKind.BRANCH)], roles=[])
        with self.assertRaises(djt.DangjianError.InvalidInput) as e:
            dj.disclosure_allowed_actions(policy, orphan, draft, "P1", "2026-03-02T10:00:00+08:00")
        self.assertEqual(e.exception.code, "UNKNOWN_ORG")


if __name__ == "__main__":
    unittest.main()
