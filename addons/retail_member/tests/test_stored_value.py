from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestStoredValue(AccountTestInvoicingCommon):
    """The stored value card (储值卡) of a company set up with the Chinese chart, and
    its top-ups in the back office (a sale of the top-up product, core sale_loyalty),
    as a store manager."""

    @classmethod
    @AccountTestInvoicingCommon.setup_chart_template("cn")
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.program = cls.company.retail_stored_value_program_id
        cls.top_up = cls.program.trigger_product_ids
        cls.manager = new_test_user(
            cls.env,
            login="sv_store_manager",
            groups="retail_wholesale.retail_wholesale_group_store_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.member = cls.env["res.partner"].create({"name": "Member Wang"})

    def test_one_program_per_company_on_the_advance_account(self):
        self.assertEqual(self.program.program_type, "ewallet")
        self.assertEqual(self.company.retail_stored_value_program_id, self.program)
        self.assertEqual(
            self.company._retail_ensure_stored_value_program(), self.program
        )
        account = self.company._retail_stored_value_account()
        self.assertEqual(account.account_type, "liability_current")
        self.assertTrue(account.code.startswith("2203"))  # 预收账款
        spend = self.program.reward_ids.discount_line_product_id
        for product in self.top_up | spend:
            self.assertEqual(
                product.with_company(self.company).property_account_income_id, account
            )
            self.assertFalse(product.taxes_id)

    def _top_up_order(self, price, lang="en_US"):
        return (
            self.env["sale.order"]
            .with_user(self.manager)
            .with_context(lang=lang)
            .create(
                {
                    "partner_id": self.member.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.top_up.id, "price_unit": price}
                        )
                    ],
                }
            )
        )

    def test_a_chart_loaded_later_puts_the_card_on_its_advance_account(self):
        """A company set up with a generic chart (no 预收账款) gets its card at once;
        when the Chinese chart is loaded afterwards (as the demo chain does), the
        top-up and payment products move to its 2203."""
        company = self.env["res.company"].create({"name": "Retail SV Later Chart"})
        self.env.user.company_ids |= company
        Chart = self.env["account.chart.template"]
        Chart.try_loading("generic_coa", company, install_demo=False)
        program = company.retail_stored_value_program_id
        self.assertTrue(program)
        products = (
            program.trigger_product_ids | program.reward_ids.discount_line_product_id
        ).with_company(company)
        self.assertFalse(
            products.property_account_income_id.filtered(
                lambda a: a.code.startswith("2203")
            )
        )
        Chart.try_loading("cn", company, install_demo=False)
        self.assertEqual(company.retail_stored_value_program_id, program)
        products.invalidate_recordset()
        account = company._retail_stored_value_account()
        self.assertTrue(account.code.startswith("2203"))
        for product in products:
            self.assertEqual(product.property_account_income_id, account)

    def test_zero_or_negative_top_up_is_refused(self):
        orders = self.env["sale.order"].search_count([])
        for price, lang, message in (
            (0.0, "en_US", "A stored value top-up must be a positive amount: 0.0"),
            (
                -100.0,
                "en_US",
                "A stored value top-up must be a positive amount: -100.0",
            ),
            (-1.0, "zh_CN", "储值卡充值金额必须大于零"),
        ):
            # (core's assertRaises rolls back to before the call, as a request does)
            with self.assertRaises(ValidationError) as caught:
                self._top_up_order(price, lang=lang)
            self.assertIn(message, str(caught.exception))
        self.assertEqual(self.env["sale.order"].search_count([]), orders)

    def test_back_office_top_up_credits_the_card(self):
        order = self._top_up_order(1000.0)
        order.action_confirm()
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.program.id)]
        )
        self.assertEqual(card.points, 1000.0)
