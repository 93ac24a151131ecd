from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestWholesaleRules(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tea = cls.env["product.product"].create(
            {
                "name": "龙井茶 250g",
                "list_price": 100.0,
                "retail_min_qty": 10,
                "retail_pack_qty": 5,
                "retail_floor_price": 80.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.shop = cls.env["res.partner"].create(
            {"name": "万家福超市", "is_company": True}
        )
        cls.salesman = cls.role_users["store_manager"]
        cls.manager = cls.role_users["hq_admin"]

    def _order(self, qty, price=None, partner=None, user=None):
        line = {"product_id": self.tea.id, "product_uom_qty": qty}
        if price is not None:
            line["price_unit"] = price
        return (
            self.env["sale.order"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": (partner or self.shop).id,
                    "order_line": [Command.create(line)],
                }
            )
        )

    def test_order_below_minimum_quantity_is_refused_naming_product_and_rule(self):
        order = self._order(5)
        with self.assertRaises(UserError) as error:
            order.action_confirm()
        message = str(error.exception)
        self.assertIn("龙井茶 250g", message)
        self.assertIn("5.0 ordered, the minimum order quantity is 10.0", message)
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.picking_ids)

    def test_quantity_that_is_not_a_case_multiple_is_refused(self):
        order = self._order(12)
        with self.assertRaisesRegex(
            UserError, "12.0 ordered is not a multiple of the case of 5.0"
        ):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_whole_cases_above_minimum_confirm(self):
        order = self._order(15)
        self.assertFalse(order.retail_rule_warning)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_price_below_floor_needs_a_manager_approval(self):
        order = self._order(10, price=75.0)
        self.assertIn("below its floor price of 80.0", order.retail_rule_warning)
        with self.assertRaisesRegex(UserError, "must approve the prices below floor"):
            order.action_confirm()
        with self.assertRaises(AccessError):
            order.with_user(self.salesman).action_retail_approve_prices()
        self.assertFalse(order.retail_price_approved_by_id)
        order.with_user(self.manager).action_retail_approve_prices()
        self.assertEqual(order.retail_price_approved_by_id, self.manager)
        self.assertIn("below its floor price", order.message_ids[0].body)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_discount_counts_against_the_floor_and_changes_void_the_approval(self):
        order = self._order(10, price=100.0)
        order.order_line.discount = 25  # net 75 < 80
        self.assertTrue(order.retail_rule_warning)
        order.with_user(self.manager).action_retail_approve_prices()
        order.order_line.discount = 30
        self.assertFalse(order.retail_price_approved_by_id)
        with self.assertRaises(UserError):
            order.action_confirm()

    def test_credit_limit_blocks_until_a_manager_overrides_it(self):
        self.env.company.account_use_credit_limit = True
        self.shop.credit_limit = 1500.0
        first = self._order(10)  # 1000
        first.action_confirm()
        second = self._order(10)  # 1000 more: 2000 > 1500
        with self.assertRaisesRegex(
            UserError, "万家福超市 has reached its credit limit"
        ):
            second.action_confirm()
        self.assertEqual(second.state, "draft")
        with self.assertRaises(AccessError):
            second.with_user(self.salesman).action_retail_override_credit()
        second.with_user(self.manager).action_retail_override_credit()
        self.assertIn("overridden by", second.message_ids[0].body)
        second.action_confirm()
        self.assertEqual(second.state, "sale")

    def test_credit_to_invoice_counts_the_order_just_confirmed(self):
        self.env.company.account_use_credit_limit = True
        self.shop.credit_limit = 5000.0
        self._order(10).action_confirm()  # 1000, checked against the limit first
        self.assertEqual(self.shop.credit_to_invoice, 1000.0)

    def test_no_credit_check_when_the_company_does_not_use_limits(self):
        self.env.company.account_use_credit_limit = False
        self.shop.credit_limit = 10.0
        order = self._order(10)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_negative_rules_are_refused_naming_the_product(self):
        for field in ("retail_min_qty", "retail_pack_qty", "retail_floor_price"):
            with self.assertRaisesRegex(ValidationError, "龙井茶 250g"):
                self.tea.product_tmpl_id.write({field: -1})
