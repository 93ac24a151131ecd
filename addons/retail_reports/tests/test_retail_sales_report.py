from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon


class SalesCommon(RetailCommon):
    """Wholesale orders from head office and a store, a quotation, and the member's
    order of 2 at 12.00 in the store: here a wholesale order (``member_source``);
    ``retail_reports_pos`` runs the same tests with the member at the store's till.
    """

    member_source = "sale"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.brand = cls.env["retail.brand"].create({"name": "金龙鱼"})
        cls.category = cls.env["product.category"].create({"name": "粮油"})
        cls.product = cls.env["product.product"].create(
            {
                "name": "花生油 5L",
                "list_price": 10.0,
                "standard_price": 6.0,
                "categ_id": cls.category.id,
                "retail_brand_id": cls.brand.id,
                "taxes_id": [Command.clear()],
            }
        )
        cls.grade = cls.env["retail.customer.grade"].create(
            {
                "name": "会员",
                "pricelist_id": cls.env["product.pricelist"]
                .create({"name": "会员价"})
                .id,
            }
        )
        cls.member = cls.env["res.partner"].create(
            {"name": "会员顾客", "retail_grade_id": cls.grade.id}
        )
        cls.wholesaler = cls.env["res.partner"].create({"name": "批发客户"})
        cls.hq_order = cls._sale_order(cls.hq_warehouse, 3, 10.0)
        cls.store_order = cls._sale_order(cls.store_warehouse, 5, 9.0)
        cls.quotation = cls._sale_order(cls.store_warehouse, 7, 10.0, confirm=False)
        cls.member_order = cls._member_order(2, 12.0)

        manager = cls.role_users["store_manager"]
        manager.retail_warehouse_ids = cls.store_warehouse

    @classmethod
    def _sale_order(cls, warehouse, qty, price, confirm=True, partner=None):
        order = cls.env["sale.order"].create(
            {
                "partner_id": (partner or cls.wholesaler).id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        if confirm:
            order.action_confirm()
        return order

    @classmethod
    def _member_order(cls, qty, price):
        """The member buys ``qty`` at ``price`` in the store."""
        return cls._sale_order(cls.store_warehouse, qty, price, partner=cls.member)


@tagged("post_install", "-at_install")
class TestRetailSalesReport(SalesCommon):
    def _rows(self, user=None):
        Report = self.env["retail.sales.report"]
        if user:
            Report = Report.with_user(user)
        return Report.search([("product_id", "=", self.product.id)])

    def test_rows_are_the_confirmed_and_paid_lines(self):
        rows = self._rows()
        self.assertEqual(
            sorted(
                (r.source, r.order_name, r.warehouse_id, r.quantity, r.revenue)
                for r in rows
            ),
            sorted(
                [
                    (
                        self.member_source,
                        self.member_order.name,
                        self.store_warehouse,
                        2,
                        24,
                    ),
                    ("sale", self.hq_order.name, self.hq_warehouse, 3, 30),
                    ("sale", self.store_order.name, self.store_warehouse, 5, 45),
                ]
            ),
        )
        member_row = rows.filtered(lambda r: r.order_name == self.member_order.name)
        self.assertEqual(member_row.partner_id, self.member)
        self.assertEqual(member_row.grade_id, self.grade)
        self.assertEqual(member_row.channel_id, self.member_order.retail_channel_id)
        self.assertEqual((member_row.cost, member_row.margin), (12, 12))
        sale_row = rows.filtered(lambda r: r.order_name == self.store_order.name)
        self.assertEqual(sale_row.channel_id, self.store_order.retail_channel_id)
        self.assertEqual(sale_row.user_id, self.store_order.user_id)
        self.assertEqual(
            (sale_row.categ_id, sale_row.brand_id), (self.category, self.brand)
        )
        self.assertEqual((sale_row.cost, sale_row.margin), (30, 15))

    def test_groups_by_store_and_month(self):
        groups = self.env["retail.sales.report"]._read_group(
            [("product_id", "=", self.product.id)],
            ["warehouse_id", "source"],
            ["quantity:sum", "revenue:sum", "margin:sum"],
        )
        expected = {
            (self.hq_warehouse.code, "sale"): (3, 30, 12),
            (self.store_warehouse.code, "sale"): (5, 45, 15),
        }
        # the member's order: its own group at the till, else with the store's
        member = (self.store_warehouse.code, self.member_source)
        expected[member] = tuple(
            a + b
            for a, b in zip(expected.get(member, (0, 0, 0)), (2, 24, 12), strict=True)
        )
        self.assertEqual(
            sorted((w.code, s, q, r, m) for w, s, q, r, m in groups),
            sorted((*key, *values) for key, values in expected.items()),
        )
        by_month = self.env["retail.sales.report"]._read_group(
            [("product_id", "=", self.product.id)], ["date:month"], ["revenue:sum"]
        )
        self.assertEqual([revenue for __, revenue in by_month], [99])

    def test_store_manager_sees_only_their_stores(self):
        rows = self._rows(self.role_users["store_manager"])
        self.assertEqual(rows.warehouse_id, self.store_warehouse)
        self.assertEqual(sorted(rows.mapped("revenue")), [24, 45])
        self.assertEqual(len(self._rows(self.role_users["hq_admin"])), 3)
        self.assertEqual(len(self._rows(self.role_users["accountant"])), 3)

    def test_cashiers_get_no_sales_analysis(self):
        with self.assertRaises(AccessError):
            self._rows(self.role_users["cashier"])
        self.assertEqual(
            self.env["retail.sales.report"]._fields["cost"].groups,
            "retail_wholesale.retail_wholesale_group_store_manager,"
            "retail_wholesale.retail_wholesale_group_accountant",
        )

    def test_history_refresh_keeps_the_figures(self):
        Report = self.env["retail.sales.report"]
        old = self._sale_order(self.store_warehouse, 4, 10.0)
        old.date_order = fields.Datetime.now() - timedelta(days=40)

        def figures():
            groups = Report._read_group(
                [("product_id", "=", self.product.id)],
                ["order_name"],
                ["quantity:sum", "revenue:sum"],
            )
            return sorted((name, qty, revenue) for name, qty, revenue in groups)

        before = figures()
        self.assertEqual(len(before), 4)
        cutoff = Report._refresh_fact()
        self.assertEqual(cutoff.date(), fields.Date.today() - timedelta(days=3))
        self.assertEqual(figures(), before)
        # the old order now comes from the materialized history, today's live
        self.env.cr.execute(
            "SELECT order_name FROM retail_sales_fact WHERE product_id = %s "
            "AND date < %s",
            [self.product.id, cutoff],
        )
        self.assertEqual([name for (name,) in self.env.cr.fetchall()], [old.name])
        new = self._sale_order(self.hq_warehouse, 1, 10.0)
        self.assertIn((new.name, 1, 10), figures())
        # a refresh of a populated history is incremental, readers see the same
        Report._refresh_fact()
        self.assertEqual(len(figures()), 5)

    def test_dashboard_figures_follow_the_store_scope(self):
        Report = self.env["retail.sales.report"]
        data = Report.with_user(self.role_users["hq_admin"]).retail_dashboard_data(
            "today"
        )
        kpis = data["kpis"]
        self.assertEqual(kpis["revenue"]["value"], 99)
        self.assertEqual(kpis["orders"]["value"], 3)
        self.assertEqual(kpis["basket"]["value"], 33)
        self.assertEqual(kpis["margin"]["value"], 39)
        self.assertEqual(
            [(s["name"], s["revenue"]["value"]) for s in data["stores"]],
            [("Test Store East", 69), (self.hq_warehouse.name, 30)],
        )
        self.assertEqual(
            data["top_products"], [{"name": "花生油 5L", "quantity": 10, "revenue": 99}]
        )
        store = Report.with_user(self.role_users["store_manager"])
        data = store.retail_dashboard_data("month")
        self.assertEqual(data["kpis"]["revenue"]["value"], 69)
        self.assertEqual([s["name"] for s in data["stores"]], ["Test Store East"])
        with self.assertRaises(AccessError):
            Report.with_user(self.role_users["cashier"]).retail_dashboard_data()

    def test_dashboard_compares_with_the_previous_period_of_the_same_length(self):
        # head office's order was 8 days ago: in the 7 days before the last 7
        self.hq_order.date_order = fields.Datetime.now() - timedelta(days=8)
        Report = self.env["retail.sales.report"].with_user(self.role_users["hq_admin"])
        today = Report._retail_today()
        data = Report.retail_dashboard_data("days_7")
        self.assertEqual(
            data["period"],
            {
                "key": "days_7",
                "date_from": str(today - timedelta(days=6)),
                "date_to": str(today),
                "previous_from": str(today - timedelta(days=13)),
                "previous_to": str(today - timedelta(days=7)),
                "days": 7,
            },
        )
        self.assertEqual(
            data["kpis"]["revenue"], {"value": 69, "previous": 30, "change": 1.3}
        )
        self.assertEqual(
            data["kpis"]["orders"], {"value": 2, "previous": 1, "change": 1.0}
        )
        self.assertEqual(
            [
                (s["name"], s["revenue"]["value"], s["revenue"]["previous"])
                for s in data["stores"]
            ],
            [("Test Store East", 69, 0), (self.hq_warehouse.name, 0, 30)],
        )
        self.assertIsNone(data["stores"][0]["revenue"]["change"])
        self.assertEqual(data["stores"][1]["revenue"]["change"], -1.0)
        # a custom day: head office's sale only, against the day before
        day = today - timedelta(days=8)
        data = Report.retail_dashboard_data("custom", str(day), str(day))
        self.assertEqual(
            data["kpis"]["revenue"], {"value": 30, "previous": 0, "change": None}
        )
        self.assertEqual(data["period"]["previous_from"], str(day - timedelta(1)))
        self.assertEqual(data["top_products"][0]["revenue"], 30)
        # the month so far against the same number of days before it
        data = Report.retail_dashboard_data("month")
        self.assertEqual(data["period"]["date_from"], str(today.replace(day=1)))
        self.assertEqual(data["period"]["days"], today.day)

    def test_dashboard_refuses_a_custom_period_ending_before_it_starts(self):
        Report = self.env["retail.sales.report"]
        with self.assertRaisesRegex(UserError, "2026-03-10.*2026-03-01"):
            Report.retail_dashboard_data("custom", "2026-03-10", "2026-03-01")
        with self.assertRaisesRegex(UserError, "From"):
            Report.retail_dashboard_data("custom", "2026-03-10", False)
        with self.assertRaisesRegex(UserError, "yesterday"):
            Report.retail_dashboard_data("yesterday")


@tagged("post_install", "-at_install")
class TestRetailReportsTimeZone(SalesCommon):
    """Days are the user's days: a sale at 17:30 UTC is 01:30 the next day in Shanghai."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shanghai = cls.role_users["hq_admin"]
        cls.shanghai.tz = "Asia/Shanghai"
        # every other order of the fixture is later than the frozen clock
        cls.hq_order.date_order = "2026-03-10 17:30:00"

    def test_dashboard_counts_the_sale_on_the_shanghai_day(self):
        Report = self.env["retail.sales.report"].with_user(self.shanghai)
        with freeze_time("2026-03-11 03:00:00"):
            self.assertEqual(Report._retail_today(), date(2026, 3, 11))
            data = Report.retail_dashboard_data("today")
            month = Report.retail_dashboard_data("month")
        self.assertEqual(data["kpis"]["revenue"]["value"], 30)
        self.assertEqual(data["kpis"]["orders"]["value"], 1)
        self.assertEqual(month["kpis"]["revenue"]["value"], 30)
        # the same clock for a user of UTC: the sale was yesterday
        self.shanghai.tz = "UTC"
        with freeze_time("2026-03-11 03:00:00"):
            data = Report.retail_dashboard_data("today")
            month = Report.retail_dashboard_data("month")
        self.assertEqual(data["kpis"]["revenue"]["value"], 0)
        # the day before, in the previous period of the same length
        self.assertEqual(data["kpis"]["revenue"]["previous"], 30)
        self.assertEqual(month["kpis"]["revenue"]["value"], 30)

    def test_without_user_tz_the_company_tz_counts(self):
        self.shanghai.tz = False
        self.env.company.partner_id.tz = "Asia/Shanghai"
        Report = self.env["retail.sales.report"].with_user(self.shanghai)
        self.assertEqual(
            Report._retail_day_start(date(2026, 3, 11)), datetime(2026, 3, 10, 16, 0)
        )
        self.env.company.partner_id.tz = False
        self.assertEqual(
            Report._retail_day_start(date(2026, 3, 11)), datetime(2026, 3, 11, 0, 0)
        )

    def test_ranking_counts_the_sale_on_the_shanghai_day(self):
        Ranking = self.env["retail.product.ranking"].with_user(self.shanghai)

        def revenue(day):
            wizard = Ranking.create({"date_from": day, "date_to": day})
            wizard.action_compute()
            return sum(
                wizard.line_ids.filtered(
                    lambda line: line.product_id == self.product
                ).mapped("revenue")
            )

        self.assertEqual(revenue(date(2026, 3, 11)), 30)
        self.assertEqual(revenue(date(2026, 3, 10)), 0)
        with freeze_time("2026-03-11 03:00:00"):
            self.assertEqual(Ranking.create({}).date_to, date(2026, 3, 11))


@tagged("post_install", "-at_install")
class TestRetailDashboardTour(SalesCommon, HttpCase):
    # the screen of the issue: the daily chart was drawn over the stores' table
    browser_size = "1400x900"

    def test_head_office_dashboard_shows_kpis_and_charts(self):
        self.hq_order.date_order = fields.Datetime.now() - timedelta(days=8)
        self.start_tour(
            "/odoo/action-retail_reports.retail_dashboard_action_hq",
            "retail_reports_dashboard_tour",
            login="admin",
        )

    def test_store_dashboard_blocks_do_not_overlap_in_chinese(self):
        manager = self.role_users["store_manager"]
        manager.lang = "zh_CN"
        self.start_tour(
            "/odoo/action-retail_reports.retail_dashboard_action_store",
            "retail_reports_dashboard_layout_tour",
            login=manager.login,
        )
