from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosReturnRate(RetailPosHttpCommon):
    """The return rate limit (退货率) of a customer on the till's refunds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tea = cls._create_retail_product("Retail Till Tea", 10.0)
        cls.club = (
            cls.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": "Retail Tea Club",
                    "retail_return_rate_limit": 10.0,
                    "retail_return_rate_action": "block",
                    "retail_return_rate_days": 90,
                }
            )
        )

    def test_refunds_over_the_return_rate_limit(self):
        session = self._open_session()
        cash = session.payment_method_ids.filtered("is_cash_count")[:1]
        Partner = self.env["res.partner"].with_user(self.pos_user)
        sale = self._sync_order(
            session, [(self.tea, 20, 10.0)], [(cash, 200.0)], partner=self.club
        )
        self.assertFalse(sale.retail_review_state)
        # 10.00 back of 200.00 sold: 5 %, within the 10 % limit
        self.assertFalse(Partner.retail_check_pos_refund(self.club.id, 10.0))
        small = self._sync_order(
            session, [(self.tea, -1, 10.0)], [(cash, -10.0)], partner=self.club
        )
        self.assertFalse(small.retail_review_state)
        # a further 30.00: 40 / 200 = 20 %, above it: the till refuses it
        check = Partner.retail_check_pos_refund(self.club.id, 30.0)
        self.assertEqual(check["action"], "block")
        self.assertIn("20.0 %", check["message"])
        self.assertIn("Retail Tea Club", check["message"])
        # sent anyway (an offline till): kept, paid and flagged for review
        big = self._sync_order(
            session, [(self.tea, -3, 10.0)], [(cash, -30.0)], partner=self.club
        )
        self.assertEqual(big.state, "paid")
        self.assertEqual(big.retail_review_state, "to_review")
        self.assertIn("return rate", big.retail_review_note)
        # "warn": the till asks, the server does not flag
        self.club.retail_return_rate_action = "warn"
        self.assertEqual(
            Partner.retail_check_pos_refund(self.club.id, 10.0)["action"], "warn"
        )
        warned = self._sync_order(
            session, [(self.tea, -1, 10.0)], [(cash, -10.0)], partner=self.club
        )
        self.assertFalse(warned.retail_review_state)
        # customers without a limit, and nothing refunded
        self.assertFalse(
            Partner.retail_check_pos_refund(self.env.user.partner_id.id, 99)
        )
        self.assertFalse(Partner.retail_check_pos_refund(self.club.id, 0))
