import json

from odoo.tests import BaseCase, tagged
from odoo.tools.misc import file_path

from odoo.addons.retail_pos_ext.tools import amount_to_chinese_capitals

# the same table checks the JavaScript twin in the receipt tour
CASES_PATH = "retail_pos_ext/static/tests/amount_in_words_cases.json"


@tagged("post_install", "-at_install")
class TestAmountInWords(BaseCase):
    def test_amounts_are_written_in_chinese_capitals(self):
        with open(file_path(CASES_PATH), encoding="utf-8") as cases_file:
            cases = json.load(cases_file)
        self.assertGreaterEqual(len(cases), 20)
        for amount, words in cases:
            with self.subTest(amount=amount):
                self.assertEqual(amount_to_chinese_capitals(amount), words)

    def test_the_brief_examples(self):
        self.assertEqual(amount_to_chinese_capitals(0.05), "伍分")
        self.assertEqual(amount_to_chinese_capitals(10.00), "拾元整")
        self.assertEqual(amount_to_chinese_capitals(100001.10), "壹拾万零壹元壹角")
        self.assertEqual(amount_to_chinese_capitals(1000000000.00), "壹拾亿元整")
        self.assertEqual(amount_to_chinese_capitals(-10), "负拾元整")

    def test_amount_rounds_to_the_fen_and_negative_zero_has_no_sign(self):
        self.assertEqual(amount_to_chinese_capitals(2.004), "贰元整")
        self.assertEqual(amount_to_chinese_capitals(-0.001), "零元整")

    def test_amount_too_large_is_refused(self):
        with self.assertRaises(ValueError):
            amount_to_chinese_capitals(10**13)
