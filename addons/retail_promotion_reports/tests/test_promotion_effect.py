from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestPromotionEffect(BaseCommon):
    """活动效果 of two wholesale promotions checked against figures computed by hand.

    Yesterday, before them: an order of 2 teas (100). Today, 满100减10 / 满200减30 and
    满199赠 a bag are on: an order of 5 teas (250, 30 off, the bag given and delivered)
    and an order of one tea (50, nothing). Teas cost 30, the bag 1.5."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.store = cls.env["stock.warehouse"].create(
            {"name": "Effect Store", "code": "EFS"}
        )
        cls.manager = new_test_user(
            cls.env,
            login="effect_store_manager",
            groups="retail_wholesale.retail_wholesale_group_store_manager",
            lang="en_US",
        )
        cls.manager.retail_warehouse_ids = cls.store
        Product = cls.env["product.product"]
        cls.tea, cls.bag = (
            Product.create(
                {
                    "name": name,
                    "list_price": price,
                    "standard_price": cost,
                    "is_storable": True,
                    "taxes_id": [Command.clear()],
                }
            )
            for name, price, cost in (
                ("Effect Tea", 50.0, 30.0),
                ("Effect Bag", 2.0, 1.5),
            )
        )
        for product in (cls.tea, cls.bag):
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.store.lot_stock_id, 100
            )
        cls.customer = cls.env["res.partner"].create({"name": "Effect Customer"})
        cls.today = fields.Date.context_today(cls.manager)
        # yesterday, before the promotions
        before = cls._order(2)
        before.date_order = fields.Datetime.now() - timedelta(days=1)
        Promotion = cls.env["retail.promotion"].with_user(cls.manager)
        common = {
            "date_start": cls.today,
            "date_end": cls.today + timedelta(days=7),
            "warehouse_ids": [Command.set(cls.store.ids)],
            "retail_ok": False,
            "wholesale_ok": True,
        }
        cls.tiers = Promotion.create(
            {
                **common,
                "name": "Effect 满减",
                "tier_ids": [
                    Command.create({"threshold": 100.0, "discount": 10.0}),
                    Command.create({"threshold": 200.0, "discount": 30.0}),
                ],
            }
        )
        cls.gift = Promotion.create(
            {
                **common,
                "name": "Effect 满赠",
                "promotion_type": "gift",
                "tier_ids": [
                    Command.create({"threshold": 199.0, "gift_product_id": cls.bag.id})
                ],
            }
        )
        cls.reached = cls._order(5)
        cls._order(1)
        for picking in cls.reached.picking_ids:
            picking.move_ids.quantity = 0
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.button_validate()

    @classmethod
    def _order(cls, teas):
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "warehouse_id": cls.store.id,
                "order_line": [
                    Command.create({"product_id": cls.tea.id, "product_uom_qty": teas})
                ],
            }
        )
        order.action_confirm()
        return order

    def _effect(self):
        Effect = self.env["retail.promotion.effect"].with_user(self.manager)
        effect = Effect.create(
            {"date_from": self.today - timedelta(days=1), "date_to": self.today}
        )
        effect.action_compute()
        return {line.promotion_id: line for line in effect.line_ids}, effect

    def test_effect_against_figures_computed_by_hand(self):
        self.assertAlmostEqual(self.reached.amount_total, 220.0)
        lines, effect = self._effect()
        self.assertEqual(set(lines), {self.tiers, self.gift})
        tiers, gift = lines[self.tiers], lines[self.gift]
        for line in (tiers, gift):
            self.assertEqual(line.warehouse_id, self.store)
            self.assertEqual((line.date_start, line.date_end), (self.today, self.today))
            self.assertEqual(line.orders_reached, 1)
            self.assertEqual(line.customers_reached, 1)
            # today: 220 + 50 in two orders; yesterday 100 in one
            self.assertAlmostEqual(line.revenue, 270.0)
            self.assertEqual(line.orders, 2)
            self.assertAlmostEqual(line.revenue_before, 100.0)
            self.assertAlmostEqual(line.basket, 135.0)
            self.assertAlmostEqual(line.basket_before, 100.0)
            self.assertAlmostEqual(line.basket_change, 35.0)
            # cost: 6 teas at 30 and the bag at 1.5 today, 2 teas yesterday
            self.assertAlmostEqual(line.margin, 270.0 - 181.5)
            self.assertAlmostEqual(line.margin_before, 40.0)
        self.assertAlmostEqual(tiers.discount, 30.0)
        self.assertAlmostEqual(tiers.gift_cost, 0.0)
        self.assertAlmostEqual(gift.discount, 0.0)
        # the bag delivered at its cost
        self.assertAlmostEqual(gift.gift_cost, 1.5)
        # the same table in the xlsx and the PDF
        table = effect._retail_table()
        self.assertEqual(len(table["rows"]), 2)
        self.assertIn("Gifts at Cost", table["headers"])
        self.assertTrue(effect.action_export_xlsx())
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(effect._retail_pdf_report, effect.ids)[0]
            .decode()
        )
        self.assertIn("Effect 满减", html)

    def test_a_store_manager_sees_their_stores_only(self):
        other = self.env["stock.warehouse"].create(
            {"name": "Effect West", "code": "EFW"}
        )
        self.manager.retail_warehouse_ids = other
        lines, _effect = self._effect()
        self.assertFalse(any(line.orders_reached for line in lines.values()))
        self.assertFalse(any(line.revenue for line in lines.values()))
