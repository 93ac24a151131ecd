from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon
from odoo.addons.retail_promotion_pos.tests.common import reward_line


@tagged("post_install", "-at_install")
class TestPromotionEffectAtTheTill(RetailPosHttpCommon):
    """活动效果 of 满100减10 at a till: an order of 3 teas (150, 10 off) and one of a tea
    (50), sent by the cashier's till."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.main_pos_config.picking_type_id.warehouse_id
        cls.manager = new_test_user(
            cls.env,
            login="effect_pos_store_manager",
            groups="retail_wholesale.retail_wholesale_group_store_manager",
            lang="en_US",
        )
        cls.manager.retail_warehouse_ids = cls.store
        cls.tea = cls._create_retail_product("Effect Till Tea", 50.0)
        cls.today = fields.Date.context_today(cls.manager)
        cls.promotion = (
            cls.env["retail.promotion"]
            .with_user(cls.manager)
            .create(
                {
                    "name": "Effect Till 满100减10",
                    "date_start": cls.today,
                    "date_end": cls.today,
                    "warehouse_ids": [Command.set(cls.store.ids)],
                    "tier_ids": [
                        Command.create({"threshold": 100.0, "discount": 10.0})
                    ],
                }
            )
        )

    def _payload(self, session, teas, taken):
        cash = self.main_pos_config.payment_method_ids.filtered("is_cash_count")[:1]
        total = teas * 50.0 - taken
        data = self._order_payload(session, [(self.tea, teas, 50.0)], [(cash, total)])
        if taken:
            data["lines"].append(reward_line(self.promotion.sudo().program_ids, taken))
        data["amount_total"] = data["amount_paid"] = total
        return data

    def test_the_tills_orders_in_the_effect(self):
        session = self._open_session()
        orders = self.env["pos.order"].with_user(self.pos_user)
        orders.sync_from_ui(
            [self._payload(session, 3, 10.0), self._payload(session, 1, 0.0)]
        )
        effect = (
            self.env["retail.promotion.effect"]
            .with_user(self.manager)
            .create({"date_from": self.today, "date_to": self.today})
        )
        effect.action_compute()
        [line] = effect.line_ids
        self.assertEqual(line.promotion_id, self.promotion)
        self.assertEqual(line.warehouse_id, self.store)
        self.assertEqual(line.orders_reached, 1)
        self.assertAlmostEqual(line.discount, 10.0)
        # the till's sales of the day: 140 + 50 in two orders
        self.assertAlmostEqual(line.revenue, 190.0)
        self.assertEqual(line.orders, 2)
        self.assertAlmostEqual(line.basket, 95.0)
