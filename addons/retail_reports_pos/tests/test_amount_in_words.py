import json

from odoo.tests import BaseCase, tagged
from odoo.tools.misc import file_open

from odoo.addons.retail_reports.tools.amount_in_words import amount_to_chinese_capitals


@tagged("post_install", "-at_install")
class TestAmountInCapitals(BaseCase):
    def test_printouts_write_amounts_as_the_receipt_does(self):
        # the till's receipt is checked against the same table
        with file_open("retail_pos_ext/static/tests/amount_in_words_cases.json") as f:
            cases = json.load(f)
        self.assertGreater(len(cases), 20)
        for amount, words in cases:
            with self.subTest(amount=amount):
                self.assertEqual(amount_to_chinese_capitals(amount), words)
