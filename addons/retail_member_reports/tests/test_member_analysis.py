from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MemberAnalysisCommon, read_workbook


@tagged("post_install", "-at_install")
class TestMemberAnalysis(MemberAnalysisCommon):
    def _analysis(self, user=None, **values):
        analysis = (
            self.env["retail.member.analysis"]
            .with_user(user or self.manager)
            .create(values)
        )
        analysis.action_compute()
        return analysis

    def _lines(self, lines, *names):
        return sorted(
            (line.warehouse_id.name or "", *(line[name] for name in names))
            for line in lines
        )

    def test_members_per_level_and_store(self):
        analysis = self._analysis()
        self.assertEqual(
            sorted(
                (line.level_id.name, *self._lines(line, "members", "new_members")[0])
                for line in analysis.level_line_ids
            ),
            [
                ("金卡", "", 1, 1),
                ("金卡", "会员东店", 1, 1),
                ("银卡", "会员东店", 2, 1),
                ("银卡", "会员西店", 1, 1),
            ],
        )
        self.assertEqual((analysis.member_count, analysis.new_member_count), (5, 4))

    def test_stored_value_balance_reconciles_with_the_ledger(self):
        analysis = self._analysis()
        self.assertEqual(
            (
                analysis.stored_value_paid,
                analysis.stored_value_bonus,
                analysis.stored_value_total,
                analysis.stored_value_ledger,
                analysis.stored_value_difference,
            ),
            (900.0, 50.0, 950.0, 900.0, 0.0),
        )
        self.assertIn(self.account.code, analysis.stored_value_accounts)
        # a spend taken off a card and not booked shows as a difference
        self.card.points -= 40.0
        analysis.action_compute()
        self.assertEqual(
            (analysis.stored_value_paid, analysis.stored_value_difference),
            (860.0, -40.0),
        )

    def test_top_ups_and_spending_per_store(self):
        analysis = self._analysis()
        self.assertEqual(
            self._lines(analysis.stored_value_line_ids, "issued", "used"),
            [("会员东店", 1000.0, 0.0), ("会员西店", 50.0, 300.0)],
        )
        self.assertEqual(analysis.stored_value_line_ids.program_id, self.program)
        # the older top-up is in a longer period, in the store of who registered m2
        longer = self._analysis(date_from=fields.Date.today() - timedelta(days=120))
        self.assertEqual(
            self._lines(longer.stored_value_line_ids, "issued", "used"),
            [("会员东店", 1200.0, 0.0), ("会员西店", 50.0, 300.0)],
        )

    def test_spending_at_a_till_counts_in_the_till_s_store(self):
        """A movement of a till's order is the till's store's (B), not the member's
        (A); read only when the till is installed (it is with every addon)."""
        if "pos.order" not in self.env:
            self.skipTest("the till (point_of_sale) is not installed")
        journal = self.env["account.journal"].create(
            {"name": "西店现金", "code": "MRCSH", "type": "cash"}
        )
        cash = self.env["pos.payment.method"].create(
            {"name": "现金", "journal_id": journal.id, "is_cash_count": True}
        )
        till = self.env["pos.config"].create(
            {
                "name": "西店收银台",
                "picking_type_id": self.store_b.pos_type_id.id,
                "payment_method_ids": [Command.set(cash.ids)],
            }
        )
        till.open_ui()
        order = self.env["pos.order"].create(
            {
                "session_id": till.current_session_id.id,
                "partner_id": self.m1.id,
                "amount_tax": 0.0,
                "amount_total": 0.0,
                "amount_paid": 0.0,
                "amount_return": 0.0,
            }
        )
        self.env["loyalty.history"].create(
            {
                "card_id": self.card.id,
                "order_model": "pos.order",
                "order_id": order.id,
                "description": order.name,
                "used": 70.0,
            }
        )
        analysis = self._analysis()
        self.assertEqual(
            self._lines(analysis.stored_value_line_ids, "issued", "used"),
            [("会员东店", 1000.0, 0.0), ("会员西店", 50.0, 370.0)],
        )

    def test_points_issued_redeemed_and_expired(self):
        analysis = self._analysis()
        self.assertEqual(
            self._lines(analysis.points_line_ids, "issued", "used", "expired"),
            [("会员东店", 200.0, 0.0, 180.0), ("会员西店", 0.0, 20.0, 0.0)],
        )
        self.assertEqual(analysis.points_line_ids.program_id, self.points)
        # the clearing ran in Chinese: told apart by its description in any language
        cleared = self.env["loyalty.history"].search(
            [("card_id.program_id", "=", self.points.id), ("issued", "=", 0)]
        )
        self.assertEqual(
            set(cleared.filtered(lambda h: not h.order_id).mapped("description")),
            {"本年度积分已清零"},
        )

    def test_store_manager_sees_their_stores(self):
        analysis = self._analysis(self.manager_a)
        self.assertEqual(
            self._lines(analysis.level_line_ids, "members"),
            [("", 1), ("会员东店", 1), ("会员东店", 2)],
        )
        self.assertEqual(
            self._lines(analysis.points_line_ids, "issued", "used", "expired"),
            [("会员东店", 200.0, 0.0, 180.0)],
        )
        # the liability is the company's
        self.assertEqual(analysis.stored_value_paid, 900.0)
        chosen = self._analysis(self.manager_a, warehouse_ids=self.store_a.ids)
        self.assertEqual(
            self._lines(chosen.level_line_ids, "members"),
            [("会员东店", 1), ("会员东店", 2)],
        )
        self.assertEqual(
            self._lines(chosen.stored_value_line_ids, "issued", "used"),
            [("会员东店", 1000.0, 0.0)],
        )

    def test_who_may_run_it(self):
        self.assertEqual(self._analysis(self.accountant).member_count, 5)
        Analysis = self.env["retail.member.analysis"]
        with self.assertRaises(AccessError):
            Analysis.with_user(self.cashier_a).create({})
        menu = self.env.ref(
            "retail_member_reports.retail_member_reports_menu_member_analysis"
        )
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.manager)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(self.cashier_a)._visible_menu_ids())
        # the form opens for a store manager (one company: no company field shown)
        views = Analysis.with_user(self.manager).get_views([(False, "form")])
        self.assertIn("level_line_ids", views["views"]["form"]["arch"])
        # a company the user does not work for is refused
        other = self.env["res.company"].create({"name": "别家零售"})
        with self.assertRaisesRegex(AccessError, "别家零售"):
            self._analysis(self.manager, company_id=other.id)

    def test_export_to_xlsx(self):
        analysis = self._analysis()
        action = analysis.action_export_xlsx()
        self.assertEqual(action["target"], "download")
        levels, stored_value, moves, points = read_workbook(analysis._xlsx_content())
        self.assertEqual(levels[(0, 0)], "Members per Level and Store")
        self.assertEqual(
            [levels[(3, col)] for col in range(4)],
            ["Member Level", "Store", "Members", "New Members"],
        )
        self.assertEqual([levels[(8, col)] for col in (0, 2, 3)], ["Total", 5, 4])
        self.assertEqual(
            [stored_value[(row, 1)] for row in range(4, 9)],
            [900, 50, 950, 900, 0],
        )
        self.assertEqual(
            [moves[(6, col)] for col in range(4)], ["Total", 1050, 300, 750]
        )
        self.assertEqual(
            [points[(6, col)] for col in (0, 2, 3, 4)], ["Total", 200, 20, 180]
        )

    def test_prints_to_pdf_in_chinese(self):
        analysis = self._analysis()
        action = analysis.action_print_pdf()
        self.assertEqual(
            action["report_name"],
            "retail_member_reports.retail_member_analysis_document",
        )
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "retail_member_reports.retail_member_analysis_pdf", analysis.ids
            )
        )
        page = html.decode().split('<div class="page">')[1]
        for text in (
            "各等级及门店会员",
            "储值余额",
            "各门店充值与消费",
            "积分发放、兑换与过期",
            "会员东店",
            "1,050.00",
            "180.00",
        ):
            self.assertIn(text, page)
