"""The shared credits vectors (tests/vectors/credits, format in tests/vectors/README.md) run through the
Python bindings, one test per case, compared exactly as core/tests/credits_vectors.rs compares them:

- `score`: credits_score_json(scheme, input, explain=True); entries (id -> [points, reason], only those
  listed), totals (each listed one present with that score), duplicates (when listed) and errors (the listed
  keys of each, in order, count exact). The same events also go through a CreditsScorer (ingest_json, then
  void_events and record_offences_json), whose ledger_json / totals_json / duplicates must meet the same
  expectations (and its errors too when the case has no voids or offences, whose error paths only
  credits_score_json rewrites);
- `score_jsonl`: credits_score_jsonl(scheme, lines joined with "\\n", explain=False), compared as `score`;
- `scheme_error`: CreditsScheme.from_json must throw {code, field};
- `leaderboard`: credits_leaderboard_json -> [[member_id, rank, score], ...];
- `rate`: credits_rate_json -> {member_id: tier};
- `close`: a CreditsScorer takes `input.events`, close_through(`close_through`) must hand back the entries
  `closed` (ids, in order), then `after` (events, voids, offences) goes in and the scorer's ledger / totals and the
  errors of the three calls are compared as `score`."""

import json
import unittest

import dangjian as dj
import dangjian_types as djt
from vectorlib import VectorCase, canonical, check_files_well_formed, dumps, error_view, load_area

KINDS = frozenset({"score", "score_jsonl", "scheme_error", "leaderboard", "rate", "close"})
PRESETS = {"learning_platform": dj.CreditsScheme.learning_platform, "member_points": dj.CreditsScheme.member_points}


def scheme_of(value):
    """A preset by name, or a scheme document read by CreditsScheme.from_json."""
    if isinstance(value, str):
        return PRESETS[value]()
    return dj.CreditsScheme.from_json(dumps(value))


def scorer_view(scheme, doc, scorer=None):
    """The score document of a case's input as a CreditsScorer gives it: entries from ledger_json, totals
    from totals_json, the duplicates of ingest_json (sorted) and the errors of all three calls."""
    scorer = scorer or dj.CreditsScorer(scheme)
    ingested = json.loads(scorer.ingest_json(dumps(doc["events"])))
    voided = json.loads(scorer.void_events(doc.get("voids", [])))
    penalised = json.loads(scorer.record_offences_json(dumps(doc.get("offences", []))))
    return {
        "entries": json.loads(scorer.ledger_json()),
        "totals": json.loads(scorer.totals_json()),
        "duplicates": sorted(ingested["duplicates"]),
        "errors": ingested["errors"] + voided["errors"] + penalised["errors"],
    }


class CreditsVectorTest(VectorCase):
    KINDS = KINDS

    def check_scored(self, surface, out, expect, errors=True):
        entries = out["entries"]
        for event_id, want in expect["entries"].items():
            got = next(([e["points"], e["reason"]] for e in entries if e["event_id"] == event_id), None)
            if canonical(got) != canonical(want):
                self.mismatch(surface, f"entries.{event_id}", want, got)
        for want in expect.get("totals") or []:
            found = next(
                (t for t in out["totals"] if all(t[k] == want[k] for k in ("member_id", "kind", "period"))), None
            )
            if found is None or canonical(found["score"]) != canonical(want["score"]):
                self.mismatch(surface, "totals", want, found)
        if "duplicates" in expect and canonical(out["duplicates"]) != canonical(expect["duplicates"]):
            self.mismatch(surface, "duplicates", expect["duplicates"], out["duplicates"])
        if not errors:
            return
        want_errors = expect["errors"]
        got = [{k: g.get(k) for k in w} for g, w in zip(out["errors"], want_errors)]
        if len(out["errors"]) != len(want_errors) or canonical(got) != canonical(want_errors):
            self.mismatch(surface, "errors", want_errors, out["errors"])

    def run_score(self, policy, expect):
        scheme = scheme_of(self.case["scheme"])
        doc = self.case["input"]
        self.check_scored("credits_score_json", json.loads(dj.credits_score_json(scheme, dumps(doc), True)), expect)
        plain_only = not doc.get("voids") and not doc.get("offences")
        self.check_scored("CreditsScorer", scorer_view(scheme, doc), expect, errors=plain_only)

    def run_score_jsonl(self, policy, expect):
        scheme = scheme_of(self.case["scheme"])
        out = dj.credits_score_jsonl(scheme, "\n".join(self.case["lines"]), False)
        self.check_scored("credits_score_jsonl", json.loads(out), expect)

    def run_scheme_error(self, policy, expect):
        try:
            scheme_of(self.case["scheme"])
            self.mismatch("CreditsScheme.from_json", "error", expect, "a scheme")
        except djt.DangjianError as e:
            if canonical(error_view(e)) != canonical(expect):
                self.mismatch("CreditsScheme.from_json", "error", expect, error_view(e))

    def run_leaderboard(self, policy, expect):
        c = self.case
        out = dj.credits_leaderboard_json(dumps(c["totals"]), dumps(c["orgs"]), c["period_kind"], c["period"], c["org"])
        rows = [[r["member_id"], r["rank"], r["score"]] for r in json.loads(out)]
        self.compare("credits_leaderboard_json", expect, {"ranks": rows})

    def run_close(self, policy, expect):
        scheme = scheme_of(self.case["scheme"])
        scorer = dj.CreditsScorer(scheme)
        scorer.ingest_json(dumps(self.case["input"]["events"]))
        closed = [e["event_id"] for e in json.loads(scorer.close_through(self.case["close_through"]))["entries"]]
        if closed != expect["closed"]:
            self.mismatch("CreditsScorer.close_through", "closed", expect["closed"], closed)
        self.check_scored("CreditsScorer", scorer_view(scheme, self.case["after"], scorer), expect)

    def run_rate(self, policy, expect):
        out = dj.credits_rate_json(dumps(self.case["scores"]), dumps(self.case["tiers"]))
        self.compare("credits_rate_json", expect, {"tiers": {r["member_id"]: r["tier"] for r in json.loads(out)}})


class CreditsVectorFilesTest(unittest.TestCase):
    def test_files_are_well_formed(self):
        check_files_well_formed(self, ("credits",), KINDS)


def load_tests(loader, tests, pattern):  # unittest's load_tests protocol
    return load_area(tests, "credits", CreditsVectorTest)
