"""Python tests of the credits and disclosure exports: every one called, documents as JSON strings, errors as
typed exceptions with their code and field."""

import json
import threading
import unittest

import dangjian as dj
import dangjian_types as djt
from test_bindings import ErrorsAssert
from test_vectors_disclosure import EMPTY_LOG, run_workflow


def login(event_id, hour, member="M1", activity="login"):
    return {"event_id": event_id, "member_id": member, "activity": activity, "occurred_at": f"2026-03-02T{hour:02d}:00:00+08:00"}


def by_id(entries):
    return {e["event_id"]: (e["points"], e["reason"]) for e in entries}


class CreditsSchemeTest(ErrorsAssert):
    def test_presets_and_round_trip(self):
        self.assertEqual(dj.CreditsScheme.learning_platform().name(), "learning_platform")
        mp = dj.CreditsScheme.member_points()
        self.assertEqual(mp.name(), "member_points")
        text = mp.to_json()
        self.assertEqual(json.loads(text)["schema_version"], 1)
        self.assertEqual(dj.CreditsScheme.from_json(text).to_json(), text)

    def test_bad_documents_are_coded(self):
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_SCHEME_JSON", "schema_version", lambda: dj.CreditsScheme.from_json("{}"))
        doc = json.loads(dj.CreditsScheme.learning_platform().to_json())
        doc["schema_version"] = 9
        self.assertCoded(djt.DangjianError.Policy, "UNSUPPORTED_SCHEMA_VERSION", "schema_version", lambda: dj.CreditsScheme.from_json(json.dumps(doc)))


class CreditsScorerTest(ErrorsAssert):
    def setUp(self):
        self.scorer = dj.CreditsScorer(dj.CreditsScheme.learning_platform())

    def test_a_late_event_rescores_the_later_one(self):
        s = self.scorer
        self.assertTrue(s.is_empty())
        first = json.loads(s.ingest_json(json.dumps([login("b", 9)])))
        self.assertEqual(by_id(first["changed"]), {"b": (1, "SCORED")})
        late = json.loads(s.ingest_json(json.dumps([login("a", 8)])))
        self.assertEqual(by_id(late["changed"]), {"a": (1, "SCORED"), "b": (0, "CAP_REACHED")})
        self.assertEqual((late["duplicates"], late["errors"]), ([], []))
        self.assertEqual(s.len(), 2)
        self.assertFalse(s.is_empty())
        self.assertEqual([e["event_id"] for e in json.loads(s.ledger_json())], ["a", "b"])
        day = [t for t in json.loads(s.totals_json()) if t["kind"] == "day"]
        self.assertEqual(day, [{"member_id": "M1", "kind": "day", "period": "2026-03-02", "points": 1, "score": 1}])
        self.assertEqual(json.loads(s.entry_json("b"))["reason"], "CAP_REACHED")
        self.assertIsNone(s.entry_json("zzz"))
        steps = json.loads(s.explain("b"))["steps"]
        self.assertEqual(steps[-1]["value"], "CAP_REACHED")
        self.assertIsNone(s.explain("zzz"))
        self.assertEqual(s.scheme().name(), "learning_platform")

    def test_duplicates_and_per_event_errors(self):
        s = self.scorer
        s.ingest_json(json.dumps([login("a", 8)]))
        bad = {"event_id": "x", "member_id": "M1"}
        out = json.loads(s.ingest_json(json.dumps([login("a", 8), bad, login("n", 9, activity="nap")])))
        self.assertEqual(out["duplicates"], ["a"])
        self.assertEqual(
            [(e["index"], e["event_id"], e["code"], e["field"]) for e in out["errors"]],
            [(1, "x", "INVALID_EVENT_JSON", "activity"), (2, "n", "UNKNOWN_ACTIVITY", "activity")],
        )
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_EVENTS_JSON", "", lambda: s.ingest_json("{}"))

    def test_void_and_offences(self):
        s = self.scorer
        s.ingest_json(json.dumps([login("a", 8), login("b", 9)]))
        out = json.loads(s.void_events(["a", "nope"]))
        self.assertEqual(by_id(out["changed"]), {"a": (0, "VOIDED"), "b": (1, "SCORED")})
        self.assertEqual([(e["index"], e["code"], e["field"]) for e in out["errors"]], [(1, "UNKNOWN_EVENT", "event_id")])
        s.ingest_json(json.dumps([{**login("c", 7), "occurred_at": "2026-03-03T07:00:00+08:00"}]))
        offence = [{"offence_id": "o1", "member_id": "M1", "decided_at": "2026-03-02T12:00:00+08:00"}]
        out = json.loads(s.record_offences_json(json.dumps(offence)))
        self.assertEqual(by_id(out["changed"])["c"], (0, "SUSPENDED"))
        bad = [{"offence_id": "o2", "member_id": "M1", "decided_at": "yesterday"}]
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_OFFENCES_JSON", "[0].decided_at", lambda: s.record_offences_json(json.dumps(bad)))

    def test_close_through(self):
        s = self.scorer
        self.assertIsNone(s.closed_through())
        s.ingest_json(json.dumps([login("d1", 8), {**login("d2", 8), "occurred_at": "2026-03-03T08:00:00+08:00"}]))
        closed = json.loads(s.close_through("2026-03-02"))
        self.assertEqual((closed["through"], [e["event_id"] for e in closed["entries"]], closed["open"]), ("2026-03-02", ["d1"], 1))
        self.assertEqual(s.closed_through(), "2026-03-02")
        self.assertIsNone(s.entry_json("d1"))
        self.assertEqual(json.loads(s.close_through("2026-03-01"))["entries"], [])
        # 23:59:59 in China on the closed day is refused; 16:00Z is already 3 March there.
        late = json.loads(s.ingest_json(json.dumps([
            {**login("x", 8), "occurred_at": "2026-03-02T23:59:59+08:00"},
            {**login("y", 8, member="M2"), "occurred_at": "2026-03-02T16:00:00Z"},
        ])))
        self.assertEqual([(e["index"], e["code"], e["field"]) for e in late["errors"]], [(0, "PERIOD_CLOSED", "occurred_at")])
        self.assertEqual([e["event_id"] for e in late["changed"]], ["y"])
        month = [t["points"] for t in json.loads(s.totals_json()) if t["kind"] == "month" and t["member_id"] == "M1"]
        self.assertEqual(month, [2])
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_DATE", "through", lambda: s.close_through("2026-02-30"))

    def test_shared_between_threads(self):
        s = self.scorer
        threads = [
            threading.Thread(target=s.ingest_json, args=(json.dumps([login(f"e{i}", 8, member=f"M{i}")]),)) for i in range(8)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(s.len(), 8)
        self.assertEqual({e["points"] for e in json.loads(s.ledger_json())}, {1})


# 2026-03-02T07:00:00+08:00 in ns since the epoch.
T0 = 1_772_406_000_000_000_000


def reading_columns(**changes):
    """The core's own example (core/src/credits/columns.rs): two reading-time rows of M1, 10 minutes apart."""
    fields = dict(
        event_id_bytes="r1r2", event_id_offsets=[0, 2, 4],
        member_ids=["M1"], members=[0, 0],
        activity_codes=["reading_time"], activities=[0, 0],
        occurred_at_ns=[T0, T0 + 600_000_000_000],
        duration_seconds=[300, 150],
    )
    fields.update(changes)
    return dj.CreditsColumns(**fields)


READING_EVENTS = [
    {"event_id": "r1", "member_id": "M1", "activity": "reading_time", "occurred_at": "2026-03-02T07:00:00+08:00", "duration_seconds": 300},
    {"event_id": "r2", "member_id": "M1", "activity": "reading_time", "occurred_at": "2026-03-02T07:10:00+08:00", "duration_seconds": 150},
]


class CreditsColumnsTest(ErrorsAssert):
    def test_columns_give_the_document_ingest_json_gives(self):
        by_cols = dj.CreditsScorer(dj.CreditsScheme.learning_platform())
        by_json = dj.CreditsScorer(dj.CreditsScheme.learning_platform())
        out = by_cols.ingest_columns(reading_columns())
        self.assertEqual(out, by_json.ingest_json(json.dumps(READING_EVENTS)))
        # 2022 rules: 1 point a full minute, at most 6 a day: 5 minutes -> 5; then 2.5 minutes -> 2, 1 left under the cap.
        self.assertEqual(by_id(json.loads(out)["changed"]), {"r1": (5, "SCORED"), "r2": (1, "CAP_REACHED")})
        self.assertEqual(by_cols.ledger_json(), by_json.ledger_json())
        self.assertEqual(json.loads(by_cols.ingest_columns(reading_columns()))["duplicates"], ["r1", "r2"])

    def test_optional_columns_and_refused_rows(self):
        cols = reading_columns(
            event_id_bytes="党r1x", event_id_offsets=[0, 5, 6], member_ids=["M1", "M2"], members=[1, 0],
            activity_codes=["article", "nap"], activities=[0, 1], occurred_at_ns=[T0, T0],
            offset_seconds=[0, 28800], content_ids=["c1"], contents=[0, 2**32 - 1], duration_seconds=[60, None],
        )
        events = [
            {"event_id": "党r1", "member_id": "M2", "activity": "article", "occurred_at": "2026-03-01T23:00:00+00:00", "content_id": "c1",
             "duration_seconds": 60},
            {"event_id": "x", "member_id": "M1", "activity": "nap", "occurred_at": "2026-03-02T07:00:00+08:00"},
        ]
        out = dj.CreditsScorer(dj.CreditsScheme.learning_platform()).ingest_columns(cols)
        self.assertEqual(out, dj.CreditsScorer(dj.CreditsScheme.learning_platform()).ingest_json(json.dumps(events, ensure_ascii=False)))
        doc = json.loads(out)
        self.assertEqual([(e["event_id"], e["day"]) for e in doc["changed"]], [("党r1", "2026-03-02")])
        self.assertEqual([(e["index"], e["event_id"], e["code"], e["field"]) for e in doc["errors"]], [(1, "x", "UNKNOWN_ACTIVITY", "activity")])

    def test_a_malformed_batch_is_invalid_columns_and_changes_nothing(self):
        s = dj.CreditsScorer(dj.CreditsScheme.learning_platform())
        # The last offset (5) is past the end of the 4 bytes of ids.
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_COLUMNS", "event_id_offsets",
                         lambda: s.ingest_columns(reading_columns(event_id_offsets=[0, 2, 5])))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_COLUMNS", "activities",
                         lambda: s.ingest_columns(reading_columns(activities=[0, 1])))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_COLUMNS", "offset_seconds",
                         lambda: s.ingest_columns(reading_columns(offset_seconds=[86400, 0])))
        self.assertTrue(s.is_empty())


class CreditsFunctionsTest(ErrorsAssert):
    def test_score_json_and_jsonl_agree_with_the_scorer(self):
        scheme = dj.CreditsScheme.learning_platform()
        events = [login("a", 8), login("b", 9)]
        whole = json.loads(dj.credits_score_json(scheme, json.dumps({"events": events, "voids": ["a"]}), True))
        self.assertEqual(by_id(whole["entries"]), {"a": (0, "VOIDED"), "b": (1, "SCORED")})
        self.assertIn("explanation", whole["entries"][0])
        lines = "\n".join(json.dumps(e) for e in events) + "\nnot json\n"
        jl = json.loads(dj.credits_score_jsonl(scheme, lines, False))
        self.assertEqual(by_id(jl["entries"]), {"a": (1, "SCORED"), "b": (0, "CAP_REACHED")})
        self.assertEqual([(e["line"], e["code"]) for e in jl["errors"]], [(3, "INVALID_EVENT_JSON")])
        s = dj.CreditsScorer(scheme)
        s.ingest_json(json.dumps(events))
        self.assertEqual(json.loads(s.totals_json()), jl["totals"])
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_EVENTS_JSON", "", lambda: dj.credits_score_json(scheme, "[]", False))

    def test_leaderboard_and_rate(self):
        s = dj.CreditsScorer(dj.CreditsScheme.learning_platform())
        s.ingest_json(json.dumps([login("a", 8, "A"), login("b", 8, "B"), login("c", 8, "C", "daily_quiz")]))
        orgs = json.dumps({"member_org": {"A": "B1", "B": "B2", "C": "B1"}, "parent": {"B1": "C1", "B2": "C1"}})
        board = json.loads(dj.credits_leaderboard_json(s.totals_json(), orgs, "year", "2026", "C1"))
        self.assertEqual([(r["rank"], r["member_id"], r["score"]) for r in board], [(1, "A", 1), (1, "B", 1)])
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_PERIOD_KIND", "kind", lambda: dj.credits_leaderboard_json("[]", orgs, "decade", "2026", "C1"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_TOTALS_JSON", "[0].member_id", lambda: dj.credits_leaderboard_json("[{}]", orgs, "year", "2026", "C1"))
        rated = json.loads(dj.credits_rate_json(json.dumps([{"member_id": "A", "score": 95}]), "null"))
        self.assertEqual([(r["member_id"], r["tier"]) for r in rated], [("A", "合格")])
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_TIERS_JSON", "[0].x", lambda: dj.credits_rate_json("[]", '[{"x":1}]'))

    def test_adapters(self):
        meetings = json.loads(dj.credits_meeting_events_json(json.dumps([{"meeting_id": "m1", "meeting_type": "party_lecture", "date": "2026-03-02", "attendees": ["A", "B"]}]), "meeting_attendance"))
        self.assertEqual([e["event_id"] for e in meetings], ["meeting:m1:A", "meeting:m1:B"])
        # January paid on 20 January (on time), February paid on 2 March (late): one event.
        ledger = {"member_id": "A", "obligations": [{"month": "2026-01", "amount": "10.00"}, {"month": "2026-02", "amount": "10.00"}],
                  "payments": [{"paid_on": "2026-01-20", "amount": "10.00", "months": ["2026-01"]}, {"paid_on": "2026-03-02", "amount": "10.00", "months": ["2026-02"]}]}
        self.assertEqual([e["event_id"] for e in json.loads(dj.credits_dues_events_json(json.dumps(ledger), "dues_on_time"))], ["dues:A:2026-01"])
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_MEETING_JSON", "[0].date", lambda: dj.credits_meeting_events_json(json.dumps([{"meeting_id": "m", "meeting_type": "party_lecture", "attendees": []}]), "x"))


CONTEXT = json.dumps(
    {
        "orgs": [{"id": "C1", "kind": "committee"}, {"id": "B1", "parent": "C1", "kind": "branch"}],
        "roles": [
            {"person": "P1", "org": "B1", "role": "proposer"},
            {"person": "S1", "org": "B1", "role": "confidentiality_reviewer"},
            {"person": "R1", "org": "B1", "role": "reviewer"},
            {"person": "A1", "org": "B1", "role": "approver"},
        ],
    }
)
NEW_ITEM = {
    "id": "D1",
    "org": "B1",
    "title": "支部委员会换届结果",
    "body": "联系电话13800138000",
    "category": "organization",
    "scope": {"kind": "members", "org": "B1"},
}
ACTIONS = [
    {"action": "propose", "actor": "P1", "at": "2026-03-02T10:00:00+08:00"},
    {"action": "confidentiality_review", "actor": "S1", "at": "2026-03-03T09:00:00+08:00", "passed": True},
    {"action": "review", "actor": "R1", "at": "2026-03-03T10:00:00+08:00", "necessity": True, "accuracy": True},
    {"action": "approve", "actor": "A1", "at": "2026-03-04T09:00:00+08:00"},
    {"action": "publish", "actor": "P1", "at": "2026-03-04T15:00:00+08:00"},
]
MEMBER = json.dumps({"person": "M1", "memberships": [{"org": "B1", "status": "full", "from": "2020-01-01"}], "posts": []})


def published():
    """The item through the whole procedure, and its audit log."""
    new = json.dumps(NEW_ITEM, ensure_ascii=False)
    return run_workflow(dj.Policy.bundled(), CONTEXT, new, "P1", "2026-03-02T09:00:00+08:00", [json.dumps(a) for a in ACTIONS])


class DisclosureTest(ErrorsAssert):
    def test_workflow_audit_and_visibility(self):
        item, log = published()
        self.assertEqual(item["status"], "published")
        v = json.loads(dj.disclosure_verify_audit(log))
        self.assertEqual((v["valid"], v["entries"]), (True, 6))
        doc = json.dumps(item, ensure_ascii=False)
        self.assertTrue(dj.disclosure_visible(CONTEXT, MEMBER, doc, "2026-03-10"))
        self.assertFalse(dj.disclosure_visible(CONTEXT, "{}", doc, "2026-03-10"))
        self.assertEqual(json.loads(dj.disclosure_filter_visible(CONTEXT, MEMBER, f"[{doc}]", "2026-03-10")), ["D1"])
        self.assertEqual(json.loads(dj.disclosure_filter_visible(CONTEXT, "{}", f"[{doc}]", "2026-03-10")), [])
        board = json.loads(dj.disclosure_board(dj.Policy.bundled(), CONTEXT, MEMBER, f"[{doc}]", "2026-03-10"))
        self.assertEqual([(e["id"], e["status"], e["version"]) for e in board], [("D1", "published", 1)])
        self.assertEqual(json.loads(dj.disclosure_board(dj.Policy.bundled(), CONTEXT, "{}", f"[{doc}]", "2026-03-10")), [])

    def test_a_tampered_log_is_reported_and_refused(self):
        item, log = published()
        doc = json.loads(log)
        doc["entries"][1]["event"]["comment"] = "edited"
        tampered = json.dumps(doc, ensure_ascii=False)
        v = json.loads(dj.disclosure_verify_audit(tampered))
        self.assertEqual((v["valid"], v["first_broken"], v["code"]), (False, 1, "HASH_MISMATCH"))
        withdraw = json.dumps({"action": "withdraw", "actor": "A1", "at": "2026-03-05T09:00:00+08:00", "comment": "r"})
        self.assertCoded(
            djt.DangjianError.InvalidInput,
            "AUDIT_CHAIN_BROKEN",
            "entries[1]",
            lambda: dj.disclosure_apply(dj.Policy.bundled(), CONTEXT, json.dumps(item, ensure_ascii=False), withdraw, tampered),
        )
        self.assertCoded(djt.DangjianError.InvalidInput, "AUDIT_CHAIN_BROKEN", "entries[1]", lambda: dj.disclosure_audit_append(tampered, "{}"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_AUDIT_EVENT_JSON", "item_id", lambda: dj.disclosure_audit_append(EMPTY_LOG, "{}"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_AUDIT_JSON", "schema_version", lambda: dj.disclosure_verify_audit("{}"))

    def test_workflow_errors_are_coded(self):
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_ITEM_JSON", "id", lambda: dj.disclosure_create(CONTEXT, "{}", "P1", "2026-03-02T09:00:00+08:00"))
        new = json.dumps(NEW_ITEM, ensure_ascii=False)
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_TIME", "at", lambda: dj.disclosure_create(CONTEXT, new, "P1", "now"))
        item = json.loads(dj.disclosure_create(CONTEXT, new, "P1", "2026-03-02T09:00:00+08:00"))["item"]
        self.assertCoded(
            djt.DangjianError.InvalidInput,
            "INVALID_ACTION_JSON",
            "action",
            lambda: dj.disclosure_apply(dj.Policy.bundled(), CONTEXT, json.dumps(item, ensure_ascii=False), "{}", EMPTY_LOG),
        )
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_VIEWER_JSON", "x", lambda: dj.disclosure_visible(CONTEXT, '{"x":1}', "{}", "2026-03-10"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_DATE", "on", lambda: dj.disclosure_filter_visible(CONTEXT, "{}", "[]", "soon"))
        policy = dj.Policy.bundled()
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_DATE", "on", lambda: dj.disclosure_board(policy, CONTEXT, "{}", "[]", "soon"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_VIEWER_JSON", "x", lambda: dj.disclosure_board(policy, CONTEXT, '{"x":1}', "[]", "2026-03-10"))
        self.assertCoded(
            djt.DangjianError.InvalidInput, "INVALID_ITEM_JSON", "[0].schema_version", lambda: dj.disclosure_board(policy, CONTEXT, "{}", '[{"id":"x"}]', "2026-03-10")
        )

    def test_deadlines_catalogue_and_notices(self):
        policy, cal = dj.Policy.bundled(), dj.Calendar.official()
        propose = json.dumps({"action": "propose", "actor": "P1", "at": "2026-02-12T10:00:00+08:00"})
        item, _ = run_workflow(policy, CONTEXT, json.dumps(NEW_ITEM, ensure_ascii=False), "P1", "2026-02-12T09:00:00+08:00", [propose])
        d = json.loads(dj.disclosure_item_deadlines(policy, cal, json.dumps(item, ensure_ascii=False), "2026-02-25"))
        self.assertEqual([(x["kind"], x["due_on"], x["overdue"]) for x in d["value"]], [("review", "2026-02-24", True)])
        self.assertEqual([f["code"] for f in d["findings"]], ["REVIEW_OVERDUE"])
        s = json.loads(dj.disclosure_catalogue_status(policy, cal, '{"org":"B1","since":"2025-01-01"}', "[]", "2026-02-02"))
        annual = [x for x in s["value"] if x["code"] == "dues_annual"]
        self.assertEqual([(x["period"], x["due_on"], x["status"]) for x in annual], [("2025", "2026-01-29", "overdue")])
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_CATALOGUE_JSON", "org", lambda: dj.disclosure_catalogue_status(policy, cal, '{"since":"2025-01-01"}', "[]", "2026-02-02"))
        notice = '{"id":"N1","subject":"s","opens_on":"2026-02-12","closes_on":"2026-02-25"}'
        r = json.loads(dj.disclosure_evaluate_notice(policy, cal, notice, "2026-02-26"))
        self.assertEqual((r["working_days"], r["result"]), (5, "passed"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_DATE", "on", lambda: dj.disclosure_evaluate_notice(policy, cal, notice, "tomorrow"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_ITEM_JSON", "schema_version", lambda: dj.disclosure_item_deadlines(policy, cal, "{}", "2026-02-25"))

    def test_redaction(self):
        self.assertEqual(dj.disclosure_mask("电话13800138000"), "电话138****8000")
        found = dj.disclosure_scan("电话13800138000")
        self.assertEqual([(f.kind, f.start, f.end, f.masked) for f in found], [(djt.PersonalKind.MOBILE, 2, 13, "138****8000")])
        item = {
            "schema_version": 1, "id": "D1", "org": "B1", "title": "t", "body": "电话13800138000", "category": "service",
            "scope": {"kind": "to_society"}, "created_by": "P1", "created_at": "2026-03-02T09:00:00+08:00", "status": "reviewed",
        }
        p = json.loads(dj.disclosure_redaction_preview(dj.Policy.bundled(), json.dumps(item, ensure_ascii=False), "2026-03-03"))
        self.assertEqual((p["masked"], p["text"]), (True, "电话138****8000"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_ITEM_JSON", "schema_version", lambda: dj.disclosure_redaction_preview(dj.Policy.bundled(), "{}", "2026-03-03"))

    def test_dues_report(self):
        year = dj.summarize_dues_json("[]", '{"year":2025}')
        new = json.loads(dj.disclosure_dues_report(year, "B1", "DUES-2025", '[{"purpose":"订阅党报党刊","amount":"0.00"}]'))
        self.assertEqual((new["id"], new["org"]), ("DUES-2025", "B1"))
        self.assertIn("2025年度党费收缴", new["title"])
        month = dj.summarize_dues_json("[]", '{"month":"2025-11"}')
        self.assertCoded(djt.DangjianError.InvalidInput, "NOT_ANNUAL_PERIOD", "period", lambda: dj.disclosure_dues_report(month, "B1", "D", "[]"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_SUMMARY_JSON", "period", lambda: dj.disclosure_dues_report("{}", "B1", "D", "[]"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_USES_JSON", "[0].amount", lambda: dj.disclosure_dues_report(year, "B1", "D", '[{"purpose":"p"}]'))


if __name__ == "__main__":
    unittest.main()
