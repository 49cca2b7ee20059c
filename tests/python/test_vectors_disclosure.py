"""The shared disclosure vectors (tests/vectors/disclosure, format in tests/vectors/README.md) run through
the Python bindings, one test per case, exactly as core/tests/disclosure_vectors.rs runs them: the result of
the kind's export is put in the shape of `expect` and every key of `expect` is compared.

- `notice` / `notice_error`: disclosure_evaluate_notice (working_days, earliest_close, result, codes; or the
  error's {code, field});
- `redact`: disclosure_mask (masked) and disclosure_scan (kinds and ranges, in order), and the same from
  disclosure_redaction_preview of an item to society (the only path for cases with policy overrides);
- `visible`: disclosure_visible;
- `board`: disclosure_board (entries, compared whole) and disclosure_filter_visible (ids);
- `catalogue`: disclosure_catalogue_status (dues {code, period, due_on, status}, codes);
- `deadlines`: disclosure_item_deadlines (deadlines {kind, due_on, overdue}, codes);
- `audit_verify`: disclosure_verify_audit on the log as given (valid, entries, first_broken, code);
- `audit_verify_signed`: disclosure_verify_audit_signed with the case's public key (or the error's {code, field});
- `audit_verify_jsonl`: disclosure_verify_audit_jsonl on the lines joined by newlines, with the key if given;
- `audit_append_head`: disclosure_audit_append_at_head (seq, prev_hash, hash of the new entry; head_entries,
  head_hash of the new head);
- `workflow`: disclosure_create, its event appended to an empty log (disclosure_audit_append), each action
  through disclosure_apply (the first error is {step, code, field}), then the log verified
  (disclosure_verify_audit: valid, entries) — status, version (number of versions), log_entries."""

import json
import unittest

import dangjian as dj
import dangjian_types as djt
from vectorlib import VectorCase, check_files_well_formed, dumps, load_area

KINDS = frozenset({"notice", "notice_error", "redact", "visible", "board", "catalogue", "deadlines", "workflow", "audit_verify",
                   "audit_verify_signed", "audit_verify_jsonl", "audit_append_head"})
EMPTY_LOG = '{"schema_version":1,"entries":[]}'


def codes(findings):
    return [f["code"] for f in findings]


def pick(rows, keys):
    return [{k: r.get(k) for k in keys} for r in rows]


def redaction(masked, found):
    """The masked text, kinds and ranges of the findings."""
    return {"masked": masked, "kinds": [f["kind"] for f in found],
            "found": [{"kind": f["kind"], "start": f["start"], "end": f["end"]} for f in found]}


class StepFailed(Exception):
    """An action of a workflow refused: its index and the DangjianError."""

    def __init__(self, step, error):
        super().__init__(f"step {step}: {error!r}")
        self.step = step
        self.error = error


def run_workflow(policy, context_json, new_item_json, actor, at, actions):
    """disclosure_create, its event appended to an empty log (disclosure_audit_append), then each action
    (a JSON string) through disclosure_apply. Returns (item, log JSON); a refused action raises StepFailed."""
    created = json.loads(dj.disclosure_create(context_json, new_item_json, actor, at))
    item = created["item"]
    log = dj.disclosure_audit_append(EMPTY_LOG, dumps(created["event"]))
    for step, action in enumerate(actions):
        try:
            out = json.loads(dj.disclosure_apply(policy, context_json, dumps(item), action, log))
        except djt.DangjianError as e:
            raise StepFailed(step, e) from e
        item, log = out["item"], dumps(out["log"])
    return item, log


class DisclosureVectorTest(VectorCase):
    KINDS = KINDS

    def on(self):
        return self.case.get("on", "")

    def run_notice(self, policy, expect):
        r = json.loads(dj.disclosure_evaluate_notice(policy, dj.Calendar.official(), dumps(self.case["notice"]), self.on()))
        got = {k: r.get(k) for k in ("working_days", "earliest_close", "result")}
        got["codes"] = codes(r["findings"])
        self.compare("disclosure_evaluate_notice", expect, got)

    def run_notice_error(self, policy, expect):
        try:
            out = dj.disclosure_evaluate_notice(policy, dj.Calendar.official(), dumps(self.case["notice"]), self.on())
            got = {"unexpected": out}
        except djt.DangjianError as e:
            got = {"code": e.code, "field": e.field}
        self.compare("disclosure_evaluate_notice", expect, got)

    def run_redact(self, policy, expect):
        """disclosure_mask / disclosure_scan (default options: only without policy overrides) and the preview
        of an item to society carrying the text, under the case's policy: both must give the expectation."""
        text = self.case["text"]
        item = {"schema_version": 1, "id": "V", "org": "B1", "title": "vector", "body": text, "category": "service",
                "scope": {"kind": "to_society"}, "created_by": "P1", "created_at": "2026-03-02T09:00:00+08:00",
                "status": "reviewed"}
        p = json.loads(dj.disclosure_redaction_preview(policy, dumps(item), "2026-03-03"))
        self.compare("disclosure_redaction_preview", expect, redaction(p["text"], p["found"]))
        if "policy_overrides" not in self.case:
            found = [{"kind": f.kind.name.lower(), "start": f.start, "end": f.end} for f in dj.disclosure_scan(text)]
            got = redaction(dj.disclosure_mask(text), found)
            self.compare("disclosure_mask / disclosure_scan", expect, got)

    def run_visible(self, policy, expect):
        c = self.case
        v = dj.disclosure_visible(dumps(c["context"]), dumps(c["viewer"]), dumps(c["item"]), self.on())
        self.compare("disclosure_visible", expect, {"visible": v})

    def run_board(self, policy, expect):
        c = self.case
        ctx, viewer, items = dumps(c["context"]), dumps(c["viewer"]), dumps(c["items"])
        got = {
            "entries": json.loads(dj.disclosure_board(policy, ctx, viewer, items, self.on())),
            "ids": json.loads(dj.disclosure_filter_visible(ctx, viewer, items, self.on())),
        }
        self.compare("disclosure_board / disclosure_filter_visible", expect, got)

    def run_catalogue(self, policy, expect):
        c = self.case
        r = json.loads(
            dj.disclosure_catalogue_status(policy, dj.Calendar.official(), dumps(c["catalogue"]), dumps(c["items"]), self.on())
        )
        got = {"dues": pick(r["value"], ("code", "period", "due_on", "status")), "codes": codes(r["findings"])}
        self.compare("disclosure_catalogue_status", expect, got)

    def run_deadlines(self, policy, expect):
        r = json.loads(dj.disclosure_item_deadlines(policy, dj.Calendar.official(), dumps(self.case["item"]), self.on()))
        got = {"deadlines": pick(r["value"], ("kind", "due_on", "overdue")), "codes": codes(r["findings"])}
        self.compare("disclosure_item_deadlines", expect, got)

    def run_audit_verify(self, policy, expect):
        got = json.loads(dj.disclosure_verify_audit(dumps(self.case["log"])))
        self.compare("disclosure_verify_audit", expect, got)

    def or_error(self, call):
        try:
            return json.loads(call())
        except djt.DangjianError as e:
            return {"error": {"code": e.code, "field": e.field}}

    def run_audit_verify_signed(self, policy, expect):
        c = self.case
        got = self.or_error(lambda: dj.disclosure_verify_audit_signed(dumps(c["log"]), c["public_key"]))
        self.compare("disclosure_verify_audit_signed", expect, got)

    def run_audit_verify_jsonl(self, policy, expect):
        c = self.case
        got = self.or_error(lambda: dj.disclosure_verify_audit_jsonl("\n".join(c["lines"]), c.get("public_key")))
        self.compare("disclosure_verify_audit_jsonl", expect, got)

    def run_audit_append_head(self, policy, expect):
        c = self.case
        out = self.or_error(lambda: dj.disclosure_audit_append_at_head(dumps(c["head"]), dumps(c["event"])))
        if "error" not in out:
            e = out["entries"][0]
            out = {"seq": e["seq"], "prev_hash": e["prev_hash"], "hash": e["hash"],
                   "head_entries": out["head"]["entries"], "head_hash": out["head"]["hash"]}
        self.compare("disclosure_audit_append_at_head", expect, out)

    def run_workflow(self, policy, expect):
        c = self.case
        actions = [dumps(a) for a in c["actions"]]
        try:
            item, log = run_workflow(policy, dumps(c["context"]), dumps(c["new_item"]), c["actor"], c["at"], actions)
        except StepFailed as e:
            err = e.error
            self.compare("disclosure_apply", expect, {"error": {"step": e.step, "code": err.code, "field": err.field}})
            return
        v = json.loads(dj.disclosure_verify_audit(log))
        if not v["valid"]:
            self.mismatch("disclosure_verify_audit", "log", "a valid chain", v)
        got = {"status": item["status"], "version": len(item.get("versions") or []), "log_entries": v["entries"]}
        self.compare("disclosure_apply", expect, got)


class DisclosureVectorFilesTest(unittest.TestCase):
    def test_files_are_well_formed(self):
        check_files_well_formed(self, ("disclosure",), KINDS)


def load_tests(loader, tests, pattern):  # unittest's load_tests protocol
    return load_area(tests, "disclosure", DisclosureVectorTest)
