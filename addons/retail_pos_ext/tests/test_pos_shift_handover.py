from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.retail_wholesale.tests.pdf import pdf_text

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosShiftHandover(RetailPosHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Handover = cls.env["retail.pos.shift.handover"]
        cls.tea = cls._create_retail_product("Retail Shift Tea", 10.0)
        cls.second_cashier = new_test_user(
            cls.env,
            login="retail_second_cashier",
            groups="retail_wholesale.retail_wholesale_group_cashier",
            lang="en_US",
        )
        cls.cash_method = cls.main_pos_config.payment_method_ids.filtered(
            "is_cash_count"
        )
        cls.store = cls.main_pos_config.retail_warehouse_id
        (cls.pos_user | cls.second_cashier).retail_warehouse_ids = [
            Command.set(cls.store.ids)
        ]

    def test_handover_sums_the_cashiers_own_shift(self):
        session = self._open_session()
        cash, bank = self.cash_method, self.bank_payment_method
        self._sync_order(session, [(self.tea, 2, 10.0)], [(cash, 20.0)])
        self._sync_order(session, [(self.tea, 1, 10.0)], [(bank, 10.0)])
        self._sync_order(session, [(self.tea, -1, 10.0)], [(cash, -10.0)])
        # another cashier's sale in the same session is theirs
        self._sync_order(
            session, [(self.tea, 5, 10.0)], [(cash, 50.0)], user=self.second_cashier
        )
        summary = self.Handover.with_user(self.pos_user).retail_create_from_ui(
            session.id, 8.0
        )
        handover = self.Handover.browse(summary["id"])
        self.assertEqual(handover.user_id, self.pos_user)
        self.assertEqual(handover.warehouse_id, self.store)
        self.assertEqual((handover.order_count, handover.sales_amount), (2, 30.0))
        self.assertEqual((handover.refund_count, handover.refund_amount), (1, -10.0))
        self.assertEqual(handover.cash_expected, 10.0)
        self.assertEqual(handover.cash_counted, 8.0)
        self.assertEqual(handover.cash_difference, -2.0)
        self.assertEqual(
            sorted((p["method"], p["count"], p["amount"]) for p in summary["payments"]),
            sorted([(cash.name, 2, 10.0), (bank.name, 1, 10.0)]),
        )
        self.assertEqual(summary["cash_difference"], -2.0)
        # the second cashier's handover counts only their sale
        other = self.Handover.with_user(self.second_cashier).retail_create_from_ui(
            session.id, 50.0
        )
        self.assertEqual((other["order_count"], other["sales_amount"]), (1, 50.0))
        self.assertEqual(other["cash_difference"], 0.0)
        self.assertEqual(session.retail_handover_count, 2)
        # a cashier sees only their own handovers
        self.assertEqual(
            self.Handover.with_user(self.second_cashier).search([]).ids, [other["id"]]
        )

    def test_first_handover_covers_the_cashiers_day_not_the_whole_session(self):
        session = self._open_session()
        cash = self.cash_method
        three_days_ago = fields.Datetime.now() - timedelta(days=3)
        session.start_at = three_days_ago
        old = self._sync_order(session, [(self.tea, 7, 10.0)], [(cash, 70.0)])
        old.date_order = three_days_ago + timedelta(hours=2)
        self._sync_order(session, [(self.tea, 2, 10.0)], [(cash, 20.0)])
        summary = self.Handover.with_user(self.pos_user).retail_create_from_ui(
            session.id, 20.0
        )
        self.assertEqual((summary["order_count"], summary["sales_amount"]), (1, 20.0))
        self.assertEqual(summary["cash_difference"], 0.0)
        handover = self.Handover.browse(summary["id"])
        self.assertEqual(
            handover.date_start,
            self.Handover.with_user(self.pos_user)._retail_day_start(handover.date),
        )

    def test_a_second_handover_starts_where_the_first_ended(self):
        session = self._open_session()
        cash = self.cash_method
        self._sync_order(session, [(self.tea, 1, 10.0)], [(cash, 10.0)])
        first = self.Handover.with_user(self.pos_user).retail_create_from_ui(
            session.id, 10.0
        )
        self.assertEqual(first["order_count"], 1)
        second = self.Handover.with_user(self.pos_user).retail_create_from_ui(
            session.id, 0.0
        )
        self.assertEqual((second["order_count"], second["cash_expected"]), (0, 0.0))
        handovers = self.Handover.browse([first["id"], second["id"]])
        self.assertEqual(handovers[1].date_start, handovers[0].date)

    def test_the_opening_float_is_expected_at_every_handover(self):
        session = self._open_session()
        session.set_opening_control(200.0, None)
        cash = self.cash_method
        self._sync_order(session, [(self.tea, 3, 10.0)], [(cash, 30.0)])
        self._sync_order(session, [(self.tea, -1, 10.0)], [(cash, -10.0)])
        first = self.Handover.with_user(self.pos_user).retail_create_from_ui(
            session.id, 220.0
        )
        self.assertEqual(
            (first["cash_float"], first["cash_expected"], first["cash_difference"]),
            (200.0, 220.0, 0.0),
        )
        # the takings were handed over; the float stays for the next shift
        self._sync_order(
            session, [(self.tea, 2, 10.0)], [(cash, 20.0)], user=self.second_cashier
        )
        second = self.Handover.with_user(self.second_cashier).retail_create_from_ui(
            session.id, 215.0
        )
        self.assertEqual(
            (second["cash_float"], second["cash_expected"], second["cash_difference"]),
            (200.0, 220.0, -5.0),
        )

    def test_bad_handovers_are_refused(self):
        session = self._open_session()
        Handover = self.Handover.with_user(self.pos_user)
        with self.assertRaisesRegex(UserError, "cannot be negative"):
            Handover.retail_create_from_ui(session.id, -5)
        with self.assertRaisesRegex(UserError, "must be an amount"):
            Handover.retail_create_from_ui(session.id, "many")
        with self.assertRaisesRegex(UserError, "open session"):
            Handover.retail_create_from_ui(999999999, 5)
        # the figures come from the server only: no handover made up over RPC
        with self.assertRaises(AccessError):
            Handover.create(
                {
                    "session_id": session.id,
                    "user_id": self.pos_user.id,
                    "cash_expected": 1,
                }
            )
        self.assertEqual(self.Handover.search_count([]), 0)

    def test_handover_report_prints_the_figures(self):
        session = self._open_session()
        self._sync_order(session, [(self.tea, 3, 10.0)], [(self.cash_method, 30.0)])
        summary = self.Handover.with_user(self.pos_user).retail_create_from_ui(
            session.id, 25.0
        )
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "retail_pos_ext.retail_pos_shift_handover_report_action", [summary["id"]]
        )
        # monetary amounts put a zero-width no-break space after the minus sign
        html = html.decode().replace("\ufeff", "")
        self.assertIn("Shift Handover", html)
        self.assertIn(self.pos_user.name, html)
        self.assertIn(self.cash_method.name, html)
        self.assertIn("30.00", html)
        self.assertIn("25.00", html)
        self.assertIn("-5.00", html)

    def test_handover_pdf_prints_in_chinese(self):
        session = self._open_session()
        self._sync_order(session, [(self.tea, 3, 10.0)], [(self.cash_method, 30.0)])
        summary = self.Handover.with_user(self.pos_user).retail_create_from_ui(
            session.id, 25.0
        )
        # the PDF as the cashier prints it (wkhtmltopdf), read back: the Latin text
        # (names, figures) as text, not outlines, and the Chinese in the simplified
        # cut of the font (pdf_text checks it: 门店 is not drawn the Japanese way)
        page = pdf_text(
            self.env(user=self.pos_user),
            "retail_pos_ext.retail_pos_shift_handover_report_action",
            self.Handover.browse(summary["id"]),
        )
        for text in ("交班", "门店", self.pos_user.name, "30.00", "25.00", "-5.00"):
            self.assertIn(text, page)

    def test_cashier_hands_over_from_the_till(self):
        session = self._open_session()
        self.start_pos_tour("retail_pos_ext_shift_handover_tour", login="pos_user")
        handover = self.Handover.search([("session_id", "=", session.id)])
        self.assertEqual(len(handover), 1)
        self.assertEqual(handover.user_id, self.pos_user)
        self.assertEqual((handover.order_count, handover.sales_amount), (3, 40.0))
        self.assertEqual(session.cash_register_balance_start, 100.0)
        self.assertEqual(
            (
                handover.cash_float,
                handover.cash_expected,
                handover.cash_counted,
                handover.cash_difference,
            ),
            (100.0, 130.0, 128.0, -2.0),
        )
