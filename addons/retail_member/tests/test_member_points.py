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
