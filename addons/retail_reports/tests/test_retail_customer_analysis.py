from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from ..wizard.retail_customer_analysis import RFM_FIGURES
from .test_retail_sales_report import SalesCommon
from .test_retail_statement import read_xlsx


class CustomerCommon(SalesCommon):
    """Five customers: the wholesaler (head office 2 days ago, store yesterday), the
    member (in the store 3 days ago), a loyal customer (200, 100 and 10 days ago), a lapsed one
    (300 days ago, refunded 50 later) and one back after a year (400 and 5 days
    ago)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Report = cls.env["retail.sales.report"]
        cls.today = Report._retail_today()
        cls.loyal = cls.env["res.partner"].create(
            {"name": "老主顾", "retail_grade_id": cls.grade.id}
        )
        cls.lapsed = cls.env["res.partner"].create({"name": "流失客户"})
        cls.back = cls.env["res.partner"].create({"name": "回头客"})
        cls.order_days = {}
        cls._dated(cls.hq_order, 2)
        cls._dated(cls.store_order, 1)
        cls._dated(cls.member_order, 3)
        for partner, days, amount in (
            (cls.loyal, 200, 100.0),
            (cls.loyal, 100, 200.0),
            (cls.loyal, 10, 300.0),
            (cls.lapsed, 300, 500.0),
            (cls.lapsed, 250, -50.0),
            (cls.back, 400, 1000.0),
            (cls.back, 5, 5.0),
        ):
            order = cls.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "warehouse_id": cls.store_warehouse.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            order.action_confirm()
            cls._dated(order, days, purchase=amount > 0)
        cls.manager = cls.role_users["store_manager"]

    @classmethod
    def _dated(cls, order, days, purchase=True):
        day = cls.today - timedelta(days=days)
        start = cls.env["retail.sales.report"]._retail_day_start(day)
        order.date_order = start + timedelta(hours=6)
        if purchase:  # refunds make no new or returning customer
            cls.order_days.setdefault(order.partner_id, []).append(day)

    def _analysis(self, user=None, **values):
        Analysis = self.env["retail.customer.analysis"]
        analysis = Analysis.with_user(user or self.role_users["hq_admin"]).create(
            values
        )
        analysis.action_compute()
        return analysis


@tagged("post_install", "-at_install")
class TestRetailCustomerAnalysis(CustomerCommon):
    def _rfm(self, analysis):
        return {
            line.partner_id.name: tuple(
                line[name] for name in (*RFM_FIGURES, "segment")
            )
            for line in analysis.rfm_line_ids
        }

    def test_rfm_scores_and_segments(self):
        analysis = self._analysis()
        self.assertEqual(
            self._rfm(analysis),
            {
                "批发客户": (1, 2, 75, 5, 4, 3, "important_value"),
                "会员顾客": (3, 1, 24, 4, 2, 2, "general_develop"),
                "老主顾": (10, 3, 600, 2, 5, 5, "important_keep"),
                "流失客户": (300, 1, 450, 1, 3, 4, "important_keep"),
                "回头客": (5, 1, 5, 3, 1, 1, "general_develop"),
            },
        )
        self.assertEqual(
            (
                analysis.customer_count,
                analysis.repeat_customer_count,
                analysis.repurchase_rate,
            ),
            (5, 2, 0.4),
        )
        self.assertEqual(
            analysis.rfm_line_ids[0].partner_id, self.loyal, "by revenue first"
        )

    def test_new_and_returning_customers_per_month(self):
        analysis = self._analysis()
        date_from = analysis.date_from
        firsts = {partner: min(days) for partner, days in self.order_days.items()}
        expected = {}
        for partner, days in self.order_days.items():
            for month in {day.replace(day=1) for day in days if day >= date_from}:
                customers, new, returning = expected.get(month, (0, 0, 0))
                is_new = firsts[partner].replace(day=1) == month
                expected[month] = (
                    customers + 1,
                    new + is_new,
                    returning + (not is_new),
                )
        self.assertEqual(
            {
                line.month: (
                    line.customers,
                    line.new_customers,
                    line.returning_customers,
                )
                for line in analysis.month_line_ids
            },
            expected,
        )
        # the customer back after a year is returning, the lapsed one was new
        self.assertEqual(sum(analysis.month_line_ids.mapped("new_customers")), 4)
        self.assertGreaterEqual(
            sum(analysis.month_line_ids.mapped("returning_customers")), 1
        )

    def test_member_levels(self):
        analysis = self._analysis()
        self.assertEqual(
            sorted(
                (line.grade_id.name or "", line.customers, line.revenue)
                for line in analysis.grade_line_ids
            ),
            [("", 3, 530), ("会员", 2, 624)],
        )

    def test_store_manager_sees_the_customers_of_their_stores(self):
        analysis = self._analysis(self.manager)
        rfm = self._rfm(analysis)
        self.assertEqual(
            set(rfm), {"批发客户", "会员顾客", "老主顾", "流失客户", "回头客"}
        )
        # the head office order is not theirs
        self.assertEqual(rfm["批发客户"][:3], (1, 1, 45))
        only_hq = self._analysis(warehouse_ids=[Command.set(self.hq_warehouse.ids)])
        self.assertEqual(
            set(self._rfm(only_hq)), {"批发客户"}, "store filter of head office"
        )
        self.assertEqual(only_hq.repurchase_rate, 0)

    def test_export_to_xlsx(self):
        analysis = self._analysis()
        cells = read_xlsx(analysis._xlsx_content())
        self.assertEqual(cells[(0, 0)], "Customer Analysis")
        self.assertEqual(
            [cells[(3, col)] for col in (0, 3, 4, 5, 6, 7, 8, 9)],
            [
                "Customer",
                "Recency (Days)",
                "Frequency (Orders)",
                "Monetary (Untaxed)",
                "R Score",
                "F Score",
                "M Score",
                "Segment",
            ],
        )
        self.assertEqual(
            [cells[(4, col)] for col in (0, 1, 3, 4, 5, 6, 7, 8, 9)],
            ["老主顾", "会员", 10, 3, 600, 2, 5, 5, "Important Retention"],
        )
        self.assertEqual(cells[(10, 0)], "Repurchase Rate")
        self.assertEqual(
            [cells[(10, col)] for col in (4, 5, 9)],
            [2, 5, 0.4],
        )

    def test_prints_to_pdf_in_chinese(self):
        analysis = self._analysis()
        action = analysis.action_print_pdf()
        self.assertEqual(
            action["report_name"], "retail_reports.retail_customer_analysis_document"
        )
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.role_users["hq_admin"])
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "retail_reports.retail_customer_analysis_pdf", analysis.ids
            )
        )
        page = html.decode().split('<div class="page">')[1]
        for text in (
            "客户分析",
            "客户分群",
            "复购率",
            "老主顾",
            "重要保持客户",
            "600.00",
        ):
            self.assertIn(text, page)

    def test_access_and_bad_period(self):
        Analysis = self.env["retail.customer.analysis"]
        with self.assertRaisesRegex(ValidationError, "after its end"):
            Analysis.create({"date_from": "2026-02-01", "date_to": "2026-01-01"})
        with self.assertRaises(AccessError):
            Analysis.with_user(self.role_users["cashier"]).create({})
        visible = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        menu = self.env.ref("retail_reports.retail_reports_menu_customer_analysis")
        self.assertIn(menu.id, visible)
        cashier_menus = (
            self.env["ir.ui.menu"]
            .with_user(self.role_users["cashier"])
            ._visible_menu_ids()
        )
        self.assertNotIn(menu.id, cashier_menus)


@tagged("post_install", "-at_install")
class TestRetailCustomerAnalysisTour(CustomerCommon, HttpCase):
    """The store manager analyses their customers in the browser."""

    def test_store_manager_analyses_their_customers(self):
        self.start_tour(
            "/odoo/action-retail_reports.retail_customer_analysis_action",
            "retail_reports_customer_analysis_tour",
            login="rw_store_manager",
        )
