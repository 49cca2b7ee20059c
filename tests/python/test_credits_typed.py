"""Python tests of the typed credits calls (CreditsScorer.ingest / void / ledger / entry / totals with CreditEvent,
CreditEntry, CreditChanges, CreditTotal): the values the rules give, worked by hand (learning platform, 2022
rules: login 1 point, at most 1 a China-time day; reading time 1 a full minute), and the same documents as the
JSON methods for the same events."""

import json
import unittest

import dangjian as dj


def event(event_id, member, activity, occurred_at, **optional):
    return dj.CreditEvent(event_id=event_id, member_id=member, activity=activity, occurred_at=occurred_at, **optional)


def typed_events():
    """Logins of M1 around the China-time midnight between 2 and 3 March 2026, an unreadable instant, an unknown
    activity and five minutes of reading by M2."""
    return [
        event("a", "M1", "login", "2026-03-02T08:00:00+08:00"),
        # 23:59:59 in Beijing, still 2 March: the day's one login point is already taken.
        event("b", "M1", "login", "2026-03-02T15:59:59Z"),
        # 00:00:00 in Beijing on 3 March: a new day.
        event("c", "M1", "login", "2026-03-02T16:00:00Z"),
        event("bad", "M1", "login", "yesterday"),
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


def error_doc(test, e):
    """An error entry without its messages (the typed reader words its own; both must be there)."""
    test.assertTrue(e.message_zh and e.message_en, repr(e))
    doc = {"index": e.index, "event_id": e.event_id, "kind": e.kind, "code": e.code, "field": e.field}
    if e.line is not None:
        doc["line"] = e.line
    return doc


def changes_doc(test, c):
    return {"changed": [entry_doc(e) for e in c.changed], "duplicates": c.duplicates, "errors": [error_doc(test, e) for e in c.errors]}


def total_doc(t):
    return {"member_id": t.member_id, "kind": t.kind.name.lower(), "period": t.period, "points": t.points, "score": t.score}


def json_changes(text):
    """A JSON method's changes document with the errors' messages dropped."""
    doc = json.loads(text)
    for e in doc["errors"]:
        del e["message_zh"], e["message_en"]
    return doc


def learning():
    return dj.CreditsScorer(dj.CreditsScheme.learning_platform())


class CreditsTypedTest(unittest.TestCase):
    def test_ingest_by_china_day_with_bad_events_in_place(self):
        s = learning()
        out = s.ingest(typed_events())
        # Canonical order is by instant: r (23:00Z on 1 March), a (00:00Z), b (15:59:59Z), c (16:00Z).
        self.assertEqual(
            [(e.event_id, e.day, e.points, e.raw_points, e.reason) for e in out.changed],
            [
                ("r", "2026-03-02", 5, 5, dj.CreditReason.SCORED),
                ("a", "2026-03-02", 1, 1, dj.CreditReason.SCORED),
                ("b", "2026-03-02", 0, 1, dj.CreditReason.CAP_REACHED),
                ("c", "2026-03-03", 1, 1, dj.CreditReason.SCORED),
            ],
        )
        self.assertEqual((out.changed[0].occurred_at, out.changed[2].occurred_at), ("2026-03-02T07:00:00+08:00", "2026-03-02T15:59:59Z"))
        self.assertEqual(
            [(e.index, e.line, e.event_id, e.kind, e.code, e.field) for e in out.errors],
            [
                (3, None, "bad", "invalid_input", "INVALID_EVENT_JSON", "occurred_at"),
                (4, None, "n", "invalid_input", "UNKNOWN_ACTIVITY", "activity"),
            ],
        )
        self.assertEqual(out.duplicates, [])
        self.assertEqual(s.len(), 4)

    def test_typed_calls_give_the_json_documents(self):
        typed, by_json = learning(), learning()
        events = typed_events()
        self.assertEqual(changes_doc(self, typed.ingest(events)), json_changes(by_json.ingest_json(events_json(events))))
        again = typed.ingest(events)
        self.assertEqual(again.duplicates, ["a", "b", "c", "r"])
        self.assertEqual(changes_doc(self, again), json_changes(by_json.ingest_json(events_json(events))))
        self.assertEqual(changes_doc(self, typed.void(["a", "nope"])), json_changes(by_json.void_events(["a", "nope"])))
        self.assertEqual([entry_doc(e) for e in typed.ledger()], json.loads(by_json.ledger_json()))
        self.assertEqual([total_doc(t) for t in typed.totals()], json.loads(by_json.totals_json()))
        for event_id in ["a", "b", "c", "r", "zzz"]:
            want = by_json.entry_json(event_id)
            got = typed.entry(event_id)
            self.assertEqual(None if got is None else entry_doc(got), None if want is None else json.loads(want), event_id)

    def test_void_frees_the_cap_and_unknown_ids_are_error_entries(self):
        s = learning()
        s.ingest(typed_events())
        out = s.void(["a", "nope"])
        self.assertEqual([(e.event_id, e.points, e.reason) for e in out.changed], [("a", 0, dj.CreditReason.VOIDED), ("b", 1, dj.CreditReason.SCORED)])
        self.assertEqual([(e.index, e.event_id, e.code, e.field) for e in out.errors], [(1, "nope", "UNKNOWN_EVENT", "event_id")])
        self.assertEqual(s.void(["a"]).changed, [])
        self.assertEqual(s.entry("a").reason, dj.CreditReason.VOIDED)
        self.assertIsNone(s.entry("zzz"))

    def test_totals_per_china_day_week_month_and_year(self):
        s = learning()
        s.ingest(typed_events())
        k = dj.CreditPeriodKind
        # 2 March 2026 is the Monday of ISO week 10; the learning platform has no base score.
        self.assertEqual(
            [(t.kind, t.period, t.points, t.score) for t in s.totals() if t.member_id == "M1"],
            [(k.DAY, "2026-03-02", 1, 1), (k.DAY, "2026-03-03", 1, 1), (k.WEEK, "2026-W10", 2, 2), (k.MONTH, "2026-03", 2, 2), (k.YEAR, "2026", 2, 2)],
        )

    def test_reasons_and_period_kinds_are_enum_values_named_as_the_codes(self):
        self.assertEqual(
            [r.name for r in dj.CreditReason],
            ["SCORED", "CAP_REACHED", "TOO_SHORT", "DUPLICATE_CONTENT", "DUPLICATE_EVENT", "NOT_AVAILABLE", "VOIDED", "SUSPENDED"],
        )
        self.assertEqual([k.name.lower() for k in dj.CreditPeriodKind], ["day", "week", "month", "year"])
        s = learning()
        s.ingest(typed_events())
        for e in s.ledger():
            self.assertIsInstance(e.reason, dj.CreditReason)
        for t in s.totals():
            self.assertIsInstance(t.kind, dj.CreditPeriodKind)


if __name__ == "__main__":
    unittest.main()
