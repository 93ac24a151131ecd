from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PromotionCommon


@tagged("post_install", "-at_install")
class TestPromotionRules(PromotionCommon):
    """Editing a promotion, its limits, who may run it, and bad input refused."""

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

    def _bad_cases(self):
        """(values of a promotion, what its refusal says)."""
        return [
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
            ),
        ]

    def test_bad_input_is_refused_naming_the_promotion(self):
        self.bag.sale_ok = False
        for values, message in self._bad_cases():
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
