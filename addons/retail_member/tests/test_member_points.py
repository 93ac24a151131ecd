from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_member_levels import MemberLevelsCommon


@tagged("post_install", "-at_install")
class TestMemberPointsManagement(MemberLevelsCommon):
    """积分: adjusted by store managers with a reason, cleared at year end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Program = cls.env["loyalty.program"]
        cls.yearly = Program.create(
            {
                "name": "Test Yearly Points",
                "program_type": "loyalty",
                "retail_points_expire_yearly": True,
            }
        )
        cls.lasting = Program.create(
            {"name": "Test Lasting Points", "program_type": "loyalty"}
        )
        Card = cls.env["loyalty.card"]
        cls.card = Card.create(
            {"program_id": cls.yearly.id, "partner_id": cls.member.id, "points": 420}
        )
        cls.other = Card.create(
            {"program_id": cls.lasting.id, "partner_id": cls.member.id, "points": 80}
        )

    def _adjust(self, user, balance, reason="Complaint: 10 points back"):
        wizard = (
            self.env["loyalty.card.update.balance"]
            .with_user(user)
            .create(
                {"card_id": self.card.id, "new_balance": balance, "description": reason}
            )
        )
        return wizard.action_update_card_point()

    def test_a_store_manager_adjusts_points_with_a_reason(self):
        self._adjust(self.role_users["store_manager"], 430)
        self.assertEqual(self.card.points, 430)
        history = self.env["loyalty.history"].search([("card_id", "=", self.card.id)])
        self.assertEqual(
            (history.description, history.issued, history.create_uid),
            ("Complaint: 10 points back", 10, self.role_users["store_manager"]),
        )

    def test_a_cashier_cannot_adjust_points(self):
        cashier = self.env["res.users"].search([("login", "=", "rw_cashier")])
        cashier.groups_id |= self.env.ref("point_of_sale.group_pos_user")
        with self.assertRaisesRegex(AccessError, "Only a store manager"):
            self._adjust(cashier, 1000)
        self.assertEqual(self.card.points, 420)

    def test_points_of_the_year_expire(self):
        self.env["retail.member.points"]._cron_expire_points()
        self.assertEqual((self.card.points, self.other.points), (0, 80))
        history = self.env["loyalty.history"].search([("card_id", "=", self.card.id)])
        self.assertEqual(
            (history.used, history.description), (420, "Points of the year expired")
        )
        self.assertFalse(
            self.env["loyalty.history"].search([("card_id", "=", self.other.id)])
        )

    def test_members_are_told_before_their_points_expire(self):
        """15 days before 31 December (the company's setting), with the company's
        expiry texts on, a member holding points that clear gets a text, once."""
        self.member.write({"mobile": "13900004444", "lang": "en_US"})
        Points = self.env["retail.member.points"]

        def texts():
            return self.env["sms.sms"].search([("partner_id", "=", self.member.id)])

        with freeze_time("2026-12-20 12:00"):
            self.assertFalse(Points._cron_notify_expiry())  # texts off
        self.company.write(
            {"retail_sms_points_expiry": True, "retail_points_notice_days": 15}
        )
        with freeze_time("2026-12-15 12:00"):
            self.assertFalse(Points._cron_notify_expiry())  # 16 days before
        with freeze_time("2026-12-16 12:00"):
            self.assertEqual(Points._cron_notify_expiry(), self.card)
        self.assertEqual(len(texts()), 1)
        self.assertEqual(
            texts().body,
            "Test Member Zhao, your 420 points of Test Yearly Points expire on 31 "
            "December: use them before then.",
        )
        with freeze_time("2026-12-20 12:00"):
            self.assertFalse(Points._cron_notify_expiry())
        self.assertEqual(len(texts()), 1)
        # next year again
        self.card.points = 50
        with freeze_time("2027-12-30 12:00"):
            self.assertEqual(Points._cron_notify_expiry(), self.card)
        self.assertEqual(len(texts()), 2)
