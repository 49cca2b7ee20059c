"""The columnar dues entry (`MonthRules`: bases in fen in, amounts in fen out) against the record API
(`assess_dues_json` / `assess_dues_batch_json`): the same amount on every dues vector it can express and on
randomized bases across every bracket bound and on the half-fen cases; refused rows named at their index with
the rest computed; the packed-bytes forms (copied in, and lent in place) equal to the list form."""

import json
import random
import unittest
from array import array
from decimal import Decimal

import dangjian as dj
import dangjian_types as djt
from vectorlib import dumps, policy_of, vector_files

C = djt.Category
# The categories that have a base (the rest pay a flat figure, 2008 Rules Art. 6).
RATED = {"employed": C.EMPLOYED, "annual_salary": C.ANNUAL_SALARY,
         "self_employed": C.SELF_EMPLOYED, "retired": C.RETIRED}
FLAT = {"farmer": C.FARMER, "student": C.STUDENT, "unemployed": C.UNEMPLOYED,
        "relief": C.RELIEF, "subsistence": C.SUBSISTENCE}
CATEGORIES = {**RATED, **FLAT}
# One trillion yuan in fen: the largest base the core accepts.
MAX_BASE_FEN = 100_000_000_000_000


def fen(amount):
    """A decimal string with at most two decimals as whole fen."""
    value = Decimal(amount) * 100
    assert value == value.to_integral_value(), amount
    return int(value)


def yuan(fen_value):
    return f"{Decimal(fen_value).scaleb(-2):.2f}"


def record_amounts(policy, category, bases, month):
    """The record API's amounts in fen for members of `category` with these bases, one batch call."""
    members = [{"member_id": f"R{i}", "category": category,
                "incomes": [{"items": [{"code": "net_base", "amount": yuan(b)}]}]}
               for i, b in enumerate(bases)]
    out = json.loads(dj.assess_dues_batch_json(policy, dumps(members), month, False))
    assert out["errors"] == [], out["errors"][:3]
    return [fen(a["amount"]) for a in out["assessments"]]


def boundary_bases(rng):
    """Every bracket bound (3000, 5000, 10000; 5000 for retirees) on both sides, the half-fen bases of each
    rate (base × rate ending in exactly half a fen), and random bases over the whole bracket range."""
    bases = [0, 1, 50, 99, 100, 101, 199, 200, 1_000_000_000, MAX_BASE_FEN]
    for bound in (300_000, 500_000, 1_000_000):
        bases += [bound + d for d in (-100, -2, -1, 0, 1, 2, 100)]
    # Half a fen: 0.5% of 1.00 + 2.00k; 1% of x.50; 1.5% of x.00 with an odd hundred; 2% of x.25 / x.75.
    bases += [100 + 200 * k for k in range(0, 1_500, 97)]
    bases += [300_050, 300_150, 499_950, 500_050, 700_050]
    bases += [500_100, 500_300, 999_900, 700_100]
    bases += [1_000_025, 1_000_075, 1_234_525]
    bases += [rng.randrange(0, 3_000_000) for _ in range(1_500)]
    return bases


class MonthRulesTests(unittest.TestCase):
    def test_the_worked_examples_in_both_forms(self):
        rules = dj.MonthRules.bundled("2026-11")
        self.assertEqual(rules.month(), "2026-11")
        # RULES §1 (2008 Arts. 2, 5): 3000.00 × 0.5% = 15.00; 3000.01 × 1% = 30.0001 → 30.00;
        # 5400.00 × 1.5% = 81.00; 11500.00 × 2% = 230.00.
        bases = [300_000, 300_001, 540_000, 1_150_000]
        want = [1_500, 3_000, 8_100, 23_000]
        out = rules.amounts_fen(C.EMPLOYED, bases)
        self.assertEqual((out.amounts_fen, out.errors), (want, []))
        packed = rules.amounts_fen_packed(C.EMPLOYED, array("q", bases).tobytes())
        self.assertEqual(list(array("q", packed.amounts_le)), want)
        self.assertEqual(packed.errors, [])
        lent = rules.amounts_fen_buffer(C.EMPLOYED, array("q", bases).tobytes())
        self.assertEqual((list(array("q", lent.amounts_le)), lent.errors), (want, []))

    def test_half_a_fen_rounds_up(self):
        # The bundled rounding: half-up at the fen. 1.00 × 0.5% = 0.005 → 0.01; 3000.50 × 1% = 30.005 →
        # 30.01; 5001.00 × 1.5% = 75.015 → 75.02; 10000.25 × 2% = 200.005 → 200.01; and just under each half:
        # 0.99 × 0.5% = 0.00495 → 0.00, 3000.49 × 1% = 30.0049 → 30.00.
        out = dj.MonthRules.bundled("2026-11").amounts_fen(
            C.EMPLOYED, [100, 300_050, 500_100, 1_000_025, 99, 300_049])
        self.assertEqual(out.amounts_fen, [1, 3_001, 7_502, 20_001, 0, 3_000])

    def test_refused_rows_are_named_and_the_rest_computed(self):
        rules = dj.MonthRules.bundled("2026-11")
        bases = [-1, 500_000, MAX_BASE_FEN + 1, 500_001, MAX_BASE_FEN]
        for form in ("list", "packed", "buffer"):
            with self.subTest(form=form):
                if form == "list":
                    out = rules.amounts_fen(C.RETIRED, bases)
                    amounts = out.amounts_fen
                else:
                    call = rules.amounts_fen_packed if form == "packed" else rules.amounts_fen_buffer
                    out = call(C.RETIRED, array("q", bases).tobytes())
                    amounts = list(array("q", out.amounts_le))
                # Retirees (Art. 5): 5000.00 × 0.5% = 25.00; 5000.01 × 1% → 50.00; one trillion × 1%.
                self.assertEqual(amounts, [0, 2_500, 0, 5_000, 1_000_000_000_000])
                self.assertEqual([(e.index, e.code, e.field) for e in out.errors],
                                 [(0, "NEGATIVE_AMOUNT", "bases[0]"), (2, "AMOUNT_TOO_LARGE", "bases[2]")])
                self.assertTrue(all(e.message_zh and e.message_en for e in out.errors))

    def test_a_partial_base_in_the_bytes_is_invalid_amount(self):
        rules = dj.MonthRules.bundled("2026-11")
        for call in (rules.amounts_fen_packed, rules.amounts_fen_buffer):
            for length in (1, 7, 9):
                with self.assertRaises(djt.DangjianError.InvalidInput) as caught:
                    call(C.EMPLOYED, bytes(length))
                self.assertEqual((caught.exception.code, caught.exception.field), ("INVALID_AMOUNT", "bases_le"))
            self.assertEqual(call(C.EMPLOYED, b"").amounts_le, b"")
            # 16 bytes: two bases of 0 fen, 0 under the lowest rate.
            self.assertEqual(call(C.EMPLOYED, bytes(16)).amounts_le, bytes(16))

    def test_the_lent_form_takes_bytes_only(self):
        # The binding borrows a `bytes` object's buffer in place; a mutable buffer could change under it.
        with self.assertRaises(TypeError):
            dj.MonthRules.bundled("2026-11").amounts_fen_buffer(C.EMPLOYED, bytearray(8))

    def test_resolve_errors(self):
        with self.assertRaises(djt.DangjianError.InvalidInput) as caught:
            dj.MonthRules.bundled("2026-13")
        self.assertEqual((caught.exception.code, caught.exception.field), ("INVALID_MONTH", "month"))
        # The bundled rules start in April 2008.
        with self.assertRaises(djt.DangjianError.Policy) as caught:
            dj.MonthRules.resolve(dj.Policy.bundled(), "2008-03")
        self.assertEqual(caught.exception.code, "NO_POLICY_IN_FORCE")
        self.assertEqual(dj.MonthRules.bundled("2008-04").amount_fen(C.STUDENT, 0), 20)

    def test_equal_to_the_record_api_on_the_dues_vectors(self):
        """Every `assess` vector with an amount whose member has no hardship decision or admission date (those
        change the amount beyond the base): the columnar amount of its category and assessed base equals the
        record API's amount, under the case's policy."""
        compared = 0
        for path in vector_files("dues"):
            for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
                member = case.get("member", {})
                if case["kind"] != "assess" or "hardship" in member or "admitted_on" in member:
                    continue
                with self.subTest(file=path.name, case=case["name"]):
                    policy = policy_of(case)
                    a = json.loads(dj.assess_dues_json(policy, dumps(member), case["month"], False))
                    base = 0 if a.get("base") is None else fen(a["base"])
                    rules = dj.MonthRules.resolve(policy, case["month"])
                    out = rules.amounts_fen(CATEGORIES[member["category"]], [base])
                    self.assertEqual(out.errors, [])
                    self.assertEqual(out.amounts_fen, [fen(a["amount"])])
                    self.assertEqual(fen(a["amount"]), fen(case["expect"]["amount"]))
                    compared += 1
        self.assertGreater(compared, 80)

    def test_equal_to_the_record_api_on_randomized_bases(self):
        rng = random.Random(14)
        policy = dj.Policy.bundled()
        for month in ("2026-11", "2016-06"):
            rules = dj.MonthRules.resolve(policy, month)
            for name, category in RATED.items():
                with self.subTest(month=month, category=name):
                    bases = boundary_bases(rng)
                    want = record_amounts(policy, name, bases, month)
                    self.assertEqual(rules.amounts_fen(category, bases).amounts_fen, want)
                    packed = rules.amounts_fen_packed(category, array("q", bases).tobytes())
                    self.assertEqual(list(array("q", packed.amounts_le)), want)
                    lent = rules.amounts_fen_buffer(category, array("q", bases).tobytes())
                    self.assertEqual(list(array("q", lent.amounts_le)), want)

    def test_flat_categories_ignore_the_base(self):
        rules = dj.MonthRules.bundled("2026-11")
        # Art. 6: 0.20 for students, the unemployed, relief and 低保; the bundled farmer figure 0.50.
        for name, category in FLAT.items():
            want = 50 if name == "farmer" else 20
            self.assertEqual(rules.amounts_fen(category, [0, 540_000]).amounts_fen, [want, want], name)


if __name__ == "__main__":
    unittest.main()
