from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestPromotion(BaseCommon):
    """营销活动 set up by a store manager in one form, written as core loyalty programs,
    applied on wholesale orders by themselves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.company = cls.env.company
        Warehouse = cls.env["stock.warehouse"]
        cls.store = Warehouse.create({"name": "Promo Store East", "code": "PSE"})
        cls.other_store = Warehouse.create({"name": "Promo Store West", "code": "PSW"})
        cls.manager = new_test_user(
            cls.env,
            login="promo_store_manager",
            groups="retail_wholesale.retail_wholesale_group_store_manager",
            lang="en_US",
        )
        cls.manager.retail_warehouse_ids = cls.store
        cls.hq = new_test_user(
            cls.env,
            login="promo_hq_admin",
            groups="retail_wholesale.retail_wholesale_group_hq_admin",
            lang="en_US",
        )
        cls.salesman = new_test_user(
            cls.env,
            login="promo_salesman",
            groups="sales_team.group_sale_salesman",
            lang="en_US",
        )
        Product = cls.env["product.product"]
        cls.brand = cls.env["retail.brand"].create({"name": "Promo Tea Brand"})
        cls.tea = Product.create(
            {
                "name": "Promo Longjing",
                "list_price": 50.0,
                "taxes_id": [Command.clear()],
                "retail_brand_id": cls.brand.id,
            }
        )
        cls.cup = Product.create(
            {"name": "Promo Cup", "list_price": 20.0, "taxes_id": [Command.clear()]}
        )
        cls.bag = Product.create(
            {"name": "Promo Bag", "list_price": 2.0, "taxes_id": [Command.clear()]}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Promo Customer"})
        cls.today = fields.Date.context_today(cls.env["retail.promotion"])
        cls.Promotion = cls.env["retail.promotion"].with_user(cls.manager)

    def _promotion(self, **values):
        return self.Promotion.create(
            dict(
                {
                    "name": "Promo",
                    "date_start": self.today,
                    "date_end": self.today + timedelta(days=7),
                    "warehouse_ids": [Command.set(self.store.ids)],
                    "wholesale_ok": True,
                },
                **values,
            )
        )

    def _order(self, *lines, confirm=True):
        order = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": qty}
                        )
                        for product, qty in lines
                    ],
                }
            )
        )
        if confirm:
            order.action_confirm()
        return order

    def _discount(self, order):
        return sum(order.order_line.filtered("is_reward_line").mapped("price_total"))

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

    def test_editing_the_promotion_edits_its_programs(self):
        promotion = self._promotion(
            name="满100减10 满200减30",
            tier_ids=[
                Command.create({"threshold": 100.0, "discount": 10.0}),
                Command.create({"threshold": 200.0, "discount": 30.0}),
            ],
        )
        first = promotion.sudo().program_ids
        high = promotion.tier_ids.filtered(lambda t: t.threshold == 200.0)
        promotion.write({"tier_ids": [Command.update(high.id, {"discount": 40.0})]})
        self.assertEqual(promotion.sudo().program_ids, first)
        self.assertEqual(sorted(first.reward_ids.mapped("discount")), [10.0, 40.0])
        promotion.write({"tier_ids": [Command.unlink(high.id)]})
        self.assertEqual(len(promotion.sudo().program_ids.filtered("active")), 1)
        self.assertAlmostEqual(self._discount(self._order((self.tea, 5))), -10.0)
        with self.assertRaises(ValidationError):
            promotion.date_end = self.today - timedelta(days=1)

    def test_orders_per_customer_and_budget(self):
        once = self._promotion(
            name="每人限一次 满100减10",
            limit_per_customer=1,
            tier_ids=[Command.create({"threshold": 100.0, "discount": 10.0})],
        )
        self.assertAlmostEqual(self._discount(self._order((self.tea, 2))), -10.0)
        second = self._order((self.tea, 2), confirm=False)
        with self.assertRaises(UserError) as caught:
            second.action_confirm()
        self.assertRegex(str(caught.exception), "may get the promotion .* on 1 orders")
        self.assertEqual(second.state, "draft")
        # another customer still gets it
        self.customer = self.env["res.partner"].create({"name": "Promo Other"})
        self.assertAlmostEqual(self._discount(self._order((self.tea, 2))), -10.0)
        once.active = False
        # a budget of 50: one order of 30 off, not a second
        budget = self._promotion(
            name="预算50 满200减30",
            budget=50.0,
            tier_ids=[Command.create({"threshold": 200.0, "discount": 30.0})],
        )
        self.assertAlmostEqual(self._discount(self._order((self.tea, 4))), -30.0)
        self.assertAlmostEqual(budget.budget_used, 30.0)
        with self.assertRaises(UserError) as caught:
            self._order((self.tea, 4))
        self.assertIn("has 20.0 left of its budget of 50.0", str(caught.exception))
        self.assertAlmostEqual(budget.budget_used, 30.0)
        with self.assertRaises(ValidationError):
            budget.budget = -1.0

    def test_store_manager_runs_own_stores_only(self):
        with self.assertRaises(AccessError):
            self._promotion(
                name="西店满减",
                warehouse_ids=[Command.set(self.other_store.ids)],
                tier_ids=[Command.create({"threshold": 100.0, "discount": 10.0})],
            )
        with self.assertRaises(AccessError):
            self._promotion(
                name="全店满减",
                warehouse_ids=[],
                tier_ids=[Command.create({"threshold": 100.0, "discount": 10.0})],
            )
        chain = (
            self.env["retail.promotion"]
            .with_user(self.hq)
            .create(
                {
                    "name": "全店满减",
                    "date_start": self.today,
                    "date_end": self.today,
                    "tier_ids": [
                        Command.create({"threshold": 100.0, "discount": 10.0})
                    ],
                }
            )
        )
        # the store manager reads the chain's promotion but cannot change it
        self.assertEqual(chain.with_user(self.manager).name, "全店满减")
        with self.assertRaises(AccessError):
            chain.with_user(self.manager).write({"name": "改"})

    def test_bad_input_is_refused_naming_the_promotion(self):
        cases = [
            (
                {
                    "tier_ids": [
                        Command.create({"threshold": 100.0, "discount": 10.0}),
                        Command.create({"threshold": 100.0, "discount": 20.0}),
                    ]
                },
                "two tiers start at",
            ),
            (
                {"tier_ids": [Command.create({"threshold": 100.0, "discount": 120.0})]},
                "is not below the amount to spend",
            ),
            (
                {
                    "tier_ids": [
                        Command.create({"threshold": 100.0, "discount": 20.0}),
                        Command.create({"threshold": 200.0, "discount": 10.0}),
                    ]
                },
                "a higher tier must give more",
            ),
            (
                {
                    "date_end": self.today - timedelta(days=1),
                    "tier_ids": [
                        Command.create({"threshold": 100.0, "discount": 10.0})
                    ],
                },
                "is before the start",
            ),
            (
                {"promotion_type": "discount", "discount_percent": 20.0},
                "choose the products, categories or brands",
            ),
            (
                {
                    "promotion_type": "buy_get",
                    "product_ids": [Command.set((self.tea | self.cup).ids)],
                },
                "choose the free product",
            ),
            ({"promotion_type": "amount_off"}, "add at least one tier"),
            (
                {
                    "promotion_type": "nth_discount",
                    "product_ids": [Command.set((self.tea | self.cup).ids)],
                    "discount_percent": 50.0,
                },
                "an Nth item discount is on one product",
            ),
        ]
        self.bag.sale_ok = False
        cases.append(
            (
                {
                    "promotion_type": "gift",
                    "tier_ids": [
                        Command.create(
                            {"threshold": 199.0, "gift_product_id": self.bag.id}
                        )
                    ],
                },
                "cannot be sold",
            )
        )
        for values, message in cases:
            with (
                self.subTest(message=message),
                self.assertRaises(ValidationError) as caught,
            ):
                self._promotion(name="Bad Promo", **values)
            self.assertIn("Bad Promo", str(caught.exception))
            self.assertIn(message, str(caught.exception))
        self.assertFalse(
            self.env["loyalty.program"].sudo().search([("name", "like", "Bad Promo")])
        )
        with self.assertRaises(UserError):
            self._promotion(
                name="满减",
                tier_ids=[Command.create({"threshold": 100.0, "discount": 10.0})],
            ).action_issue_coupons()
