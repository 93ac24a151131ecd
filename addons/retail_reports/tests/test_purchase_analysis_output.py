from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from .purchase_common import PurchaseAnalysisCommon, PurchaseCommon, read_sheets


@tagged("post_install", "-at_install")
class TestPurchaseAnalysisOutput(PurchaseAnalysisCommon):
    """The purchase analysis exported, printed, and who may run it."""

    def test_export_to_xlsx(self):
        analysis = self._analysis(user=self.buyer)
        sheets = read_sheets(analysis._xlsx_content())
        self.assertEqual(
            list(sheets),
            [
                "Supplier On-Time Delivery",
                "Purchase Price Trend",
                "Returns to Suppliers",
            ],
        )
        ontime = sheets["Supplier On-Time Delivery"]
        self.assertEqual(ontime[(0, 0)], "Supplier On-Time Delivery")
        self.assertEqual(
            [ontime[(3, col)] for col in range(8)],
            [
                "Supplier",
                "Receipts",
                "On Time",
                "Late",
                "On-Time Rate (%)",
                "Average Delay (Days)",
                "Quantity Received",
                "Value Received",
            ],
        )
        self.assertEqual(
            [ontime[(4, col)] for col in (0, 1, 2, 3, 5, 6, 7)],
            ["江南食品厂", 3, 1, 2, 2, 40, 224],
        )
        self.assertAlmostEqual(ontime[(4, 4)], 100 / 3)
        self.assertEqual(
            [ontime[(6, col)] for col in (0, 1, 2, 3, 4, 6, 7)],
            ["Total", 4, 2, 2, 50, 55, 399],
        )
        price = sheets["Purchase Price Trend"]
        self.assertEqual(
            [price[(5, col)] for col in range(7)],
            ["大米", "2025-02", 30, 6.5, 6, 7.5, 30],
        )
        self.assertNotIn((4, 6), price, "no change in the first month")
        returns = sheets["Returns to Suppliers"]
        self.assertEqual(
            [returns[(4, col)] for col in range(4)], ["江南食品厂", 4, 24, 224]
        )
        self.assertAlmostEqual(returns[(4, 4)], 2400 / 224)

    def test_prints_to_pdf_in_chinese(self):
        analysis = self._analysis()
        action = analysis.action_print_pdf()
        self.assertEqual(
            action["report_name"], "retail_reports.retail_purchase_analysis_document"
        )
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.hq_user)
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "retail_reports.retail_purchase_analysis_pdf", analysis.ids
            )
        )
        page = html.decode().split('<div class="page">')[1]
        for text in (
            "供应商准时交货率",
            "采购价格趋势",
            "采购退货",
            "准时率 (%)",
            "平均单价",
            "退货率 (%)",
            "江南食品厂",
            "大米",
            "33.33",
            "224.00",
            "-16.92",
            "10.71",
        ):
            self.assertIn(text, page)

    def test_access_and_bad_period(self):
        Analysis = self.env["retail.purchase.analysis"]
        with self.assertRaisesRegex(ValidationError, "期间的开始日期晚于结束日期"):
            Analysis.with_user(self.buyer).with_context(lang="zh_CN").create(
                {"date_from": "2025-02-01", "date_to": "2025-01-01"}
            )
        for role in ("store_manager", "cashier", "keeper"):
            with self.assertRaises(AccessError, msg=role):
                Analysis.with_user(self.role_users[role]).create({})
        accountant = self._analysis(user=self.role_users["accountant"])
        self.assertEqual(len(accountant.ontime_line_ids), 2)
        menu = self.env.ref("retail_reports.retail_reports_menu_supplier_analysis")
        core = self.env.ref("retail_reports.retail_reports_menu_purchase_analysis")
        for role, visible in (
            ("hq_admin", True),
            ("buyer", True),
            ("accountant", True),
            ("store_manager", False),
            ("cashier", False),
        ):
            menus = (
                self.env["ir.ui.menu"]
                .with_user(self.role_users[role])
                ._visible_menu_ids()
            )
            self.assertEqual(menu.id in menus, visible, role)
        self.assertEqual(
            core.action, self.env.ref("purchase.action_purchase_order_report_all")
        )


@tagged("post_install", "-at_install")
class TestPurchaseAnalysisTour(PurchaseCommon, HttpCase):
    """A buyer opens the supplier analysis from the menu and analyses the last 30
    days: the late supplier delivered one of its two receipts on time."""

    def test_buyer_analyses_the_suppliers(self):
        now = fields.Datetime.now().replace(hour=4, minute=0, second=0, microsecond=0)
        late = self.env["res.partner"].create(
            {"name": "迟到供应商", "is_company": True}
        )
        on_time = self.env["res.partner"].create(
            {"name": "准时供应商", "is_company": True}
        )
        for supplier, price, planned, done in (
            (late, 5.0, now - timedelta(days=10), now - timedelta(days=10)),
            (late, 6.0, now - timedelta(days=8), now - timedelta(days=5)),
            (on_time, 5.5, now - timedelta(days=6), now - timedelta(days=7)),
        ):
            order = self._order(
                supplier, [(self.rice, 10, price)], planned - timedelta(days=3), planned
            )
            self._receive(order, done)
        self.start_tour(
            "/odoo",
            "retail_reports_purchase_analysis_tour",
            login=self.role_users["buyer"].login,
        )
