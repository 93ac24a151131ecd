import io
from datetime import datetime, timedelta

from openpyxl import load_workbook

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon


def read_sheets(content):
    """{sheet title: {(row, column): value}} of a workbook, 0-based."""
    return {
        sheet.title: {
            (cell.row - 1, cell.column - 1): cell.value
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        }
        for sheet in load_workbook(io.BytesIO(content)).worksheets
    }


class PurchaseCommon(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rice = cls.env["product.product"].create(
            {"name": "大米", "is_storable": True, "standard_price": 5.0}
        )
        cls.oil = cls.env["product.product"].create(
            {"name": "食用油", "is_storable": True, "standard_price": 20.0}
        )

    @classmethod
    def _order(cls, supplier, lines, ordered, planned, warehouse=None, confirm=True):
        """A purchase order of ``lines`` (product, quantity, unit price) dated
        ``ordered`` (UTC), planned for ``planned`` (UTC), confirmed."""
        order = cls.env["purchase.order"].create(
            {
                "partner_id": supplier.id,
                "picking_type_id": (warehouse or cls.hq_warehouse).in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": qty,
                            "price_unit": price,
                            "taxes_id": [Command.clear()],
                            "date_planned": planned,
                        }
                    )
                    for product, qty, price in lines
                ],
            }
        )
        if confirm:
            order.button_confirm()
        order.date_order = ordered
        return order

    @classmethod
    def _done(cls, picking, done_at, quantities=None):
        for move in picking.move_ids:
            move.quantity = (quantities or {}).get(
                move.product_id, move.product_uom_qty
            )
        picking.move_ids.picked = True
        picking.button_validate()
        picking.date_done = done_at
        picking.move_ids.date = done_at
        return picking

    @classmethod
    def _receive(cls, order, done_at):
        return cls._done(order.picking_ids, done_at)

    @classmethod
    def _return(cls, picking, product, qty, done_at):
        wizard = (
            cls.env["stock.return.picking"]
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({"picking_id": picking.id})
        )
        for line in wizard.product_return_moves:
            line.quantity = qty if line.product_id == product else 0
        returned = wizard._create_return()
        return cls._done(returned, done_at)


class PurchaseAnalysisCommon(PurchaseCommon):
    """In Shanghai time (UTC+8), first quarter 2025.

    江南食品厂: rice 10 × 5.00 (ordered 5 Jan, planned 10 Jan, received 10 Jan: on
    time); 20 × 6.00 (3 Feb, planned 10 Feb, received 11 Feb 07:00 local, 10 Feb in
    UTC: 1 day late), 4 of them returned 25 Feb; 10 × 5.40 (2 Mar, planned 5 Mar,
    received 8 Mar: 3 days late); 10 × 4.00 in December 2024 and an RFQ at 100.00
    in February do not count.
    华北粮油, for the store: rice 10 × 7.50 and oil 5 × 20.00 (15 Feb, planned and
    received 20 Feb: on time); oil 5 × 30.00 ordered and received on 1 April local
    time (31 March in UTC) does not count.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hq_user = cls.role_users["hq_admin"]
        cls.buyer = cls.role_users["buyer"]
        (cls.hq_user | cls.buyer).tz = "Asia/Shanghai"
        cls.jiangnan = cls.env["res.partner"].create(
            {"name": "江南食品厂", "is_company": True}
        )
        cls.huabei = cls.env["res.partner"].create(
            {"name": "华北粮油", "is_company": True}
        )
        jn, hb, rice, oil = cls.jiangnan, cls.huabei, cls.rice, cls.oil
        old = cls._order(
            jn, [(rice, 10, 4.0)], datetime(2024, 12, 10), datetime(2024, 12, 20, 2)
        )
        cls._receive(old, datetime(2024, 12, 20, 4))
        january = cls._order(
            jn, [(rice, 10, 5.0)], datetime(2025, 1, 5, 2), datetime(2025, 1, 10, 2)
        )
        cls._receive(january, datetime(2025, 1, 10, 12))
        february = cls._order(
            jn, [(rice, 20, 6.0)], datetime(2025, 2, 3, 2), datetime(2025, 2, 10, 2)
        )
        cls.february_receipt = cls._receive(february, datetime(2025, 2, 10, 23))
        cls._order(
            jn,
            [(rice, 100, 100.0)],
            datetime(2025, 2, 4, 2),
            datetime(2025, 2, 10, 2),
            confirm=False,
        )
        march = cls._order(
            jn, [(rice, 10, 5.4)], datetime(2025, 3, 2, 2), datetime(2025, 3, 5, 2)
        )
        cls._receive(march, datetime(2025, 3, 8, 4))
        store = cls._order(
            hb,
            [(rice, 10, 7.5), (oil, 5, 20.0)],
            datetime(2025, 2, 15, 2),
            datetime(2025, 2, 20, 2),
            warehouse=cls.store_warehouse,
        )
        cls._receive(store, datetime(2025, 2, 20, 3))
        april = cls._order(
            hb,
            [(oil, 5, 30.0)],
            datetime(2025, 3, 31, 18),
            datetime(2025, 3, 31, 19),
            warehouse=cls.store_warehouse,
        )
        cls._receive(april, datetime(2025, 3, 31, 20))
        cls._return(cls.february_receipt, rice, 4, datetime(2025, 2, 25, 4))

    def _analysis(self, user=None, **values):
        analysis = (
            self.env["retail.purchase.analysis"]
            .with_user(user or self.hq_user)
            .create({"date_from": "2025-01-01", "date_to": "2025-03-31", **values})
        )
        analysis.action_compute()
        return analysis

    def _ontime(self, analysis):
        return [
            (
                line.partner_id.name,
                line.receipt_count,
                line.on_time_count,
                line.late_count,
                round(line.on_time_rate, 2),
                line.avg_delay,
                line.qty_received,
                round(line.value_received, 2),
            )
            for line in analysis.ontime_line_ids
        ]

    def _prices(self, analysis):
        return [
            (
                line.product_id.name,
                fields.Date.to_string(line.month),
                line.qty,
                round(line.avg_price, 4),
                line.min_price,
                line.max_price,
                round(line.change_pct, 3) if line.has_change else None,
            )
            for line in analysis.price_line_ids
        ]

    def _returns(self, analysis):
        return [
            (
                line.partner_id.name,
                line.qty_returned,
                line.value_returned,
                line.value_received,
                round(line.return_rate, 3),
            )
            for line in analysis.return_line_ids
        ]


@tagged("post_install", "-at_install")
class TestPurchaseAnalysis(PurchaseAnalysisCommon):
    def test_supplier_on_time_rate(self):
        analysis = self._analysis()
        self.assertEqual(
            self._ontime(analysis),
            [
                ("江南食品厂", 3, 1, 2, 33.33, 2.0, 40.0, 224.0),
                ("华北粮油", 1, 1, 0, 100.0, 0.0, 15.0, 175.0),
            ],
        )
        self.assertEqual(analysis.receipt_count, 4)
        self.assertAlmostEqual(analysis.on_time_rate, 50.0)

    def test_days_are_local_days(self):
        """In UTC the February receipt is on time and the April order is March's."""
        self.hq_user.tz = "UTC"
        analysis = self._analysis()
        self.assertEqual(
            self._ontime(analysis),
            [
                ("江南食品厂", 3, 2, 1, 66.67, 3.0, 40.0, 224.0),
                ("华北粮油", 2, 2, 0, 100.0, 0.0, 20.0, 325.0),
            ],
        )

    def test_purchase_price_trend(self):
        analysis = self._analysis()
        self.assertEqual(
            self._prices(analysis),
            [
                ("大米", "2025-01-01", 10.0, 5.0, 5.0, 5.0, None),
                ("大米", "2025-02-01", 30.0, 6.5, 6.0, 7.5, 30.0),
                ("大米", "2025-03-01", 10.0, 5.4, 5.4, 5.4, -16.923),
                ("食用油", "2025-02-01", 5.0, 20.0, 20.0, 20.0, None),
            ],
        )

    def test_returns_to_suppliers(self):
        analysis = self._analysis()
        self.assertEqual(
            self._returns(analysis), [("江南食品厂", 4.0, 24.0, 224.0, 10.714)]
        )
        self.assertAlmostEqual(analysis.return_rate, 100 * 24 / 399)

    def test_company_currency_and_product_unit(self):
        """June: 2 dozen rice at 120.00 a dozen in a currency worth half the
        company's is 24 units at 5.00, 120.00 in all."""
        company = self.env.company
        foreign = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("id", "!=", company.currency_id.id)], limit=1)
        )
        foreign.active = True
        self.env["res.currency.rate"].create(
            {
                "currency_id": foreign.id,
                "name": "2025-06-01",
                "rate": 2.0 * company.currency_id.rate,
                "company_id": company.id,
            }
        )
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.jiangnan.id,
                "currency_id": foreign.id,
                "picking_type_id": self.hq_warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.rice.id,
                            "product_qty": 2,
                            "product_uom": self.env.ref("uom.product_uom_dozen").id,
                            "price_unit": 120.0,
                            "taxes_id": [Command.clear()],
                            "date_planned": datetime(2025, 6, 12, 2),
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        order.date_order = datetime(2025, 6, 10, 2)
        self.assertAlmostEqual(order.currency_rate, 2.0)
        self._receive(order, datetime(2025, 6, 11, 2))
        # not flushed yet: the analysis flushes before its queries
        analysis = self._analysis(date_from="2025-06-01", date_to="2025-06-30")
        self.assertEqual(
            self._ontime(analysis),
            [("江南食品厂", 1, 1, 0, 100.0, 0.0, 24.0, 120.0)],
        )
        self.assertEqual(
            self._prices(analysis),
            [("大米", "2025-06-01", 24.0, 5.0, 5.0, 5.0, None)],
        )

    def test_filters_suppliers_and_stores(self):
        jiangnan = self._analysis(partner_ids=[Command.set(self.jiangnan.ids)])
        self.assertEqual([row[0] for row in self._ontime(jiangnan)], ["江南食品厂"])
        self.assertEqual(
            [(row[1], row[3], row[6]) for row in self._prices(jiangnan)],
            [
                ("2025-01-01", 5.0, None),
                ("2025-02-01", 6.0, 20.0),
                ("2025-03-01", 5.4, -10.0),
            ],
        )
        self.assertEqual(len(jiangnan.return_line_ids), 1)
        store = self._analysis(warehouse_ids=[Command.set(self.store_warehouse.ids)])
        self.assertEqual(
            self._ontime(store), [("华北粮油", 1, 1, 0, 100.0, 0.0, 15.0, 175.0)]
        )
        self.assertEqual(
            [(row[0], row[3]) for row in self._prices(store)],
            [("大米", 7.5), ("食用油", 20.0)],
        )
        self.assertFalse(store.return_line_ids, "returned from head office")

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
