from odoo import Command
from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosReceipt(RetailPosHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tea = cls._create_retail_product("Retail Receipt Tea", 10.0)
        cls.member = cls.env["res.partner"].create(
            {"name": "Retail Member Lin", "phone": "13800138000"}
        )
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Retail Member Points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "portal_visible": True,
                "portal_point_name": "Points",
                "pos_ok": True,
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 1}
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": 10,
                            "discount_mode": "percent",
                            "required_points": 1000,
                        }
                    )
                ],
            }
        )
        cls.card = cls.env["loyalty.card"].create(
            {
                "program_id": cls.program.id,
                "partner_id": cls.member.id,
                "code": "VIP-0001",
                "points": 100,
            }
        )

    def test_receipt_shows_member_points_and_total_in_chinese_capitals(self):
        session = self._open_session()
        self.start_pos_tour("retail_pos_ext_chinese_receipt_tour", login="pos_user")
        order = self._session_orders(session)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.partner_id, self.member)
        self.assertEqual(order.amount_total, 20.0)
        # the 20 points printed on the receipt are those the member's card received
        self.assertEqual(self.card.points, 120.0)
