from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PromotionCommon


@tagged("post_install", "-at_install")
class TestPromotionCouponsGiven(PromotionCommon):
    """满额送券: an order from 200 gets a coupon of 20 off for the next visit, usable
    from 100, valid 30 days but never beyond the promotion's end."""

    def setUp(self):
        super().setUp()
        self.promotion = self._promotion(
            name="满200送20元券",
            promotion_type="coupon",
            coupon_issue="till",
            coupon_given_from=200.0,
            coupon_discount=20.0,
            coupon_threshold=100.0,
            coupon_validity_days=3,
        )
        self.program = self.promotion.sudo().program_ids

    def test_the_program(self):
        self.assertEqual(self.program.program_type, "next_order_coupons")
        self.assertEqual(self.program.applies_on, "future")
        self.assertEqual(self.program.trigger, "auto")
        self.assertEqual(self.program.rule_ids.minimum_amount, 200.0)
        self.assertEqual(self.program.reward_ids.discount, 20.0)
        with self.assertRaisesRegex(ValidationError, "order amount they are given"):
            self.promotion.coupon_given_from = 0.0
        # to customers of grades again: a coupon program used by its code
        self.promotion.coupon_issue = "grades"
        program = self.promotion.sudo().program_ids.filtered("active")
        self.assertEqual(program.program_type, "coupons")
        self.assertEqual(program.trigger, "with_code")

    def test_an_order_gets_a_coupon_used_on_the_next(self):
        # 150: no coupon
        self._order((self.tea, 3))
        self.assertFalse(self.program.coupon_ids)
        # 250: a coupon of the customer's, valid 3 days
        self._order((self.tea, 5))
        coupon = self.program.coupon_ids
        self.assertEqual(len(coupon), 1)
        self.assertEqual(coupon.partner_id, self.customer)
        self.assertEqual(coupon.points, 1)
        self.assertEqual(coupon.expiration_date, self.today + timedelta(days=3))
        # the next order of 50 cannot use it yet (usable from 100), and says why
        small = self._order((self.tea, 1), confirm=False)
        self.assertFalse(small._try_apply_code(coupon.code))
        self.assertEqual(
            small._retail_promotion_skipped(),
            {self.promotion: "usable on orders from 100"},
        )
        # an order of 150 uses it: 20 off, the coupon used up
        order = self._order((self.tea, 3), confirm=False)
        [(claimed, rewards)] = order._try_apply_code(coupon.code).items()
        self.assertEqual(claimed, coupon)
        order._apply_program_reward(rewards, coupon)
        order.action_confirm()
        self.assertAlmostEqual(self._discount(order), -20.0)
        self.assertEqual(coupon.points, 0)

    def test_never_beyond_the_promotion(self):
        self.promotion.coupon_validity_days = 30
        self._order((self.tea, 5))
        self.assertEqual(
            self.program.coupon_ids.expiration_date, self.promotion.date_end
        )


@tagged("post_install", "-at_install")
class TestPromotionCouponsToASegment(PromotionCommon):
    """发券 to customers chosen in a list, as the store manager, and their texts."""

    def setUp(self):
        super().setUp()
        self.promotion = self._promotion(
            name="回头客券",
            promotion_type="coupon",
            coupon_discount=10.0,
            coupon_threshold=50.0,
        )
        Partner = self.env["res.partner"]
        self.shop = Partner.create({"name": "Promo Shop", "is_company": True})
        self.buyer = Partner.create(
            {"name": "Promo Buyer", "parent_id": self.shop.id, "mobile": "13900001111"}
        )
        self.shop.mobile = "13900002222"
        self.walker = Partner.create({"name": "Promo Walker", "mobile": "13900003333"})

    def _wizard(self, partners, **values):
        return (
            self.env["retail.promotion.coupon.issue"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_ids=partners.ids)
            .create({"promotion_id": self.promotion.id, **values})
        )

    def test_issue_and_text_the_codes(self):
        self._wizard(self.walker).action_issue()
        # a contact counts as its company; the walker holds one already
        action = self._wizard(self.buyer | self.walker, text_ok=True).action_issue()
        cards = self.promotion.sudo().program_ids.coupon_ids
        self.assertEqual(cards.partner_id, self.shop | self.walker)
        self.assertEqual(cards.mapped("points"), [1, 1])
        self.assertEqual(action["res_model"], "sms.composer")
        new = cards.filtered(lambda card: card.partner_id == self.shop)
        self.assertEqual(action["context"]["default_res_ids"], new.ids)
        # the store manager sends them: one text with the code
        composer = (
            self.env["sms.composer"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({})
        )
        composer.action_send_sms()
        sms = self.env["sms.sms"].sudo().search([("partner_id", "=", self.shop.id)])
        self.assertEqual(len(sms), 1)
        self.assertIn(new.code, sms.body)
        self.assertIn("回头客券", sms.body)
        # the promotion's button texts every customer holding an unused coupon
        action = self.promotion.with_user(self.manager).action_text_coupons()
        self.assertEqual(set(action["context"]["default_res_ids"]), set(cards.ids))

    def test_refused(self):
        with self.assertRaisesRegex(UserError, "Choose the customers"):
            self._wizard(self.env["res.partner"]).action_issue()
        # a promotion of another store
        other = self.Promotion.sudo().create(
            {
                "name": "西店券",
                "promotion_type": "coupon",
                "coupon_discount": 10.0,
                "date_start": self.today,
                "date_end": self.today,
                "warehouse_ids": [Command.set(self.other_store.ids)],
            }
        )
        wizard = self._wizard(self.walker)
        wizard.promotion_id = other
        with self.assertRaises(AccessError):
            wizard.action_issue()
        self.assertFalse(other.program_ids.coupon_ids)
        # an ended promotion
        self.promotion.sudo().write(
            {
                "date_start": self.today - timedelta(days=2),
                "date_end": self.today - timedelta(days=1),
            }
        )
        with self.assertRaisesRegex(UserError, "gives no coupons now"):
            self._wizard(self.walker).action_issue()

    def test_a_coupon_of_another_company_is_refused_naming_it(self):
        other = self.env["res.company"].create({"name": "Promo Other Company"})
        promotion = (
            self.env["retail.promotion"]
            .sudo()
            .with_company(other)
            .create(
                {
                    "name": "别家券",
                    "company_id": other.id,
                    "promotion_type": "coupon",
                    "coupon_discount": 10.0,
                    "date_start": self.today,
                    "date_end": self.today,
                    "wholesale_ok": True,
                }
            )
        )
        self.env["loyalty.card"].sudo().create(
            {"program_id": promotion.program_ids.id, "code": "OTHER-CO-1", "points": 1}
        )
        order = self._order((self.tea, 3), confirm=False)
        self.assertEqual(
            order._try_apply_code("OTHER-CO-1")["error"],
            "Coupon OTHER-CO-1 is a coupon of promotion “别家券” of Promo Other "
            f"Company: it cannot be used in {self.company.name}.",
        )
