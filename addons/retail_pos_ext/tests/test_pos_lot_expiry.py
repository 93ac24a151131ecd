from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosLotExpiry(RetailPosHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.main_pos_config.retail_warehouse_id
        # 临期促销: 30 % off lots expiring within 30 days
        cls.main_pos_config.company_id.write(
            {"retail_markdown_days": 30, "retail_markdown_percent": 30.0}
        )
        now = fields.Datetime.now()
        expiry = {"tracking": "lot", "use_expiration_date": True}
        cls.milk = cls._create_retail_product("Retail Fresh Milk", 6.0, **expiry)
        cls.yogurt = cls._create_retail_product("Retail Old Yogurt", 4.0, **expiry)
        Lot = cls.env["stock.lot"]

        def lot(product, name, days, alert_days, qty):
            record = Lot.create(
                {
                    "name": name,
                    "product_id": product.id,
                    "expiration_date": now + timedelta(days=days),
                    "alert_date": now + timedelta(days=alert_days),
                }
            )
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.store.lot_stock_id, qty, lot_id=record
            )
            return record

        cls.milk_expired = lot(cls.milk, "MILK-OLD", -2, -5, 5)
        cls.milk_later = lot(cls.milk, "MILK-LATER", 60, 50, 10)
        cls.milk_soon = lot(cls.milk, "MILK-SOON", 3, -1, 2)
        cls.yogurt_expired = lot(cls.yogurt, "YOG-OLD", -1, -3, 4)

    def _lots(self, product):
        return (
            self.env["pos.order.line"]
            .with_context(config_id=self.main_pos_config.id)
            .get_existing_lots(self.env.company.id, product.id)
        )

    def test_lots_come_first_to_expire_first_with_expired_ones_last(self):
        lots = self._lots(self.milk)
        self.assertEqual(
            [
                (
                    lot["name"],
                    lot["retail_expired"],
                    lot["retail_near_expiry"],
                    lot["retail_markdown_price"],
                )
                for lot in lots
            ],
            [
                ("MILK-SOON", False, True, 4.2),  # 6.00 less 30 %
                ("MILK-LATER", False, False, False),  # 60 days left
                ("MILK-OLD", True, False, False),  # not for sale at all
            ],
        )
        self.assertEqual(lots[0]["retail_markdown_percent"], 30.0)

    def test_lot_status_names_expired_lots_and_markdowns(self):
        status = self.env["pos.order.line"].retail_lot_status(
            self.env.company.id, self.milk.id, ["MILK-OLD", "MILK-SOON", "MILK-LATER"]
        )
        self.assertEqual(status["expired"], ["MILK-OLD"])
        self.assertEqual(
            status["markdowns"], {"MILK-SOON": {"price": 4.2, "percent": 30.0}}
        )

    def _sync_milk(self, lot_name, price, markdown=30.0):
        session = self.main_pos_config.current_session_id or self._open_session()
        return self._sync_order(
            session,
            [(self.milk, 1, price)],
            [(self.bank_payment_method, price)],
            line_values={
                "pack_lot_ids": [Command.create({"lot_name": lot_name})],
                "retail_markdown_percent": markdown,
            },
        )

    def test_markdown_price_of_a_lot_within_the_window_is_accepted(self):
        order = self._sync_milk("MILK-SOON", 4.2)
        self.assertEqual(order.lines.price_unit, 4.2)
        self.assertEqual(order.lines.retail_markdown_percent, 30.0)
        self.assertFalse(order.retail_review_state, order.retail_review_note)

    def test_markdown_price_of_a_lot_outside_the_window_is_flagged(self):
        order = self._sync_milk("MILK-LATER", 4.2)
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn("near-expiry markdown price 4.2", order.retail_review_note)
        self.assertIn("MILK-LATER", order.retail_review_note)
        # nor does a lot unknown at the sale, made by the synchronisation itself
        later = fields.Datetime.now() + timedelta(minutes=5)
        self.patch(self.env.cr, "now", lambda: later)
        order = self._sync_milk("MILK-NOPE", 4.2)
        self.assertTrue(
            self.env["stock.lot"].search([("name", "=", "MILK-NOPE")]),
            "the synchronisation made the lot",
        )
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn("MILK-NOPE", order.retail_review_note)
        # nor a lot whose window has passed on the order date (it expired)
        order = self._sync_milk("MILK-OLD", 4.2)
        self.assertEqual(order.retail_review_state, "to_review")
        # the markdown price without the till's markdown mark is a wrong price
        order = self._sync_milk("MILK-SOON", 4.2, markdown=0.0)
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn("sold at 4.2, the price is 6.0", order.retail_review_note)
        # the full price of a near-expiry lot is right
        order = self._sync_milk("MILK-SOON", 6.0, markdown=0.0)
        self.assertFalse(order.retail_review_state, order.retail_review_note)

    def test_markdown_review_reads_the_lots_once_per_order(self):
        session = self._open_session()

        def review_queries(line_count):
            order = self._sync_order(
                session,
                [(self.milk, 1, 4.2)] * line_count,
                [(self.bank_payment_method, round(4.2 * line_count, 2))],
                line_values={
                    "pack_lot_ids": [Command.create({"lot_name": "MILK-SOON"})],
                    "retail_markdown_percent": 30.0,
                },
            )
            self.assertFalse(order.retail_review_state, order.retail_review_note)
            self.env.invalidate_all()
            order = order.browse(order.id)
            # prefetch the lines and their products
            lines = order._retail_priced_lines()._retail_at_markdown()
            self.assertEqual(len(lines), line_count)
            before = self.env.cr.sql_log_count
            self.assertEqual(lines._retail_markdown_problems(), [])
            return self.env.cr.sql_log_count - before

        self.assertEqual(review_queries(1), review_queries(5))

    def test_cashier_without_stock_rights_sells_lot_tracked_goods(self):
        self.assertFalse(self.pos_user.has_group("stock.group_stock_user"))
        session = self._open_session()
        order = self._sync_order(
            session,
            [(self.milk, 2, 6.0)],
            [(self.bank_payment_method, 12.0)],
            lots={self.milk: "MILK-LATER"},
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.picking_ids.state, "done")
        self.assertEqual(order.picking_ids.move_line_ids.lot_id, self.milk_later)
        self.assertEqual(self.milk_later.product_qty, 8)
        # the goods of a session closed by the cashier move at its closing
        session.with_user(self.pos_user).close_session_from_ui()
        session = self._open_session()
        session.update_stock_at_closing = True
        order = self._sync_order(
            session,
            [(self.milk, 3, 6.0)],
            [(self.bank_payment_method, 18.0)],
            lots={self.milk: "MILK-LATER"},
        )
        self.assertFalse(order.picking_ids)
        result = session.with_user(self.pos_user).close_session_from_ui()
        self.assertTrue(result["successful"], result)
        self.assertEqual(session.picking_ids.state, "done")
        self.assertEqual(self.milk_later.product_qty, 5)

    def test_cashier_cannot_validate_transfers_outside_the_till(self):
        """Core's point of sale lets its users create and write transfers: a cashier
        still moves goods only by selling at the till."""
        tea = self._create_retail_product("Retail Shelf Tea", 3.0)
        stock = self.store.lot_stock_id
        self.env["stock.quant"]._update_available_quantity(tea, stock, 10)
        customers = self.env.ref("stock.stock_location_customers")
        Picking = self.env["stock.picking"].with_user(self.pos_user)
        picking = Picking.create(
            {
                "picking_type_id": self.store.out_type_id.id,
                "location_id": stock.id,
                "location_dest_id": customers.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": tea.name,
                            "product_id": tea.id,
                            "product_uom_qty": 3,
                            "location_id": stock.id,
                            "location_dest_id": customers.id,
                        }
                    )
                ],
            }
        )
        picking.move_ids.write({"quantity": 3, "picked": True})
        with self.assertRaisesRegex(AccessError, "warehouse keeper"):
            picking.button_validate()
        self.assertEqual(picking.state, "assigned")
        self.assertEqual(tea.with_context(location=stock.id).qty_available, 10)
        # the till's own sales still move the goods
        session = self._open_session()
        order = self._sync_order(
            session, [(tea, 2, 3.0)], [(self.bank_payment_method, 6.0)]
        )
        self.assertEqual(order.picking_ids.state, "done")
        self.assertEqual(tea.with_context(location=stock.id).qty_available, 8)

    def test_expired_lots_are_named(self):
        Line = self.env["pos.order.line"]
        company = self.env.company.id
        status = Line.retail_lot_status(
            company, self.milk.id, ["MILK-OLD", "MILK-SOON", "NOPE"]
        )
        self.assertEqual(status["expired"], ["MILK-OLD"])
        self.assertEqual(
            Line.retail_lot_status(company, self.milk.id, [])["expired"], []
        )

    def test_synced_sales_of_expired_lots_are_flagged(self):
        session = self._open_session()
        cash = self.main_pos_config.payment_method_ids.filtered("is_cash_count")[:1]
        # a till that was offline sold lots that had expired: kept, and flagged
        order = self._sync_order(
            session,
            [(self.milk, 1, 6.0), (self.yogurt, 1, 4.0)],
            [(cash, 10.0)],
            lots={self.milk: "MILK-OLD", self.yogurt: "YOG-OLD"},
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.retail_review_state, "to_review")
        for product, lot in (
            (self.milk, self.milk_expired),
            (self.yogurt, self.yogurt_expired),
        ):
            expiry = fields.Datetime.context_timestamp(
                order.with_context(tz=order._retail_timezone()), lot.expiration_date
            )
            self.assertIn(
                f"{product.display_name}: lot {lot.name} expired on {expiry:%Y-%m-%d}.",
                order.retail_review_note,
            )
        # good lots, and a lot name the server does not know, are not an expired sale
        order = self._sync_order(
            session,
            [(self.milk, 2, 6.0), (self.yogurt, 1, 4.0)],
            [(cash, 16.0)],
            lots={self.milk: "MILK-SOON", self.yogurt: "YOG-UNKNOWN"},
        )
        self.assertFalse(order.retail_review_state)

    def test_till_picks_lots_by_fefo_and_refuses_expired_ones(self):
        session = self._open_session()
        self.start_pos_tour("retail_pos_ext_lot_expiry_tour", login="pos_user")
        order = self._session_orders(session)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.lines.product_id, self.milk)
        sold = {}
        for line in order.lines:
            lot_name = line.pack_lot_ids.lot_name
            sold[lot_name] = sold.get(lot_name, 0) + line.qty
        self.assertEqual(sold, {"MILK-SOON": 2.0, "MILK-LATER": 1.0})
        # the near-expiry lot sold at the markdown price, the other at the full price
        self.assertEqual(
            sorted(
                (
                    line.pack_lot_ids.lot_name,
                    line.price_unit,
                    line.retail_markdown_percent,
                )
                for line in order.lines
            ),
            [
                ("MILK-LATER", 6.0, 0.0),
                ("MILK-SOON", 4.2, 30.0),
                ("MILK-SOON", 4.2, 30.0),
            ],
        )
        self.assertEqual(order.amount_total, 14.4)
        self.assertFalse(order.retail_review_state, order.retail_review_note)
        # the stock left the lots the till picked
        store_lots = self.env["stock.quant"]._read_group(
            [
                ("product_id", "=", self.milk.id),
                ("location_id", "=", self.store.lot_stock_id.id),
            ],
            ["lot_id"],
            ["quantity:sum"],
        )
        self.assertEqual(
            {lot.name: qty for lot, qty in store_lots},
            {"MILK-OLD": 5.0, "MILK-LATER": 9.0, "MILK-SOON": 0.0},
        )

    def test_held_order_keeps_its_lots_and_markdown(self):
        session = self._open_session()
        self.env["retail.pos.held.order"].retail_hold(
            self.main_pos_config.id,
            {
                "name": "Old milk",
                "amount_total": 6.0,
                "lines": [
                    {
                        "product_id": self.milk.id,
                        "qty": 1,
                        "price_unit": 6.0,
                        "lot_names": ["MILK-OLD"],
                    }
                ],
            },
        )
        self.start_pos_tour("retail_pos_ext_held_lot_tour", login="pos_user")
        held = self.env["retail.pos.held.order"].search([("name", "=", "Milk later")])
        self.assertEqual(
            self.env["retail.pos.held.order"]
            .search([("name", "=", "Old milk")])
            .line_data[0]["lot_names"],
            ["MILK-OLD"],
        )
        self.assertEqual(held.state, "resumed")
        self.assertEqual(
            [(line["lot_names"], line["price_unit"]) for line in held.line_data],
            [(["MILK-SOON"], 4.2)],
        )
        order = self._session_orders(session)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.lines.pack_lot_ids.mapped("lot_name"), ["MILK-SOON"])
        self.assertEqual(
            (order.lines.price_unit, order.lines.retail_markdown_percent), (4.2, 30.0)
        )
        self.assertFalse(order.retail_review_state, order.retail_review_note)
