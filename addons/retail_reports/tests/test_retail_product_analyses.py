from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon

from .test_retail_statement import read_xlsx


@tagged("post_install", "-at_install")
class TestRetailProductAnalyses(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "排行客户"})
        cls.products = {
            name: cls.env["product.product"].create(
                {
                    "name": name,
                    "is_storable": True,
                    "standard_price": cost,
                    "taxes_id": [Command.clear()],
                }
            )
            for name, cost in (
                ("P1", 50.0),
                ("P2", 5.0),
                ("P3", 10.0),
                ("P4", 0.5),
                ("P5", 3.0),
            )
        }
        store_lines = (("P1", 7, 100.0), ("P2", 20, 10.0), ("P3", 3, 20.0))
        store_lines += (("P4", 40, 1.0),)
        cls._order(cls.store_warehouse, store_lines)
        cls._order(cls.hq_warehouse, [("P4", 1000, 1.0)])
        stock = cls.store_warehouse.lot_stock_id
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.products["P5"], stock, 10)
        Quant._update_available_quantity(cls.products["P1"], stock, 4)
        cls.manager = cls.role_users["store_manager"]
        cls.manager.retail_warehouse_ids = cls.store_warehouse

    @classmethod
    def _order(cls, warehouse, lines):
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.products[name].id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                            "tax_id": [Command.clear()],
                        }
                    )
                    for name, qty, price in lines
                ],
            }
        )
        order.action_confirm()
        return order

    def _rank(self, user, **values):
        wizard = self.env["retail.product.ranking"].with_user(user).create(values)
        wizard.action_compute()
        return [
            (
                line.product_id.name,
                line.quantity,
                line.revenue,
                line.abc_class,
            )
            for line in wizard.line_ids
            if line.product_id in self.products.values()
        ]

    def test_store_manager_ranks_the_sellers_of_their_store_with_abc_classes(self):
        ranking = self._rank(self.manager, measure="revenue", limit=10)
        self.assertEqual(
            ranking,
            [
                ("P1", 7, 700, "A"),
                ("P2", 20, 200, "A"),
                ("P3", 3, 60, "B"),
                ("P4", 40, 40, "C"),
            ],
        )
        self.assertEqual(
            self._rank(self.manager, measure="quantity", limit=2),
            [("P4", 40, 40, "C"), ("P2", 20, 200, "A")],
        )
        self.assertEqual(
            self._rank(self.manager, measure="revenue", direction="bottom", limit=2),
            [("P4", 40, 40, "C"), ("P3", 3, 60, "B")],
        )
        # margin: P1 700 - 350, P2 200 - 100, P3 60 - 30, P4 40 - 20
        wizard = self.env["retail.product.ranking"].with_user(self.manager)
        wizard = wizard.create({"measure": "margin", "limit": 1})
        wizard.action_compute()
        self.assertEqual(
            (wizard.line_ids.product_id.name, wizard.line_ids.margin), ("P1", 350)
        )

    def test_head_office_ranks_every_store(self):
        hq = self.role_users["hq_admin"]
        ranking = self._rank(hq, measure="revenue", limit=2)
        self.assertEqual(ranking[0][:3], ("P4", 1040, 1040))
        store_only = self._rank(
            hq, measure="revenue", limit=10, warehouse_ids=self.store_warehouse.ids
        )
        self.assertEqual([row[0] for row in store_only], ["P1", "P2", "P3", "P4"])

    def test_ranking_exports_to_xlsx(self):
        wizard = (
            self.env["retail.product.ranking"]
            .with_user(self.manager)
            .create({"measure": "revenue", "limit": 4})
        )
        wizard.action_compute()
        cells = read_xlsx(wizard._xlsx_content())
        self.assertEqual(cells[(0, 0)], "Hot Sellers (Top)")
        self.assertEqual(
            [cells[(3, col)] for col in range(8)],
            [
                "Product",
                "Rank",
                "Quantity",
                "Revenue",
                "Margin",
                "Revenue Share",
                "Cumulative Share",
                "ABC Class",
            ],
        )
        self.assertEqual(
            [cells[(4, col)] for col in range(8)],
            ["P1", 1, 7, 700, 350, 0.7, 0.7, "A"],
        )
        self.assertEqual(
            [cells[(7, col)] for col in range(8)],
            ["P4", 4, 40, 40, 20, 0.04, 1.0, "C"],
        )

    def _pdf_page(self, user, report, records):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang="zh_CN")
            ._render_qweb_html(report, records.ids)
        )
        return html.decode().split('<div class="page">')[1]

    def test_ranking_prints_to_pdf_in_chinese(self):
        wizard = (
            self.env["retail.product.ranking"]
            .with_user(self.manager)
            .create({"measure": "revenue", "limit": 4})
        )
        action = wizard.action_print_pdf()
        self.assertEqual(
            action["report_name"], "retail_reports.retail_product_ranking_document"
        )
        page = self._pdf_page(
            self.manager, "retail_reports.retail_product_ranking_pdf", wizard
        )
        for text in (
            "畅销品（前 N 名）",
            "全部门店",
            "商品",
            "销售额",
            "毛利",
            "P1",
            "700.00",
            "350.00",
        ):
            self.assertIn(text, page)
        # the same rows as the xlsx: P1 first, P4 last
        self.assertLess(page.index("P1"), page.index("P4"))

    def test_stock_value_by_store(self):
        """库存金额: on hand × cost per store, every product on hand (the menu's pivot)."""
        Report = self.env["retail.dead.stock.report"].with_user(self.manager)
        products = [p.id for p in self.products.values()]
        values = Report._read_group(
            [("product_id", "in", products)],
            ["warehouse_id"],
            ["quantity:sum", "stock_value:sum"],
        )
        self.assertEqual(values, [(self.store_warehouse, 14, 230)])
        action = self.env.ref("retail_reports.retail_stock_value_action")
        self.assertEqual(action.view_ids[0].view_mode, "pivot")
        self.assertFalse(action.context and "search_default" in action.context)

    def test_dead_stock_prints_to_pdf_in_chinese(self):
        rows = (
            self.env["retail.dead.stock.report"]
            .with_user(self.manager)
            .search([("product_id", "in", [p.id for p in self.products.values()])])
        )
        page = self._pdf_page(
            self.manager, "retail_reports.retail_dead_stock_report_pdf", rows
        )
        for text in (
            "呆滞库存",
            "未动销天数",
            "库存金额",
            "P5",
            "10.00",
            "30.00",
            "200.00",
        ):
            self.assertIn(text, page)

    def test_ranking_refuses_bad_parameters(self):
        Ranking = self.env["retail.product.ranking"]
        with self.assertRaisesRegex(ValidationError, "must be positive"):
            Ranking.create({"limit": 0})
        with self.assertRaisesRegex(ValidationError, "after its end"):
            Ranking.create({"date_from": "2026-02-01", "date_to": "2026-01-01"})
        with self.assertRaises(AccessError):
            Ranking.with_user(self.role_users["cashier"]).create({})

    def test_dead_stock_lists_stock_without_recent_sales(self):
        rows = (
            self.env["retail.dead.stock.report"]
            .with_user(self.manager)
            .search([("product_id", "in", [p.id for p in self.products.values()])])
        )
        self.assertEqual(
            sorted(
                (r.product_id.name, r.warehouse_id, r.quantity, r.stock_value)
                for r in rows
            ),
            [
                ("P1", self.store_warehouse, 4, 200),
                ("P5", self.store_warehouse, 10, 30),
            ],
        )
        never_sold = rows.filtered(lambda r: r.product_id.name == "P5")
        self.assertFalse(never_sold.last_sale_date)
        sold_today = rows.filtered(lambda r: r.product_id.name == "P1")
        self.assertEqual(sold_today.days_without_sale, 0)
        dead = self.env["retail.dead.stock.report"].search(
            [
                ("product_id", "in", [p.id for p in self.products.values()]),
                "|",
                ("last_sale_date", "=", False),
                ("days_without_sale", ">=", 30),
            ]
        )
        self.assertEqual(dead.product_id.mapped("name"), ["P5"])
        with self.assertRaises(AccessError):
            self.env["retail.dead.stock.report"].with_user(
                self.role_users["cashier"]
            ).search([])
