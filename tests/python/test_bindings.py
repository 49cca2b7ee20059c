"""Python tests of the dangjian UniFFI bindings (module `dangjian`, generated
into target/bindings/python by tests/python/run.sh, which sets PYTHONPATH)."""

import unittest

import dangjian


class PlaceholderApiTest(unittest.TestCase):
    def test_core_version_is_non_empty(self):
        self.assertIsInstance(dangjian.core_version(), str)
        self.assertTrue(dangjian.core_version().strip())

    def test_check_amount_ok(self):
        self.assertEqual(dangjian.check_amount("12.50"), "12.50")

    def test_check_amount_normalises(self):
        self.assertEqual(dangjian.check_amount("12.5"), "12.50")

    def test_check_amount_negative_is_invalid_input(self):
        with self.assertRaises(dangjian.DangjianError.InvalidInput) as ctx:
            dangjian.check_amount("-1")
        err = ctx.exception
        self.assertEqual(err.code, "INVALID_AMOUNT")
        self.assertEqual(err.field, "amount")
        self.assertTrue(err.message_zh)
        self.assertTrue(err.message_en)

    def test_error_variants_share_the_base_class(self):
        with self.assertRaises(dangjian.DangjianError):
            dangjian.check_amount("1.234")


if __name__ == "__main__":
    unittest.main()
