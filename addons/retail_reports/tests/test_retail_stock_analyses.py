from datetime import datetime, time, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon

from .test_retail_statement import read_xlsx


class StockCommon(RetailCommon):
    """库存周转 and 临期商品金额 against stock moved in the test.

    T1 (cost 10) in the store: 100 on hand before the period, 30 delivered to a
    customer 5 days before today, 5 of them returned 3 days before today, 10 delivered
    today (after the period, which ends yesterday). So on hand now 65, at the start
    100, at the end 75: average value (1,000 + 750) / 2 = 875; cost of goods sold
    300 - 50 = 250; turnover 250 / 875 = 0.29; days of inventory 875 × 9 / 250 = 31.5.
    T2 (cost 4): 50 at head office, never sold: turnover 0, no days of inventory.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["retail.sales.report"])
        cls.category = cls.env["product.category"].create({"name": "周转测试"})
        cls.t1, cls.t2 = cls.env["product.product"].create(
            [
                {
                    "name": name,
                    "is_storable": True,
                    "standard_price": cost,
                    "categ_id": cls.category.id,
                }
                for name, cost in (("T1", 10.0), ("T2", 4.0))
            ]
        )
        Quant = cls.env["stock.quant"]
        store_stock = cls.store_warehouse.lot_stock_id
        Quant._update_available_quantity(cls.t1, store_stock, 100)
        Quant._update_available_quantity(cls.t2, cls.hq_warehouse.lot_stock_id, 50)
        cls.customer = cls.env["res.partner"].create({"name": "周转客户"})
        delivery = cls._deliver(30, days_ago=5)
        cls._return(delivery, 5, days_ago=3)
        cls._deliver(10, days_ago=0)
        cls.manager = cls.role_users["store_manager"]
        cls.manager.retail_warehouse_ids = cls.store_warehouse
        cls.period = {
            "date_from": cls.today - timedelta(days=9),
            "date_to": cls.today - timedelta(days=1),
        }

    @classmethod
    def _backdate(cls, picking, days_ago):
        if not days_ago:
            return
        moment = datetime.combine(cls.today - timedelta(days=days_ago), time(12))
        picking.move_ids.write({"date": moment})
        picking.move_line_ids.write({"date": moment})
        picking.write({"date_done": moment})

    @classmethod
    def _deliver(cls, quantity, days_ago):
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": cls.store_warehouse.out_type_id.id,
                "partner_id": cls.customer.id,
                "location_id": cls.store_warehouse.lot_stock_id.id,
                "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    Command.create(
                        {
                            "name": cls.t1.name,
                            "product_id": cls.t1.id,
                            "product_uom_qty": quantity,
                            "location_id": cls.store_warehouse.lot_stock_id.id,
                            "location_dest_id": cls.env.ref(
                                "stock.stock_location_customers"
                            ).id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.write({"quantity": quantity, "picked": True})
        picking._action_done()
        cls._backdate(picking, days_ago)
        return picking

    @classmethod
    def _return(cls, picking, quantity, days_ago):
        wizard = (
            cls.env["stock.return.picking"]
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({})
        )
        wizard.product_return_moves.write({"quantity": quantity})
        returned = cls.env["stock.picking"].browse(
            wizard.action_create_returns()["res_id"]
        )
        returned.move_ids.write({"quantity": quantity, "picked": True})
        returned._action_done()
        cls._backdate(returned, days_ago)
        return returned


@tagged("post_install", "-at_install")
class TestRetailStockAnalyses(StockCommon):
    def _lines(self, user, **values):
        wizard = (
            self.env["retail.stock.turnover"]
            .with_user(user)
            .create({**self.period, **values})
        )
        wizard.action_compute()
        return wizard

    def _figures(self, line):
        return (
            line.opening_qty,
            line.closing_qty,
            line.opening_value,
            line.closing_value,
            line.average_value,
            line.sold_qty,
            line.cogs,
            line.turnover if line.has_turnover else None,
            line.days_of_inventory if line.has_days else None,
        )

    def test_turnover_and_days_of_inventory_per_product(self):
        hq = self.role_users["hq_admin"]
        wizard = self._lines(hq, group_by="product")
        lines = {line.product_id: line for line in wizard.line_ids}
        self.assertEqual(
            self._figures(lines[self.t1]),
            (100, 75, 1000, 750, 875, 25, 250, 0.29, 31.5),
        )
        self.assertEqual(
            self._figures(lines[self.t2]), (50, 50, 200, 200, 200, 0, 0, 0, None)
        )
        self.assertEqual(lines[self.t1].categ_id, self.category)

    def test_turnover_per_store_and_category(self):
        hq = self.role_users["hq_admin"]
        per_store = {
            line.warehouse_id: line
            for line in self._lines(hq, group_by="warehouse").line_ids
        }
        store = per_store[self.store_warehouse]
        self.assertEqual((store.average_value, store.cogs), (875, 250))
        per_category = {
            line.categ_id: line
            for line in self._lines(
                hq,
                group_by="category",
                warehouse_ids=[Command.set(self.store_warehouse.ids)],
            ).line_ids
        }
        self.assertEqual(
            self._figures(per_category[self.category]),
            (100, 75, 1000, 750, 875, 25, 250, 0.29, 31.5),
        )
        # a period after the moves: stock unchanged until yesterday, no sales
        wizard = self._lines(
            hq,
            group_by="product_warehouse",
            date_from=self.today - timedelta(days=2),
        )
        line = wizard.line_ids.filtered(lambda line: line.product_id == self.t1)
        self.assertEqual(line.warehouse_id, self.store_warehouse)
        self.assertEqual(self._figures(line), (75, 75, 750, 750, 750, 0, 0, 0, None))

    def test_store_manager_sees_their_stores_only(self):
        wizard = self._lines(self.manager, group_by="warehouse")
        self.assertEqual(wizard.line_ids.warehouse_id, self.store_warehouse)
        wizard = self._lines(
            self.manager,
            group_by="product",
            warehouse_ids=[Command.set(self.hq_warehouse.ids)],
        )
        self.assertFalse(wizard.line_ids)
        with self.assertRaises(AccessError):
            self.env["retail.stock.turnover"].with_user(
                self.role_users["cashier"]
            ).create(self.period)
        with self.assertRaisesRegex(ValidationError, "after its end"):
            self.env["retail.stock.turnover"].create(
                {"date_from": self.today, "date_to": self.today - timedelta(days=1)}
            )

    def test_turnover_exports_to_xlsx_and_prints_in_chinese(self):
        wizard = self._lines(self.manager, group_by="product")
        cells = read_xlsx(wizard._xlsx_content())
        self.assertEqual(cells[0, 0], "Stock Turnover")
        self.assertEqual(cells[3, 0], "Product")
        self.assertEqual(cells[3, 1], "Product Category")
        self.assertEqual(cells[3, 8], "Days of Inventory")
        self.assertEqual(
            [cells[4, col] for col in range(9)],
            ["T1", "周转测试", 1000, 750, 875, 25, 250, 0.29, 31.5],
        )
        action = wizard.action_print_pdf()
        self.assertEqual(
            action["report_name"], "retail_reports.retail_stock_turnover_document"
        )
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(lang="zh_CN")
            ._render_qweb_html("retail_reports.retail_stock_turnover_pdf", wizard.ids)
        )
        page = html.decode().split('<div class="page">')[1]
        for text in ("库存周转", "周转天数", "销售成本", "T1", "875.00", "31.50"):
            self.assertIn(text, page)

    def test_near_expiry_value_per_store_and_bucket(self):
        product = self.env["product.product"].create(
            {
                "name": "临期牛奶",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "standard_price": 2.0,
            }
        )
        now = fields.Datetime.now()
        Quant = self.env["stock.quant"]
        for name, days, quantity, warehouse in (
            ("L-EXP", -2, 3, self.store_warehouse),
            ("L-7", 5, 4, self.store_warehouse),
            ("L-30", 20, 5, self.store_warehouse),
            ("L-HQ", 60, 10, self.hq_warehouse),
        ):
            lot = self.env["stock.lot"].create(
                {
                    "name": name,
                    "product_id": product.id,
                    "expiration_date": now + timedelta(days=days),
                }
            )
            Quant._update_available_quantity(
                product, warehouse.lot_stock_id, quantity, lot_id=lot
            )
        Report = self.env["retail.expiry.report"]
        domain = [("product_id", "=", product.id)]
        found = Report.with_user(self.manager).search(domain)
        table = found._retail_table()
        self.assertEqual(
            table["headers"][1:],
            ["Expired", "Within 7 Days"]
            + [
                "Within 30 Days",
                "Within 90 Days",
                "Total",
            ],
        )
        self.assertEqual(
            table["rows"],
            [("Test Store East", 6, 8, 10, 0, 24), ("Total", 6, 8, 10, 0, 24)],
        )
        rows = Report.with_user(self.role_users["hq_admin"]).search(domain)
        table = rows._retail_table()
        self.assertEqual(table["rows"][-1], ("Total", 6, 8, 10, 20, 44))
        cells = read_xlsx(
            self.env["ir.attachment"]
            .browse(
                int(
                    rows.action_export_value_xlsx()["url"]
                    .split("/web/content/")[1]
                    .split("?")[0]
                )
            )
            .raw
        )
        self.assertEqual(cells[0, 0], "Near-expiry Value")
        self.assertEqual(
            [cells[6, col] for col in range(6)], ["Total", 6, 8, 10, 20, 44]
        )
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "retail_reports.retail_expiry_value_pdf",
                Report.with_user(self.manager).search(domain).ids,
            )
        )
        page = html.decode().split('<div class="page">')[1]
        for text in ("临期商品金额", "已过期", "Test Store East", "24.00"):
            self.assertIn(text, page)
        self.assertNotIn("44.00", page)


@tagged("post_install", "-at_install")
class TestRetailStockTurnoverTour(StockCommon, HttpCase):
    """The store manager analyses the turnover of their store in the browser (default
    period, the last 30 days: today's delivery included, so on hand 100 then 65,
    average 825, cost of goods sold 350, turnover 0.42, 825 × 30 / 350 = 70.7 days)."""

    def test_store_manager_analyses_the_turnover(self):
        self.start_tour(
            "/odoo/action-retail_reports.retail_stock_turnover_action",
            "retail_reports_stock_turnover_tour",
            login="rw_store_manager",
        )
