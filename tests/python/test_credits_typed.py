"""Python tests of the typed credits calls (CreditsScorer.ingest / void / record_offences / ledger / entry / totals /
explanation, credits_leaderboard, credits_rate) with the core's own records (module dangjian_types: CreditEvent,
LedgerEntry, ScorerChanges, EventError, CreditTotal, PeriodKind, OrgMap, Standing, Tier, Rating): the values the
rules give, worked by hand (learning platform, 2022 rules: login 1 point, at most 1 a China-time day; reading
time 1 a full minute), and the same documents as the JSON methods for the same events."""

import json
import unittest

import dangjian as dj
import dangjian_types as djt
from test_bindings import ErrorsAssert


def event(event_id, member, activity, occurred_at, **optional):
    return djt.CreditEvent(event_id=event_id, member_id=member, activity=activity, occurred_at=occurred_at, **optional)


def typed_events():
    """Logins of M1 around the China-time midnight between 2 and 3 March 2026, an unknown activity and five
    minutes of reading by M2."""
    return [
        event("a", "M1", "login", "2026-03-02T08:00:00+08:00"),
        # 23:59:59 in Beijing, still 2 March: the day's one login point is already taken.
        event("b", "M1", "login", "2026-03-02T15:59:59Z"),
        # 00:00:00 in Beijing on 3 March: a new day.
        event("c", "M1", "login", "2026-03-02T16:00:00Z"),
        event("n", "M1", "nap", "2026-03-02T09:00:00+08:00"),
        event("r", "M2", "reading_time", "2026-03-02T07:00:00+08:00", content_id="A1", duration_seconds=300),
    ]


FIELDS = ("event_id", "member_id", "activity", "occurred_at", "content_id", "duration_seconds", "correct_answers", "place", "points")


def events_json(events):
    """The events as the document ingest_json reads (absent fields left out)."""
    return json.dumps([{k: getattr(e, k) for k in FIELDS if getattr(e, k) is not None} for e in events])


def entry_doc(e):
    return {
        "event_id": e.event_id, "member_id": e.member_id, "activity": e.activity, "occurred_at": e.occurred_at,
        "day": e.day, "points": e.points, "raw_points": e.raw_points, "reason": e.reason.name,
    }


def error_doc(e):
    """An error entry as the JSON document writes it (the same core record: the same messages)."""
    doc = {"index": e.index, "event_id": e.event_id, "kind": e.kind, "code": e.code, "field": e.field,
           "message_zh": e.message_zh, "message_en": e.message_en}
    if e.line is not None:
        doc["line"] = e.line
    return doc


def changes_doc(c):
    return {"changed": [entry_doc(e) for e in c.changed], "duplicates": c.duplicates, "errors": [error_doc(e) for e in c.errors]}


def total_doc(t):
    return {"member_id": t.member_id, "kind": t.kind.name.lower(), "period": t.period, "points": t.points, "score": t.score}


def json_changes(text):
    return json.loads(text)


def learning():
    return dj.CreditsScorer(dj.CreditsScheme.learning_platform())


class CreditsTypedTest(ErrorsAssert):
    def test_ingest_by_china_day_with_refusals_in_place(self):
        s = learning()
        out = s.ingest(typed_events())
        # Canonical order is by instant: r (23:00Z on 1 March), a (00:00Z), b (15:59:59Z), c (16:00Z).
        self.assertEqual(
            [(e.event_id, e.day, e.points, e.raw_points, e.reason) for e in out.changed],
            [
                ("r", "2026-03-02", 5, 5, djt.CreditReason.SCORED),
                ("a", "2026-03-02", 1, 1, djt.CreditReason.SCORED),
                ("b", "2026-03-02", 0, 1, djt.CreditReason.CAP_REACHED),
                ("c", "2026-03-03", 1, 1, djt.CreditReason.SCORED),
            ],
        )
        self.assertEqual((out.changed[0].occurred_at, out.changed[2].occurred_at), ("2026-03-02T07:00:00+08:00", "2026-03-02T15:59:59Z"))
        self.assertEqual(
            [(e.index, e.line, e.event_id, e.kind, e.code, e.field) for e in out.errors],
            [(3, None, "n", "invalid_input", "UNKNOWN_ACTIVITY", "activity")],
        )
        self.assertEqual(out.duplicates, [])
        self.assertEqual(s.len(), 4)

    def test_an_instant_without_an_offset_is_invalid_time_for_the_whole_call(self):
        s = learning()
        for bad in ["yesterday", "2026-03-02T08:00:00", "2026-02-30T08:00:00+08:00"]:
            self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_TIME", "", lambda: s.ingest(typed_events() + [event("bad", "M1", "login", bad)]))
        self.assertEqual(s.len(), 0)

    def test_typed_calls_give_the_json_documents(self):
        typed, by_json = learning(), learning()
        events = typed_events()
        self.assertEqual(changes_doc(typed.ingest(events)), json_changes(by_json.ingest_json(events_json(events))))
        again = typed.ingest(events)
        self.assertEqual(again.duplicates, ["a", "b", "c", "r"])
        self.assertEqual(changes_doc(again), json_changes(by_json.ingest_json(events_json(events))))
        self.assertEqual(changes_doc(typed.void(["a", "nope"])), json_changes(by_json.void_events(["a", "nope"])))
        offence = '[{"offence_id":"o1","member_id":"M1","decided_at":"2026-03-03T07:00:00+08:00"}]'
        self.assertEqual(
            changes_doc(typed.record_offences([djt.Offence(offence_id="o1", member_id="M1", decided_at="2026-03-03T07:00:00+08:00")])),
            json_changes(by_json.record_offences_json(offence)),
        )
        self.assertEqual([entry_doc(e) for e in typed.ledger()], json.loads(by_json.ledger_json()))
        self.assertEqual([total_doc(t) for t in typed.totals()], json.loads(by_json.totals_json()))
        for event_id in ["a", "b", "c", "r", "zzz"]:
            want = by_json.entry_json(event_id)
            got = typed.entry(event_id)
            self.assertEqual(None if got is None else entry_doc(got), None if want is None else json.loads(want), event_id)
            want = by_json.explain(event_id)
            got = typed.explanation(event_id)
            self.assertEqual(
                None if got is None else [st.value for st in got.steps],
                None if want is None else [st["value"] for st in json.loads(want)["steps"]],
                event_id,
            )

    def test_void_frees_the_cap_and_unknown_ids_are_error_entries(self):
        s = learning()
        s.ingest(typed_events())
        out = s.void(["a", "nope"])
        self.assertEqual([(e.event_id, e.points, e.reason) for e in out.changed], [("a", 0, djt.CreditReason.VOIDED), ("b", 1, djt.CreditReason.SCORED)])
        self.assertEqual([(e.index, e.event_id, e.code, e.field) for e in out.errors], [(1, "nope", "UNKNOWN_EVENT", "event_id")])
        self.assertEqual(s.void(["a"]).changed, [])
        self.assertEqual(s.entry("a").reason, djt.CreditReason.VOIDED)
        self.assertIsNone(s.entry("zzz"))
        # A first offence on 3 March suspends M1 for 7 days from that day (the ladder's first step): c scores 0.
        out = s.record_offences([djt.Offence(offence_id="o1", member_id="M1", decided_at="2026-03-03T00:00:00+08:00")])
        self.assertEqual([(e.event_id, e.points, e.reason) for e in out.changed], [("c", 0, djt.CreditReason.SUSPENDED)])

    def test_leaderboard_and_rating_as_their_json_twins(self):
        year = djt.PeriodKind.YEAR
        totals = [djt.CreditTotal(member_id=m, kind=year, period="2026", points=sc, score=sc) for m, sc in [("A", 95), ("B", 80), ("C", 80), ("D", 50)]]
        orgs = djt.OrgMap(member_org={"A": "b1", "B": "b1", "C": "b2", "D": "b3"}, parent={"b1": "root", "b2": "root"})
        board = dj.credits_leaderboard(totals, orgs, year, "2026", "root")
        # D's branch is not under root; B and C share second place, listed by id.
        self.assertEqual([(b.rank, b.member_id, b.score) for b in board], [(1, "A", 95), (2, "B", 80), (2, "C", 80)])
        want = dj.credits_leaderboard_json(json.dumps([total_doc(t) for t in totals]), json.dumps({"member_org": orgs.member_org, "parent": orgs.parent}), "year", "2026", "root")
        self.assertEqual([{"rank": b.rank, "member_id": b.member_id, "score": b.score} for b in board], json.loads(want))
        # Four rated: the 优秀 quota is 4/3 rounded down = 1 (A); 80 and 80 are 合格, 50 is 基本合格.
        rated = dj.credits_rate({t.member_id: t.score for t in totals}, None)
        self.assertEqual([(r.member_id, r.tier) for r in rated], [("A", "优秀"), ("B", "合格"), ("C", "合格"), ("D", "基本合格")])
        self.assertEqual([t.name for t in dj.credits_default_tiers()], ["优秀", "合格", "基本合格", "不合格"])
        self.assertCoded(djt.DangjianError.InvalidInput, "NO_TIERS", "tiers", lambda: dj.credits_rate({"A": 1}, []))

    def test_totals_per_china_day_week_month_and_year(self):
        s = learning()
        s.ingest(typed_events())
        k = djt.PeriodKind
        # 2 March 2026 is the Monday of ISO week 10; the learning platform has no base score.
        self.assertEqual(
            [(t.kind, t.period, t.points, t.score) for t in s.totals() if t.member_id == "M1"],
            [(k.DAY, "2026-03-02", 1, 1), (k.DAY, "2026-03-03", 1, 1), (k.WEEK, "2026-W10", 2, 2), (k.MONTH, "2026-03", 2, 2), (k.YEAR, "2026", 2, 2)],
        )

    def test_reasons_and_period_kinds_are_enum_values_named_as_the_codes(self):
        self.assertEqual(
            [r.name for r in djt.CreditReason],
            ["SCORED", "CAP_REACHED", "TOO_SHORT", "DUPLICATE_CONTENT", "DUPLICATE_EVENT", "NOT_AVAILABLE", "VOIDED", "SUSPENDED"],
        )
        self.assertEqual([k.name.lower() for k in djt.PeriodKind], ["day", "week", "month", "year"])
        s = learning()
        s.ingest(typed_events())
        for e in s.ledger():
            self.assertIsInstance(e.reason, djt.CreditReason)
        for t in s.totals():
            self.assertIsInstance(t.kind, djt.PeriodKind)


if __name__ == "__main__":
    unittest.main()
