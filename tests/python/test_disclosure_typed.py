"""Python tests of the typed disclosure calls (the core's own records, module dangjian_types).

- The workflow (disclosure_create_item, disclosure_apply_action, disclosure_allowed_actions): every case of
  tests/vectors/disclosure/workflow.json built as typed records and run step by step (status, number of
  versions, log entries, or the first refused step with its code and field), each accepted action listed by
  disclosure_allowed_actions for its actor; and the first case ("the whole procedure") with the actions each
  person may take at each step worked by hand from 条例 第十五条 and the case's roles.
- Beyond it: every visible, board, deadlines, catalogue, notice, notice_error, redact and audit_verify vector
  with its documents built as typed records (`typed`, from the records' own field types) through
  disclosure_item_visible, disclosure_visible_items, disclosure_board_entries, disclosure_deadlines,
  disclosure_periodic_dues, disclosure_notice_report, disclosure_scan, disclosure_preview_redaction and
  disclosure_verify_log, the result put in the shape of `expect` (`plain`) and compared."""

import decimal
import enum
import json
import typing
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


WITH_FIELDS = {djt.DisclosureCategory: category, djt.Channel: channel, djt.Scope: scope}


def kind_of(doc):
    return getattr(K, doc["action"].upper())


def typed(tp, doc):
    """A vector's document as the record, enum or list `tp` (read from the generated constructors' field
    types, so a field the document leaves out gets the core's default: None, [], False or "")."""
    origin = typing.get_origin(tp)
    if origin is typing.Union:
        inner = next(a for a in typing.get_args(tp) if a is not type(None))
        return None if doc is None else typed(inner, doc)
    if origin is list:
        return [typed(typing.get_args(tp)[0], d) for d in doc]
    if tp in (str, int, bool):
        return doc
    if tp is decimal.Decimal:
        return decimal.Decimal(doc)
    if tp in WITH_FIELDS:
        return WITH_FIELDS[tp](doc)
    if issubclass(tp, enum.Enum):
        return tp[doc.upper()]
    hints = typing.get_type_hints(tp.__init__, vars(djt))
    hints.pop("return", None)
    blank = {list: [], bool: False, str: ""}
    fields = {}
    for name, t in hints.items():
        key = name.lstrip("_")
        if key in doc:
            fields[name] = typed(t, doc[key])
        else:
            fields[name] = None if typing.get_origin(t) is typing.Union else blank[typing.get_origin(t) or t]
    return tp(**fields)


def plain(value):
    """A typed result as the core writes it in JSON: enums by their snake_case names, absent fields left out."""
    if isinstance(value, enum.Enum):
        return value.name.lower()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return {k.lstrip("_"): plain(v) for k, v in vars(value).items() if v is not None}


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



def vector_cases(*kinds):
    files = sorted((VECTORS / "disclosure").glob("*.json"))
    cases = [c for f in files for c in json.loads(f.read_text(encoding="utf-8"))["cases"]]
    return [c for c in cases if c["kind"] in kinds]


def codes_of(findings):
    return [f.code for f in findings]


class TypedVectorTest(unittest.TestCase):
    """The disclosure vectors beyond the workflow through the typed calls."""

    def each(self, *kinds):
        cases = vector_cases(*kinds)
        self.assertTrue(cases, kinds)
        for case in cases:
            with self.subTest(case["name"]):
                got = self.run_case(case, policy_of(case), case.get("on", ""))
                self.assertEqual({k: got.get(k) for k in case["expect"]}, case["expect"])

    def run_case(self, case, policy, on):
        kind, cal = case["kind"], dj.Calendar.official()
        items = [typed(djt.DisclosureItem, i) for i in case.get("items", [])]
        if kind == "visible":
            args = context(case["context"]), typed(djt.Viewer, case["viewer"]), typed(djt.DisclosureItem, case["item"])
            return {"visible": dj.disclosure_item_visible(*args, on)}
        if kind == "board":
            ctx, viewer = context(case["context"]), typed(djt.Viewer, case["viewer"])
            return {"entries": plain(dj.disclosure_board_entries(policy, ctx, viewer, items, on)),
                    "ids": [i.id for i in dj.disclosure_visible_items(ctx, viewer, items, on)]}
        if kind == "deadlines":
            a = dj.disclosure_deadlines(policy, cal, typed(djt.DisclosureItem, case["item"]), on)
            rows = [{"kind": d.kind, "due_on": d.due_on, "overdue": d.overdue} for d in a.value]
            return {"deadlines": rows, "codes": codes_of(a.findings)}
        if kind == "catalogue":
            a = dj.disclosure_periodic_dues(policy, cal, typed(djt.Catalogue, case["catalogue"]), items, on)
            rows = [{k: plain(getattr(d, k)) for k in ("code", "period", "due_on", "status")} for d in a.value]
            return {"dues": rows, "codes": codes_of(a.findings)}
        if kind == "notice":
            r = dj.disclosure_notice_report(policy, cal, typed(djt.PublicNotice, case["notice"]), on)
            return {**plain(r), "codes": codes_of(r.findings)}
        if kind == "notice_error":
            with self.assertRaises(djt.DangjianError.InvalidInput) as e:
                dj.disclosure_notice_report(policy, cal, typed(djt.PublicNotice, case["notice"]), on)
            return error_view(e.exception)
        if kind == "redact":
            return self.redact(case, policy)
        return plain(dj.disclosure_verify_log(typed(djt.AuditLog, case["log"]), None))

    def redact(self, case, policy):
        """The preview of an item to society carrying the text; without policy overrides, scan and mask too."""
        text = case["text"]
        item = djt.DisclosureItem(
            schema_version=1, id="V", org="B1", title="vector", body=text, category=djt.DisclosureCategory.SERVICE(),
            scope=djt.Scope.TO_SOCIETY(), channels=[], planned_on=None, attachments=[], catalogue=None,
            created_by="P1", created_at="2026-03-02T09:00:00+08:00", status=djt.DisclosureStatus.REVIEWED,
            confidentiality_passed=None, review_extended=False, approval_org=None, published_at=None,
            withdrawal_reason=None, withdrawn_at=None, versions=[], history=[])
        p = dj.disclosure_preview_redaction(policy, item, "2026-03-03")
        got = {"masked": p.text, "kinds": [plain(f.kind) for f in p.found],
               "found": [{"kind": plain(f.kind), "start": f.start, "end": f.end} for f in p.found]}
        if "policy_overrides" not in case:
            found = dj.disclosure_scan(text)
            self.assertEqual([plain(f) for f in found], [plain(f) for f in p.found])
            self.assertEqual(dj.disclosure_mask(text), p.text)
        return got

    def test_visibility(self):
        self.each("visible")

    def test_board_and_visible_items(self):
        self.each("board")

    def test_deadlines_and_catalogue(self):
        self.each("deadlines", "catalogue")

    def test_notices(self):
        self.each("notice", "notice_error")

    def test_redaction(self):
        self.each("redact")

    def test_audit_verification(self):
        self.each("audit_verify")

    def test_dates_are_checked_and_the_dues_item_is_built(self):
        ctx, viewer = context(vector_cases("visible")[0]["context"]), djt.Viewer(person=None, memberships=[], posts=[])
        item = typed(djt.DisclosureItem, vector_cases("visible")[0]["item"])
        with self.assertRaises(djt.DangjianError.InvalidInput) as e:
            dj.disclosure_item_visible(ctx, viewer, item, "2026-02-30")
        self.assertEqual(error_view(e.exception), {"code": "INVALID_DATE", "field": "on"})
        # A year with nothing collected and one use of 320.00 yuan (the core's own example figures).
        summary = dj.summarize_dues([], djt.Period.YEAR(2025))
        uses = [djt.DuesUse(purpose="订阅学习资料", amount=decimal.Decimal("320.00"))]
        new = dj.disclosure_dues_item(summary, "B1", "DUES-2025", uses)
        self.assertEqual((new.id, new.org, new.title), ("DUES-2025", "B1", "2025年度党费收缴、使用和管理情况"))
        self.assertEqual(new.catalogue, djt.CatalogueRef(code="dues_annual", period="2025"))
        self.assertIn("320.00", new.body)
        with self.assertRaises(djt.DangjianError.InvalidInput) as e:
            dj.disclosure_dues_item(dj.summarize_dues([], djt.Period.MONTH("2025-11")), "B1", "D", [])
        self.assertEqual(e.exception.code, "NOT_ANNUAL_PERIOD")


if __name__ == "__main__":
    unittest.main()
