from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.retail_wholesale.tests.pdf import pdf_text

from .test_retail_sales_report import SalesCommon
from .test_retail_statement import read_xlsx


@tagged("post_install", "-at_install")
class TestRetailStorePerformance(SalesCommon):
    """This month the store sold 45 wholesale (margin 15) and 24 to the member (margin
    12) against a target of 100; head office sold 30 without a target; next month
    the store has a target of 50 and no sale yet."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.month = cls.env["retail.sales.report"]._retail_today().replace(day=1)
        cls.next_month = cls.month + relativedelta(months=1)
        cls.hq = cls.role_users["hq_admin"]
        cls.manager = cls.role_users["store_manager"]
        Target = cls.env["retail.store.target"].with_user(cls.hq)
        cls.target = Target.create(
            {
                "warehouse_id": cls.store_warehouse.id,
                "month": cls.month + relativedelta(days=14),
                "target_revenue": 100.0,
            }
        )
        cls.next_target = Target.create(
            {
                "warehouse_id": cls.store_warehouse.id,
                "month": cls.next_month,
                "target_revenue": 50.0,
            }
        )

    def _rows(self, user):
        rows = self.env["retail.store.performance"].with_user(user).search([])
        return {
            (row.warehouse_id, row.month): (
                row.revenue,
                row.margin,
                row.transactions,
                row.basket,
                row.target_revenue,
                row.achievement,
            )
            for row in rows
            if row.warehouse_id in (self.store_warehouse | self.hq_warehouse)
        }

    def test_performance_against_targets(self):
        self.assertEqual(self.target.month, self.month, "kept on the first day")
        self.assertEqual(
            self._rows(self.hq),
            {
                (self.store_warehouse, self.month): (69, 27, 2, 34.5, 100, 0.69),
                (self.store_warehouse, self.next_month): (0, 0, 0, 0, 50, 0),
                (self.hq_warehouse, self.month): (30, 12, 1, 30, 0, 0),
            },
        )
        [(store, revenue, target)] = self.env["retail.store.performance"]._read_group(
            [("warehouse_id", "=", self.store_warehouse.id)],
            ["warehouse_id"],
            ["revenue:sum", "target_revenue:sum"],
        )
        self.assertEqual((store, revenue, target), (self.store_warehouse, 69, 150))

    def test_store_manager_reads_their_stores(self):
        self.assertEqual(
            set(self._rows(self.manager)),
            {
                (self.store_warehouse, self.month),
                (self.store_warehouse, self.next_month),
            },
        )
        hq_target = self.env["retail.store.target"].create(
            {
                "warehouse_id": self.hq_warehouse.id,
                "month": self.month,
                "target_revenue": 10.0,
            }
        )
        Target = self.env["retail.store.target"].with_user(self.manager)
        self.assertEqual(Target.search([]), self.target | self.next_target)
        with self.assertRaises(AccessError):
            hq_target.with_user(self.manager).target_revenue  # noqa: B018
        with self.assertRaises(AccessError):
            self.target.with_user(self.manager).target_revenue = 120.0
        with self.assertRaises(AccessError):
            Target.create(
                {
                    "warehouse_id": self.store_warehouse.id,
                    "month": "2020-01-01",
                    "target_revenue": 1.0,
                }
            )
        cashier = self.role_users["cashier"]
        with self.assertRaises(AccessError):
            self.env["retail.store.performance"].with_user(cashier).search([])
        with self.assertRaises(AccessError):
            self.env["retail.store.target"].with_user(cashier).search([])
        self.assertEqual(
            self.env["retail.store.performance"]._fields["margin"].groups,
            "retail_wholesale.retail_wholesale_group_store_manager,"
            "retail_wholesale.retail_wholesale_group_accountant",
        )

    def test_one_target_per_store_and_month(self):
        Target = self.env["retail.store.target"].with_user(self.hq)
        with self.assertRaisesRegex(
            ValidationError, r"Test Store East already has a target for \d{4}-\d{2}"
        ):
            Target.create(
                {
                    "warehouse_id": self.store_warehouse.id,
                    "month": self.month + relativedelta(days=3),
                    "target_revenue": 5.0,
                }
            )
        with self.assertRaisesRegex(ValidationError, "already has a target"):
            self.next_target.month = self.month
        with self.assertRaisesRegex(ValidationError, "already has a target"):
            Target.create(
                [
                    {
                        "warehouse_id": self.hq_warehouse.id,
                        "month": "2020-01-01",
                        "target_revenue": 5.0,
                    },
                    {
                        "warehouse_id": self.hq_warehouse.id,
                        "month": "2020-01-31",
                        "target_revenue": 6.0,
                    },
                ]
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.target.target_revenue = -1
        self.assertEqual(self.next_target.month, self.next_month)

    def test_export_to_xlsx(self):
        rows = (
            self.env["retail.store.performance"]
            .with_user(self.manager)
            .search([("warehouse_id", "=", self.store_warehouse.id)])
        )
        cells = read_xlsx(rows._xlsx_content())
        self.assertEqual(cells[(0, 0)], "Store Performance")
        self.assertEqual(
            [cells[(3, col)] for col in range(8)],
            [
                "Store",
                "Month",
                "Sales",
                "Margin",
                "Transactions",
                "Basket Size",
                "Target",
                "Achievement",
            ],
        )
        self.assertEqual(
            [cells[(4, col)] for col in range(8)],
            [
                self.store_warehouse.display_name,
                self.month.strftime("%Y-%m"),
                69,
                27,
                2,
                34.5,
                100,
                0.69,
            ],
        )
        self.assertEqual(
            [cells[(5, col)] for col in (1, 2, 6)],
            [self.next_month.strftime("%Y-%m"), 0, 50],
        )
        action = rows.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")

    def test_prints_to_pdf_in_chinese(self):
        rows = (
            self.env["retail.store.performance"]
            .with_user(self.manager)
            .search([("warehouse_id", "=", self.store_warehouse.id)])
        )
        # the PDF as printed (wkhtmltopdf), read back
        page = pdf_text(
            self.env(user=self.manager),
            "retail_reports.retail_store_performance_pdf",
            rows,
        )
        for text in (
            "门店业绩",
            "达成率",
            self.month.strftime("%Y-%m"),
            "69.00",
            "34.50",
        ):
            self.assertIn(text, page)

    def test_dashboard_shows_the_achievement_of_the_month(self):
        Report = self.env["retail.sales.report"]
        data = Report.with_user(self.manager).retail_dashboard_data()
        self.assertEqual(
            data["targets"],
            [
                {
                    "name": "Test Store East",
                    "target": 100,
                    "revenue": 69,
                    "achievement": 0.69,
                }
            ],
        )


@tagged("post_install", "-at_install")
class TestRetailStoreTargetTour(SalesCommon, HttpCase):
    def test_store_dashboard_shows_the_target(self):
        self.env["retail.store.target"].create(
            {
                "warehouse_id": self.store_warehouse.id,
                "month": self.env["retail.sales.report"]._retail_today(),
                "target_revenue": 100.0,
            }
        )
        self.start_tour(
            "/odoo/action-retail_reports.retail_dashboard_action_store",
            "retail_reports_store_target_tour",
            login="rw_store_manager",
        )
