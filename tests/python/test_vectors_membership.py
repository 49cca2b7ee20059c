"""The shared membership vectors (tests/vectors/membership, format in tests/vectors/README.md) run through
the Python bindings, one test per case, compared exactly as core/tests/membership_vectors.rs compares them:
`expect` is a subset — each of its keys must be contained in the same key of the result (objects key by key,
recursively; arrays and scalars exactly; null means absent), `codes` compared as sorted lists.

- `member_check` / `member_error`: membership_check_members({"members","meetings","ledgers"}, on); the report
  of `member` in the shape of the expectation (its fields, `codes` sorted, `next_steps` as code → {due,
  earliest} of the first step with that code), else its batch error's {code, field};
- `apply`: membership_apply_event(record, event, members as the roster) → {"ok": true} or {"error": {code,
  field}};
- `rights`: membership_rights(record, on), the Rights document."""

import json
import unittest

import dangjian as dj
from vectorlib import VectorCase, canonical, check_files_well_formed, dumps, error_view, load_area

KINDS = frozenset({"member_check", "member_error", "apply", "rights"})


def contains(want, got):
    """Whether `got` has everything `want` lists: objects key by key (recursively), anything else as equal
    JSON."""
    if isinstance(want, dict) and isinstance(got, dict):
        return all(contains(v, got.get(k)) for k, v in want.items())
    return canonical(want) == canonical(got)


def sorted_codes(codes):
    return sorted(c for c in codes or [] if isinstance(c, str))


def report_shape(report):
    """A report in the shape of a `member_check` expectation."""
    steps = {}
    for step in report.get("next_steps") or []:
        # The first step of a code is the one compared (the soonest, as reports sort them).
        steps.setdefault(step.get("code"), {"due": step.get("due"), "earliest": step.get("earliest")})
    shape = dict(report)
    shape["codes"] = sorted_codes(f.get("code") for f in report.get("findings") or [])
    shape["next_steps"] = steps
    return shape


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
        except dj.DangjianError as e:
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
        except dj.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("membership_apply_event", expect, got)

    def run_rights(self, policy, expect):
        try:
            got = json.loads(dj.membership_rights(policy, dumps(self.case["record"]), self.on()))
        except dj.DangjianError as e:
            got = {"error": error_view(e)}
        self.compare_subset("membership_rights", expect, got)


class MembershipVectorFilesTest(unittest.TestCase):
    def test_files_are_well_formed(self):
        check_files_well_formed(self, ("membership",), KINDS)


def load_tests(loader, tests, pattern):  # unittest's load_tests protocol
    return load_area(tests, "membership", MembershipVectorTest)
