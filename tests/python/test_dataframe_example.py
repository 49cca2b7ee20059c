"""examples/dataframe: the dues column it computes inside a pyarrow table through the columnar entry
(`MonthRules.amounts_fen_buffer`, one call per category) equals the record API (`assess_dues_batch_json`)
member by member on small seeded rosters, and the totals it prints are the sum of those amounts.

The example runs in its own venv (examples/dataframe/venv.sh installs pyarrow and numpy with pip the first
time); the test is skipped, saying why, when they cannot be installed."""

import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

import dangjian as dj
from test_dues_columns import fen, yuan
from vectorlib import dumps

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dataframe"
CATEGORIES = {"employed", "retired", "student", "farmer"}


def venv_python():
    """The example venv's python, or None and the installer's last words."""
    run = subprocess.run(["bash", str(EXAMPLE / "venv.sh")], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        return None, (run.stderr.strip().splitlines() or ["no output"])[-1]
    return run.stdout.strip().splitlines()[-1], None


def record_amounts(categories, bases, month):
    """The record API's amount in fen for each row: a member of the row's category whose base is one net item
    (a flat category has no income: its figure ignores the base, Art. 6)."""
    members = []
    for i, (category, base) in enumerate(zip(categories, bases)):
        member = {"member_id": f"R{i}", "category": category}
        if category in ("employed", "retired"):
            member["incomes"] = [{"items": [{"code": "net_base", "amount": yuan(base)}]}]
        members.append(member)
    out = json.loads(dj.assess_dues_batch_json(dj.Policy.bundled(), dumps(members), month, False))
    assert out["errors"] == [], out["errors"][:3]
    return [fen(a["amount"]) for a in out["assessments"]]


class DataframeExampleTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.python, why = venv_python()
        if cls.python is None:
            raise unittest.SkipTest(f"pyarrow and numpy could not be installed for examples/dataframe: {why}")

    def run_example(self, members, seed, month):
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "roster.json"
            run = subprocess.run(
                [self.python, str(EXAMPLE / "dues_column.py"), "--members", str(members), "--seed", str(seed),
                 "--month", month, "--dump", str(dump)],
                capture_output=True, text=True, check=False, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
            self.assertEqual(run.returncode, 0, run.stderr)
            return json.loads(dump.read_text(encoding="utf-8")), run.stdout

    def test_the_dues_column_equals_the_record_api(self):
        # 2026-11 and 2016-06: the same bracket table in both (the 2008 Rules), so the months also prove the
        # example passes its month through rather than a fixed one: a month before the Rules would fail.
        for month, seed in (("2026-11", 7), ("2016-06", 8)):
            with self.subTest(month=month):
                data, printed = self.run_example(3_000, seed, month)
                self.assertEqual(set(data["category"]), CATEGORIES)
                want = record_amounts(data["category"], data["base_fen"], month)
                self.assertEqual(data["dues_fen"], want)
                self.assertEqual(data["refused"], [])
                total = sum(want)
                self.assertIn(f"{total // 100:,}.{total % 100:02d} yuan", printed)

    def test_the_roster_is_seeded(self):
        a, _ = self.run_example(500, 11, "2026-11")
        b, _ = self.run_example(500, 11, "2026-11")
        c, _ = self.run_example(500, 12, "2026-11")
        self.assertEqual(a, b)
        self.assertNotEqual(a["base_fen"], c["base_fen"])


if __name__ == "__main__":
    unittest.main()
