from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosLotExpiry(RetailPosHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.main_pos_config.retail_warehouse_id
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
                (lot["name"], lot["retail_expired"], lot["retail_near_expiry"])
                for lot in lots
            ],
            [
                ("MILK-SOON", False, True),
                ("MILK-LATER", False, False),
                ("MILK-OLD", True, False),
            ],
        )

    def test_expired_lots_are_named(self):
        Line = self.env["pos.order.line"]
        self.assertEqual(
            Line.retail_expired_lots(self.milk.id, ["MILK-OLD", "MILK-SOON", "NOPE"]),
            ["MILK-OLD"],
        )
        self.assertEqual(Line.retail_expired_lots(self.milk.id, []), [])

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
            expiry = fields.Datetime.context_timestamp(order, lot.expiration_date)
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
