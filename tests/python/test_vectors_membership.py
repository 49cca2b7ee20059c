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
  (year, as a string → report); an error of the call → {"error": {code, field}}."""

import json
import unittest

import dangjian as dj
import dangjian_types as djt
from vectorlib import VectorCase, canonical, check_files_well_formed, dumps, error_view, load_area

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
        member = c.get("member")
        report = next((r for r in out["reports"] if r.get("member_id") == member), None)
        error = next((e for e in out["errors"] if e.get("member_id") == member), None)
        if report is not None:
            return report_shape(report)
        if error is not None:
            return {"code": error.get("code"), "field": error.get("field")}
        return {"missing": member}

    def run_member_check(self, policy, expect):
        self.compare_subset("membership_check_members", expect, self.checked(policy))

    def run_member_error(self, policy, expect):
        self.compare_subset("membership_check_members", expect, self.checked(policy))

    def run_apply(self, policy, expect):
        c = self.case
        try:
            dj.membership_apply_event(policy, dj.Calendar.official(), dumps(c["record"]), dumps(c["event"]), dumps(c["members"]))
            got = {"ok": True}
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("membership_apply_event", expect, got)

    def run_rights(self, policy, expect):
        try:
            got = json.loads(dj.membership_rights(policy, dumps(self.case["record"]), self.on()))
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("membership_rights", expect, got)

    def run_org_check(self, policy, expect):
        try:
            got = org_shape(json.loads(dj.membership_check_orgs(policy, dumps(self.case["document"]), self.on())))
        except djt.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("membership_check_orgs", expect, got)


class MembershipVectorFilesTest(unittest.TestCase):
    def test_files_are_well_formed(self):
        check_files_well_formed(self, ("membership",), KINDS)


def load_tests(loader, tests, pattern):  # unittest's load_tests protocol
    return load_area(tests, "membership", MembershipVectorTest)
