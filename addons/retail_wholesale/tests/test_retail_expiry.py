from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RetailCommon, deliver_lot


@tagged("post_install", "-at_install")
class TestRetailExpiry(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock = cls.hq_warehouse.lot_stock_id
        cls.milk = cls.env["product.product"].create(
            {
                "name": "Fresh Milk",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "standard_price": 4.0,
                "list_price": 10.0,
            }
        )
        now = fields.Datetime.now()
        cls.lots = {}
        for name, days in (
            ("EXPIRED", -2),
            ("D5", 5),
            ("D20", 20),
            ("D60", 60),
            ("D200", 200),
        ):
            cls.lots[name] = cls.env["stock.lot"].create(
                {
                    "name": name,
                    "product_id": cls.milk.id,
                    "expiration_date": now + timedelta(days=days),
                }
            )

    def _stock(self, lot, qty, in_date=None):
        self.env["stock.quant"]._update_available_quantity(
            self.milk, self.stock, qty, lot_id=self.lots[lot], in_date=in_date
        )

    def test_expired_lot_cannot_be_delivered(self):
        self._stock("EXPIRED", 5)
        picking = deliver_lot(self.env, self.milk, self.lots["EXPIRED"], 1, self.stock)
        with self.assertRaisesRegex(
            UserError, r"Fresh Milk: lot EXPIRED expired on .* cannot be delivered"
        ):
            picking.button_validate()
        self.assertNotEqual(picking.state, "done")
        self.assertEqual(self.lots["EXPIRED"].product_qty, 5)

    def test_lot_goes_negative_by_default_as_in_core(self):
        self.assertTrue(self.env.company.retail_lot_negative_allowed)
        self._stock("D60", 1)
        picking = deliver_lot(self.env, self.milk, self.lots["D60"], 3, self.stock)
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(self.lots["D60"].product_qty, -2)

    def test_lot_cannot_go_negative(self):
        self.env.company.retail_lot_negative_allowed = False
        self._stock("D60", 1)
        first = deliver_lot(self.env, self.milk, self.lots["D60"], 1, self.stock)
        second = deliver_lot(self.env, self.milk, self.lots["D60"], 1, self.stock)
        first.button_validate()
        self.assertEqual(first.state, "done")
        with self.assertRaisesRegex(UserError, "only 0.0 of lot D60 are left"):
            second.button_validate()
        self.assertEqual(self.lots["D60"].product_qty, 0)

    def test_counting_a_lot_that_is_not_in_stock(self):
        self.env.company.retail_lot_negative_allowed = False
        picking = deliver_lot(self.env, self.milk, self.lots["D200"], 3, self.stock)
        with self.assertRaisesRegex(UserError, "only 0.0 of lot D200 are left"):
            picking.button_validate()

    def test_fefo_is_the_default_for_expiry_tracked_products(self):
        self._stock("D60", 5, in_date=fields.Datetime.now() - timedelta(days=10))
        self._stock("D20", 5)
        self.assertFalse(self.milk.categ_id.removal_strategy_id)
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.hq_warehouse.out_type_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "milk",
                            "product_id": self.milk.id,
                            "product_uom_qty": 3,
                            "location_id": self.stock.id,
                            "location_dest_id": self.env.ref(
                                "stock.stock_location_customers"
                            ).id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        # first expired first out, although D60 came in earlier
        self.assertEqual(picking.move_line_ids.lot_id, self.lots["D20"])

    def test_expired_stock_is_not_for_sale(self):
        """A quotation counts only unexpired stock, warns naming the expired lot, and the
        delivery of the confirmed order never reserves it."""
        self._stock("EXPIRED", 5)
        self._stock("D20", 2)
        customer = self.env["res.partner"].create({"name": "Expiry Customer"})
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "warehouse_id": self.hq_warehouse.id,
                "order_line": [
                    Command.create({"product_id": self.milk.id, "product_uom_qty": 4})
                ],
            }
        )
        line = order.order_line
        self.assertEqual(line.qty_available_today, 2)
        self.assertEqual(line.free_qty_today, 2)
        self.assertRegex(
            order.retail_expiry_warning,
            r"Fresh Milk: only 2\.00 of the stock in .* can be sold; expired lots "
            r"are never delivered: EXPIRED \(5\.00, expired on .*\)",
        )
        line.product_uom_qty = 2
        self.assertFalse(order.retail_expiry_warning)
        line.product_uom_qty = 4
        order.action_confirm()
        move = order.picking_ids.move_ids
        self.assertEqual(move.quantity, 2)
        self.assertEqual(move.move_line_ids.lot_id, self.lots["D20"])

    def test_near_expiry_board(self):
        self.env.company.write(
            {"retail_markdown_days": 10, "retail_markdown_percent": 40.0}
        )
        for lot, qty in (
            ("EXPIRED", 3),
            ("D5", 4),
            ("D20", 5),
            ("D60", 6),
            ("D200", 7),
        ):
            self._stock(lot, qty)
        buckets = self.env["retail.expiry.report"]._read_group(
            [("warehouse_id", "=", self.hq_warehouse.id)],
            ["bucket"],
            ["quantity:sum", "value:sum"],
        )
        self.assertEqual(
            sorted(buckets),
            [
                ("30", 5.0, 20.0),
                ("7", 4.0, 16.0),
                ("90", 6.0, 24.0),
                ("expired", 3.0, 12.0),
            ],
        )
        rows = self.env["retail.expiry.report"].search(
            [("product_id", "=", self.milk.id)]
        )
        by_lot = {row.lot_id.name: row for row in rows}
        self.assertEqual(set(by_lot), {"EXPIRED", "D5", "D20", "D60"})
        self.assertEqual(by_lot["D5"].days_left, 5)
        self.assertEqual(by_lot["D5"].markdown_price, 6.0)  # 10 less 40 %
        self.assertFalse(by_lot["D20"].markdown_price)  # beyond the 10 days
        self.assertFalse(by_lot["EXPIRED"].markdown_price)  # not for sale at all
        self.assertEqual(by_lot["EXPIRED"].bucket, "expired")
        self.assertEqual(by_lot["D5"].bucket, "7")

    def test_cashiers_do_not_see_the_board_or_its_cost(self):
        self._stock("D5", 4)
        cashier = self.role_users["cashier"]
        with self.assertRaises(Exception):  # noqa: B017 (AccessError)
            self.env["retail.expiry.report"].with_user(cashier).search([])
        keeper = self.role_users["keeper"]
        row = (
            self.env["retail.expiry.report"]
            .with_user(keeper)
            .search([("product_id", "=", self.milk.id)])
        )
        self.assertEqual(row.value, 16.0)
