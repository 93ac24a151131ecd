from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .pack_qty_common import BookPackQtyCommon


@tagged("post_install", "-at_install")
class TestBookPackQtyInvoiceReceipt(BookPackQtyCommon):
    """Pack texts on invoice lines and counted on receipt moves."""

    # --------------------------------------------------------------- invoice

    def test_invoice_line_created_from_pack_text_has_its_amounts(self):
        invoice = (
            self.env["account.move"]
            .with_user(self.accountant)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.bookshop.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": self.book.id,
                                "retail_pack_qty_text": "1件2包5本",
                                "price_unit": 26.0,
                            }
                        )
                    ],
                }
            )
        )
        self.assertRecordValues(
            invoice.invoice_line_ids,
            [
                {
                    "quantity": 65.0,
                    "price_subtotal": 1690.0,
                    "price_total": 1842.1,
                    "retail_cover_amount": 2600.0,
                    "retail_net_amount": 1690.0,
                    "retail_discount_percent": 65.0,
                }
            ],
        )
        self.assertRecordValues(
            invoice,
            [
                {
                    "amount_untaxed": 1690.0,
                    "amount_total": 1842.1,
                    "retail_cover_amount_total": 2600.0,
                    "retail_net_amount_total": 1690.0,
                }
            ],
        )
        invoice.invoice_line_ids.write({"retail_pack_qty_text": "3件"})
        self.assertRecordValues(
            invoice, [{"amount_untaxed": 3120.0, "retail_cover_amount_total": 4800.0}]
        )

    # ---------------------------------------------------------------- moves

    def test_receipt_moves_counted_from_pack_texts(self):
        """A move's counted quantity (``retail_pack_done_text``) has no amounts behind
        it: its inverse sets the quantity, which makes the move lines."""
        keeper = self.role_users["keeper"]
        receipt_type = self.hq_warehouse.in_type_id
        supplier = self.env.ref("stock.stock_location_suppliers")
        receipt = (
            self.env["stock.picking"]
            .with_user(keeper)
            .create(
                {
                    "picking_type_id": receipt_type.id,
                    "partner_id": self.publisher.id,
                    "location_id": supplier.id,
                    "location_dest_id": receipt_type.default_location_dest_id.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": product.name,
                                "product_id": product.id,
                                "product_uom_qty": 200.0,
                                "location_id": supplier.id,
                                "location_dest_id": (
                                    receipt_type.default_location_dest_id.id
                                ),
                            }
                        )
                        for product in (self.book, self.booklet)
                    ],
                }
            )
        )
        receipt.action_confirm()
        moves = receipt.move_ids
        moves.write({"retail_pack_done_text": "3包"})
        self.assertRecordValues(
            moves,
            [
                {"quantity": 30.0, "retail_pack_done_text": "3包"},
                {"quantity": 15.0, "retail_pack_done_text": "3包"},
            ],
        )
        self.assertEqual(moves.move_line_ids.mapped("quantity"), [30.0, 15.0])
        extra = (
            self.env["stock.move"]
            .with_user(keeper)
            .create(
                {
                    "name": self.book.name,
                    "picking_id": receipt.id,
                    "product_id": self.book.id,
                    "product_uom_qty": 80.0,
                    "location_id": supplier.id,
                    "location_dest_id": receipt_type.default_location_dest_id.id,
                    "retail_pack_done_text": "1件2包",
                }
            )
        )
        self.assertEqual(extra.quantity, 60.0)
        self.assertEqual(extra.move_line_ids.quantity, 60.0)
        with self.assertRaisesRegex(UserError, "四件 is not a quantity of 春天的来信"):
            extra.retail_pack_done_text = "四件"
        self.assertEqual(extra.quantity, 60.0)
