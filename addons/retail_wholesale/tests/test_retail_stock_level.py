from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestRetailStockLevel(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store_warehouse.resupply_wh_ids = cls.hq_warehouse
        cls.buyer = cls.role_users["buyer"]
        cls.manager = cls.role_users["store_manager"]
        cls.manager.retail_warehouse_ids = cls.store_warehouse
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Tea Supplier", "buyer_id": cls.buyer.id}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Tea Shop"})
        cls.tea = cls.env["product.product"].create(
            {
                "name": "Green Tea Case",
                "is_storable": True,
                "standard_price": 10.0,
                "list_price": 15.0,
                "retail_pack_qty": 12,
                "seller_ids": [
                    Command.create(
                        {"partner_id": cls.supplier.id, "delay": 5, "min_qty": 50}
                    )
                ],
            }
        )
        cls.soap = cls.env["product.product"].create(
            {"name": "Soap Bar", "is_storable": True, "retail_pack_qty": 12}
        )
        cls.Level = cls.env["retail.stock.level"]
        cls.Quant = cls.env["stock.quant"]

    def _sell(self, product, qty, warehouse, days_ago=0):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                ],
            }
        )
        order.action_confirm()
        order.date_order = fields.Datetime.now() - timedelta(days=days_ago)
        return order

    def _level(self, product, warehouse):
        return self.Level.search(
            [("product_id", "=", product.id), ("warehouse_id", "=", warehouse.id)]
        )

    def _activities(self, levels):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "retail.stock.level"),
                ("res_id", "in", levels.ids),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("retail_wholesale.mail_activity_type_stock_alert").id,
                ),
            ]
        )

    def test_levels_and_suggestion_from_sales_velocity(self):
        self.Quant._update_available_quantity(
            self.tea, self.hq_warehouse.lot_stock_id, 10
        )
        self._sell(self.tea, 36, self.hq_warehouse, days_ago=3)
        self._sell(self.tea, 24, self.hq_warehouse, days_ago=10)
        # outside the 30-day window: not counted in the velocity
        self._sell(self.tea, 504, self.hq_warehouse, days_ago=45)
        self.Level._refresh_levels(self.hq_warehouse)
        level = self._level(self.tea, self.hq_warehouse)
        self.assertEqual(level.mode, "velocity")
        # 60 sold in 30 days: 2 a day; lead time 5 (supplier), safety 3, cover 14
        self.assertAlmostEqual(level.daily_sales, 2.0)
        self.assertEqual(level.lead_days, 5)
        self.assertEqual(level.min_qty, 16)  # 2 × (5 + 3)
        self.assertEqual(level.max_qty, 44)  # 2 × (5 + 14 + 3)
        self.assertEqual(level.qty_on_hand, 10)
        self.assertEqual(level.qty_free, 0)  # reserved by the deliveries
        self.assertEqual(level.qty_outgoing, 564)
        self.assertEqual(level.qty_forecast, -554)
        self.assertEqual(level.alert_state, "short")
        self.assertEqual(level.supplier_id, self.supplier)
        self.assertEqual(level.supplier_min_qty, 50)
        # 44 - (-554) = 598, in packs of 12: 600
        self.assertEqual(level.suggested_qty, 600)
        self.assertIn("2.00/day", level.suggestion_note)

    def test_velocity_counts_each_warehouse_separately(self):
        self._sell(self.tea, 36, self.hq_warehouse)
        self._sell(self.tea, 84, self.store_warehouse)
        velocity = self.Level.retail_sales_velocity(
            [self.hq_warehouse.id, self.store_warehouse.id]
        )
        self.assertAlmostEqual(velocity[self.tea.id, self.hq_warehouse.id], 1.2)
        self.assertAlmostEqual(velocity[self.tea.id, self.store_warehouse.id], 2.8)

    def test_rfq_per_supplier_and_no_duplicate_suggestion(self):
        self._sell(self.tea, 60, self.hq_warehouse)
        self.Level._refresh_levels(self.hq_warehouse)
        level = self._level(self.tea, self.hq_warehouse).with_user(self.buyer)
        self.assertEqual(level.suggested_qty, 108)  # 44 + 60 = 104 → 9 packs of 12
        level.action_create_rfqs()
        order = self.env["purchase.order"].search(
            [("partner_id", "=", self.supplier.id)]
        )
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.picking_type_id, self.hq_warehouse.in_type_id)
        self.assertEqual(order.order_line.product_id, self.tea)
        self.assertEqual(order.order_line.product_qty, 108)
        # the request for quotation counts as ordered: nothing left to suggest
        self.assertEqual(level.qty_in_progress, 108)
        self.assertEqual(level.suggested_qty, 0)
        with self.assertRaisesRegex(UserError, "None of the selected lines"):
            level.action_create_rfqs()
        self.assertEqual(
            self.env["purchase.order"].search_count(
                [("partner_id", "=", self.supplier.id)]
            ),
            1,
        )

    def test_rfq_needs_a_vendor(self):
        level = self.Level.create(
            {
                "product_id": self.soap.id,
                "warehouse_id": self.hq_warehouse.id,
                "min_qty": 5,
                "max_qty": 20,
            }
        )
        level._refresh_levels(self.hq_warehouse)
        self.assertEqual(level.suggested_qty, 24)
        with self.assertRaisesRegex(UserError, "Soap Bar has no vendor"):
            level.action_create_rfqs()

    def test_store_orders_to_head_office(self):
        level = self.Level.with_user(self.manager).create(
            {
                "product_id": self.tea.id,
                "warehouse_id": self.store_warehouse.id,
                "min_qty": 5,
                "max_qty": 20,
            }
        )
        self.Quant._update_available_quantity(
            self.tea, self.store_warehouse.lot_stock_id, 2
        )
        level.action_refresh()
        self.assertEqual(level.lead_days, 2)  # the store's resupply days
        self.assertFalse(level.supplier_id)
        self.assertEqual(level.suggested_qty, 24)  # 20 - 2 = 18 → 2 packs of 12
        with self.assertRaisesRegex(UserError, "is a store"):
            level.action_create_rfqs()
        level.action_create_store_orders()
        order = self.env["retail.store.order"].search(
            [("store_warehouse_id", "=", self.store_warehouse.id)]
        )
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.hq_warehouse_id, self.hq_warehouse)
        self.assertEqual(order.line_ids.requested_qty, 24)
        self.assertEqual(level.qty_in_progress, 24)
        self.assertEqual(level.suggested_qty, 0)

    def test_alert_activities_once_and_cleared_when_stock_recovers(self):
        level = self.Level.create(
            {
                "product_id": self.soap.id,
                "warehouse_id": self.store_warehouse.id,
                "min_qty": 5,
                "max_qty": 20,
            }
        )
        self.Quant._update_available_quantity(
            self.soap, self.store_warehouse.lot_stock_id, 2
        )
        self.Level._cron_stock_alerts()
        self.Level._cron_stock_alerts()
        activity = self._activities(level)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(
            activity.summary, "Soap Bar is below its safety stock in Test Store East"
        )
        # recovered: the alert and its activity go
        self.Quant._update_available_quantity(
            self.soap, self.store_warehouse.lot_stock_id, 10
        )
        self.Level._cron_stock_alerts()
        self.assertEqual(level.alert_state, "ok")
        self.assertFalse(self._activities(level))
        # over-stocked: a new activity for the new alert, still only one
        self.Quant._update_available_quantity(
            self.soap, self.store_warehouse.lot_stock_id, 30
        )
        self.Level._cron_stock_alerts()
        self.Level._cron_stock_alerts()
        self.assertEqual(level.alert_state, "over")
        activity = self._activities(level)
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            activity.summary, "Soap Bar is over-stocked in Test Store East"
        )

    def test_head_office_alert_goes_to_the_suppliers_buyer(self):
        level = self.Level.create(
            {
                "product_id": self.tea.id,
                "warehouse_id": self.hq_warehouse.id,
                "min_qty": 5,
                "max_qty": 20,
            }
        )
        self.Level._cron_stock_alerts()
        self.assertEqual(self._activities(level).user_id, self.buyer)

    def test_bad_levels(self):
        with self.assertRaises(ValidationError) as caught:
            self.Level.create(
                {
                    "product_id": self.soap.id,
                    "warehouse_id": self.hq_warehouse.id,
                    "min_qty": -1,
                }
            )
        self.assertIn("cannot be negative", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.Level.create(
                {
                    "product_id": self.soap.id,
                    "warehouse_id": self.hq_warehouse.id,
                    "min_qty": 10,
                    "max_qty": 5,
                }
            )
        self.assertIn("is below its safety stock", str(caught.exception))
        level = self.Level.create(
            {"product_id": self.soap.id, "warehouse_id": self.hq_warehouse.id}
        )
        with self.assertRaises(ValidationError) as caught:
            level.write({"min_qty": 8, "max_qty": 4})
        self.assertIn("(4.0) is below its safety stock (8.0)", str(caught.exception))
        self.assertEqual((level.min_qty, level.max_qty), (0, 0))

    def test_store_managers_see_their_stores_only(self):
        levels = self.Level.create(
            [
                {"product_id": self.soap.id, "warehouse_id": wh.id, "min_qty": 1}
                for wh in (self.hq_warehouse, self.store_warehouse)
            ]
        )
        seen = self.Level.with_user(self.manager).search([("id", "in", levels.ids)])
        self.assertEqual(seen.warehouse_id, self.store_warehouse)
        seen = self.Level.with_user(self.buyer).search([("id", "in", levels.ids)])
        self.assertEqual(len(seen), 2)
        with self.assertRaises(AccessError):
            self.Level.with_user(self.role_users["cashier"]).search([])


@tagged("post_install", "-at_install")
class TestRetailStockAlertTexts(RetailCommon):
    """Alert activities speak the responsible user's language and match the alert."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("zh_CN").active:
            cls.env["res.lang"]._activate_lang("zh_CN")
            cls.env.ref("base.module_retail_wholesale")._update_translations(["zh_CN"])
        cls.manager = cls.role_users["store_manager"]
        cls.manager.write(
            {
                "lang": "zh_CN",
                "retail_warehouse_ids": [Command.set(cls.store_warehouse.ids)],
            }
        )
        cls.buyer = cls.role_users["buyer"]
        cls.store_stock = cls.store_warehouse.lot_stock_id
        cls.soap = cls.env["product.product"].create(
            {"name": "Soap Bar", "is_storable": True, "responsible_id": cls.buyer.id}
        )
        cls.Level = cls.env["retail.stock.level"]
        cls.Quant = cls.env["stock.quant"]

    def _activities(self, level):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "retail.stock.level"),
                ("res_id", "=", level.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("retail_wholesale.mail_activity_type_stock_alert").id,
                ),
            ]
        )

    def _soap_level(self):
        return self.Level.search(
            [
                ("product_id", "=", self.soap.id),
                ("warehouse_id", "=", self.store_warehouse.id),
            ]
        )

    def test_alert_text_in_the_users_language_and_of_the_alerts_kind(self):
        level = self.Level.create(
            {
                "product_id": self.soap.id,
                "warehouse_id": self.store_warehouse.id,
                "min_qty": 5,
                "max_qty": 20,
            }
        )
        self.Quant._update_available_quantity(self.soap, self.store_stock, 2)
        self.Level._cron_stock_alerts()
        activity = self._activities(level)
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(activity.summary, "Soap Bar 在 Test Store East 低于安全库存")
        self.assertIn("安全库存：5.00", str(activity.note))
        self.Quant._update_available_quantity(self.soap, self.store_stock, 38)
        self.Level._cron_stock_alerts()
        activity = self._activities(level)
        self.assertEqual(level.alert_state, "over")
        self.assertEqual(activity.summary, "Soap Bar 在 Test Store East 积压")
        self.assertIn("在手：40.00，积压上限：20.00", str(activity.note))
        # head office's buyer reads English
        hq_level = self.Level.create(
            {
                "product_id": self.soap.id,
                "warehouse_id": self.hq_warehouse.id,
                "min_qty": 5,
            }
        )
        self.Level._cron_stock_alerts()
        hq_activity = self._activities(hq_level)
        self.assertEqual(hq_activity.user_id, self.buyer)
        self.assertEqual(
            hq_activity.summary,
            f"Soap Bar is below its safety stock in {self.hq_warehouse.name}",
        )

    def test_negative_store_stock_raises_its_own_alert_once(self):
        # sold at the till before the goods were booked in: no level yet, no sales
        # in the window (the till's sales here are a bare stock move)
        self.Quant._update_available_quantity(self.soap, self.store_stock, -112)
        self.Level._cron_stock_alerts()
        self.Level._cron_stock_alerts()
        level = self._soap_level()
        self.assertEqual(level.alert_state, "negative")
        self.assertEqual(level.qty_on_hand, -112)
        activity = self._activities(level)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(activity.summary, "Soap Bar 在 Test Store East 负库存")
        self.assertIn("在手：-112.00", str(activity.note))
        # a safety stock does not hide it: negative stock comes first
        level.write({"mode": "manual", "min_qty": 5, "max_qty": 20})
        self.Level._cron_stock_alerts()
        self.assertEqual(level.alert_state, "negative")
        self.assertEqual(self._activities(level), activity)

    def test_refreshing_the_list_replaces_an_activity_of_another_kind(self):
        level = self.Level.create(
            {
                "product_id": self.soap.id,
                "warehouse_id": self.store_warehouse.id,
                "min_qty": 5,
                "max_qty": 20,
            }
        )
        self.Quant._update_available_quantity(self.soap, self.store_stock, 30)
        self.Level._cron_stock_alerts()
        self.assertEqual(
            self._activities(level).summary, "Soap Bar 在 Test Store East 积压"
        )
        # heavy till sales during the day, the manager opens the alerts
        self.Quant._update_available_quantity(self.soap, self.store_stock, -142)
        self.Level.with_user(self.manager).action_open_alerts()
        self.assertEqual(level.alert_state, "negative")
        activity = self._activities(level)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.summary, "Soap Bar 在 Test Store East 负库存")
