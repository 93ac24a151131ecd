import io
from datetime import datetime

from openpyxl import load_workbook

from odoo import Command, fields

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
