"""The shared membership vectors (tests/vectors/membership, format in tests/vectors/README.md) run through
the Python bindings, one test per case, compared exactly as core/tests/membership_vectors.rs compares them:
`expect` is a subset — each of its keys must be contained in the same key of the result (objects key by key,
recursively; arrays and scalars exactly; null means absent), `codes` compared as sorted lists.

- `member_check` / `member_error`: membership_check_members({"members","meetings","ledgers"}, on); the report
  of `member` in the shape of the expectation (its fields, `codes` sorted, `next_steps` as code → {due,
  earliest} of the first step with that code), else its batch error's {code, field};
- `apply`: membership_apply_event(record, event, members as the roster) → {"ok": true} or {"error": {code,
  field}};
- `rights`: membership_rights(record, on), the Rights document;
- `org_check`: membership_check_orgs(document, on) (no calendar) in the shape of the expectation: `codes`
  (every finding of the report, sorted) and `orgs`: org id → its section, with `next_steps` as for members,
  `missing` (meeting kind → periods), `attendance` (member → rate), `elections` (id → report), `reviews`
  (year, as a string → report); an error of the call → {"error": {code, field}}.

Each case runs through the typed exports too, on records built from its documents (membership_typed.py), the
results written back as JSON values and compared the same way: `check_members` (meetings and ledgers: the
lapse and transfer findings) and, for a case without meetings or ledgers, `check_member` and
`member_next_steps` on the roster; `apply_member_event`; `member_rights`; `check_orgs`, and per organization
of an `org_check` expectation `life_compliance` (`missing`, `attendance`), `evaluate_election` (`elections`)
and `rate_review` (`reviews`). A `member_error`
case whose document the typed records cannot hold (`INVALID_RECORD_JSON`) runs on the JSON path only."""

import json
import unittest

import dangjian as dj
import dangjian_types as djt
import test_vectors
from membership_typed import NotTyped, document_from, event_from, meeting_from, member_from, plain
from vectorlib import VectorCase, canonical, check_files_well_formed, dumps, error_view, load_area

# A document the typed records cannot hold (the dues harness's reader has its own exception).
TYPED_ERRORS = (NotTyped, test_vectors.NotTyped)

KINDS = frozenset({"member_check", "member_error", "apply", "rights", "org_check"})


def contains(want, got):
    """Whether `got` has everything `want` lists: objects key by key (recursively), anything else as equal
    JSON."""
    if isinstance(want, dict) and isinstance(got, dict):
        return all(contains(v, got.get(k)) for k, v in want.items())
    return canonical(want) == canonical(got)


def sorted_codes(codes):
    return sorted(c for c in codes or [] if isinstance(c, str))


def steps_shape(steps):
    """Next steps as code → {due, earliest} of the first step with that code."""
    out = {}
    for step in steps or []:
        # The first step of a code is the one compared (the soonest, as reports sort them).
        out.setdefault(step.get("code"), {"due": step.get("due"), "earliest": step.get("earliest")})
    return out


def finding_codes(findings):
    return sorted_codes(f.get("code") for f in findings or [])


def report_shape(report):
    """A report in the shape of a `member_check` expectation."""
    shape = dict(report)
    shape["codes"] = finding_codes(report.get("findings"))
    shape["next_steps"] = steps_shape(report.get("next_steps"))
    return shape


def keyed(items, key, value):
    """`items` as an object: each item's `key` (a string as it is, any other value as its JSON, so the year
    2025 is "2025") → `value(item)`."""

    def name(k):
        return k if isinstance(k, str) else dumps(k)

    return {name(i.get(key)): value(i) for i in items or []}


def org_shape(report):
    """An organizations report in the shape of an `org_check` expectation: `codes` (all findings, sorted) and
    per organization its section with `next_steps`, `missing` (meeting kind → periods), `attendance` (member →
    rate), `elections` (id → report) and `reviews` (year → report)."""
    orgs = {}
    for section in report.get("orgs") or []:
        life = section.get("life") or {}
        shape = dict(section)
        shape["next_steps"] = steps_shape(section.get("next_steps"))
        shape["missing"] = keyed(life.get("rules"), "meeting", lambda r: r.get("missing"))
        shape["attendance"] = keyed(life.get("attendance"), "member", lambda a: a.get("rate"))
        shape["elections"] = keyed(section.get("elections"), "id", lambda e: e)
        shape["reviews"] = keyed(section.get("reviews"), "year", lambda r: r)
        orgs[section.get("org")] = shape
    return {"codes": finding_codes(report.get("findings")), "orgs": orgs}


class MembershipVectorTest(VectorCase):
    KINDS = KINDS

    def on(self):
        return self.case.get("on", "")

    def compare_subset(self, surface, expect, got):
        """Each key of `expect` contained in the same key of `got` (`codes` sorted first)."""
        for key, want in expect.items():
            if key == "codes":
                want = sorted_codes(want)
            have = got.get(key)
            if not contains(want, have):
                self.mismatch(surface, key, want, have)

    def checked(self, policy):
        c = self.case
        doc = {"members": c["members"], "meetings": c.get("meetings", []), "ledgers": c.get("ledgers", [])}
        try:
            out = json.loads(dj.membership_check_members(policy, dj.Calendar.official(), dumps(doc), self.on()))
        except djt.DangjianError as e:
            return {"error": error_view(e)}
        return self.picked(out)

    def picked(self, out):
        """The report of the case's `member` in a batch, in the shape of the expectation, else its error."""
        member = self.case.get("member")
        report = next((r for r in out["reports"] if r.get("member_id") == member), None)
        error = next((e for e in out["errors"] if e.get("member_id") == member), None)
        if report is not None:
            return report_shape(report)
        if error is not None:
            return {"code": error.get("code"), "field": error.get("field")}
        return {"missing": member}

    def typed_roster(self):
        """The case's records, meetings and ledgers as typed records (a mismatch when they cannot be)."""
        c = self.case
        try:
            return ([member_from(m) for m in c["members"]], [meeting_from(m) for m in c.get("meetings", [])],
                    [test_vectors.ledger_from(x) for x in c.get("ledgers", [])])
        except TYPED_ERRORS as e:
            self.mismatch("typed", "members", "records the typed exports can hold", str(e))
            return None

    def run_typed_checks(self, policy, expect):
        roster = self.typed_roster()
        if roster is None:
            return
        members, meetings, ledgers = roster
        calendar = dj.Calendar.official()
        try:
            got = self.picked(plain(dj.check_members(policy, calendar, members, meetings, ledgers, self.on())))
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("check_members", expect, got)
        record = next((m for m in members if m.id == self.case.get("member")), None)
        if meetings or ledgers or record is None or "code" in expect:
            return
        try:
            got = report_shape(plain(dj.check_member(policy, calendar, record, members, self.on())))
            steps = plain(dj.member_next_steps(policy, calendar, record, members, self.on()))
        except djt.DangjianError as e:
            got, steps = {"error": error_view(e)}, None
        self.compare_subset("check_member", expect, got)
        if "next_steps" in expect:
            self.compare_subset("member_next_steps", {"next_steps": expect["next_steps"]},
                                {"next_steps": steps_shape(steps)})

    def run_member_check(self, policy, expect):
        self.compare_subset("membership_check_members", expect, self.checked(policy))
        self.run_typed_checks(policy, expect)

    def run_member_error(self, policy, expect):
        self.compare_subset("membership_check_members", expect, self.checked(policy))
        if expect.get("code") != "INVALID_RECORD_JSON":
            self.run_typed_checks(policy, expect)

    def run_apply(self, policy, expect):
        c = self.case
        try:
            dj.membership_apply_event(policy, dj.Calendar.official(), dumps(c["record"]), dumps(c["event"]), dumps(c["members"]))
            got = {"ok": True}
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("membership_apply_event", expect, got)
        try:
            record, event = member_from(c["record"]), event_from(c["event"])
            roster = [member_from(m) for m in c["members"]]
        except TYPED_ERRORS as e:
            self.mismatch("typed", "record", "records the typed exports can hold", str(e))
            return
        try:
            applied = dj.apply_member_event(policy, dj.Calendar.official(), record, event, roster)
            # The record comes back with the event appended, as given.
            got = {"ok": applied.events == record.events + [event]}
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("apply_member_event", expect, got)

    def run_rights(self, policy, expect):
        try:
            got = json.loads(dj.membership_rights(policy, dumps(self.case["record"]), self.on()))
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("membership_rights", expect, got)
        try:
            record = member_from(self.case["record"])
        except TYPED_ERRORS as e:
            self.mismatch("typed", "record", "a record the typed exports can hold", str(e))
            return
        try:
            got = plain(dj.member_rights(policy, record, self.on()))
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("member_rights", expect, got)

    def run_org_check(self, policy, expect):
        try:
            got = org_shape(json.loads(dj.membership_check_orgs(policy, dumps(self.case["document"]), self.on())))
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("membership_check_orgs", expect, got)
        try:
            document = document_from(self.case["document"])
        except TYPED_ERRORS as e:
            self.mismatch("typed", "document", "a document the typed exports can hold", str(e))
            return
        try:
            got = org_shape(plain(dj.check_orgs(policy, document, self.on())))
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("check_orgs", expect, got)
        self.run_org_parts(policy, document, expect)

    def run_org_parts(self, policy, document, expect):
        """An organization's 三会一课 (life_compliance over the document's period), its elections
        (evaluate_election) and its 民主评议 rounds (rate_review) one at a time, against the same expectations
        of its section."""
        period = self.case["document"].get("period") or {"from": self.on()[:4] + "-01-01", "to": self.on()}
        for org, want in (expect.get("orgs") or {}).items():
            want = {k: v for k, v in want.items() if k in ("missing", "attendance", "elections", "reviews")}
            if not want:
                continue
            try:
                life = plain(dj.life_compliance(policy, document, org, period["from"], period["to"]))
                got = {
                    "missing": keyed(life.get("rules"), "meeting", lambda r: r.get("missing")),
                    "attendance": keyed(life.get("attendance"), "member", lambda a: a.get("rate")),
                    "elections": {e.id: plain(dj.evaluate_election(policy, document.orgs, document.members, e))
                                  for e in document.elections if e.org == org},
                    "reviews": {dumps(r.year): plain(dj.rate_review(policy, document.orgs, document.members, r))
                                for r in document.reviews if r.org == org},
                }
            except djt.DangjianError as e:
                got = {"error": error_view(e)}
            self.compare_subset(f"life_compliance, evaluate_election, rate_review ({org})", want, got)


class MembershipVectorFilesTest(unittest.TestCase):
    def test_files_are_well_formed(self):
        check_files_well_formed(self, ("membership",), KINDS)


def load_tests(loader, tests, pattern):  # unittest's load_tests protocol
    return load_area(tests, "membership", MembershipVectorTest)
