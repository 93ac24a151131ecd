from odoo import Command
from odoo.tests import tagged

from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon

from .common import reward_line, running_window


@tagged("post_install", "-at_install")
class TestPromotionStackingAtTheTill(RetailPosHttpCommon):
    """互斥 at the cashier's till: 满100减10 and a 8折 on tea that does not stack and
    comes first; the till gives the first, says why the other is left out, and the
    server's review flags a till that gave both."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        store = cls.main_pos_config.picking_type_id.warehouse_id
        cls.tea = cls._create_retail_product("Stack Tea", 50.0)
        cls.cup = cls._create_retail_product("Stack Cup", 30.0)
        start, end = running_window(cls.env)
        Promotion = cls.env["retail.promotion"].sudo()
        common = {
            "date_start": start,
            "date_end": end,
            "warehouse_ids": [Command.set(store.ids)],
        }
        cls.spend = Promotion.create(
            {
                **common,
                "name": "满100减10",
                "tier_ids": [Command.create({"threshold": 100.0, "discount": 10.0})],
            }
        )
        cls.tea_off = Promotion.create(
            {
                **common,
                "name": "茶叶8折",
                "promotion_type": "discount",
                "product_ids": [Command.set(cls.tea.ids)],
                "discount_percent": 20.0,
                "stack_ok": False,
                "priority": 20,
            }
        )

    def test_the_till_refuses_the_combination_and_says_why(self):
        self.start_pos_tour("retail_promotion_pos_stacking_tour", login="pos_user")
        orders = self.env["pos.order"].search(
            [("session_id", "=", self.main_pos_config.current_session_id.id)],
            order="id",
        )
        self.assertEqual(orders.mapped("amount_total"), [110.0, 160.0])
        self.assertEqual(
            [o.lines.filtered("is_reward_line").reward_id.program_id for o in orders],
            [self.spend.program_ids, self.tea_off.program_ids],
        )
        self.assertFalse(any(orders.mapped("retail_review_state")))

    def test_a_till_giving_both_is_flagged(self):
        session = self._open_session()
        cash = self.main_pos_config.payment_method_ids.filtered("is_cash_count")[:1]
        data = self._order_payload(
            session, [(self.tea, 1, 50.0), (self.cup, 4, 30.0)], [(cash, 150.0)]
        )
        data["lines"] += [
            reward_line(self.spend.program_ids, 10.0),
            reward_line(self.tea_off.program_ids, 10.0),
        ]
        data["amount_total"] = data["amount_paid"] = 150.0
        result = self.env["pos.order"].with_user(self.pos_user).sync_from_ui([data])
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        # kept as paid with both rewards, flagged
        self.assertEqual(order.state, "paid")
        self.assertEqual(len(order.lines.filtered("is_reward_line")), 2)
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn(
            "Promotion 满100减10 should not have been given: does not stack with "
            "茶叶8折, which comes first.",
            order.retail_review_note,
        )
