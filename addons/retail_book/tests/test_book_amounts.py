from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .book_common import BookCommon


@tagged("post_install", "-at_install")
class TestBookAmounts(BookCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_accounting()

    def test_sale_order_cover_and_net_amounts(self):
        notebook = self.env["product.product"].create(
            {"name": "笔记本", "list_price": 10.0, "taxes_id": [Command.clear()]}
        )
        order = self._sale([(self.book, 145), (notebook, 3)])
        book_line = order.order_line.filtered(lambda line: line.product_id == self.book)
        self.assertEqual(book_line.price_unit, 26.0)
        self.assertEqual(book_line.retail_cover_price, 40.0)
        self.assertEqual(book_line.retail_cover_amount, 5800.0)
        self.assertEqual(book_line.retail_net_amount, 3770.0)
        self.assertEqual(book_line.retail_discount_percent, 65.0)
        self.assertEqual(book_line.retail_discount_label, "6.5折")
        self.assertEqual(book_line.retail_pack_qty_text, "3件2包5本")
        # the notebook is no book: no 码洋, and it stays out of the discount rate
        note_line = order.order_line.filtered(lambda line: line.product_id == notebook)
        self.assertEqual(note_line.retail_cover_amount, 0.0)
        self.assertEqual(order.retail_cover_amount_total, 5800.0)
        self.assertEqual(order.retail_net_amount_total, 3770.0)
        self.assertEqual(order.retail_discount_label, "6.5折")
        self.assertEqual(order.amount_untaxed, 3770.0 + 30.0)
        # a manual discount on the line lowers 实洋 and the rate
        book_line.discount = 10.0
        self.assertAlmostEqual(order.retail_net_amount_total, 3393.0, places=2)
        self.assertEqual(order.retail_discount_label, "5.85折")
        # a later change of the cover price leaves the order's 码洋 as it was
        self.book.product_tmpl_id.retail_cover_price = 50.0
        self.assertEqual(order.retail_cover_amount_total, 5800.0)

    def test_net_amount_is_what_the_customer_pays_tax_included(self):
        """定价 includes VAT: a book sold at its cover price is 10折 and its 实洋 is
        what is charged, not the amount before the 9 % VAT it includes."""
        vat_9 = self.env["account.tax"].create(
            {
                "name": "增值税 9% 含税",
                "amount": 9.0,
                "price_include_override": "tax_included",
            }
        )
        book = self.env["product.product"].create(
            {
                "name": "城市的灯火",
                "retail_is_book": True,
                "list_price": 32.0,
                "retail_cover_price": 32.0,
                "taxes_id": [Command.set(vat_9.ids)],
            }
        )
        retail_pl = self.env["product.pricelist"].create({"name": "零售价"})
        reader = self.env["res.partner"].create(
            {"name": "散客", "property_product_pricelist": retail_pl.id}
        )
        order = self._sale([(book, 2)], partner=reader)
        line = order.order_line
        self.assertEqual(order.amount_total, 64.0)
        self.assertAlmostEqual(order.amount_untaxed, 58.72, places=2)
        self.assertEqual(line.retail_cover_amount, 64.0)
        self.assertEqual(line.retail_net_amount, 64.0)
        self.assertEqual(line.retail_discount_label, "10折")
        # 8折: 码洋 × 折扣 is what is charged
        line.discount = 20.0
        self.assertAlmostEqual(order.amount_total, 51.2, places=2)
        self.assertAlmostEqual(order.retail_net_amount_total, 51.2, places=2)
        self.assertEqual(order.retail_discount_label, "8折")

    def test_invoice_cover_and_net_amounts(self):
        self._stock(self.book, 200)
        self._stock(self.cd, 200)
        order = self._sale([(self.book, 100)])
        order.action_confirm()
        picking = order.picking_ids
        picking.move_ids.quantity = 0
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.button_validate()
        invoice = order._create_invoices()
        book_line = invoice.invoice_line_ids.filtered(
            lambda line: line.product_id == self.book
        )
        self.assertEqual(book_line.retail_cover_amount, 4000.0)
        self.assertEqual(book_line.retail_net_amount, 2600.0)
        self.assertEqual(book_line.retail_pack_qty_text, "2件2包")
        self.assertEqual(invoice.retail_cover_amount_total, 4000.0)
        self.assertEqual(invoice.retail_net_amount_total, 2600.0)
        self.assertEqual(invoice.retail_discount_label, "6.5折")
        invoice.action_post()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.report_invoice", invoice.ids)[0]
            .decode()
        )
        self.assertIn("2件2包", html)
        self.assertIn("6.5折", html)
        self.assertIn("4,000.00", html)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
            .decode()
        )
        self.assertIn("2件2包", html)
        self.assertIn("4,000.00", html)
        self.assertIn("2,600.00", html)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("stock.action_report_delivery", picking.ids)[0]
            .decode()
        )
        self.assertIn("2件2包", html)

    def test_purchase_order_cover_and_net_amounts(self):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.publisher.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.book.id, "retail_pack_qty_text": "5件"}
                    )
                ],
            }
        )
        line = order.order_line.filtered(lambda line: line.product_id == self.book)
        self.assertEqual(line.product_qty, 200.0)
        self.assertEqual(line.price_unit, 22.0)
        self.assertEqual(line.retail_cover_amount, 8000.0)
        self.assertEqual(line.retail_net_amount, 4400.0)
        self.assertEqual(order.retail_cover_amount_total, 8000.0)
        self.assertEqual(order.retail_discount_label, "5.5折")
        order.button_confirm()
        receipt = order.picking_ids
        move = receipt.move_ids.filtered(lambda m: m.product_id == self.book)
        self.assertEqual(move.retail_pack_qty_text, "5件")
        # the receipt is counted by 件: 4 cases and 3 bundles arrived
        move.retail_pack_done_text = "4件3包"
        self.assertEqual(move.quantity, 190.0)
        self.assertEqual(move.retail_pack_done_text, "4件3包")
        with self.assertRaisesRegex(UserError, "is not a quantity"):
            move.retail_pack_done_text = "四件"
        self.assertEqual(move.quantity, 190.0)
        receipt.move_ids.filtered(lambda m: m.product_id == self.cd).quantity = 190
        receipt.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=receipt.ids
        ).button_validate()
        self.assertEqual(receipt.state, "done")
        bill = self.env["account.move"].browse(order.action_create_invoice()["res_id"])
        self.assertEqual(bill.retail_cover_amount_total, 7600.0)
        self.assertEqual(bill.retail_net_amount_total, 4180.0)

    def test_pack_quantity_entry_on_sale_lines(self):
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.bookshop
            with form.order_line.new() as line:
                line.product_id = self.book
                line.retail_pack_qty_text = "3件2包5本"
                self.assertEqual(line.product_uom_qty, 145.0)
                line.retail_pack_qty_text = "12"
                self.assertEqual(line.product_uom_qty, 12.0)
                self.assertEqual(line.retail_pack_qty_text, "1包2本")
                line.retail_pack_qty_text = "2包5本"
        order = form.save()
        book_line = order.order_line.filtered(lambda line: line.product_id == self.book)
        self.assertEqual(book_line.product_uom_qty, 25.0)
        book_line.retail_pack_qty_text = "1件"
        self.assertEqual(book_line.product_uom_qty, 40.0)
        with self.assertRaisesRegex(UserError, "3打 is not a quantity"):
            book_line.retail_pack_qty_text = "3打"
        self.assertEqual(book_line.product_uom_qty, 40.0)
