"""Python tests of the JSON Lines member and organization checks (core/src/surface/entry_points/membership.rs): the example files
examples/data/members-lines.jsonl and orgs-lines.jsonl (a bad line each) — the good lines' reports are the
document checks' reports, each with its line; the bad line is named by line, code and field and loses none of
the others; only a bad day fails the whole call."""

import json
import pathlib

import dangjian as dj
import dangjian_types as djt
from test_bindings import ErrorsAssert

DATA = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"


def data(name):
    return (DATA / name).read_text(encoding="utf-8")


class StreamsTest(ErrorsAssert):
    def setUp(self):
        self.policy = dj.Policy.bundled()
        self.cal = dj.Calendar.official()

    def test_member_lines_give_the_roster_reports_with_their_lines(self):
        out = json.loads(dj.membership_check_members_lines(self.policy, self.cal, data("members-lines.jsonl"), "2026-11-20"))
        batch = json.loads(dj.membership_check_members(self.policy, self.cal, data("members.json"), "2026-11-20"))
        self.assertEqual([r["report"] for r in out["reports"]], batch["reports"])
        self.assertEqual([r["line"] for r in out["reports"]], [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13])
        [e] = out["errors"]
        self.assertEqual(
            (e["line"], e["member_id"], e["kind"], e["code"], e["field"]),
            (7, "M99", "invalid_input", "INVALID_RECORD_JSON", "events[0].kind"),
        )

    def test_org_lines_check_each_bundle_on_its_own(self):
        out = json.loads(dj.membership_check_orgs_lines(self.policy, data("orgs-lines.jsonl"), "2026-03-31"))
        self.assertEqual([r["line"] for r in out["reports"]], [1, 3])
        self.assertEqual(out["reports"][0]["report"],
                         json.loads(dj.membership_check_orgs(self.policy, data("org.json"), "2026-03-31")))
        self.assertEqual([s["org"] for s in out["reports"][1]["report"]["orgs"]], ["B03", "B04", "C02", "G31"])
        self.assertEqual([(e["line"], e["code"], e["field"]) for e in out["errors"]],
                         [(2, "INVALID_ORG_JSON", "orgs[0].kind")])

    def test_blank_lines_count_and_only_a_bad_day_throws(self):
        text = '{"orgs":[{"id":"B1","kind":"branch"}]}\n\nnot json\n'
        out = json.loads(dj.membership_check_orgs_lines(self.policy, text, "2026-03-31"))
        self.assertEqual(([r["line"] for r in out["reports"]], [(e["line"], e["code"]) for e in out["errors"]]),
                         ([1], [(3, "INVALID_ORG_JSON")]))
        self.assertEqual(json.loads(dj.membership_check_members_lines(self.policy, self.cal, "", "2026-11-20")),
                         {"reports": [], "errors": []})
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_DATE", "on",
                         lambda: dj.membership_check_members_lines(self.policy, self.cal, text, "2026-02-30"))
        self.assertCoded(djt.DangjianError.InvalidInput, "INVALID_DATE", "on",
                         lambda: dj.membership_check_orgs_lines(self.policy, text, "soon"))
