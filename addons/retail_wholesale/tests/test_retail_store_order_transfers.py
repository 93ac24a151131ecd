from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .store_order_common import StoreOrderCommon


@tagged("post_install", "-at_install")
class TestRetailStoreOrderTransfers(StoreOrderCommon):
    """What the approval ships: transfers, received quantities, supply prices and
    cancellation."""

    # ------------------------------------------------------------------ receive
    def test_shipped_received_and_difference_follow_the_transfers(self):
        order = self._submitted({self.apple: 10})
        order.with_user(self.buyer).action_approve()
        line = self._line(order, self.apple)

        self._validate(self._hq_delivery(order), {self.apple: 10}, self.keeper)
        self.assertEqual(
            (line.shipped_qty, line.received_qty, line.difference_qty), (10, 0, 10)
        )
        self.assertEqual(order.state, "approved")

        # the store counts 8: the receipt keeps a backorder for the 2 missing
        self._validate(self._store_receipt(order), {self.apple: 8}, self.manager)
        self.assertEqual(
            (line.shipped_qty, line.received_qty, line.difference_qty), (10, 8, 2)
        )
        self.assertEqual(order.state, "approved")

        self._validate(self._store_receipt(order), {self.apple: 2}, self.manager)
        self.assertEqual(
            (line.shipped_qty, line.received_qty, line.difference_qty), (10, 10, 0)
        )
        self.assertEqual(order.state, "done")

    def test_order_is_done_when_everything_approved_is_received(self):
        order = self._submitted({self.apple: 10, self.pear: 5})
        self._line(order, self.pear).with_user(self.buyer).approved_qty = 3
        order.with_user(self.buyer).action_approve()
        self._validate(
            self._hq_delivery(order), {self.apple: 10, self.pear: 3}, self.keeper
        )
        self.assertEqual(order.state, "partial")
        self._validate(
            self._store_receipt(order), {self.apple: 10, self.pear: 3}, self.manager
        )
        self.assertEqual(order.state, "done")
        self.assertEqual(
            {
                line.product_id: (
                    line.approved_qty,
                    line.shipped_qty,
                    line.received_qty,
                )
                for line in order.line_ids
            },
            {self.apple: (10, 10, 10), self.pear: (3, 3, 3)},
        )

    def test_short_receipt_without_backorder_closes_the_order_with_the_difference(self):
        order = self._submitted({self.apple: 10})
        order.with_user(self.buyer).action_approve()
        self._validate(self._hq_delivery(order), {self.apple: 10}, self.keeper)
        self._validate(
            self._store_receipt(order), {self.apple: 7}, self.manager, backorder=False
        )
        line = self._line(order, self.apple)
        self.assertEqual(
            (line.shipped_qty, line.received_qty, line.difference_qty), (10, 7, 3)
        )
        self.assertEqual(order.state, "done")

    # ------------------------------------------------------------------ prices
    def test_supply_price_falls_back_to_the_product_cost(self):
        self.env.company.retail_store_pricelist_id = False
        order = self._submitted({self.apple: 10, self.pear: 5})
        order.with_user(self.buyer).action_approve()
        self.assertEqual(self._line(order, self.apple).price_unit, 4.0)
        self.assertEqual(self._line(order, self.pear).price_unit, 2.5)
        self.assertEqual(order.amount_total, 52.5)

    def test_supply_price_comes_from_the_store_pricelist_at_approval(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Store Supply",
                "currency_id": self.env.company.currency_id.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.apple.id,
                            "compute_price": "fixed",
                            "fixed_price": 3.2,
                        }
                    ),
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.pear.id,
                            "min_quantity": 10,
                            "compute_price": "fixed",
                            "fixed_price": 1.8,
                        }
                    ),
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.pear.id,
                            "compute_price": "fixed",
                            "fixed_price": 2.0,
                        }
                    ),
                ],
            }
        )
        self.env.company.retail_store_pricelist_id = pricelist
        order = self._submitted({self.apple: 10, self.pear: 12})
        # the expected value shows from the request on (总计 before approval)
        self.assertEqual(self._line(order, self.apple).price_unit, 3.2)
        self.assertEqual(self._line(order, self.pear).price_unit, 1.8)  # 12 asked
        self.assertEqual(order.amount_total, 53.6)
        self._line(order, self.pear).with_user(self.buyer).approved_qty = 5
        self.assertEqual(order.amount_total, 42.0)
        order.with_user(self.buyer).action_approve()
        self.assertEqual(self._line(order, self.apple).price_unit, 3.2)
        # priced for the 5 approved, not the 12 requested
        self.assertEqual(self._line(order, self.pear).price_unit, 2.0)
        self.assertEqual(self._line(order, self.apple).amount, 32.0)
        self.assertEqual(order.amount_total, 42.0)
        # stored at approval: a later price change does not touch the order
        pricelist.item_ids[0].fixed_price = 9.9
        self.assertEqual(self._line(order, self.apple).price_unit, 3.2)

    # ------------------------------------------------------------------ cancel
    def test_cancelling_an_approved_order_cancels_its_transfers(self):
        order = self._submitted({self.apple: 10})
        order.with_user(self.buyer).action_approve()
        with self.assertRaises(AccessError):
            order.with_user(self.manager).action_cancel()
        order.with_user(self.buyer).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(set(order.picking_ids.mapped("state")), {"cancel"})

    def test_shipped_order_cannot_be_cancelled(self):
        order = self._submitted({self.apple: 10})
        order.with_user(self.buyer).action_approve()
        self._validate(self._hq_delivery(order), {self.apple: 10}, self.keeper)
        with self.assertRaisesRegex(UserError, "have already moved"):
            order.with_user(self.buyer).action_cancel()
        self.assertEqual(order.state, "approved")
