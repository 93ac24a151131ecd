from odoo import Command
from odoo.tests import tagged

from .common import PromotionCommon


@tagged("post_install", "-at_install")
class TestPromotion(PromotionCommon):
    """营销活动 set up by a store manager in one form, written as core loyalty programs,
    applied on wholesale orders by themselves: each kind."""

    def test_tiers_take_off_the_best_tier_reached(self):
        promotion = self._promotion(
            name="满100减10 满200减30",
            tier_ids=[
                Command.create({"threshold": 200.0, "discount": 30.0}),
                Command.create({"threshold": 100.0, "discount": 10.0}),
            ],
        )
        programs = promotion.sudo().program_ids
        self.assertEqual(len(programs), 2)
        self.assertEqual(set(programs.mapped("program_type")), {"promotion"})
        self.assertTrue(all(programs.mapped("sale_ok")))
        self.assertEqual(programs.mapped("date_to"), [promotion.date_end] * 2)
        # 250: the 200 tier, 30 off in all, never 10 + 30
        order = self._order((self.tea, 5))
        self.assertEqual(order.state, "sale")
        self.assertAlmostEqual(self._discount(order), -30.0)
        self.assertAlmostEqual(order.amount_total, 220.0)
        # 150: the 100 tier
        self.assertAlmostEqual(self._discount(self._order((self.tea, 3))), -10.0)
        # 90: none
        self.assertFalse(self._discount(self._order((self.tea, 1), (self.cup, 2))))
        # the receipt line says the tier in words
        self.assertIn(
            "Spend 100 save 10",
            self._order((self.tea, 2)).order_line.filtered("is_reward_line").name,
        )

    def test_tiers_on_a_brand_add_up_to_the_tier_reached(self):
        self._promotion(
            name="龙井满100减10 满200减30",
            brand_ids=[Command.set(self.brand.ids)],
            tier_ids=[
                Command.create({"threshold": 100.0, "discount": 10.0}),
                Command.create({"threshold": 200.0, "discount": 30.0}),
            ],
        )
        # 250 of the brand's tea (the cups do not count): 10 + 20 more
        order = self._order((self.tea, 5), (self.cup, 5))
        rewards = order.order_line.filtered("is_reward_line")
        self.assertEqual(len(rewards), 2)
        self.assertAlmostEqual(self._discount(order), -30.0)
        self.assertAlmostEqual(order.amount_total, 320.0)
        # 150 of tea and 200 of cups: the first tier only
        self.assertAlmostEqual(
            self._discount(self._order((self.tea, 3), (self.cup, 10))), -10.0
        )

    def test_every_step_up_to_the_steps_allowed(self):
        self._promotion(
            name="每满100减10",
            repeat=True,
            max_steps=3,
            tier_ids=[Command.create({"threshold": 100.0, "discount": 10.0})],
        )
        self.assertAlmostEqual(self._discount(self._order((self.tea, 7))), -30.0)
        self.assertAlmostEqual(self._discount(self._order((self.tea, 4))), -20.0)
        self.assertAlmostEqual(self._discount(self._order((self.tea, 20))), -30.0)

    def test_gift_from_the_threshold(self):
        self._promotion(
            name="满199赠购物袋",
            promotion_type="gift",
            tier_ids=[
                Command.create(
                    {"threshold": 199.0, "gift_product_id": self.bag.id, "gift_qty": 1}
                )
            ],
        )
        order = self._order((self.tea, 4))
        gift = order.order_line.filtered("is_reward_line")
        self.assertEqual(gift.product_id, self.bag)
        self.assertAlmostEqual(order.amount_total, 200.0)
        self.assertFalse(
            self._order((self.tea, 3)).order_line.filtered("is_reward_line")
        )

    def test_buy_two_get_one_free(self):
        self._promotion(
            name="买二送一",
            promotion_type="buy_get",
            product_ids=[Command.set(self.tea.ids)],
            buy_qty=2,
            free_qty=1,
        )
        order = self._order((self.tea, 2))
        free = order.order_line.filtered("is_reward_line")
        self.assertEqual(free.product_id, self.tea)
        self.assertEqual(
            sum(
                order.order_line.filtered(
                    lambda line: line.product_id == self.tea
                ).mapped("product_uom_qty")
            ),
            3,
        )
        self.assertAlmostEqual(order.amount_total, 100.0)

    def test_second_item_at_half_price(self):
        self._promotion(
            name="第二件半价",
            promotion_type="nth_discount",
            product_ids=[Command.set(self.tea.ids)],
            buy_qty=2,
            discount_percent=50.0,
            max_steps=2,
        )
        self.assertFalse(self._discount(self._order((self.tea, 1))))
        self.assertAlmostEqual(self._discount(self._order((self.tea, 2))), -25.0)
        self.assertAlmostEqual(self._discount(self._order((self.tea, 3))), -25.0)
        self.assertAlmostEqual(self._discount(self._order((self.tea, 4))), -50.0)
        # two Nth items per order at most
        order = self._order((self.tea, 7), (self.cup, 1))
        self.assertAlmostEqual(self._discount(order), -50.0)
        self.assertAlmostEqual(order.amount_total, 7 * 50.0 + 20.0 - 50.0)

    def test_timed_discount_on_a_brand(self):
        self._promotion(
            name="龙井8折",
            promotion_type="discount",
            brand_ids=[Command.set(self.brand.ids)],
            discount_percent=20.0,
        )
        order = self._order((self.tea, 2), (self.cup, 1))
        # 20% off the tea (100), nothing off the cup
        self.assertAlmostEqual(self._discount(order), -20.0)
        self.assertAlmostEqual(order.amount_total, 100.0)

    def test_coupons_for_a_grade_one_use_each(self):
        pricelist = self.env["product.pricelist"].create({"name": "Promo VIP Prices"})
        grade = self.env["retail.customer.grade"].create(
            {"name": "Promo VIP", "pricelist_id": pricelist.id}
        )
        self.customer.retail_grade_id = grade
        promotion = self._promotion(
            name="满100减20券",
            promotion_type="coupon",
            coupon_discount=20.0,
            coupon_threshold=100.0,
            grade_ids=[Command.set(grade.ids)],
        )
        promotion.action_issue_coupons()
        self.assertEqual(promotion.coupon_count, 1)
        # issued again: nobody gets a second one
        promotion.action_issue_coupons()
        self.assertEqual(promotion.coupon_count, 1)
        coupon = promotion.sudo().program_ids.coupon_ids
        self.assertEqual(coupon.partner_id, self.customer)
        self.assertEqual(coupon.expiration_date, promotion.date_end)
        order = self._order((self.tea, 3), confirm=False)
        order.sudo()._try_apply_code(coupon.code)
        order.action_confirm()
        order.sudo()._apply_program_reward(coupon.program_id.reward_ids, coupon)
        self.assertAlmostEqual(self._discount(order), -20.0)
        self.assertEqual(coupon.points, 0)
        second = self._order((self.tea, 3), confirm=False)
        self.assertIn("error", second.sudo()._try_apply_code(coupon.code))
