"""Hostile input on the Python bindings (issue 16): a sum that overflows is the library's own coded exception
(never UniFFI's InternalError), amounts follow the one grammar (never rounded), and a panic that slips through
is DangjianError.Internal with code INTERNAL."""

import json
import unittest
from decimal import Decimal

import dangjian as dj
import dangjian_types as djt

MAX = "79228162514264337593543950335"  # the largest decimal the core holds


def report_json(due):
    return {
        "member_id": "M1", "as_of": "2026-12-31", "total_due": "0", "total_paid": "0", "outstanding": "0",
        "months": [{"month": "2026-01", "due": due, "paid": "0", "outstanding": due}], "arrears": [],
        "voluntary_total": "0", "voluntary_payments": [], "remitted_to_centre": "0", "unallocated": "0",
        "findings": [],
    }


class Coded(unittest.TestCase):
    def assertCoded(self, code, field, call):
        with self.assertRaises(djt.DangjianError.InvalidInput) as ctx:
            call()
        self.assertEqual((ctx.exception.code, ctx.exception.field), (code, field), repr(ctx.exception))
        return ctx.exception


class SummaryOverflowTest(Coded):
    def test_json_summary_overflow_is_coded(self):
        doc = json.dumps([report_json(MAX), report_json(MAX)])
        self.assertCoded("ARITHMETIC_OVERFLOW", "[1].months[0].due",
                         lambda: dj.summarize_dues_json(doc, '{"year":2026}'))
        # The library goes on: the next call answers.
        ok = json.loads(dj.summarize_dues_json(json.dumps([report_json("10.00")] * 2), '{"year":2026}'))
        self.assertEqual(ok["due"], "20.00")

    def test_typed_summary_overflow_is_coded(self):
        p = dj.Policy.bundled()
        report = dj.evaluate_dues_ledger(p, djt.Ledger(member_id="M1", obligations=[
            djt.Obligation(month="2026-01", amount=Decimal("10.00"))], payments=[]), "2026-12-31")
        report.months[0].due = Decimal(MAX)
        self.assertCoded("ARITHMETIC_OVERFLOW", "[1].months[0].due",
                         lambda: dj.summarize_dues([report, report], djt.Period.YEAR(2026)))


class GrammarTest(Coded):
    def member(self, amount):
        return json.dumps({"member_id": "X", "category": "retired",
                           "incomes": [{"items": [{"code": "pension", "amount": amount}]}]})

    def test_json_amounts_refuse_underscore_plus_and_rounding(self):
        p = dj.Policy.bundled()
        for bad in ["1_000", "+100", "1e3"]:
            self.assertCoded("INVALID_MEMBER_JSON", "incomes[0].items[0].amount",
                             lambda: dj.assess_dues_json(p, self.member(bad), "2026-01", False))
        self.assertCoded("TOO_MANY_DECIMALS", "incomes[0].items[0].amount",
                         lambda: dj.assess_dues_json(p, self.member("1." + "0" * 29 + "1"), "2026-01", False))

    def test_typed_amount_with_thirty_decimals_is_refused_not_rounded(self):
        p = dj.Policy.bundled()
        member = djt.DuesMember(member_id="X", category=djt.Category.RETIRED, incomes=[
            djt.IncomeRecord(items=[djt.IncomeItem(code=djt.ItemCode.PENSION, amount=Decimal("1." + "0" * 29 + "1"))])])
        with self.assertRaises(djt.DangjianError.InvalidInput) as ctx:
            dj.assess_dues(p, member, "2026-01", False)
        self.assertIn(ctx.exception.code, ("INVALID_AMOUNT", "TOO_MANY_DECIMALS"))

    def test_policy_farmer_figure_is_bounded(self):
        doc = json.dumps({"schema_version": 1, "dues": {"farmer_monthly": [{
            "effective_from": "2024-01-01", "citation": {"regulation": "r", "article": "a"},
            "value": {"monthly": "1" + "0" * 28, "min": "0.2", "max": "1" + "0" * 28}}]}})
        with self.assertRaises(djt.DangjianError.Policy) as ctx:
            dj.Policy.bundled().with_overrides_json(doc)
        self.assertEqual(ctx.exception.code, "AMOUNT_TOO_LARGE")


class PanicGuardTest(unittest.TestCase):
    """A panic inside the library is the library's own DangjianError.Internal with code INTERNAL (the guard
    around every fallible export), never UniFFI's InternalError, and the library goes on answering."""

    def assessed_amount(self):
        member = djt.DuesMember(member_id="G1", category=djt.Category.EMPLOYED, incomes=[
            djt.IncomeRecord(items=[djt.IncomeItem(code=djt.ItemCode.NET_BASE, amount=Decimal("6400.00"))])])
        return dj.assess_dues(dj.Policy.bundled(), member, "2026-11", False).amount

    def test_a_panic_is_internal_and_the_next_call_works(self):
        with self.assertRaises(djt.DangjianError) as ctx:
            dj.force_panic_for_tests()
        e = ctx.exception
        self.assertIsInstance(e, djt.DangjianError.Internal, repr(e))
        self.assertEqual((e.code, e.field), ("INTERNAL", ""))
        self.assertIn("forced by force_panic_for_tests", e.message_en)
        self.assertTrue(e.message_zh)
        self.assertEqual(self.assessed_amount(), Decimal("96.00"))

    def test_panic_after_panic_each_coded(self):
        for _ in range(3):
            with self.assertRaises(djt.DangjianError.Internal) as ctx:
                dj.force_panic_for_tests()
            self.assertEqual(ctx.exception.code, "INTERNAL")
        self.assertEqual(self.assessed_amount(), Decimal("96.00"))

    def test_internal_is_registered(self):
        info = dj.describe_code("INTERNAL")
        self.assertIsNotNone(info)
        self.assertEqual((info.area, info.kind), ("surface", "error"))


if __name__ == "__main__":
    unittest.main()
