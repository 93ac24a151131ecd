from odoo.tests import tagged

from .stored_value_common import StoredValueCommon


@tagged("post_install", "-at_install")
class TestStoredValueBonusPos(StoredValueCommon):
    """充值赠送 at the till: the bonus is given when the till's top-up reaches the
    server; spent, its part is a discount on the sales (the session's entry), so the
    预收账款 holds the cards' paid part; refunds give back or take back the bonus."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["retail.stored.value.bonus"].sudo().create(
            [
                {"name": "充1000送100", "amount_min": 1000.0, "bonus": 100.0},
                {"name": "充100送10", "amount_min": 100.0, "bonus": 10.0},
            ]
        )

    def _top_up_at_till(self, session, amount):
        payload = self._order_payload(
            session,
            [(self.top_up, 1, amount)],
            [(self.cash, amount)],
            partner=self.member,
        )
        order = self._sync([payload])
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.program.id)]
        )
        return order, card

    def test_ledger_top_up_1000_with_bonus_100_spend_550(self):
        session = self._open_session()
        top_up, card = self._top_up_at_till(session, 1000.0)
        self.assertEqual(top_up.retail_stored_value_bonus, 100.0)
        self.assertEqual((card.points, card.retail_stored_value_bonus), (1100.0, 100.0))
        self.assertEqual(
            [(h.issued, h.used) for h in card.history_ids], [(1100.0, 0.0)]
        )
        # the till's confirmation afterwards gives the card with the bonus in it
        answer = top_up.with_user(self.pos_user).confirm_coupon_programs(
            {
                "-3": {
                    "points": 1000.0,
                    "program_id": self.program.id,
                    "coupon_id": -3,
                    "barcode": False,
                    "partner_id": self.member.id,
                }
            }
        )
        self.assertEqual(answer["coupon_updates"][0]["points"], 1100.0)
        self.assertEqual(card.points, 1100.0)
        payload, code = self._spend_payload(
            session, card, 550.0, goods=[(self.tea, 2, 300.0)], cash=50.0
        )
        spend = self._sync([payload])
        self._confirm(spend, card, -550.0, code)
        # the paid and bonus parts spent in proportion: 500 + 50
        self.assertEqual(spend.retail_stored_value_bonus_spent, 50.0)
        self.assertEqual((card.points, card.retail_stored_value_bonus), (550.0, 50.0))
        self.assertFalse(spend.retail_review_state, spend.retail_review_note)
        session.with_user(self.pos_user).close_session_from_ui()
        self.assertEqual(session.state, "closed")
        self.assertAlmostEqual(self._ledger(), 500.0)
        self.assertAlmostEqual(
            self._ledger(), card.points - card.retail_stored_value_bonus
        )
        # the tea sold 600, of which 50 a discount: 550 of revenue
        income = self.tea.with_company(self.company)._get_product_accounts()["income"]
        self.assertAlmostEqual(self._ledger(income), 550.0)

    def test_refund_to_the_card_gives_back_the_bonus_part(self):
        session = self._open_session()
        __, card = self._top_up_at_till(session, 100.0)  # 110, of which 10 bonus
        payload, __ = self._spend_payload(session, card, 110.0, cash=190.0)
        sale = self._sync([payload])
        self.assertEqual(sale.retail_stored_value_bonus_spent, 10.0)
        self.assertEqual((card.points, card.retail_stored_value_bonus), (0.0, 0.0))
        tea_line = sale.lines.filtered(lambda line: line.product_id == self.tea)
        payload = self._order_payload(
            session,
            [(self.tea, -1, 300.0), (self.top_up, 1, 110.0)],
            [(self.cash, -190.0)],
            partner=self.member,
        )
        payload["lines"][0][2]["refunded_orderline_id"] = tea_line.id
        refund = self._sync([payload])
        # no new bonus for a refund to the card: the bonus part spent comes back
        self.assertEqual(refund.retail_stored_value_bonus, 0.0)
        self.assertEqual(refund.retail_stored_value_bonus_spent, -10.0)
        self.assertEqual((card.points, card.retail_stored_value_bonus), (110.0, 10.0))
        session.with_user(self.pos_user).close_session_from_ui()
        self.assertAlmostEqual(self._ledger(), 100.0)
        income = self.tea.with_company(self.company)._get_product_accounts()["income"]
        self.assertAlmostEqual(self._ledger(income), 0.0)

    def test_a_top_up_given_back_takes_back_its_bonus(self):
        session = self._open_session()
        top_up, card = self._top_up_at_till(session, 1000.0)
        self.assertEqual(card.points, 1100.0)
        payload = self._order_payload(
            session,
            [(self.top_up, -1, 1000.0)],
            [(self.cash, -1000.0)],
            partner=self.member,
        )
        payload["lines"][0][2]["refunded_orderline_id"] = top_up.lines.id
        refund = self._sync([payload])
        self.assertEqual((card.points, card.retail_stored_value_bonus), (0.0, 0.0))
        self.assertFalse(refund.retail_review_state, refund.retail_review_note)
        self.assertEqual(refund.retail_stored_value_bonus, 0.0)
        session.with_user(self.pos_user).close_session_from_ui()
        self.assertAlmostEqual(self._ledger(), 0.0)

    def test_tour_cashier_tops_up_with_bonus_then_pays_by_balance(self):
        """The cashier tops up 100 (充100送10): the till shows 110 on the card, and
        the member pays 110 of a 300 tea with it."""
        session = self._open_session()
        self.start_pos_tour(
            "retail_member_pos_stored_value_bonus_tour", login="pos_user"
        )
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.program.id)]
        )
        self.assertEqual((card.points, card.retail_stored_value_bonus), (0.0, 0.0))
        top_up, sale = self._session_orders(session).sorted("id")
        self.assertEqual(top_up.retail_stored_value_bonus, 10.0)
        self.assertEqual(sale.retail_stored_value_bonus_spent, 10.0)
        self.assertEqual(sale.payment_ids.mapped("amount"), [190.0])
