"""Python tests of the membership exports: every one called, documents as JSON strings, errors as typed
exceptions with their code and field."""

import json

import dangjian as dj
import dangjian_types as djt
from test_bindings import ErrorsAssert


def record(member_id, *events, birth="2000-01-01"):
    return {
        "id": member_id,
        "name": "甲",
        "birth_date": birth,
        "org": "B1",
        "events": [{"kind": kind, "date": date} for kind, date in events],
    }


def full_member(member_id):
    """A member who came in with full membership on 2015-07-01 (the roster's sponsors and contacts)."""
    return {
        "id": member_id,
        "name": "乙",
        "birth_date": "1980-01-01",
        "org": "B1",
        "events": [{"kind": "imported", "date": "2015-07-01", "stage": "full"}],
    }


class MembershipTest(ErrorsAssert):
    def setUp(self):
        self.policy = dj.Policy.bundled()
        self.cal = dj.Calendar.official()

    def test_check_member_applicant(self):
        r = json.loads(
            dj.membership_check_member(self.policy, self.cal, json.dumps(record("M1", ("application", "2024-01-10"))), "2024-01-20")
        )
        self.assertEqual((r["member_id"], r["stage"], r["since"]), ("M1", "applicant", "2024-01-10"))
        self.assertIsInstance(r["findings"], list)
        self.assertIsInstance(r["next_steps"], list)

    def test_check_member_errors_name_their_fields(self):
        bad = json.dumps(record("M1", ("joined", "2024-01-10")))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_RECORD_JSON", "events[0].kind",
                         lambda: dj.membership_check_member(self.policy, self.cal, bad, "2024-01-20"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_DATE", "on",
                         lambda: dj.membership_check_member(self.policy, self.cal, json.dumps(record("M1")), "2024-02-30"))

    def test_check_members_keeps_the_good_record(self):
        members = [
            record("A", ("application", "2024-01-10")),
            record("B", ("application", "2024-01-10"), ("joined_party", "2024-02-01")),
        ]
        out = json.loads(dj.membership_check_members(self.policy, self.cal, json.dumps({"members": members}), "2024-03-01"))
        self.assertEqual([(r["member_id"], r["stage"]) for r in out["reports"]], [("A", "applicant")])
        self.assertEqual(
            [(e["index"], e["member_id"], e["kind"], e["code"], e["field"]) for e in out["errors"]],
            [(1, "B", "invalid_input", "INVALID_RECORD_JSON", "events[1].kind")],
        )
        bare = json.loads(dj.membership_check_members(self.policy, self.cal, json.dumps(members), "2024-03-01"))
        self.assertEqual(len(bare["errors"]), 1)
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_RECORD_JSON", "",
                         lambda: dj.membership_check_members(self.policy, self.cal, "42", "2024-03-01"))

    def test_apply_appends(self):
        out = json.loads(dj.membership_apply_event(
            self.policy, self.cal, json.dumps(record("M1")), '{"kind":"application","date":"2024-01-10"}', "[]"))
        self.assertEqual([e["kind"] for e in out["events"]], ["application"])

    def test_apply_unreadable_event_and_roster(self):
        r = json.dumps(record("M1"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_EVENT_JSON", "event.kind",
                         lambda: dj.membership_apply_event(self.policy, self.cal, r, '{"kind":"nap","date":"2024-01-10"}', "[]"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_RECORD_JSON", "roster[0].name",
                         lambda: dj.membership_apply_event(self.policy, self.cal, r, '{"kind":"application","date":"2024-01-10"}', '[{"id":"X"}]'))

    def test_apply_refuses_an_event_out_of_order(self):
        r = json.dumps(record("M1", ("application", "2024-01-10"), ("talk", "2024-01-20")))
        roster = json.dumps([full_member("S1")])
        self.assertCoded(djt.DangjianError.InvalidInput, "EVENT_OUT_OF_ORDER", "event.date",
                         lambda: dj.membership_apply_event(self.policy, self.cal, r, '{"kind":"talk","date":"2024-01-15"}', roster))

    def test_rights(self):
        full = json.loads(dj.membership_rights(self.policy, json.dumps(full_member("S1")), "2026-01-01"))
        self.assertEqual({k: full[k] for k in ("may_vote", "may_elect", "may_be_elected", "may_sponsor")},
                         {"may_vote": True, "may_elect": True, "may_be_elected": True, "may_sponsor": True})
        self.assertEqual(full["stage"], "full")
        probationary = {
            "id": "P1", "name": "丙", "birth_date": "1995-01-01", "org": "B1",
            "events": [{"kind": "imported", "date": "2025-06-01", "stage": "probationary"}],
        }
        r = json.loads(dj.membership_rights(self.policy, json.dumps(probationary), "2026-01-01"))
        self.assertEqual([r["may_vote"], r["may_elect"], r["may_be_elected"], r["may_sponsor"]], [False] * 4)
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_DATE", "on",
                         lambda: dj.membership_rights(self.policy, json.dumps(full_member("S1")), "2026-13-01"))

    def test_validate_id_number(self):
        self.assertIsNone(dj.membership_validate_id_number("11010519491231002X", "1949-12-31"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_ID_NUMBER", "id_number",
                         lambda: dj.membership_validate_id_number("110105194912310021", "1949-12-31"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_DATE", "birth_date",
                         lambda: dj.membership_validate_id_number("11010519491231002X", "1949-13-31"))

    def test_check_orgs(self):
        r = json.loads(dj.membership_check_orgs(self.policy, '{"orgs":[{"id":"B1","kind":"branch"}]}', "2026-01-01"))
        self.assertIsInstance(r["findings"], list)
        self.assertTrue(all(isinstance(f["code"], str) for f in r["findings"]), r)
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_ORG_JSON", "orgs[0].kind",
                         lambda: dj.membership_check_orgs(self.policy, '{"orgs":[{"id":"B1","kind":"castle"}]}', "2026-01-01"))
