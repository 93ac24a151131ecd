import uuid
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .stored_value_common import StoredValueCommon


@tagged("post_install", "-at_install")
class TestMemberCouponsPos(StoredValueCommon):
    """单次券 at the tills: a one-time coupon (a birthday coupon…) redeemed by two
    orders (two tills at once, or a till offline) or after its expiry date: the
    orders are kept as paid, the later one flagged for review."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coupons = cls.env["loyalty.program"].create(
            {
                "name": "Retail Birthday Coupon",
                "program_type": "coupons",
                "applies_on": "current",
                "trigger": "with_code",
                "pos_ok": True,
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": 20,
                            "discount_mode": "per_order",
                            "required_points": 1,
                        }
                    )
                ],
            }
        )
        cls.coupon_reward = cls.coupons.reward_ids
        cls.coupon_reward.discount_line_product_id.action_unarchive()

    def _coupon_payload(self, session, card):
        data = self._order_payload(
            session,
            [(self.tea, 1, 300.0)],
            [(self.cash, 280.0)],
            partner=self.member,
        )
        data["lines"].append(
            Command.create(
                {
                    "product_id": self.coupon_reward.discount_line_product_id.id,
                    "qty": 1,
                    "price_unit": -20.0,
                    "discount": 0,
                    "price_subtotal": -20.0,
                    "price_subtotal_incl": -20.0,
                    "tax_ids": [],
                    "is_reward_line": True,
                    "reward_id": self.coupon_reward.id,
                    "coupon_id": card.id,
                    "points_cost": 1,
                    "reward_identifier_code": str(uuid.uuid4())[:8],
                }
            )
        )
        data["amount_total"] = data["amount_paid"] = 280.0
        return data

    def test_a_coupon_redeemed_twice_is_flagged_once(self):
        card = self._card(1.0, program=self.coupons)
        session = self._open_session()
        first, second = (self._coupon_payload(session, card) for __ in range(2))
        orders = self._sync([first, second])
        self.assertEqual(set(orders.mapped("state")), {"paid"})
        ok, twice = orders.sorted("id")
        self.assertFalse(ok.retail_review_state, ok.retail_review_note)
        self.assertEqual(twice.retail_review_state, "to_review")
        self.assertIn(
            f"Coupon {card.code} was already used before this order.",
            twice.retail_review_note,
        )
        # sent again (the till did not get the answer): not counted again
        self._sync([first, second])
        self.assertEqual(card.retail_till_uses, 2)
        # a third till's order later on is flagged too
        third = self._sync([self._coupon_payload(session, card)])
        self.assertEqual(third.retail_review_state, "to_review")
        self.assertEqual(card.retail_till_uses, 3)

    def test_an_expired_coupon_is_flagged(self):
        card = self._card(1.0, program=self.coupons)
        # expired the day before yesterday: expired on the cashier's day too (core's
        # test cashier works in New York, a day behind the server after 0:00 UTC)
        card.expiration_date = fields.Date.today() - timedelta(days=2)
        session = self._open_session()
        order = self._sync([self._coupon_payload(session, card)])
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn(f"Coupon {card.code} expired on", order.retail_review_note)
