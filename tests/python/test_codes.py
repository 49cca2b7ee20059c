"""The code registry from Python: all_codes(), describe_code(code), and the code a real exception carries."""

import unittest

import dangjian as dj
import dangjian_types as djt


class CodesTest(unittest.TestCase):
    def test_an_exception_code_has_its_registry_record(self):
        member = djt.DuesMember(
            member_id="M1",
            category=djt.Category.EMPLOYED,
            employer_type=djt.EmployerType.ENTERPRISE,
        )
        with self.assertRaises(djt.DangjianError.InvalidInput) as caught:
            dj.assess_dues(dj.Policy.bundled(), member, "2026-11", False)
        info = dj.describe_code(caught.exception.code)
        self.assertEqual((info.code, info.area, info.kind), ("MISSING_INCOME", "dues", "error"))
        self.assertEqual(info.message_zh, "未提供收入，无法计算党费")
        self.assertEqual(info.message_en, "no income was given, so dues cannot be computed")

    def test_unknown_codes_are_none(self):
        for bad in ["", "missing_income", "NOPE"]:
            self.assertIsNone(dj.describe_code(bad), bad)

    def test_all_codes_are_distinct_and_found_again(self):
        codes = dj.all_codes()
        self.assertGreater(len(codes), 250)
        self.assertEqual(len({c.code for c in codes}), len(codes))
        for c in codes:
            self.assertEqual(dj.describe_code(c.code), c)
        self.assertTrue({c.kind for c in codes} <= {"error", "finding", "both", "step", "outcome"})


if __name__ == "__main__":
    unittest.main()
