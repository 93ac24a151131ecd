from odoo import Command
from odoo.tests import tagged

from .stored_value_common import StoredValueCommon


@tagged("post_install", "-at_install")
class TestMemberPointsPos(StoredValueCommon):
    """积分 at the till: a member redeems points for a discount (core's reward button),
    as the till's cashier; the card's points and statement follow on the server."""

    def test_tour_cashier_redeems_points_for_a_discount(self):
        program = self.env["loyalty.program"].create(
            {
                "name": "Retail Points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "pos_ok": True,
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 1}
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": amount,
                            "discount_mode": "per_order",
                            "required_points": points,
                            "description": f"Points: {amount} off",
                        }
                    )
                    for amount, points in ((10, 100), (20, 200))
                ],
            }
        )
        card = self._card(250.0, program=program)
        session = self._open_session()
        self.start_pos_tour("retail_member_pos_points_tour", login="pos_user")
        order = self._session_orders(session)
        self.assertEqual(len(order), 1)
        self.assertAlmostEqual(order.amount_total, 280.0)
        reward_line = order.lines.filtered("is_reward_line")
        self.assertEqual(reward_line.coupon_id, card)
        self.assertEqual(reward_line.points_cost, 200.0)
        [entry] = card.history_ids.filtered(lambda h: h.order_id == order.id)
        self.assertEqual(entry.used, 200.0)
        # the statement tells the points redeemed from the points earned (core's till
        # sends their net)
        self.assertGreater(entry.issued, 200.0)
        # 250 held, 200 redeemed, the points of this purchase earned
        self.assertAlmostEqual(card.points, 50.0 + entry.issued)
        self.assertNotEqual(order.retail_review_state, "to_review")
