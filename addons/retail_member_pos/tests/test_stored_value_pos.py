from odoo.tests import tagged

from .stored_value_common import StoredValueCommon


@tagged("post_install", "-at_install")
class TestStoredValuePos(StoredValueCommon):
    def test_company_has_its_stored_value_card_on_the_liability(self):
        """Set up with the Chinese chart, the company has its eWallet "会员储值卡" whose
        top-up and spending both post to 预收账款 (2203), without VAT, on every till."""
        self.assertEqual(self.program.program_type, "ewallet")
        self.assertEqual(self.program.company_id, self.company)
        self.assertTrue(self.liability.code.startswith("2203"))
        self.assertEqual(self.liability.account_type, "liability_current")
        for product in self.top_up | self.reward.discount_line_product_id:
            product = product.with_company(self.company)
            self.assertEqual(product.property_account_income_id, self.liability)
            self.assertFalse(product.taxes_id)
        self.assertTrue(self.top_up.available_in_pos)
        self.assertIn(self.program, self.main_pos_config._get_program_ids())
        self.assertEqual(self.program.with_context(lang="zh_CN").name, "会员储值卡")
        self.assertEqual(self.top_up.with_context(lang="zh_CN").name, "储值卡充值")
        # presets run again give nothing more
        self.main_pos_config.action_retail_add_payment_presets()
        self.assertEqual(self.company.retail_stored_value_program_id, self.program)
        self.assertEqual(
            self.env["loyalty.program"].search_count(
                [("company_id", "=", self.company.id), ("program_type", "=", "ewallet")]
            ),
            1,
        )

    def test_ledger_top_up_1000_spend_300(self):
        """Top up 1000 at the till, spend 300 of it on tea: the 预收账款 holds 700 in the
        ledger, what the card holds; the tea is the sale."""
        session = self._open_session()
        top_up = self._sync_order(
            session,
            [(self.top_up, 1, 1000.0)],
            [(self.cash, 1000.0)],
            partner=self.member,
        )
        # a top-up is at the amount the member pays, not a catalogue price
        self.assertFalse(top_up.retail_review_state, top_up.retail_review_note)
        answer = top_up.with_user(self.pos_user).confirm_coupon_programs(
            {
                -1: {
                    "points": 1000.0,
                    "program_id": self.program.id,
                    "coupon_id": -1,
                    "barcode": False,
                    "partner_id": self.member.id,
                }
            }
        )
        card = self.env["loyalty.card"].browse(answer["coupon_updates"][0]["id"])
        self.assertEqual(card.points, 1000.0)
        payload, code = self._spend_payload(session, card, 300.0)
        spend = self._sync([payload])
        self.assertEqual(card.points, 700.0)  # taken off at the synchronisation
        self._confirm(spend, card, -300.0, code)
        self.assertEqual(card.points, 700.0)  # not twice
        self.assertFalse(spend.retail_review_state)
        session.with_user(self.pos_user).close_session_from_ui()
        self.assertEqual(session.state, "closed")
        self.assertAlmostEqual(self._ledger(), 700.0)
        self.assertAlmostEqual(self._ledger(), card.points)
        income = self.tea.with_company(self.company)._get_product_accounts()["income"]
        self.assertNotEqual(income, self.liability)
        self.assertAlmostEqual(self._ledger(income), 300.0)

    def test_offline_over_spend_is_kept_flagged_and_never_below_zero(self):
        """An offline till sends two orders spending 300 each of a card holding 500:
        both are saved as paid, the card ends at 0, the second is flagged with the 100
        the card did not cover."""
        card = self._card(500.0)
        session = self._open_session()
        first, code_1 = self._spend_payload(session, card, 300.0)
        second, code_2 = self._spend_payload(session, card, 300.0)
        orders = self._sync([first, second])
        self.assertEqual(len(orders), 2)
        self.assertEqual(set(orders.mapped("state")), {"paid"})
        self.assertEqual(card.points, 0.0)
        ok, short = orders.sorted("id")
        self.assertFalse(ok.retail_review_state, ok.retail_review_note)
        self.assertEqual(short.retail_review_state, "to_review")
        self.assertIn("not covered", short.retail_review_note)
        self.assertIn("100.0 not covered", short.retail_review_note)
        # the till's confirmations afterwards change nothing more
        self._confirm(ok, card, -300.0, code_1)
        self._confirm(short, card, -300.0, code_2)
        self.assertEqual(card.points, 0.0)
        # the same orders sent again (the till did not get the answer) spend nothing
        self._sync([first, second])
        self.assertEqual(card.points, 0.0)
        # the card's statement holds what was taken, once, even when the till sends
        # its history of the orders afterwards (as core's till does when online)
        for order in (ok, short):
            order.with_user(self.pos_user).add_loyalty_history_lines(
                [{"card_id": str(card.id), "spent": 300.0, "won": 0.0}], []
            )
        self.assertEqual(
            [(h.order_id, h.used, h.issued) for h in card.history_ids.sorted("id")],
            [(ok.id, 300.0, 0.0), (short.id, 200.0, 0.0)],
        )

    def test_offline_top_up_is_credited_at_the_synchronisation(self):
        """A till that was offline when the member topped up never confirms the card's
        points itself (core credits them only from an online till): the server credits
        the card when the order arrives, once; the till's confirmation, if it comes,
        gets the card instead of making a second one."""
        session = self._open_session()
        payload = self._order_payload(
            session,
            [(self.top_up, 1, 1000.0)],
            [(self.cash, 1000.0)],
            partner=self.member,
        )
        order = self._sync([payload])
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.program.id)]
        )
        self.assertEqual(len(card), 1)
        self.assertEqual(card.points, 1000.0)
        self.assertFalse(order.retail_review_state, order.retail_review_note)
        self._sync([payload])  # sent again: nothing more
        self.assertEqual(card.points, 1000.0)
        answer = order.with_user(self.pos_user).confirm_coupon_programs(
            {
                "-7": {
                    "points": 1000.0,
                    "program_id": self.program.id,
                    "coupon_id": -7,
                    "barcode": False,
                    "partner_id": self.member.id,
                }
            }
        )
        self.assertEqual(
            [(u["old_id"], u["id"], u["points"]) for u in answer["coupon_updates"]],
            [(-7, card.id, 1000.0)],
        )
        order.with_user(self.pos_user).add_loyalty_history_lines(
            [{"card_id": "-7", "won": 1000.0, "spent": 0.0}],
            [{"old_id": -7, "id": card.id}],
        )
        self.assertEqual(
            self.env["loyalty.card"].search_count(
                [
                    ("partner_id", "=", self.member.id),
                    ("program_id", "=", self.program.id),
                ]
            ),
            1,
        )
        self.assertEqual(card.points, 1000.0)
        self.assertEqual(
            [(h.order_id, h.issued, h.used) for h in card.history_ids],
            [(order.id, 1000.0, 0.0)],
        )
        # the top-up is owed to the member: 预收账款
        session.with_user(self.pos_user).close_session_from_ui()
        self.assertAlmostEqual(self._ledger(), 1000.0)

    def test_members_are_texted_their_balance(self):
        """余额提醒: with the company's stored value texts on, a top-up and a payment
        with the card each queue a text with the new balance (core's SMS job sends
        them, not the synchronisation)."""
        self.company.retail_sms_stored_value = True
        self.member.write({"mobile": "13900003456", "lang": "en_US"})
        session = self._open_session()
        top_up = self._order_payload(
            session,
            [(self.top_up, 1, 500.0)],
            [(self.cash, 500.0)],
            partner=self.member,
        )
        self._sync([top_up])
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.program.id)]
        )
        payload, __ = self._spend_payload(session, card, 120.0)
        self._sync([payload])
        texts = self.env["sms.sms"].search(
            [("partner_id", "=", self.member.id)], order="id"
        )
        self.assertEqual(texts.mapped("number"), ["13900003456", "13900003456"])
        self.assertEqual(set(texts.mapped("state")), {"outgoing"})
        self.assertIn("topped up with", texts[0].body)
        self.assertIn("500.00", texts[0].body)
        self.assertIn("You paid", texts[1].body)
        self.assertIn("120.00", texts[1].body)
        self.assertIn("balance: ", texts[1].body)
        self.assertIn("380.00", texts[1].body)

    def test_a_top_up_given_back_is_taken_off_the_card_never_below_zero(self):
        """A top-up refunded in cash is taken off the card like a spend: the card
        cannot go below zero, the refund is flagged when the balance was spent."""
        session = self._open_session()
        payload = self._order_payload(
            session,
            [(self.top_up, 1, 500.0)],
            [(self.cash, 500.0)],
            partner=self.member,
        )
        top_up = self._sync([payload])
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.program.id)]
        )
        spend, __ = self._spend_payload(session, card, 200.0)
        self._sync([spend])
        self.assertEqual(card.points, 300.0)
        payload = self._order_payload(
            session,
            [(self.top_up, -1, 500.0)],
            [(self.cash, -500.0)],
            partner=self.member,
        )
        payload["lines"][0][2]["refunded_orderline_id"] = top_up.lines.id
        refund = self._sync([payload])
        self.assertEqual(card.points, 0.0)
        self.assertEqual(refund.retail_review_state, "to_review")
        self.assertIn("200.0 not covered", refund.retail_review_note)

    def test_refund_of_a_balance_paid_order_goes_back_to_the_card(self):
        """Core's till refunds to the eWallet with its top-up product (the eWallet
        button on a refund): the card and the 预收账款 get the amount back."""
        card = self._card(500.0)
        session = self._open_session()
        payload, code = self._spend_payload(session, card, 300.0)
        sale = self._sync([payload])
        self._confirm(sale, card, -300.0, code)
        self.assertEqual(card.points, 200.0)
        tea_line = sale.lines.filtered(lambda line: line.product_id == self.tea)
        payload = self._order_payload(
            session,
            [(self.tea, -1, 300.0), (self.top_up, 1, 300.0)],
            [],
            partner=self.member,
        )
        payload["lines"][0][2]["refunded_orderline_id"] = tea_line.id
        refund = self._sync([payload])
        self.assertEqual(refund.refunded_order_id, sale)
        self._confirm(refund, card, 300.0)
        self.assertEqual(card.points, 500.0)
        session.with_user(self.pos_user).close_session_from_ui()
        # the card was given its 500 outside the ledger (no top-up sale): the spend
        # and its refund to the card cancel out on the 预收账款, and on the income
        self.assertAlmostEqual(self._ledger(), 0.0)
        income = self.tea.with_company(self.company)._get_product_accounts()["income"]
        self.assertAlmostEqual(self._ledger(income), 0.0)

    def test_card_of_another_company_is_refused(self):
        other = self._create_company(name="Retail SV Other")
        other_program = other.retail_stored_value_program_id
        self.assertTrue(other_program)
        self.assertNotEqual(other_program, self.program)
        card = self._card(500.0, program=other_program)
        answer = (
            self.env["pos.order"]
            .with_user(self.pos_user)
            .validate_coupon_programs({str(card.id): -100.0}, [])
        )
        self.assertFalse(answer["successful"])
        self.assertIn("another company", answer["payload"]["message"])
        session = self._open_session()
        payload, __ = self._spend_payload(session, card, 300.0)
        order = self._sync([payload])
        self.assertEqual(order.state, "paid")
        self.assertEqual(card.sudo().points, 500.0)
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertEqual(
            order.retail_review_note,
            f"Stored value card {card.code} belongs to another company: 300.0 not "
            "taken off it.",
        )

    def test_tour_cashier_tops_up_then_pays_partly_by_balance(self):
        session = self._open_session()
        self.start_pos_tour("retail_member_pos_stored_value_tour", login="pos_user")
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.member.id), ("program_id", "=", self.program.id)]
        )
        self.assertEqual(len(card), 1)
        self.assertEqual(card.points, 0.0)  # 100 topped up, 100 spent
        top_up, sale = self._session_orders(session).sorted("id")
        self.assertEqual(top_up.lines.product_id, self.top_up)
        self.assertTrue(sale.retail_stored_value_debited)
        reward_line = sale.lines.filtered("is_reward_line")
        self.assertEqual(reward_line.coupon_id, card)
        self.assertAlmostEqual(reward_line.price_subtotal_incl, -100.0)
        self.assertEqual(sale.payment_ids.mapped("amount"), [200.0])
        self.assertNotEqual(sale.retail_review_state, "to_review")
        # the card's statement has the spend once (the till's own history of the
        # order, sent without waiting, adds nothing to it)
        self.assertEqual(
            [
                (h.issued, h.used)
                for h in card.history_ids.filtered(lambda h: h.order_id == sale.id)
            ],
            [(0.0, 100.0)],
        )

    def test_tour_cashier_refunds_a_balance_paid_order_to_the_card(self):
        card = self._card(100.0)
        session = self._open_session()
        self.start_pos_tour(
            "retail_member_pos_stored_value_refund_tour", login="pos_user"
        )
        sale, refund = self._session_orders(session).sorted("id")
        self.assertEqual(refund.refunded_order_id, sale)
        self.assertTrue(refund.retail_stored_value_debited)
        self.assertNotEqual(refund.retail_review_state, "to_review")
        # what the order took off the card comes back to it, and the cash part too
        # (the cashier refunded the whole order to the card)
        self.assertEqual(card.points, 300.0)
        self.assertEqual(
            [(h.issued, h.used) for h in card.history_ids.sorted("id")],
            [(0.0, 100.0), (300.0, 0.0)],
        )
        session.with_user(self.pos_user).close_session_from_ui()
        # the card was given its 100 outside the ledger: 300 came back to it of which
        # 100 it had paid, 200 the member had paid in cash: 预收账款 owes 200 more
        self.assertAlmostEqual(self._ledger(), 200.0)
