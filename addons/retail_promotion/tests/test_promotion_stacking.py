from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PromotionCommon


@tagged("post_install", "-at_install")
class TestPromotionStacking(PromotionCommon):
    """互斥/叠加: which promotions an order reaching several of them gets, and why the
    others are left out (the one rule of sale orders, tills and reviews)."""

    def setUp(self):
        super().setUp()
        # 满100减10 on the whole order, stacking, of the default priority (10)
        self.spend = self._promotion(
            name="满100减10",
            tier_ids=[Command.create({"threshold": 100.0, "discount": 10.0})],
        )
        # 龙井8折 on the tea, not stacking, first by priority
        self.tea_off = self._promotion(
            name="龙井8折",
            promotion_type="discount",
            product_ids=[Command.set(self.tea.ids)],
            discount_percent=20.0,
            stack_ok=False,
            priority=20,
        )

    def test_the_rule(self):
        Promotion = self.env["retail.promotion"]
        both = (self.spend | self.tea_off).sudo()
        skipped = both._retail_skipped()
        self.assertEqual(list(skipped), [self.spend])
        self.assertEqual(
            skipped[self.spend], "does not stack with 龙井8折, which comes first"
        )
        # the stacking one first: the one that does not stack is left out
        self.tea_off.priority = 5
        self.assertEqual(list(both._retail_skipped()), [self.tea_off])
        # both stacking: both apply; a tie of priorities goes to the older one
        self.tea_off.write({"stack_ok": True, "priority": 10})
        self.assertFalse(both._retail_skipped())
        self.spend.stack_ok = False
        self.assertEqual(list(both._retail_skipped()), [self.tea_off])
        # the order's facts come before priorities
        self.spend.flash_sale_ok = False
        self.assertEqual(
            both._retail_skipped(flash_sale=True),
            {self.spend: "not given with flash sale goods"},
        )
        self.tea_off.markdown_ok = False
        self.assertEqual(
            both._retail_skipped(markdown=True),
            {self.tea_off: "not given with near-expiry markdowns"},
        )
        self.assertEqual(Promotion._retail_skipped(member_price=True), {})

    def test_an_order_gets_the_promotion_that_comes_first(self):
        # 2 teas and a cup (120): 龙井8折 (20 off) alone, 满100减10 left out
        order = self._order((self.tea, 2), (self.cup, 1), confirm=False)
        order.action_confirm()
        rewards = order.order_line.filtered("is_reward_line")
        self.assertEqual(
            rewards.reward_id.program_id.retail_promotion_id, self.tea_off.sudo()
        )
        self.assertAlmostEqual(self._discount(order), -20.0)
        self.assertEqual(
            order.retail_promotion_note,
            "满100减10: does not stack with 龙井8折, which comes first",
        )
        # 满100减10 first: it alone
        self.tea_off.with_user(self.manager).priority = 1
        order = self._order((self.tea, 2), (self.cup, 1))
        self.assertAlmostEqual(self._discount(order), -10.0)
        self.assertIn("龙井8折: does not stack", order.retail_promotion_note)
        # both stacking: both
        self.tea_off.with_user(self.manager).stack_ok = True
        order = self._order((self.tea, 2), (self.cup, 1))
        self.assertAlmostEqual(self._discount(order), -30.0)
        self.assertFalse(order.retail_promotion_note)

    def test_a_promotion_given_before_loses_its_line(self):
        # cups only (100): 满100减10 is on the order
        order = self._order((self.cup, 5), confirm=False)
        order._update_programs_and_rewards()
        self.assertAlmostEqual(self._discount(order), -10.0)
        # the tea brings 龙井8折, which comes first and does not stack
        order.order_line = [Command.create({"product_id": self.tea.id})]
        order._update_programs_and_rewards()
        self.assertAlmostEqual(self._discount(order), -10.0)
        self.assertEqual(
            order.order_line.filtered("is_reward_line").reward_id.program_id,
            self.tea_off.sudo().program_ids,
        )
        # nor does the Promotions button offer it
        self.assertFalse(
            any(
                coupon.program_id.retail_promotion_id == self.spend
                for coupon in order._get_claimable_rewards()
            )
        )

    def test_member_prices(self):
        member_prices = self.env["product.pricelist"].create(
            {"name": "会员价", "retail_member_price": True}
        )
        self.customer.property_product_pricelist = member_prices
        self.tea_off.with_user(self.manager).active = False
        self.spend.with_user(self.manager).member_price_ok = False
        order = self._order((self.cup, 5))
        self.assertEqual(order.pricelist_id, member_prices)
        self.assertFalse(self._discount(order))
        self.assertEqual(
            order.retail_promotion_note, "满100减10: not given with member prices"
        )
        # at ordinary prices it is given
        member_prices.retail_member_price = False
        self.assertAlmostEqual(self._discount(self._order((self.cup, 5))), -10.0)

    def test_flash_sale_goods(self):
        self.tea_off.with_user(self.manager).active = False
        self.spend.with_user(self.manager).flash_sale_ok = False
        pricelist = self.env["product.pricelist"].create({"name": "Flash Shoppers"})
        self.customer.property_product_pricelist = pricelist
        now = fields.Datetime.now()
        self.env["retail.flash.sale"].sudo().create(
            {
                "name": "龙井秒杀",
                "product_id": self.tea.id,
                "price": 40.0,
                "total_cap": 100.0,
                "date_start": now - timedelta(hours=1),
                "date_end": now + timedelta(hours=1),
                "pricelist_ids": [Command.set(pricelist.ids)],
            }
        )
        # a flash sale tea and cups (120): 满100减10 is not given with it
        order = self._order((self.tea, 1), (self.cup, 4))
        self.assertTrue(order.order_line.retail_flash_sale_id)
        self.assertFalse(self._discount(order))
        self.assertIn("not given with flash sale goods", order.retail_promotion_note)
        # cups only: given
        self.assertAlmostEqual(self._discount(self._order((self.cup, 5))), -10.0)

    def test_member_levels_only_and_not_with_member_prices(self):
        grade = self.env["retail.customer.grade"].create(
            {
                "name": "Promo VIP",
                "code": "PVIP",
                "pricelist_id": self.env["product.pricelist"]
                .create({"name": "Promo VIP Prices", "retail_member_price": True})
                .id,
            }
        )
        with self.assertRaisesRegex(ValidationError, "it would never apply"):
            self.spend.with_user(self.manager).write(
                {"grade_ids": [Command.set(grade.ids)], "member_price_ok": False}
            )

    def test_sales_channels(self):
        """门店订货: a promotion for the stores' orders from head office (the Store
        Ordering channel) leaves the wholesale orders alone."""
        self.tea_off.with_user(self.manager).active = False
        Channel = self.env["retail.channel"]
        store_ordering = Channel.search(
            [("code", "=", "STORE"), ("company_id", "=", self.company.id)]
        )
        wholesale = Channel.search(
            [("code", "=", "WHOLESALE"), ("company_id", "=", self.company.id)]
        )
        self.spend.with_user(self.manager).channel_ids = store_ordering
        self.assertEqual(
            self.spend.sudo().program_ids.retail_channel_ids, store_ordering
        )
        order = self._order((self.cup, 5), confirm=False)
        order.retail_channel_id = wholesale
        order.action_confirm()
        self.assertFalse(self._discount(order))
        order = self._order((self.cup, 5), confirm=False)
        order.retail_channel_id = store_ordering
        order.action_confirm()
        self.assertAlmostEqual(self._discount(order), -10.0)
