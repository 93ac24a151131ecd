from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon


class MemberLevelsCommon(RetailCommon):
    """Three member levels (普通 0, 银卡 1,000, 金卡 5,000) of the current company, a
    member at the lowest and a service sold by the unit, untaxed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.retail_member_grace_days = 30
        Pricelist = cls.env["product.pricelist"]
        Grade = cls.env["retail.customer.grade"]

        def level(name, spend, points=0.0):
            return Grade.create(
                {
                    "name": name,
                    "pricelist_id": Pricelist.create({"name": f"{name} Prices"}).id,
                    "retail_member_level": True,
                    "retail_level_spend": spend,
                    "retail_level_points": points,
                }
            )

        cls.basic = level("Test Basic", 0.0)
        cls.silver = level("Test Silver", 1000.0)
        cls.gold = level("Test Gold", 5000.0, points=800.0)
        cls.trade = Grade.create(
            {
                "name": "Test Trade",
                "pricelist_id": Pricelist.create({"name": "Trade Prices"}).id,
            }
        )
        cls.member = cls.env["res.partner"].create(
            {"name": "Test Member Zhao", "retail_grade_id": cls.basic.id}
        )
        cls.service = cls.env["product.product"].create(
            {
                "name": "Test Member Service",
                "type": "service",
                "list_price": 100.0,
                "invoice_policy": "order",
                "taxes_id": [Command.clear()],
            }
        )
        cls.seller = cls.role_users["store_manager"]

    def _sell(self, partner, amount, user=None, date=None):
        order = (
            self.env["sale.order"]
            .with_user(user or self.seller)
            .create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.service.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                            }
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        if date:
            order.sudo().date_order = date
        return order

    def _history(self, partners):
        return self.env["retail.member.level.history"].search(
            [("partner_id", "in", partners.ids)], order="id"
        )

    def _review(self):
        self.env["res.partner"]._retail_cron_review_member_levels()


@tagged("post_install", "-at_install")
class TestMemberLevels(MemberLevelsCommon):
    def test_a_purchase_moves_the_member_up_at_once(self):
        self._sell(self.member, 600.0)
        self.assertEqual(self.member.retail_grade_id, self.basic)
        self._sell(self.member, 500.0)
        self.assertEqual(self.member.retail_grade_id, self.silver)
        change = self._history(self.member)
        self.assertEqual(
            [
                (
                    change.old_grade_id,
                    change.new_grade_id,
                    change.direction,
                    change.reason,
                    change.spend,
                    change.user_id,
                )
            ],
            [(self.basic, self.silver, "up", "purchase", 1100.0, self.seller)],
        )
        self.assertEqual(self.member.with_user(self.seller).retail_member_spend, 1100.0)

    def test_one_purchase_may_cross_two_levels(self):
        self._sell(self.member, 5200.0)
        self.assertEqual(self.member.retail_grade_id, self.gold)
        self.assertEqual(self._history(self.member).old_grade_id, self.basic)

    def test_customers_of_other_grades_are_never_moved(self):
        shop = self.env["res.partner"].create(
            {"name": "Test Shop", "retail_grade_id": self.trade.id}
        )
        walk_in = self.env["res.partner"].create({"name": "Test Walk-in"})
        self._sell(shop, 9000.0)
        self._sell(walk_in, 9000.0)
        self._review()
        self.assertEqual(shop.retail_grade_id, self.trade)
        self.assertFalse(walk_in.retail_grade_id)
        self.assertFalse(self._history(shop | walk_in))

    def test_spend_is_of_the_last_12_months(self):
        self._sell(self.member, 900.0, date=fields.Datetime.now() - timedelta(days=400))
        self._sell(self.member, 200.0)
        self.assertEqual(self.member.retail_grade_id, self.basic)
        self.assertEqual(self.member.retail_member_spend, 200.0)

    def test_a_credit_note_is_deducted_and_the_member_moves_down_after_grace(self):
        order = self._sell(self.member, 1200.0)
        self.assertEqual(self.member.retail_grade_id, self.silver)
        invoice = order._create_invoices()
        invoice.action_post()
        refund = invoice._reverse_moves([{"invoice_date": fields.Date.today()}])
        refund.invoice_line_ids.price_unit = 500.0
        refund.action_post()
        self.assertEqual(self.member.retail_member_spend, 700.0)
        # the first night below: the member keeps the level, the grace starts
        self._review()
        self.assertEqual(self.member.retail_grade_id, self.silver)
        self.assertEqual(self.member.retail_level_below_since, fields.Date.today())
        # 30 days later, still below: down to the level the spend reaches
        self.member.retail_level_below_since = fields.Date.today() - timedelta(days=30)
        self._review()
        self.assertEqual(self.member.retail_grade_id, self.basic)
        self.assertFalse(self.member.retail_level_below_since)
        down = self._history(self.member)[-1]
        self.assertEqual(
            (down.old_grade_id, down.new_grade_id, down.direction, down.reason),
            (self.silver, self.basic, "down", "review"),
        )
        self.assertEqual(down.spend, 700.0)

    def test_buying_again_within_the_grace_keeps_the_level(self):
        self.member.retail_grade_id = self.silver
        self._review()
        self.assertEqual(self.member.retail_level_below_since, fields.Date.today())
        self._sell(self.member, 1000.0)
        self._review()
        self.assertEqual(self.member.retail_grade_id, self.silver)
        self.assertFalse(self.member.retail_level_below_since)

    def test_points_reach_a_level_too(self):
        program = self.env["loyalty.program"].create(
            {"name": "Test Member Points", "program_type": "loyalty"}
        )
        self.env["loyalty.card"].create(
            {"program_id": program.id, "partner_id": self.member.id, "points": 850}
        )
        self._review()
        self.assertEqual(self.member.retail_grade_id, self.gold)
        self.assertEqual(self._history(self.member).points, 850.0)

    def test_a_level_set_by_hand_is_recorded(self):
        self.member.with_user(self.role_users["hq_admin"]).retail_grade_id = self.gold
        change = self._history(self.member)
        self.assertEqual(
            (change.old_grade_id, change.new_grade_id, change.reason, change.user_id),
            (self.basic, self.gold, "manual", self.role_users["hq_admin"]),
        )
        # the review does not take back a level given by hand before the grace ends
        self._review()
        self.assertEqual(self.member.retail_grade_id, self.gold)

    def test_thresholds_are_checked(self):
        with self.assertRaisesRegex(ValidationError, "same spend threshold"):
            self.gold.retail_level_spend = 1000.0
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.silver.retail_level_points = -1

    def test_staff_see_changes_of_their_companies_only(self):
        self._sell(self.member, 1500.0)
        other = self.env["res.company"].create({"name": "Test Other Chain"})
        self.env["retail.member.level.history"].create(
            {
                "partner_id": self.member.id,
                "company_id": other.id,
                "direction": "set",
                "reason": "manual",
            }
        )
        History = self.env["retail.member.level.history"].with_user(
            self.role_users["cashier"]
        )
        self.assertEqual(History.search([]).company_id, self.company)


@tagged("post_install", "-at_install")
class TestMemberPoints(MemberLevelsCommon):
    """积分 of orders: one point a yuan, times the member's level multiplier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["loyalty.program"].search([]).write({"active": False})
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Test Order Points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 1}
                    )
                ],
            }
        )
        cls.silver.retail_points_multiplier = 2.0

    def _points_of(self, partner, amount):
        order = (
            self.env["sale.order"]
            .with_user(self.seller)
            .create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.service.id, "price_unit": amount}
                        )
                    ],
                }
            )
        )
        order._update_programs_and_rewards()
        order.action_confirm()
        return sum(
            self.env["loyalty.card"]
            .search(
                [("partner_id", "=", partner.id), ("program_id", "=", self.program.id)]
            )
            .mapped("points")
        )

    def test_a_level_multiplies_the_points_of_orders(self):
        self.member.retail_grade_id = self.silver
        walk_in = self.env["res.partner"].create({"name": "Test Walk-in Points"})
        self.assertEqual(self._points_of(self.member, 300.0), 600.0)
        self.assertEqual(self._points_of(walk_in, 300.0), 300.0)

    def test_the_multiplier_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "must be above 0"):
            self.silver.retail_points_multiplier = 0.0


@tagged("post_install", "-at_install")
class TestMemberRegistration(MemberLevelsCommon):
    """会员注册: a name and a mobile number nobody has; the lowest level."""

    def _register(self, **values):
        return (
            self.env["res.partner"]
            .with_user(self.role_users["cashier"])
            .with_context(retail_member_registration=True)
            .create({"name": "Test New Member Sun", **values})
        )

    def test_a_new_member_starts_at_the_lowest_level(self):
        member = self._register(mobile="13811112222")
        self.assertEqual(member.retail_grade_id, self.basic)
        change = self._history(member)
        self.assertEqual(
            (change.new_grade_id, change.reason, change.user_id),
            (self.basic, "registration", self.role_users["cashier"]),
        )

    def test_a_mobile_number_is_required_and_registered_once(self):
        with self.assertRaisesRegex(ValidationError, "needs a mobile number"):
            self._register()
        self.member.mobile = "13811113333"
        with self.assertRaisesRegex(
            ValidationError, "13811113333 is already registered \\(Test Member Zhao\\)"
        ):
            self._register(mobile="13811113333")
        self.assertFalse(
            self.env["res.partner"].search([("name", "=", "Test New Member Sun")])
        )

    def test_without_member_levels_customers_are_created_as_in_core(self):
        (self.basic | self.silver | self.gold).retail_member_level = False
        customer = self._register()
        self.assertFalse(customer.retail_grade_id)


@tagged("post_install", "-at_install")
class TestMemberDay(MemberLevelsCommon):
    """会员日: Test Silver's members buy the service at 95, at 90 on the level's member
    day; a store manager's order takes the price of the day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Pricelist = cls.env["product.pricelist"]

        def fixed(price):
            return [
                Command.create(
                    {
                        "applied_on": "0_product_variant",
                        "product_id": cls.service.id,
                        "compute_price": "fixed",
                        "fixed_price": price,
                    }
                )
            ]

        cls.silver.pricelist_id.item_ids = fixed(95.0)
        cls.day_prices = Pricelist.create(
            {"name": "Test Silver Member Day", "item_ids": fixed(90.0)}
        )
        cls.member.retail_grade_id = cls.silver
        cls.today = fields.Date.context_today(cls.member)

    def _member_day_in(self, days):
        self.silver.write(
            {
                "retail_member_day": str((self.today.weekday() + days) % 7),
                "retail_member_day_pricelist_id": self.day_prices.id,
            }
        )
        self.member.invalidate_recordset(["property_product_pricelist"])

    def _order(self):
        return (
            self.env["sale.order"]
            .with_user(self.seller)
            .create(
                {
                    "partner_id": self.member.id,
                    "order_line": [Command.create({"product_id": self.service.id})],
                }
            )
        )

    def test_members_buy_at_the_member_day_price_on_their_day(self):
        self._member_day_in(0)
        self.assertEqual(self.member.property_product_pricelist, self.day_prices)
        order = self._order()
        self.assertEqual(order.pricelist_id, self.day_prices)
        self.assertEqual(order.order_line.price_unit, 90.0)
        # customers of another grade keep theirs; members of another level too
        shop = self.env["res.partner"].create(
            {"name": "Test Trade Shop", "retail_grade_id": self.trade.id}
        )
        self.assertEqual(shop.property_product_pricelist, self.trade.pricelist_id)
        other = self.env["res.partner"].create(
            {"name": "Test Gold Member", "retail_grade_id": self.gold.id}
        )
        self.assertEqual(other.property_product_pricelist, self.gold.pricelist_id)
        self.assertIn(self.day_prices, self.silver._retail_offered_pricelists())

    def test_other_days_the_level_price(self):
        self._member_day_in(3)
        self.assertEqual(
            self.member.property_product_pricelist, self.silver.pricelist_id
        )
        self.assertEqual(self._order().order_line.price_unit, 95.0)

    def test_a_member_day_needs_a_weekday_and_a_pricelist(self):
        with self.assertRaises(ValidationError) as caught:
            self.silver.retail_member_day = "2"
        self.assertIn("Test Silver", str(caught.exception))
        self.assertIn("weekday and a pricelist", str(caught.exception))
