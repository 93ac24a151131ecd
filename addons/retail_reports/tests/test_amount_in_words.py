from odoo import Command
from odoo.tests import BaseCase, tagged

from ..tools.amount_in_words import amount_to_chinese_capitals
from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestAmountInCapitals(BaseCase):
    def test_zeros_units_and_signs_are_written_as_on_invoices(self):
        # a few of the cases the till's receipt shares (retail_reports_pos checks
        # the printouts against all of them)
        for amount, words in (
            (0, "零元整"),
            (0.05, "伍分"),
            (1.05, "壹元零伍分"),
            (1010, "壹仟零壹拾元整"),
            (100001.1, "壹拾万零壹元壹角"),
            (100010000, "壹亿零壹万元整"),
            (-12.5, "负壹拾贰元伍角"),
        ):
            with self.subTest(amount=amount):
                self.assertEqual(amount_to_chinese_capitals(amount), words)

    def test_amounts_are_rounded_to_the_fen(self):
        self.assertEqual(amount_to_chinese_capitals(0.125), "壹角叁分")
        self.assertEqual(amount_to_chinese_capitals(2.675), "贰元陆角捌分")
        self.assertEqual(amount_to_chinese_capitals(-0.001), "零元整")

    def test_amounts_too_large_are_refused(self):
        with self.assertRaisesRegex(ValueError, "too large"):
            amount_to_chinese_capitals(10**13)


@tagged("post_install", "-at_install")
class TestInvoiceAmountInCapitals(StatementCommon):
    def test_customer_invoice_prints_its_total_in_capitals(self):
        env = self.cn_env(user=self.accountant)
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "东北大米 5kg",
                            "quantity": 1,
                            "price_unit": 19.10,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        self.assertEqual(invoice.currency_id.name, "CNY")
        self.assertEqual(invoice.retail_amount_total_capitals, "壹拾玖元壹角")
        html = (
            env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html("account.report_invoice", invoice.ids)[0]
            .decode()
        )
        self.assertIn("壹拾玖元壹角", html)
        self.assertIn("人民币（大写）", html)

    def test_invoice_in_another_currency_has_no_capitals(self):
        usd = self.env.ref("base.USD")
        usd.active = True
        invoice = self.cn_env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "currency_id": usd.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Rice",
                            "price_unit": 19.10,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        self.assertFalse(invoice.retail_amount_total_capitals)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.report_invoice", invoice.ids)[0]
            .decode()
        )
        self.assertNotIn("壹拾玖元壹角", html)
