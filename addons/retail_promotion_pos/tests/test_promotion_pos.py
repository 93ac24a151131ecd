from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon

from .common import reward_line, running_window


@tagged("post_install", "-at_install")
class TestPromotionAtTheTill(RetailPosHttpCommon):
    """A store manager sets up 满100减10 / 满200减30 for their store: the cashier's till
    applies it by itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.main_pos_config.picking_type_id.warehouse_id
        cls.manager = new_test_user(
            cls.env,
            login="promo_pos_store_manager",
            groups="retail_wholesale.retail_wholesale_group_store_manager",
            lang="en_US",
        )
        cls.manager.retail_warehouse_ids = cls.store
        cls.tea = cls._create_retail_product("Promo Till Tea", 50.0)
        start, end = running_window(cls.env)
        cls.promotion = (
            cls.env["retail.promotion"]
            .with_user(cls.manager)
            .create(
                {
                    "name": "满100减10 满200减30",
                    "date_start": start,
                    "date_end": end,
                    "warehouse_ids": [Command.set(cls.store.ids)],
                    "tier_ids": [
                        Command.create({"threshold": 100.0, "discount": 10.0}),
                        Command.create({"threshold": 200.0, "discount": 30.0}),
                    ],
                }
            )
        )

    def test_the_programs_go_to_the_stores_tills(self):
        programs = self.promotion.sudo().program_ids
        self.assertEqual(len(programs), 2)
        for program in programs:
            self.assertTrue(program.pos_ok)
            self.assertEqual(program.pos_config_ids, self.main_pos_config)
        # a promotion of a store without a till reaches no till (never all of them)
        other = self.env["stock.warehouse"].create(
            {"name": "Promo No Till", "code": "PNT"}
        )
        self.manager.retail_warehouse_ids |= other
        self.promotion.with_user(self.manager).warehouse_ids = other
        self.assertFalse(any(programs.mapped("pos_ok")))

    def test_the_till_takes_the_best_tier_off(self):
        self.start_pos_tour("retail_promotion_pos_tiers_tour", login="pos_user")
        order = self.env["pos.order"].search(
            [("session_id", "=", self.main_pos_config.current_session_id.id)]
        )
        self.assertEqual(len(order), 1)
        self.assertAlmostEqual(order.amount_total, 220.0)
        rewards = order.lines.filtered("is_reward_line")
        # one discount on the order: the best tier reached
        self.assertEqual(rewards.reward_id.description, "Spend 200 save 30")
        self.assertAlmostEqual(rewards.price_subtotal_incl, -30.0)

    def _payload(self, session, tea_qty, program, taken):
        """A till's order of ``tea_qty`` teas at 50 with ``program``'s reward taking
        ``taken`` off, paid in cash."""
        cash = self.main_pos_config.payment_method_ids.filtered("is_cash_count")[:1]
        total = tea_qty * 50.0 - taken
        data = self._order_payload(
            session, [(self.tea, tea_qty, 50.0)], [(cash, total)]
        )
        data["lines"].append(reward_line(program, taken))
        data["amount_total"] = data["amount_paid"] = total
        return data

    def test_a_till_over_the_budget_is_flagged(self):
        self.promotion.with_user(self.manager).budget = 15.0
        tier_100 = self.promotion.sudo().program_ids.sorted(
            lambda program: program.rule_ids.minimum_amount
        )[0]
        session = self._open_session()
        orders = self.env["pos.order"].with_user(self.pos_user)
        result = orders.sync_from_ui(
            [
                self._payload(session, 3, tier_100, 10.0),
                self._payload(session, 3, tier_100, 10.0),
            ]
        )
        first, second = self.env["pos.order"].browse(
            sorted(order["id"] for order in result["pos.order"])
        )
        self.assertFalse(first.retail_review_state, first.retail_review_note)
        self.assertEqual(second.state, "paid")
        self.assertEqual(second.retail_review_state, "to_review")
        self.assertIn("has 5.0 left of its budget of 15.0", second.retail_review_note)
        self.assertAlmostEqual(self.promotion.budget_used, 20.0)

    def test_a_reward_the_server_would_not_give_is_kept_and_flagged(self):
        tier_100, tier_200 = self.promotion.sudo().program_ids.sorted(
            lambda program: program.rule_ids.minimum_amount
        )
        session = self._open_session()
        orders = self.env["pos.order"].with_user(self.pos_user)

        def sync(data):
            result = orders.sync_from_ui([data])
            return self.env["pos.order"].browse(result["pos.order"][0]["id"])

        # three teas (150) and 10 off: what the promotion gives
        fair = sync(self._payload(session, 3, tier_100, 10.0))
        self.assertFalse(fair.retail_review_state, fair.retail_review_note)
        # one tea (50) and 10 off; three teas and 30 off: kept as paid, flagged
        short = sync(self._payload(session, 1, tier_100, 10.0))
        self.assertEqual(short.state, "paid")
        self.assertAlmostEqual(short.amount_total, 40.0)
        self.assertEqual(short.retail_review_state, "to_review")
        self.assertIn(
            "the order has 50.0 of its products, it needs 100.0",
            short.retail_review_note,
        )
        greedy = sync(self._payload(session, 3, tier_200, 30.0))
        self.assertEqual(greedy.retail_review_state, "to_review")
        self.assertIn("it needs 200.0", greedy.retail_review_note)
        # a promotion of another store's till
        tier_100.pos_config_ids = self.env["pos.config"].create({"name": "Other Till"})
        elsewhere = sync(self._payload(session, 3, tier_100, 10.0))
        self.assertIn(
            f"is not offered at {self.main_pos_config.name}",
            elsewhere.retail_review_note,
        )


@tagged("post_install", "-at_install")
class TestPromotionKindsAtTheTill(RetailPosHttpCommon):
    """限时折扣, 买二送一, 满199赠 and a coupon, each at the cashier's till."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        store = cls.main_pos_config.picking_type_id.warehouse_id
        brand = cls.env["retail.brand"].sudo().create({"name": "Promo Till Brand"})
        cls.tea = cls._create_retail_product(
            "Promo Brand Tea", 50.0, retail_brand_id=brand.id
        )
        cls.soap = cls._create_retail_product("Promo Soap", 10.0)
        cls.rice = cls._create_retail_product("Promo Rice", 50.0)
        cls.bag = cls._create_retail_product("Promo Bag", 2.0)
        cls.nth_tea = cls._create_retail_product("Promo Nth Tea", 30.0)
        start, end = running_window(cls.env)
        common = {
            "date_start": start,
            "date_end": end,
            "warehouse_ids": [Command.set(store.ids)],
        }
        Promotion = cls.env["retail.promotion"].sudo()
        cls.discount = Promotion.create(
            {
                **common,
                "name": "茶叶8折",
                "promotion_type": "discount",
                "brand_ids": [Command.set(brand.ids)],
                "discount_percent": 20.0,
            }
        )
        cls.buy_get = Promotion.create(
            {
                **common,
                "name": "香皂买二送一",
                "promotion_type": "buy_get",
                "product_ids": [Command.set(cls.soap.ids)],
            }
        )
        cls.gift = Promotion.create(
            {
                **common,
                "name": "满199赠购物袋",
                "promotion_type": "gift",
                "tier_ids": [
                    Command.create({"threshold": 199.0, "gift_product_id": cls.bag.id})
                ],
            }
        )
        cls.coupon = Promotion.create(
            {
                **common,
                "name": "满100减20券",
                "promotion_type": "coupon",
                "coupon_discount": 20.0,
                "coupon_threshold": 100.0,
            }
        )
        cls.nth = Promotion.create(
            {
                **common,
                "name": "第二件半价",
                "promotion_type": "nth_discount",
                "product_ids": [Command.set(cls.nth_tea.ids)],
                "discount_percent": 50.0,
                "max_steps": 1,
            }
        )
        cls.env["loyalty.card"].sudo().create(
            {
                "program_id": cls.coupon.program_ids.id,
                "code": "PROMO-COUPON-20",
                "points": 1,
            }
        )

    def test_each_kind_at_the_till(self):
        self.start_pos_tour("retail_promotion_pos_kinds_tour", login="pos_user")
        orders = self.env["pos.order"].search(
            [("session_id", "=", self.main_pos_config.current_session_id.id)],
            order="id",
        )
        self.assertEqual(
            orders.mapped("amount_total"), [40.0, 20.0, 200.0, 130.0, 45.0, 40.0]
        )
        # each reward the promotion's program gave, none flagged by the review
        self.assertEqual(
            [o.lines.filtered("is_reward_line").reward_id.program_id for o in orders],
            [
                self.discount.program_ids,
                self.buy_get.program_ids,
                self.gift.program_ids,
                self.coupon.program_ids,
                self.nth.program_ids,
                self.discount.program_ids,
            ],
        )
        self.assertFalse(any(orders.mapped("retail_review_state")))
        # the coupon is used up
        coupon = self.coupon.program_ids.coupon_ids
        self.assertEqual(coupon.points, 0)
