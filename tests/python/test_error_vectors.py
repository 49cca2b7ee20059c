"""The error vectors (tests/vectors/errors-*.json, format in tests/vectors/README.md) through the Python
bindings: each case calls the JSON-document entry point it names with its bad input; the call must raise
the case's code and field path (or, for a batch, answer with each bad item's index or line, code and field),
and every message must read as a sentence (no serde wording). The same files run on Rust
(core/tests/error_vectors.rs), Kotlin (tests/kotlin/ErrorVectors.kt) and JS (tests/js/error-vectors.test.mjs)."""

import json
import pathlib
import sys
import unittest

import dangjian as dj
import dangjian_types as djt

VECTORS = pathlib.Path(__file__).resolve().parents[1] / "vectors"
ENGINES = ("audit", "calendar", "credits", "disclosure", "dues", "membership", "policy")
# serde's own words: a message carrying one was written for a programmer, not for a party worker.
SERDE_WORDING = ("expected", "invalid type", "invalid value", "variant", "at line", "missing field",
                 "unknown field", "EOF while")


def arg(args, name):
    """An argument as the bindings take it: a string as it is, any other value as its JSON text."""
    value = args[name]
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def scheme(name):
    return {"learning_platform": dj.CreditsScheme.learning_platform,
            "member_points": dj.CreditsScheme.member_points}[name]()


def call(entry, args):
    """Calls the export behind `entry` (the core's `engine.function`) with the case's arguments."""
    p, c = dj.Policy.bundled(), dj.Calendar.official()

    def s(name):
        return arg(args, name)

    calls = {
        "dues.assess_json": lambda: dj.assess_dues_json(p, s("member"), s("month"), False),
        "dues.assess_batch_json": lambda: dj.assess_dues_batch_json(p, s("members"), s("month"), False),
        "dues.evaluate_ledger_json": lambda: dj.evaluate_dues_ledger_json(p, s("ledger"), s("as_of")),
        "dues.summarize_json": lambda: dj.summarize_dues_json(s("reports"), s("period")),
        "membership.check_member_json": lambda: dj.membership_check_member(p, c, s("record"), s("on")),
        "membership.check_members_json": lambda: dj.membership_check_members(p, c, s("members"), s("on")),
        "membership.apply_event_json": lambda: dj.membership_apply_event(p, c, s("record"), s("event"), s("roster")),
        "membership.rights_json": lambda: dj.membership_rights(p, s("record"), s("on")),
        "membership.check_orgs_json": lambda: dj.membership_check_orgs(p, s("doc"), s("on")),
        "membership.check_members_lines_json": lambda: dj.membership_check_members_lines(p, c, s("jsonl"), s("on")),
        "membership.check_orgs_lines_json": lambda: dj.membership_check_orgs_lines(p, s("jsonl"), s("on")),
        "credits.scheme_from_json": lambda: dj.CreditsScheme.from_json(s("json")) and "ok",
        "credits.score_json": lambda: dj.credits_score_json(scheme(s("scheme")), s("input"), False),
        "credits.score_jsonl": lambda: dj.credits_score_jsonl(scheme(s("scheme")), s("jsonl"), False),
        "credits.leaderboard_json": lambda: dj.credits_leaderboard_json(
            s("totals"), s("orgs"), s("kind"), s("period"), s("org")),
        "credits.rate_json": lambda: dj.credits_rate_json(s("scores"), s("tiers")),
        "credits.meeting_events_json": lambda: dj.credits_meeting_events_json(s("records"), s("activity")),
        "credits.dues_events_json": lambda: dj.credits_dues_events_json(s("ledger"), s("activity")),
        "disclosure.create_json": lambda: dj.disclosure_create(s("context"), s("new_item"), s("actor"), s("at")),
        "disclosure.apply_json": lambda: dj.disclosure_apply(p, s("context"), s("item"), s("action"), s("log")),
        "disclosure.visible_json": lambda: json.dumps(dj.disclosure_visible(s("context"), s("viewer"), s("item"), s("on"))),
        "disclosure.filter_visible_json": lambda: dj.disclosure_filter_visible(
            s("context"), s("viewer"), s("items"), s("on")),
        "disclosure.board_json": lambda: dj.disclosure_board(p, s("context"), s("viewer"), s("items"), s("on")),
        "disclosure.item_deadlines_json": lambda: dj.disclosure_item_deadlines(p, c, s("item"), s("on")),
        "disclosure.catalogue_status_json": lambda: dj.disclosure_catalogue_status(
            p, c, s("catalogue"), s("items"), s("on")),
        "disclosure.evaluate_notice_json": lambda: dj.disclosure_evaluate_notice(p, c, s("notice"), s("on")),
        "disclosure.redaction_preview_json": lambda: dj.disclosure_redaction_preview(p, s("item"), s("on")),
        "disclosure.dues_disclosure_json": lambda: dj.disclosure_dues_report(s("summary"), s("org"), s("id"), s("uses")),
        "audit.verify_audit_json": lambda: dj.disclosure_verify_audit(s("log")),
        "audit.audit_append_json": lambda: dj.disclosure_audit_append(s("log"), s("event")),
        "audit.audit_append_head_json": lambda: dj.disclosure_audit_append_at_head(s("head"), s("event")),
        "audit.apply_head_json": lambda: dj.disclosure_apply_at_head(p, s("context"), s("item"), s("action"), s("head")),
        "audit.verify_audit_signed_json": lambda: dj.disclosure_verify_audit_signed(s("log"), s("public_key")),
        "audit.verify_audit_jsonl": lambda: dj.disclosure_verify_audit_jsonl(s("jsonl"), None),
        "policy.from_json": lambda: dj.Policy.from_json(s("json")) and "ok",
        "policy.with_overrides_json": lambda: p.with_overrides_json(s("json")) and "ok",
        "calendar.load_year_json": lambda: dj.Calendar.official().load_year_json(s("json")) or "ok",
    }
    if entry not in calls:
        raise AssertionError(f"unknown entry {entry!r}")
    return calls[entry]()


def message_fault(zh, en):
    """What is wrong with a message pair, if anything: empty, or serde's wording."""
    if not (zh or "").strip() or not (en or "").strip():
        return f"empty message (zh {zh!r}, en {en!r})"
    for word in SERDE_WORDING:
        if word in zh or word in en:
            return f"message carries serde's wording {word!r}: zh {zh!r} en {en!r}"
    return None


def batch_faults(want, out):
    """A batch's item errors against the expected ones: the same count, each listed key equal, in order."""
    got = json.loads(out).get("errors") or []
    faults = []
    if len(got) != len(want):
        faults.append(f"expected {len(want)} item error(s), got {len(got)}: {json.dumps(got, ensure_ascii=False)[:300]}")
    for w, g in zip(want, got):
        if any(g.get(k) != v for k, v in w.items()):
            faults.append(f"expected {w}, got {g}")
        fault = message_fault(g.get("message_zh"), g.get("message_en"))
        if fault:
            faults.append(fault)
    return faults


class ErrorVector(unittest.TestCase):
    def __init__(self, path, case):
        super().__init__("run_case")
        self.path, self.case = path, case
        self.where = f"{path.name}: {case['name']}"

    def id(self):
        return f"error-vectors/{self.where}"

    def __str__(self):
        return self.id()

    def run_case(self):
        expect = self.case["expect"]
        try:
            out = call(self.case["entry"], self.case["args"])
        except djt.DangjianError as e:
            if "errors" in expect:
                self.fail(f"{self.where}: expected a batch result, got {e!r}")
            faults = []
            if (e.code, e.field) != (expect["code"], expect["field"]):
                faults.append(f"expected {expect['code']} at {expect['field']!r}, got {e.code} at {e.field!r}")
            fault = message_fault(e.message_zh, e.message_en)
            if fault:
                faults.append(fault)
        else:
            if "errors" not in expect:
                self.fail(f"{self.where}: expected an error, got {str(out)[:300]}")
            faults = batch_faults(expect["errors"], out)
        if faults:
            print(f"{self.where}: " + "; ".join(faults), file=sys.stderr)
            self.fail(f"{self.where}: " + "; ".join(faults))


class ErrorFilesTest(unittest.TestCase):
    def test_every_engine_has_its_file(self):
        for engine in ENGINES:
            self.assertTrue((VECTORS / f"errors-{engine}.json").is_file(), engine)


def load_tests(loader, tests, pattern):
    suite = unittest.TestSuite(tests)
    names = set()
    for path in sorted(VECTORS.glob("errors-*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            assert case["name"] not in names, f"{path.name}: duplicate case name {case['name']}"
            names.add(case["name"])
            suite.addTest(ErrorVector(path, case))
    print(f"error vectors: {len(names)} case(s)", file=sys.stderr)
    return suite
