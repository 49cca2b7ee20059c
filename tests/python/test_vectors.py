"""The shared dues conformance vectors (tests/vectors/README.md) run through the Python bindings: one test
per case, every case of every file under tests/vectors/dues.

Each case runs through the JSON entry point of its kind (with and without the trace where the export takes
one); `assess` and `assess_error` cases whose member can be built as a typed `DuesMember` also run through
`assess_dues`, `ledger` cases through `evaluate_dues_ledger` (and the report through `summarize_dues`, which
must agree with `summarize_dues_json`), `batch` cases whose members can all be built through
`assess_dues_batch`. A failing case lists `file: name: field expected X got Y [surface]`."""

import decimal
import json
import unittest

import dangjian
import dangjian_types
from vectorlib import VectorCase, check_files_well_formed, error_view, load_area

KINDS = frozenset({"assess", "assess_error", "ledger", "batch"})


# ---- typed records from the contract's JSON documents ----


class NotTyped(Exception):
    """The document cannot be written as typed records (an unknown code, an unreadable number, an unknown
    field): only the JSON entry point can be given it."""


def _enum(cls, code):
    for v in cls:
        if v.name.lower() == code:
            return v
    raise NotTyped(f"{cls.__name__} {code!r}")


def _fields(doc, required, optional=()):
    if not isinstance(doc, dict):
        raise NotTyped(f"not an object: {doc!r}")
    unknown = set(doc) - set(required) - set(optional)
    missing = set(required) - set(doc)
    if unknown or missing:
        raise NotTyped(f"unknown {sorted(unknown)}, missing {sorted(missing)}")
    return doc


def _str(v):
    if not isinstance(v, str):
        raise NotTyped(f"not a string: {v!r}")
    return v


def _opt_str(v):
    return None if v is None else _str(v)


def _dec(v):
    try:
        return decimal.Decimal(_str(v))
    except decimal.InvalidOperation as e:
        raise NotTyped(f"not a decimal: {v!r}") from e


def _list(v, f):
    if not isinstance(v, list):
        raise NotTyped(f"not an array: {v!r}")
    return [f(x) for x in v]


def member_from(doc):
    d = _fields(doc, ["member_id", "category"], ["schema_version", "employer_type", "incomes", "admitted_on", "hardship"])
    employer = d.get("employer_type")
    return dangjian_types.DuesMember(
        schema_version=d.get("schema_version"),
        member_id=_str(d["member_id"]),
        category=_enum(dangjian_types.Category, d["category"]),
        employer_type=None if employer is None else _enum(dangjian_types.EmployerType, employer),
        incomes=_list(d.get("incomes", []), income_from),
        admitted_on=_opt_str(d.get("admitted_on")),
        hardship=_list(d.get("hardship", []), hardship_from),
    )


def income_from(doc):
    d = _fields(doc, ["items"], ["from"])
    return dangjian_types.IncomeRecord(_from=_opt_str(d.get("from")), items=_list(d["items"], item_from))


def item_from(doc):
    d = _fields(doc, ["code", "amount"])
    return dangjian_types.IncomeItem(code=_enum(dangjian_types.ItemCode, d["code"]), amount=_dec(d["amount"]))


def hardship_from(doc):
    d = _fields(
        doc,
        ["from", "outcome", "branch_studied_on", "approved_by", "approved_on"],
        ["to", "reduced_amount"],
    )
    reduced = d.get("reduced_amount")
    return dangjian_types.HardshipDecision(
        _from=_str(d["from"]),
        to=_opt_str(d.get("to")),
        outcome=_enum(dangjian_types.HardshipOutcome, d["outcome"]),
        reduced_amount=None if reduced is None else _dec(reduced),
        branch_studied_on=_str(d["branch_studied_on"]),
        approved_by=_str(d["approved_by"]),
        approved_on=_str(d["approved_on"]),
    )


def ledger_from(doc):
    d = _fields(doc, ["member_id", "obligations", "payments"], ["schema_version", "good_reasons"])
    return dangjian_types.Ledger(
        schema_version=d.get("schema_version"),
        member_id=_str(d["member_id"]),
        obligations=_list(d["obligations"], obligation_from),
        payments=_list(d["payments"], payment_from),
        good_reasons=_list(d.get("good_reasons", []), good_reason_from),
    )


def obligation_from(doc):
    d = _fields(doc, ["month", "amount"])
    return dangjian_types.Obligation(month=_str(d["month"]), amount=_dec(d["amount"]))


def payment_from(doc):
    # The core's defaults for an omitted field: no regular amount, no months, no voluntary extra, no channel.
    d = _fields(doc, ["paid_on"], ["amount", "months", "voluntary", "channel"])
    return dangjian_types.Payment(
        paid_on=_str(d["paid_on"]),
        amount=_dec(d.get("amount", "0")),
        months=_list(d.get("months", []), _str),
        voluntary=_dec(d.get("voluntary", "0")),
        channel=_str(d.get("channel", "")),
    )


def good_reason_from(doc):
    d = _fields(doc, ["from", "to", "reason"])
    return dangjian_types.GoodReason(_from=_str(d["from"]), to=_str(d["to"]), reason=_str(d["reason"]))


# ---- comparable views of results ----


def plain(d):
    """A Decimal as the contract writes it ("54.00"), None stays None."""
    return None if d is None else format(d, "f")


def assessment_from_json(doc):
    return {
        "amount": doc.get("amount"),
        "base": doc.get("base"),
        "rate": doc.get("rate"),
        "codes": [f["code"] for f in doc.get("findings", [])],
    }


def assessment_from_typed(a):
    return {
        "amount": plain(a.amount),
        "base": plain(a.base),
        "rate": plain(a.rate),
        "codes": [f.code for f in a.findings],
    }


LEDGER_KEYS = ("total_due", "total_paid", "outstanding", "remitted_to_centre", "voluntary_total")


def ledger_from_json(doc):
    out = {k: doc.get(k) for k in LEDGER_KEYS}
    out["arrears"] = doc.get("arrears")
    out["lapse_on"] = doc.get("lapse_on")
    out["codes"] = [f["code"] for f in doc.get("findings", [])]
    return out


def ledger_from_typed(r):
    out = {k: plain(getattr(r, k)) for k in LEDGER_KEYS}
    out["arrears"] = list(r.arrears)
    out["lapse_on"] = r.lapse_on
    out["codes"] = [f.code for f in r.findings]
    return out


def summary_from_json(doc):
    return {
        k: doc.get(k)
        for k in ("members", "due", "collected", "outstanding", "payment_rate", "members_in_arrears",
                  "voluntary", "remitted_to_centre")
    }


def summary_from_typed(s):
    return {
        "members": s.members,
        "due": plain(s.due),
        "collected": plain(s.collected),
        "outstanding": plain(s.outstanding),
        "payment_rate": plain(s.payment_rate),
        "members_in_arrears": s.members_in_arrears,
        "voluntary": plain(s.voluntary),
        "remitted_to_centre": plain(s.remitted_to_centre),
    }


def batch_view(assessments, errors):
    """`amounts` (member id -> amount) and `errors` ([{index, code, field}]) of a batch result."""
    return {"amounts": dict(assessments), "errors": list(errors)}


def batch_from_json(doc):
    return batch_view(
        ((a["member_id"], a["amount"]) for a in doc["assessments"]),
        ({"index": e["index"], "code": e["code"], "field": e["field"]} for e in doc["errors"]),
    )


def batch_from_typed(b):
    return batch_view(
        ((a.member_id, plain(a.amount)) for a in b.assessments),
        ({"index": e.index, "code": e.code, "field": e.field} for e in b.errors),
    )


# ---- one test per case ----


class VectorCaseTest(VectorCase):
    """Runs one case through every surface that can take it."""

    KINDS = KINDS

    def run_assess(self, policy, expect):
        member_json = json.dumps(self.case["member"], ensure_ascii=False)
        month = self.case["month"]
        for trace in (True, False):
            surface = "assess_dues_json" + (" trace" if trace else "")
            try:
                doc = json.loads(dangjian.assess_dues_json(policy, member_json, month, trace))
                self.compare(surface, expect, assessment_from_json(doc))
                if not trace and doc.get("trace"):
                    self.mismatch(surface, "trace", [], doc["trace"])
            except dangjian_types.DangjianError as e:
                self.mismatch(surface, "result", "an assessment", error_view(e))
        try:
            member = member_from(self.case["member"])
        except NotTyped as e:
            self.mismatch("typed", "member", "a member the typed records can hold", str(e))
            return
        for trace in (True, False):
            surface = "assess_dues" + (" trace" if trace else "")
            try:
                a = dangjian.assess_dues(policy, member, month, trace)
                self.compare(surface, expect, assessment_from_typed(a))
                if not trace and a.trace:
                    self.mismatch(surface, "trace", [], [t.step for t in a.trace])
            except dangjian_types.DangjianError as e:
                self.mismatch(surface, "result", "an assessment", error_view(e))

    def run_assess_error(self, policy, expect):
        member_json = json.dumps(self.case["member"], ensure_ascii=False)
        month = self.case["month"]
        for trace in (True, False):
            surface = "assess_dues_json" + (" trace" if trace else "")
            try:
                out = dangjian.assess_dues_json(policy, member_json, month, trace)
                self.mismatch(surface, "result", expect, json.loads(out).get("amount"))
            except dangjian_types.DangjianError as e:
                self.compare(surface, expect, error_view(e))
        try:
            member = member_from(self.case["member"])
        except NotTyped:
            return  # a document error only the JSON entry point can be given
        try:
            a = dangjian.assess_dues(policy, member, month, False)
            self.mismatch("assess_dues", "result", expect, plain(a.amount))
        except dangjian_types.DangjianError as e:
            self.compare("assess_dues", expect, error_view(e))

    def run_ledger(self, policy, expect):
        ledger_json = json.dumps(self.case["ledger"], ensure_ascii=False)
        as_of = self.case["as_of"]
        report_json = None
        try:
            report_json = dangjian.evaluate_dues_ledger_json(policy, ledger_json, as_of)
            self.compare("evaluate_dues_ledger_json", expect, ledger_from_json(json.loads(report_json)))
        except dangjian_types.DangjianError as e:
            self.mismatch("evaluate_dues_ledger_json", "result", "a ledger report", error_view(e))
        try:
            ledger = ledger_from(self.case["ledger"])
        except NotTyped as e:
            self.mismatch("typed", "ledger", "a ledger the typed records can hold", str(e))
            return
        try:
            report = dangjian.evaluate_dues_ledger(policy, ledger, as_of)
        except dangjian_types.DangjianError as e:
            self.mismatch("evaluate_dues_ledger", "result", "a ledger report", error_view(e))
            return
        self.compare("evaluate_dues_ledger", expect, ledger_from_typed(report))
        if report_json is None:
            return
        # The branch summary of this one report, typed and JSON, must agree.
        year = int(as_of[:4])
        for period, period_json in (
            (dangjian_types.Period.YEAR(year), {"year": year}),
            (dangjian_types.Period.MONTH(as_of[:7]), {"month": as_of[:7]}),
        ):
            typed = summary_from_typed(dangjian.summarize_dues([report], period))
            doc = json.loads(dangjian.summarize_dues_json(f"[{report_json}]", json.dumps(period_json)))
            self.compare(f"summarize_dues {period_json}", summary_from_json(doc), typed)

    def run_batch(self, policy, expect):
        members_json = json.dumps(self.case["members"], ensure_ascii=False)
        month = self.case["month"]
        for trace in (True, False):
            surface = "assess_dues_batch_json" + (" trace" if trace else "")
            try:
                doc = json.loads(dangjian.assess_dues_batch_json(policy, members_json, month, trace))
                self.compare(surface, expect, batch_from_json(doc))
            except dangjian_types.DangjianError as e:
                self.mismatch(surface, "result", "a batch result", error_view(e))
        try:
            members = [member_from(m) for m in self.case["members"]]
        except NotTyped:
            return  # a member only the JSON entry point can be given
        try:
            out = dangjian.assess_dues_batch(policy, members, month, False)
            self.compare("assess_dues_batch", expect, batch_from_typed(out))
        except dangjian_types.DangjianError as e:
            self.mismatch("assess_dues_batch", "result", "a batch result", error_view(e))


class VectorFilesTest(unittest.TestCase):
    """The files themselves: schema_version 1, a cases array, names unique across all files."""

    def test_files_are_well_formed(self):
        check_files_well_formed(self, ("dues",), KINDS)


def load_tests(loader, tests, pattern):  # unittest's load_tests protocol
    return load_area(tests, "dues", VectorCaseTest)
