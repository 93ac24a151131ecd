from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, tagged

from .common import RetailCommon


class ScanCommon(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Scan Test Wholesale Buyer"}
        )
        cls.products = cls.env["product.product"].create(
            [
                {
                    "name": f"Scan Test Item {index:02d}",
                    "default_code": f"RWSCAN-{index:02d}",
                    "barcode": f"69900000000{index:02d}",
                    "list_price": 10.0 + index,
                    "is_storable": True,
                    "taxes_id": [Command.clear()],
                }
                for index in range(1, 21)
            ]
        )
        cls.case = cls.env["product.packaging"].create(
            {
                "name": "Case of 12",
                "product_id": cls.products[0].id,
                "qty": 12,
                "barcode": "16990000000010",
            }
        )


@tagged("post_install", "-at_install")
class TestRetailScan(ScanCommon):
    def test_scanning_a_wholesale_order(self):
        manager = self.role_users["store_manager"]
        first, second = self.products[:2]
        with Form(self.env["sale.order"].with_user(manager)) as form:
            form.partner_id = self.customer
            form.retail_scan = "6990000000001"  # a barcode: one
            form.retail_scan = "6990000000001"  # again: two
            form._barcode_scanned = "16990000000010"  # the scanner, a case: 12 more
            form.retail_scan = "3*RWSCAN-02"  # a reference typed with its quantity
            form.retail_scan = "RWSCAN-02 5"
        order = form.record
        self.assertEqual(
            {line.product_id: line.product_uom_qty for line in order.order_line},
            {first: 14, second: 8},
        )
        self.assertEqual(
            order.order_line.filtered(
                lambda line: line.product_id == second
            ).price_unit,
            12.0,
        )
        with self.assertRaises(UserError), Form(order.with_user(manager)) as form:
            form.retail_scan = "NO-SUCH-CODE"
        order.action_confirm()
        with self.assertRaises(UserError):
            order.with_user(manager)._retail_scan("6990000000001")

    def test_scanning_a_receipt(self):
        keeper = self.role_users["keeper"]
        receipt_type = self.hq_warehouse.in_type_id
        with Form(
            self.env["stock.picking"]
            .with_user(keeper)
            .with_context(default_picking_type_id=receipt_type.id)
        ) as form:
            form.partner_id = self.customer
            form.retail_scan = "6990000000003"
            form.retail_scan = "6*6990000000003"
        picking = form.record
        self.assertEqual(picking.move_ids.product_uom_qty, 7)
        picking.action_confirm()
        with Form(picking.with_user(keeper)) as form:
            form.retail_scan = "6990000000003"
            form.retail_scan = "RWSCAN-03 4"
        self.assertEqual(
            (picking.move_ids.quantity, picking.move_ids.picked), (5, True)
        )
        with self.assertRaises(UserError), Form(picking.with_user(keeper)) as form:
            form.retail_scan = "6990000000009"  # not on the receipt once it is ready


@tagged("post_install", "-at_install")
class TestRetailScanTour(ScanCommon, HttpCase):
    def _qty(self, order, product):
        return sum(
            order.order_line.filtered(lambda line: line.product_id == product).mapped(
                "product_uom_qty"
            )
        )

    def test_twenty_lines_in_under_a_minute(self):
        manager = self.role_users["store_manager"]
        self.start_tour(
            "/odoo/action-sale.action_quotations_with_onboarding/new",
            "retail_wholesale_scan_tour",
            login=manager.login,
        )
        order = self.env["sale.order"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(order.order_line), 20)
        self.assertEqual(
            order.order_line.filtered(
                lambda line: line.product_id == self.products[0]
            ).product_uom_qty,
            13,
        )
        self.assertEqual(
            order.order_line.filtered(
                lambda line: line.product_id == self.products[1]
            ).product_uom_qty,
            3,
        )
        self.assertEqual(
            order.amount_total,
            sum(self.products[2:].mapped("list_price")) + 13 * 11 + 3 * 12,
        )
