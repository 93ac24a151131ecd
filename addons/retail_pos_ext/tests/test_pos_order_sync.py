from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon
from odoo.addons.retail_pos_ext.models.pos_order import (
    UUID_INDEX,
    UUID_LOCK,
    ConcurrentOrderSync,
)


@tagged("post_install", "-at_install")
class TestPosOrderSync(TestPoSCommon):
    """What the server does with the orders a till sends: exactly one order per uuid,
    a clear error for malformed payloads, and a manager's review of every order whose
    prices, totals or payments differ from what the server computes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.config = cls.basic_config
        cls.tea = cls.create_product("Green Tea", cls.categ_basic, 10.0, 4.0)
        cls.rice = cls.create_product("Rice 5kg", cls.categ_basic, 50.0, 30.0)
        cls.Order = cls.env["pos.order"]

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _sync(self, data):
        result = self.Order.sync_from_ui([data])
        return self.Order.browse(result["pos.order"][0]["id"])

    def _scale(self, data, factor):
        """The same order with every amount multiplied, as a tampered till would send."""
        for key in ("amount_total", "amount_tax", "amount_paid"):
            data[key] *= factor
        for _cmd, _id, payment in data["payment_ids"]:
            payment["amount"] *= factor
        return data

    # ------------------------------------------------------------ exactly once
    def test_uuid_is_unique_in_the_database(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [UUID_INDEX]
        )
        self.assertIn("UNIQUE", self.env.cr.fetchone()[0])

    def test_same_order_sent_twice_is_saved_once(self):
        data = self.create_ui_order_data([(self.tea, 2)])
        first = self._sync(dict(data))
        second = self._sync(dict(data))
        self.assertEqual(first, second)
        self.assertEqual(self.Order.search_count([("uuid", "=", data["uuid"])]), 1)
        self.assertEqual(first.state, "paid")

    def test_concurrent_send_is_retried_not_duplicated(self):
        """When another request saved the same order after this one started (so this one
        cannot see it), the unique index stops the second insert and the request fails
        with a serialization error, which Odoo retries: then it finds the order."""
        data = self.create_ui_order_data([(self.tea, 1)])
        self._sync(dict(data))
        with (
            patch.object(
                type(self.Order), "_get_open_order", lambda self, order: self.browse()
            ),
            patch.object(
                type(self.Order), "search", lambda self, *a, **k: self.browse()
            ),
            self.assertLogs("odoo.sql_db") as logs,
            self.assertRaises(ConcurrentOrderSync),
            self.env.cr.savepoint(),
        ):
            self._sync(dict(data))
        # the failed insert is expected contention: information, not an error
        self.assertEqual([record.levelname for record in logs.records], ["INFO"])
        self.assertEqual(self.Order.search_count([("uuid", "=", data["uuid"])]), 1)

    def test_order_being_saved_elsewhere_is_retried_without_an_insert(self):
        """The same order sent twice at once: the second request finds its uuid taken
        by the first and is run again by Odoo (a serialization failure), before any
        insert fails."""
        data = self.create_ui_order_data([(self.tea, 1)])
        with self.env.registry.cursor() as other:
            other.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                [UUID_LOCK, data["uuid"]],
            )
            with (
                self.assertNoLogs("odoo.sql_db", "ERROR"),
                self.assertRaises(ConcurrentOrderSync),
                self.env.cr.savepoint(),
            ):
                self._sync(dict(data))
            other.rollback()
        self.assertEqual(self._sync(dict(data)).uuid, data["uuid"])

    # -------------------------------------------------------- malformed input
    def test_malformed_payloads_get_a_validation_error(self):
        def order_without(key):
            data = self.create_ui_order_data([(self.tea, 1)])
            del data[key]
            return data

        cases = {
            "not a list": {"uuid": "x"},
            "missing session": [order_without("session_id")],
            "missing lines": [order_without("lines")],
            "missing amount_return": [order_without("amount_return")],
        }
        bad_line = self.create_ui_order_data([(self.tea, 1)])
        bad_line["lines"][0][2]["product_id"] = "tea"
        cases["product is text"] = [bad_line]
        short_line = self.create_ui_order_data([(self.tea, 1)])
        short_line["lines"].append([0, 0])
        cases["short line command"] = [short_line]
        cases["order is a number"] = [42]
        for name, payload in cases.items():
            with self.subTest(name), self.assertRaises(ValidationError):
                self.Order.sync_from_ui(payload)
        self.assertFalse(self.Order.search([("session_id", "=", self.pos_session.id)]))

    # ------------------------------------------------------------------ review
    def test_order_as_computed_is_not_flagged(self):
        order = self._sync(self.create_ui_order_data([(self.tea, 3), (self.rice, 1)]))
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.retail_review_state)
        self.assertEqual(order.amount_total, 80.0)

    def test_unit_price_below_the_pricelist_is_flagged(self):
        data = self.create_ui_order_data([(self.rice, 2)])
        line = data["lines"][0][2]
        line.update(price_unit=0.01, price_subtotal=0.02, price_subtotal_incl=0.02)
        data.update(amount_total=0.02, amount_paid=0.02)
        data["payment_ids"][0][2]["amount"] = 0.02
        order = self._sync(data)
        self.assertEqual(order.state, "paid", "the order is kept, not dropped")
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn(
            "Rice 5kg: sold at 0.01, the price is 50.0.", order.retail_review_note
        )

    def test_inflated_total_is_flagged(self):
        order = self._sync(self._scale(self.create_ui_order_data([(self.tea, 1)]), 10))
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn(
            "Order total 100.0, computed from its lines 10.0.", order.retail_review_note
        )

    def test_underpaid_order_is_flagged(self):
        """Total and payment at half of what the lines come to: core marks it paid."""
        order = self._sync(
            self._scale(self.create_ui_order_data([(self.rice, 2)]), 0.5)
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn("Paid 50.0 of 100.0.", order.retail_review_note)

    def test_overpaid_order_is_flagged_but_not_change_given(self):
        """A till that says the order came to what it was paid (core then marks it
        paid) while its lines come to less."""
        data = self.create_ui_order_data(
            [(self.rice, 2)], payments=[(self.cash_pm1, 150.0), (self.cash_pm1, 100.0)]
        )
        data["amount_total"] = 250.0
        order = self._sync(data)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn(
            "Paid 250.0, more than the total 100.0.", order.retail_review_note
        )
        # 150 in cash for 100: the 50 given back as change is no overpayment
        data = self.create_ui_order_data(
            [(self.rice, 2)], payments=[(self.cash_pm1, 150.0)]
        )
        data["amount_return"] = 50.0
        order = self._sync(data)
        self.assertEqual((order.state, order.amount_paid), ("paid", 100.0))
        self.assertFalse(order.retail_review_state, order.retail_review_note)

    def test_line_total_that_does_not_match_its_price_is_flagged(self):
        data = self.create_ui_order_data([(self.tea, 2)])
        data["lines"][0][2].update(price_subtotal=2.0, price_subtotal_incl=2.0)
        data.update(amount_total=2.0, amount_paid=2.0)
        data["payment_ids"][0][2]["amount"] = 2.0
        order = self._sync(data)
        self.assertIn(
            "Green Tea: line total 2.0, computed 20.0.", order.retail_review_note
        )

    def test_taxes_dropped_by_the_till_are_flagged(self):
        wine = self.create_product(
            "Wine", self.categ_basic, 100.0, 60.0, tax_ids=self.taxes["tax7"].ids
        )
        data = self.create_ui_order_data([(wine, 1)])
        self.assertEqual(data["amount_total"], 107.0)
        data["lines"][0][2].update(
            tax_ids=[(6, 0, [])], price_subtotal=100.0, price_subtotal_incl=100.0
        )
        data.update(amount_total=100.0, amount_tax=0.0, amount_paid=100.0)
        data["payment_ids"][0][2]["amount"] = 100.0
        order = self._sync(data)
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn(
            f"Wine: taxes - instead of {self.taxes['tax7'].name}.",
            order.retail_review_note,
        )

    def test_line_updates_and_removals_are_accepted(self):
        """Draft orders sent again carry update and delete commands."""
        data = self.create_ui_order_data([(self.tea, 1), (self.rice, 1)])
        data["state"] = "draft"
        draft = self._sync(dict(data))
        self.assertEqual(draft.state, "draft")
        removed = draft.lines.filtered(lambda line: line.product_id == self.rice)
        data["lines"] = [[2, removed.id]]
        data["access_token"] = draft.access_token
        self.assertEqual(self._sync(data), draft)
        self.assertEqual(draft.lines.product_id, self.tea)

    def test_price_below_the_floor_is_flagged(self):
        self.rice.product_tmpl_id.retail_floor_price = 45.0
        order = self._sync(self.create_ui_order_data([(self.rice, 1, 20.0)]))
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn(
            "Rice 5kg: sold at 40.0, below its floor price of 45.0.",
            order.retail_review_note,
        )
        # the discount itself differs from the catalogue price too
        self.assertIn(
            "Rice 5kg: sold at 40.0, the price is 50.0.", order.retail_review_note
        )

    def test_pricelist_the_till_does_not_offer_is_flagged(self):
        secret = self.env["product.pricelist"].create(
            {
                "name": "Staff Only",
                "item_ids": [
                    fields.Command.create(
                        {"compute_price": "percentage", "percent_price": 50.0}
                    )
                ],
            }
        )
        data = self.create_ui_order_data([(self.tea, 1)])
        data["pricelist_id"] = secret.id
        order = self._sync(data)
        self.assertIn(
            "Pricelist Staff Only is neither offered by the till nor the customer's.",
            order.retail_review_note,
        )

    def test_customer_grade_pricelist_is_allowed(self):
        grade_pricelist = self.env["product.pricelist"].create(
            {
                "name": "Wholesale Grade",
                "item_ids": [
                    fields.Command.create(
                        {"compute_price": "percentage", "percent_price": 10.0}
                    )
                ],
            }
        )
        self.customer.property_product_pricelist = grade_pricelist
        self.pricelist = grade_pricelist
        data = self.create_ui_order_data([(self.rice, 1)], customer=self.customer)
        data["pricelist_id"] = grade_pricelist.id
        order = self._sync(data)
        self.assertEqual(order.amount_total, 45.0)
        self.assertFalse(order.retail_review_state, order.retail_review_note)

    def test_manager_marks_reviewed(self):
        order = self._sync(self._scale(self.create_ui_order_data([(self.tea, 1)]), 2))
        cashier = self.env["res.users"].create(
            {
                "name": "Till Cashier",
                "login": "till_cashier_review",
                "groups_id": [
                    fields.Command.set(
                        [self.env.ref("point_of_sale.group_pos_user").id]
                    )
                ],
            }
        )
        with self.assertRaises(AccessError):
            order.with_user(cashier).action_retail_mark_reviewed()
        # nor can the cashier clear the flag by writing the order
        with self.assertRaises(AccessError):
            order.with_user(cashier).write({"retail_review_state": False})
        self.assertEqual(order.retail_review_state, "to_review")
        order.action_retail_mark_reviewed()
        self.assertEqual(order.retail_review_state, "reviewed")
        self.assertEqual(order.retail_reviewed_by_id, self.env.user)
        self.assertIn(
            order, self.Order.search([("retail_review_state", "=", "reviewed")])
        )

    # -------------------------------------------------------------- flash sales
    def test_flash_sale_counts_till_sales_and_flags_over_limits(self):
        now = fields.Datetime.now()
        flash_sale = self.env["retail.flash.sale"].create(
            {
                "name": "Tea Rush",
                "product_id": self.tea.id,
                "price": 6.0,
                "date_start": now - timedelta(hours=1),
                "date_end": now + timedelta(hours=1),
                "per_customer_limit": 2.0,
                "total_cap": 3.0,
            }
        )
        self.assertIn(self.pricelist, flash_sale.pricelist_ids)
        first = self._sync(
            self.create_ui_order_data([(self.tea, 2)], customer=self.customer)
        )
        self.assertEqual(first.amount_total, 12.0, "the till sells at the flash price")
        self.assertFalse(first.retail_review_state, first.retail_review_note)
        self.assertEqual(first.lines.retail_flash_sale_id, flash_sale)
        self.assertEqual(flash_sale.qty_sold, 2.0)

        again = self._sync(
            self.create_ui_order_data([(self.tea, 1)], customer=self.customer)
        )
        self.assertEqual(again.retail_review_state, "to_review")
        self.assertIn("3.0 bought by Customer 1", again.retail_review_note)
        self.assertIn("over the limit of 2.0 per customer", again.retail_review_note)

        other = self._sync(
            self.create_ui_order_data([(self.tea, 1)], customer=self.other_customer)
        )
        self.assertIn(
            "Green Tea: 4.0 sold in the flash sale Tea Rush, over its total of 3.0.",
            other.retail_review_note,
        )
        flash_sale.invalidate_recordset(["qty_sold"])
        self.assertEqual(flash_sale.qty_sold, 4.0)

        # the back office sees what the tills sold: nothing left for a sale order
        sale = self.env["sale.order"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Late"}).id,
                "pricelist_id": self.pricelist.id,
                "order_line": [
                    fields.Command.create(
                        {"product_id": self.tea.id, "product_uom_qty": 1}
                    )
                ],
            }
        )
        self.assertEqual(sale.order_line.retail_flash_sale_id, flash_sale)
        with self.assertRaises(UserError):
            sale.action_confirm()

    def test_regular_price_line_is_not_a_flash_sale(self):
        now = fields.Datetime.now()
        self.env["retail.flash.sale"].create(
            {
                "name": "Tea Rush",
                "product_id": self.tea.id,
                "price": 6.0,
                "date_start": now + timedelta(days=1),
                "date_end": now + timedelta(days=2),
                "total_cap": 1.0,
            }
        )
        order = self._sync(self.create_ui_order_data([(self.tea, 5)]))
        self.assertFalse(order.lines.retail_flash_sale_id)
        self.assertFalse(order.retail_review_state)
