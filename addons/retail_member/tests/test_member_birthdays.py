from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .test_member_levels import MemberLevelsCommon


@tagged("post_install", "-at_install")
class TestMemberBirthdays(MemberLevelsCommon):
    """生日礼: the silver level gives a birthday coupon of 50 off, 7 days before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coupons = cls.env["loyalty.program"].create(
            {
                "name": "Test Birthday Coupon",
                "program_type": "coupons",
                "applies_on": "current",
                "trigger": "with_code",
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": 50,
                            "discount_mode": "per_order",
                            "required_points": 1,
                        }
                    )
                ],
            }
        )
        cls.silver.retail_birthday_program_id = cls.coupons
        cls.member.write(
            {"retail_grade_id": cls.silver.id, "retail_birthday": date(1990, 6, 12)}
        )

    def _cards(self, partner=None):
        return self.env["loyalty.card"].search(
            [
                ("program_id", "=", self.coupons.id),
                ("partner_id", "=", (partner or self.member).id),
            ]
        )

    def _run(self, day):
        with freeze_time(day):
            self.env["retail.member.birthday"]._cron_issue_coupons()

    def test_a_member_gets_the_coupon_days_before_once_a_year(self):
        self._run("2026-06-04")  # 8 days before: not yet
        self.assertFalse(self._cards())
        self._run("2026-06-05")
        card = self._cards()
        self.assertEqual(
            (card.points, card.expiration_date, card.retail_birthday_year),
            (1, date(2026, 6, 30), 2026),
        )
        self._run("2026-06-06")
        self._run("2026-06-12")
        self.assertEqual(self._cards(), card)
        # next year, again
        self._run("2027-06-10")
        self.assertEqual(len(self._cards()), 2)

    def test_a_greeting_is_texted_with_the_coupon(self):
        """生日祝福: with the company's birthday texts on, the member gets a text with
        their coupon (queued for core's SMS job), once."""
        self.member.write({"mobile": "13900002222", "lang": "en_US"})
        sms = self.env["sms.sms"].search([("partner_id", "=", self.member.id)])
        self._run("2026-06-05")
        self.assertEqual(
            self.env["sms.sms"].search([("partner_id", "=", self.member.id)]), sms
        )  # off by default
        self._cards().unlink()
        self.company.retail_sms_birthday = True
        self._run("2026-06-05")
        card = self._cards()
        texts = self.env["sms.sms"].search([("partner_id", "=", self.member.id)]) - sms
        self.assertEqual(len(texts), 1)
        self.assertEqual((texts.number, texts.state), ("13900002222", "outgoing"))
        self.assertIn("Happy birthday, Test Member Zhao", texts.body)
        self.assertIn(card.code, texts.body)
        self._run("2026-06-06")
        self.assertEqual(
            len(
                self.env["sms.sms"].search([("partner_id", "=", self.member.id)]) - sms
            ),
            1,
        )

    def test_only_members_of_a_level_with_a_birthday_coupon(self):
        basic = self.env["res.partner"].create(
            {
                "name": "Test Basic Member",
                "retail_grade_id": self.basic.id,
                "retail_birthday": date(1985, 6, 10),
            }
        )
        walk_in = self.env["res.partner"].create(
            {"name": "Test Walk-in Birthday", "retail_birthday": date(1985, 6, 10)}
        )
        self._run("2026-06-08")
        self.assertTrue(self._cards())
        self.assertFalse(self._cards(basic) | self._cards(walk_in))

    def test_the_turn_of_the_year_and_29_february(self):
        self.member.retail_birthday = date(1992, 1, 2)
        leap = self.env["res.partner"].create(
            {
                "name": "Test Leap Member",
                "retail_grade_id": self.silver.id,
                "retail_birthday": date(1996, 2, 29),
            }
        )
        self._run("2026-12-28")
        self.assertEqual(self._cards().expiration_date, date(2027, 1, 31))
        self._run("2027-02-21")  # 2027 has no 29 February: the 28th
        self.assertEqual(self._cards(leap).expiration_date, date(2027, 2, 28))

    def test_the_coupon_is_used_once_on_an_order(self):
        self._run("2026-06-10")
        card = self._cards()
        card.expiration_date = False
        order = (
            self.env["sale.order"]
            .with_user(self.seller)
            .create(
                {
                    "partner_id": self.member.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.service.id, "price_unit": 300.0}
                        )
                    ],
                }
            )
        )
        order._try_apply_code(card.code)
        order._apply_program_reward(self.coupons.reward_ids, card)
        order.action_confirm()
        self.assertEqual(order.amount_total, 250.0)
        self.assertEqual(card.points, 0)

    def test_the_birthday_coupon_must_be_a_coupon_program(self):
        program = self.env["loyalty.program"].create(
            {"name": "Test Points", "program_type": "loyalty"}
        )
        with self.assertRaisesRegex(ValidationError, "must be a coupon program"):
            self.silver.retail_birthday_program_id = program
