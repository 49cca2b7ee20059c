"""Python tests of the credits totals fast path (CreditsTally.day_totals over packed columns) and of the
error's sentence (str(e)).

The totals are worked by hand from the learning platform's 2022 rules (RULES §7): a login is 1 point, at
most 1 a China-time day; reading time 1 point a full minute, at most 6 a day; the daily quiz 1 point a
correct answer, at most 5 a day. 1772406000 is 2026-03-02T07:00:00+08:00, China-time day 20514 since
1970-01-01."""

import unittest
from array import array
from datetime import datetime, timedelta, timezone

import dangjian as dj
import dangjian_types as djt
from test_bindings import ErrorsAssert

T0 = 1772406000
DAY = 86400
NONE = 0xFFFFFFFF
CHINA = timezone(timedelta(hours=8))

# (member, activity, seconds, duration_seconds, correct_answers)
ROWS = [
    (0, "login", T0, None, None),             # 1
    (0, "login", T0 + 60, None, None),        # 0: one login point a day
    (0, "reading_time", T0 + 120, 300, None), # 5 minutes: 5
    (0, "reading_time", T0 + 600, 240, None), # 4 minutes, but the day's cap 6 leaves 1
    (0, "daily_quiz", T0 + DAY, None, 3),     # 3, on 3 March
    (1, "daily_quiz", T0, None, 7),           # 7 correct, capped at 5
    (1, "nap", T0, None, None),               # not in the scheme: UNKNOWN_ACTIVITY
    (1, "daily_quiz", T0 + 60, None, None),   # no answers: MISSING_FIELD
]
CODES = ["login", "reading_time", "daily_quiz", "nap"]


def u32(values):
    return array("I", values).tobytes()


def rows():
    opt = lambda v: NONE if v is None else v
    return dj.TallyRows(
        members_le=u32([r[0] for r in ROWS]),
        activity_codes=CODES,
        activities_le=u32([CODES.index(r[1]) for r in ROWS]),
        seconds_le=array("q", [r[2] for r in ROWS]).tobytes(),
        duration_seconds_le=u32([opt(r[3]) for r in ROWS]),
        correct_answers_le=u32([opt(r[4]) for r in ROWS]),
    )


def columns(out):
    return list(array("q", out.members_le)), list(array("q", out.days_le)), list(array("q", out.points_le))


class TallyTest(ErrorsAssert):
    def setUp(self):
        self.scheme = dj.CreditsScheme.learning_platform()
        self.tally = dj.CreditsTally(self.scheme)

    def test_day_totals_worked_by_hand(self):
        out = self.tally.day_totals(rows())
        members, days, points = columns(out)
        self.assertEqual(list(zip(members, days, points)), [(0, 20514, 7), (0, 20515, 3), (1, 20514, 5)])
        self.assertEqual([(e.index, e.code, e.field) for e in out.errors],
                         [(6, "UNKNOWN_ACTIVITY", "activity"), (7, "MISSING_FIELD", "correct_answers")])

    def test_the_scorer_gives_the_same_day_totals(self):
        scorer = dj.CreditsScorer(self.scheme)
        events = []
        for i, (member, activity, seconds, duration, correct) in enumerate(ROWS):
            at = datetime.fromtimestamp(seconds, CHINA).isoformat()
            events.append(djt.CreditEvent(event_id=f"e{i}", member_id=f"M{member}", activity=activity, occurred_at=at,
                                          duration_seconds=duration, correct_answers=correct))
        changes = scorer.ingest(events)
        days = {(t.member_id, t.period): t.points for t in scorer.totals() if t.kind == djt.PeriodKind.DAY}
        members, day_numbers, points = columns(self.tally.day_totals(rows()))
        # Day 20514 is 2026-03-02, 20515 the day after.
        dates = {20514: "2026-03-02", 20515: "2026-03-03"}
        self.assertEqual({(f"M{m}", dates[d]): p for m, d, p in zip(members, day_numbers, points)}, days)
        self.assertEqual([(e.index, e.code) for e in changes.errors], [(6, "UNKNOWN_ACTIVITY"), (7, "MISSING_FIELD")])

    def test_voids_and_a_malformed_column(self):
        r = rows()
        r.voided = bytes([0, 0, 0, 1, 0, 0, 0, 0])  # the 4-minute reading voided: 2 March is 1 + 5
        members, days, points = columns(self.tally.day_totals(r))
        self.assertEqual(points, [6, 3, 5])
        r.members_le = r.members_le[:-1]
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_COLUMNS", "members_le", lambda: self.tally.day_totals(r))


class ErrorSentenceTest(ErrorsAssert):
    def test_str_is_field_message_and_code(self):
        e = self.assertCoded(djt.DangjianError.Policy, "INVALID_POLICY_JSON", "schema_version",
                             lambda: dj.Policy.from_json("{}"))
        self.assertEqual(str(e), "schema_version：" + e.message_zh + " [INVALID_POLICY_JSON]")

    def test_str_without_a_field_is_message_and_code(self):
        e = self.assertCoded(djt.DangjianError.Internal, "INTERNAL", "", dj.force_panic_for_tests)
        self.assertEqual(str(e), e.message_zh + " [INTERNAL]")


if __name__ == "__main__":
    unittest.main()
