from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestStoredValueBonus(AccountTestInvoicingCommon):
    """充值赠送: top-up bonuses set up at head office, given on top-ups in the back
    office; the bonus part spent is a discount on the sales, never on 预收账款."""

    @classmethod
    @AccountTestInvoicingCommon.setup_chart_template("cn")
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.program = cls.company.retail_stored_value_program_id
        cls.top_up = cls.program.trigger_product_ids
        cls.liability = cls.company._retail_stored_value_account()

        def user(login, group):
            return new_test_user(
                cls.env,
                login=login,
                groups=f"retail_wholesale.retail_wholesale_group_{group}",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )

        cls.manager = user("svb_store_manager", "store_manager")
        cls.hq = user("svb_hq_admin", "hq_admin")
        cls.cashier = user("svb_cashier", "cashier")
        Grade = cls.env["retail.customer.grade"]
        cls.gold, cls.silver = (
            Grade.create(
                {
                    "name": name,
                    "pricelist_id": cls.env["product.pricelist"]
                    .create({"name": f"{name} Prices"})
                    .id,
                    "retail_member_level": True,
                    "retail_level_spend": spend,
                    "company_id": cls.company.id,
                }
            )
            for name, spend in (("SVB Gold", 5000.0), ("SVB Silver", 1000.0))
        )
        cls.member = cls.env["res.partner"].create({"name": "Member Zhou"})
        Bonus = cls.env["retail.stored.value.bonus"].with_user(cls.hq)
        cls.rule_1000 = Bonus.create(
            {"name": "充1000送100", "amount_min": 1000.0, "bonus": 100.0}
        )
        cls.rule_500 = Bonus.create(
            {"name": "充500送30", "amount_min": 500.0, "bonus": 30.0}
        )

    def _bonus(self, amount, member=None, day=None):
        return self.env["retail.stored.value.bonus"]._retail_bonuses(
            [(self.company, member or self.member, amount, day or date.today())]
        )[0]

    def test_the_highest_tier_reached_for_the_members_levels_and_campaign(self):
        self.assertEqual(self._bonus(499.99), 0.0)
        self.assertEqual(self._bonus(500.0), 30.0)
        self.assertEqual(self._bonus(999.0), 30.0)
        self.assertEqual(self._bonus(1000.0), 100.0)
        self.assertEqual(self._bonus(5000.0), 100.0)
        # a campaign of gold members in December: 充1000送200
        self.env["retail.stored.value.bonus"].with_user(self.hq).create(
            {
                "name": "金卡 12月 充1200送200",
                "amount_min": 1200.0,
                "bonus": 200.0,
                "grade_ids": [Command.set(self.gold.ids)],
                "date_from": date(2026, 12, 1),
                "date_to": date(2026, 12, 31),
            }
        )
        gold = self.env["res.partner"].create(
            {"name": "Gold Member", "retail_grade_id": self.gold.id}
        )
        silver = self.env["res.partner"].create(
            {"name": "Silver Member", "retail_grade_id": self.silver.id}
        )
        self.assertEqual(self._bonus(1500.0, gold, date(2026, 12, 31)), 200.0)
        self.assertEqual(self._bonus(1500.0, gold, date(2027, 1, 1)), 100.0)
        self.assertEqual(self._bonus(1500.0, silver, date(2026, 12, 15)), 100.0)
        # archived: no more bonus
        self.rule_500.with_user(self.hq).active = False
        self.assertEqual(self._bonus(600.0), 0.0)

    def test_rules_are_head_offices_and_checked(self):
        with self.assertRaises(AccessError):
            self.env["retail.stored.value.bonus"].with_user(self.manager).create(
                {"name": "x", "amount_min": 100.0, "bonus": 10.0}
            )
        with self.assertRaises(AccessError):
            self.env["retail.stored.value.bonus"].with_user(self.cashier).search([])
        Bonus = self.env["retail.stored.value.bonus"].with_user(self.hq)
        for values, message in (
            ({"amount_min": 0.0, "bonus": 10.0}, "must be a positive amount"),
            ({"amount_min": 100.0, "bonus": -5.0}, "the bonus -5.0 must be"),
            (
                {
                    "amount_min": 100.0,
                    "bonus": 5.0,
                    "date_from": date(2026, 12, 31),
                    "date_to": date(2026, 12, 1),
                },
                "before it starts",
            ),
        ):
            with self.assertRaises(ValidationError) as caught:
                Bonus.create({"name": "Bad bonus", **values})
            self.assertIn(message, str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            Bonus.with_context(lang="zh_CN").create(
                {"name": "坏规则", "amount_min": 100.0, "bonus": 0.0}
            )
        self.assertIn("赠送金额", str(caught.exception))

    def _order(self, lines):
        order = (
            self.env["sale.order"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": self.member.id,
                    "order_line": [
                        Command.create({"product_id": p.id, "price_unit": price})
                        for p, price in lines
                    ],
                }
            )
        )
        order.action_confirm()
        return order

    def _ledger(self, account):
        lines = self.env["account.move.line"].search(
            [("account_id", "=", account.id), ("parent_state", "=", "posted")]
        )
        return -sum(lines.mapped("balance"))

    def test_back_office_top_up_gets_its_bonus_and_spending_it_is_a_discount(self):
        """充1000送100 in the back office: the card holds 1,100 of which 100 bonus; the
        member pays 550 with it: 500 paid part off the 预收账款, 50 bonus part booked
        as a discount on the sales; the ledger holds the card's paid part."""
        order = self._order([(self.top_up, 1000.0)])
        self.assertEqual(order.retail_stored_value_bonus, 100.0)
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.program.id)]
        )
        self.assertEqual(card.points, 1100.0)
        self.assertEqual(card.retail_stored_value_bonus, 100.0)
        self.assertEqual(sorted(card.history_ids.mapped("issued")), [100.0, 1000.0])
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertAlmostEqual(self._ledger(self.liability), 1000.0)
        # paying 550 of goods with the card
        goods = self.env["product.product"].create(
            {"name": "SVB Tea", "list_price": 550.0, "taxes_id": False}
        )
        sale = (
            self.env["sale.order"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": self.member.id,
                    "order_line": [Command.create({"product_id": goods.id})],
                }
            )
        )
        sale._update_programs_and_rewards()
        reward = self.program.reward_ids
        sale._apply_program_reward(reward, card)
        sale.action_confirm()
        self.assertEqual(card.points, 550.0)
        self.assertEqual(sale.retail_stored_value_bonus_spent, 50.0)
        self.assertEqual(card.retail_stored_value_bonus, 50.0)
        sale._create_invoices().action_post()
        self.assertAlmostEqual(self._ledger(self.liability), 500.0)
        self.assertAlmostEqual(
            self._ledger(self.liability), card.points - card.retail_stored_value_bonus
        )
        income = goods._get_product_accounts()["income"]
        self.assertAlmostEqual(self._ledger(income), 500.0)

    def test_cancelled_orders_take_back_the_bonus_and_give_back_its_discount(self):
        top_up = self._order([(self.top_up, 1000.0)])
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.program.id)]
        )
        goods = self.env["product.product"].create(
            {"name": "SVB Cake", "list_price": 550.0, "taxes_id": False}
        )
        sale = (
            self.env["sale.order"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": self.member.id,
                    "order_line": [Command.create({"product_id": goods.id})],
                }
            )
        )
        sale._update_programs_and_rewards()
        sale._apply_program_reward(self.program.reward_ids, card)
        sale.action_confirm()
        self.assertEqual((card.points, card.retail_stored_value_bonus), (550.0, 50.0))
        income = goods._get_product_accounts()["income"]
        self.assertAlmostEqual(self._ledger(income), -50.0)  # the discount
        # (core's sale_loyalty lets only sales administrators cancel an order that
        # moved points: its coupon points records)
        sale.with_env(self.env)._action_cancel()
        self.assertEqual((card.points, card.retail_stored_value_bonus), (1100.0, 100.0))
        self.assertAlmostEqual(self._ledger(income), 0.0)
        top_up.with_env(self.env)._action_cancel()
        self.assertEqual((card.points, card.retail_stored_value_bonus), (0.0, 0.0))
