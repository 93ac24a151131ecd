from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestMemberLevelsAtTheTill(RetailPosHttpCommon):
    """Two member levels (Test Basic from 0, Test Silver from 150) and a member at the
    lowest: what the member buys at the till counts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Grade = cls.env["retail.customer.grade"]
        Pricelist = cls.env["product.pricelist"]
        cls.basic, cls.silver = (
            Grade.create(
                {
                    "name": name,
                    "pricelist_id": Pricelist.create({"name": f"{name} Prices"}).id,
                    "retail_member_level": True,
                    "retail_level_spend": spend,
                }
            )
            for name, spend in (("Test Basic", 0.0), ("Test Silver", 150.0))
        )
        # 积分: one point a yuan, times the level's multiplier
        cls.basic.retail_points_multiplier = 1.5
        cls.silver.retail_points_multiplier = 2.0
        cls.points = cls.env["loyalty.program"].create(
            {
                "name": "Test Member Points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "pos_ok": True,
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 1}
                    )
                ],
            }
        )
        cls.member = cls.env["res.partner"].create(
            {"name": "Test Member Qian", "retail_grade_id": cls.basic.id}
        )
        cls.tea = cls._create_retail_product("Retail Level Tea", 100.0)
        cls.bank = cls.main_pos_config.payment_method_ids.filtered(
            lambda method: not method.is_cash_count
        )[:1]

    def _history(self):
        return self.env["retail.member.level.history"].search(
            [("partner_id", "=", self.member.id)], order="id"
        )

    def test_a_sale_at_the_till_moves_the_member_up_and_the_till_is_told(self):
        session = self._open_session()
        self._sync_order(
            session, [(self.tea, 1, 100.0)], [(self.bank, 100.0)], partner=self.member
        )
        self.assertEqual(self.member.retail_grade_id, self.basic)
        self.assertNotIn("res.partner", self.last_sync_result)
        self._sync_order(
            session, [(self.tea, 1, 100.0)], [(self.bank, 100.0)], partner=self.member
        )
        self.assertEqual(self.member.retail_grade_id, self.silver)
        change = self._history()
        self.assertEqual(
            (change.new_grade_id, change.reason, change.spend, change.user_id),
            (self.silver, "purchase", 200.0, self.pos_user),
        )
        # the answer carries the member with the new level, for the receipt
        [partner] = self.last_sync_result["res.partner"]
        self.assertEqual(
            (partner["id"], partner["retail_member_level_name"]),
            (self.member.id, "Test Silver"),
        )

    def test_a_refund_at_the_till_is_deducted(self):
        self.env.company.retail_member_grace_days = 0
        session = self._open_session()
        self._sync_order(
            session, [(self.tea, 2, 100.0)], [(self.bank, 200.0)], partner=self.member
        )
        self.assertEqual(self.member.retail_grade_id, self.silver)
        self._sync_order(
            session, [(self.tea, -1, 100.0)], [(self.bank, -100.0)], partner=self.member
        )
        self.assertEqual(self.member.retail_member_spend, 100.0)
        # below the level: the nightly review starts the grace, then moves down
        Partner = self.env["res.partner"]
        Partner._retail_cron_review_member_levels()
        self.assertEqual(self.member.retail_grade_id, self.silver)
        Partner._retail_cron_review_member_levels()
        self.assertEqual(self.member.retail_grade_id, self.basic)
        self.assertEqual(self._history()[-1].direction, "down")

    def test_the_receipt_shows_the_level_reached_and_the_points_multiplied(self):
        self._open_session()
        self.start_pos_tour("retail_member_pos_level_tour", login="pos_user")
        self.assertEqual(self.member.retail_grade_id, self.silver)
        # 200 yuan at the level of the day of the order (× 1.5)
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.points.id)]
        )
        self.assertEqual(card.points, 300.0)

    def test_a_cashier_registers_a_member_at_the_till(self):
        self._open_session()
        self.start_pos_tour("retail_member_pos_registration_tour", login="pos_user")
        member = self.env["res.partner"].search([("mobile", "=", "13900003333")])
        self.assertEqual(
            (member.name, member.retail_grade_id), ("Test Member Li", self.basic)
        )
        self.assertEqual(self._history_of(member).reason, "registration")

    def test_a_cashier_scans_the_member_card(self):
        """The e-member card's code (its QR code or barcode) picks the member at the
        till: core's customer barcode rule reads the card numbers (042...)."""
        Card = self.env["retail.member.card"]
        code = Card._code_for(424242)
        self.assertEqual(code, "0420004242426")  # the code the tour scans
        self.member.barcode = code
        rule = self.env.ref("point_of_sale.barcode_rule_client")
        self.assertEqual(rule.type, "client")
        self.assertTrue(code.startswith(rule.pattern))
        self._open_session()
        self.start_pos_tour("retail_member_pos_card_scan_tour", login="pos_user")

    def test_member_day_price_at_the_till(self):
        """会员日: the till loads the level's member day pricelist; an order at it is
        accepted on the member day, even when an offline till sends it the next day,
        and flagged when it was made on another day."""
        day_prices = self.env["product.pricelist"].create(
            {"name": "Test Basic Member Day"}
        )
        # the day in the cashier's time zone, as the server judges their orders
        made = fields.Datetime.context_timestamp(
            self.env["pos.order"].with_user(self.pos_user), fields.Datetime.now()
        ).date()
        self.basic.write(
            {
                "retail_member_day": str(made.weekday()),
                "retail_member_day_pricelist_id": day_prices.id,
            }
        )
        Pricelist = self.env["product.pricelist"]
        loaded = Pricelist.search(
            Pricelist._load_pos_data_domain(
                {"pos.config": {"data": [{"id": self.main_pos_config.id}]}}
            )
        )
        self.assertIn(day_prices, loaded)
        session = self._open_session()
        payload = self._order_payload(
            session, [(self.tea, 1, 100.0)], [(self.bank, 100.0)], partner=self.member
        )
        payload["pricelist_id"] = day_prices.id
        orders = self.env["pos.order"].with_user(self.pos_user)
        order = orders.browse(orders.sync_from_ui([payload])["pos.order"][0]["id"])
        self.assertFalse(order.retail_review_state, order.retail_review_note)
        # the same order made the day before the member day: not at its price
        payload = self._order_payload(
            session, [(self.tea, 1, 100.0)], [(self.bank, 100.0)], partner=self.member
        )
        payload["pricelist_id"] = day_prices.id
        payload["date_order"] = fields.Datetime.to_string(
            fields.Datetime.now() - timedelta(days=1)
        )
        order = orders.browse(orders.sync_from_ui([payload])["pos.order"][0]["id"])
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn("Test Basic Member Day", order.retail_review_note)

    def _history_of(self, partner):
        return self.env["retail.member.level.history"].search(
            [("partner_id", "=", partner.id)]
        )
