from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .book_common import BookCommon


@tagged("post_install", "-at_install")
class TestBookPackQtyAmounts(BookCommon):
    """Quantities typed as 件/包/本 (``retail_pack_qty_text``) in create and write, as a
    salesperson and a buyer: every stored amount follows the quantity of the text.

    The book: 定价 40, 1件 = 4包, 1包 = 10本, so 1件2包5本 = 65 copies; 9 % VAT. The
    bookshop buys at 6.5折 (26.00), at 6折 (24.00) from 100 copies; the publisher sells at
    22.00."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_accounting()
        cls.salesman = cls.role_users["store_manager"]
        cls.buyer = cls.role_users["buyer"]
        cls.accountant = cls.role_users["accountant"]
        Tax = cls.env["account.tax"]
        cls.book.taxes_id = Tax.create(
            {"name": "图书销项 9%", "amount": 9.0, "type_tax_use": "sale"}
        )
        cls.book.supplier_taxes_id = Tax.create(
            {"name": "图书进项 9%", "amount": 9.0, "type_tax_use": "purchase"}
        )
        cls.wholesale_pl.item_ids = [
            Command.create(
                {
                    "applied_on": "0_product_variant",
                    "product_id": cls.book.id,
                    "min_quantity": 100,
                    "compute_price": "percentage",
                    "percent_price": 40.0,
                }
            )
        ]
        # a second book in bundles of 5 copies and no cases, 定价 30 (6.5折: 19.50)
        cls.booklet = cls.env["product.product"].create(
            {
                "name": "小学生字帖",
                "categ_id": cls.book_categ.id,
                "retail_is_book": True,
                "retail_cover_price": 30.0,
                "retail_bundle_qty": 5,
                "taxes_id": [Command.clear()],
                "supplier_taxes_id": [Command.clear()],
            }
        )

    def _sale_order(self):
        return (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create({"partner_id": self.bookshop.id})
        )

    def _sale_line(self, order, **values):
        return (
            self.env["sale.order.line"]
            .with_user(self.salesman)
            .create({"order_id": order.id, "product_id": self.book.id, **values})
        )

    def _purchase_order(self):
        return (
            self.env["purchase.order"]
            .with_user(self.buyer)
            .create({"partner_id": self.publisher.id})
        )

    def _purchase_line(self, order, **values):
        return (
            self.env["purchase.order.line"]
            .with_user(self.buyer)
            .create({"order_id": order.id, "product_id": self.book.id, **values})
        )

    def _book_lines(self, order):
        return order.order_line.filtered(lambda line: line.product_id == self.book)

    # ------------------------------------------------------------------ sale

    def test_sale_line_created_from_pack_text_has_its_amounts(self):
        order = self._sale_order()
        line = self._sale_line(order, retail_pack_qty_text="1件2包5本")
        self.assertRecordValues(
            line,
            [
                {
                    "product_uom_qty": 65.0,
                    "price_unit": 26.0,
                    "price_subtotal": 1690.0,
                    "price_total": 1842.1,
                    "retail_cover_amount": 2600.0,
                    "retail_net_amount": 1690.0,
                    "retail_discount_percent": 65.0,
                    "retail_discount_label": "6.5折",
                    "retail_pack_qty_text": "1件2包5本",
                }
            ],
        )
        self.assertEqual(line.retail_accessory_line_ids.product_uom_qty, 65.0)
        self.assertRecordValues(
            order,
            [
                {
                    "amount_untaxed": 1690.0,
                    "amount_tax": 152.1,
                    "amount_total": 1842.1,
                    "retail_cover_amount_total": 2600.0,
                    "retail_net_amount_total": 1690.0,
                    "retail_discount_percent": 65.0,
                    "retail_discount_label": "6.5折",
                }
            ],
        )

    def test_sale_line_created_from_pack_text_with_a_price(self):
        order = self._sale_order()
        line = self._sale_line(order, retail_pack_qty_text="1件2包5本", price_unit=25.0)
        self.assertRecordValues(
            line,
            [
                {
                    "product_uom_qty": 65.0,
                    "price_unit": 25.0,
                    "price_subtotal": 1625.0,
                    "price_total": 1771.25,
                    "retail_cover_amount": 2600.0,
                    "retail_net_amount": 1625.0,
                    "retail_discount_percent": 62.5,
                    "retail_discount_label": "6.25折",
                }
            ],
        )
        self.assertRecordValues(
            order,
            [
                {
                    "amount_untaxed": 1625.0,
                    "amount_tax": 146.25,
                    "amount_total": 1771.25,
                    "retail_net_amount_total": 1625.0,
                    "retail_discount_percent": 62.5,
                }
            ],
        )

    def test_sale_line_pack_text_reaches_the_quantity_break(self):
        """3件 = 120 copies: the price of 100 copies and more (6折)."""
        order = self._sale_order()
        line = self._sale_line(order, retail_pack_qty_text="3件")
        self.assertRecordValues(
            line,
            [
                {
                    "product_uom_qty": 120.0,
                    "price_unit": 24.0,
                    "price_subtotal": 2880.0,
                    "price_total": 3139.2,
                    "retail_cover_amount": 4800.0,
                    "retail_net_amount": 2880.0,
                    "retail_discount_label": "6折",
                }
            ],
        )

    def test_sale_lines_created_in_a_batch_from_pack_texts(self):
        order = self._sale_order()
        lines = (
            self.env["sale.order.line"]
            .with_user(self.salesman)
            .create(
                [
                    {
                        "order_id": order.id,
                        "product_id": self.book.id,
                        "retail_pack_qty_text": "1件2包5本",
                    },
                    {
                        "order_id": order.id,
                        "product_id": self.booklet.id,
                        "retail_pack_qty_text": "3包2本",
                        "price_unit": 18.0,
                    },
                ]
            )
        )
        self.assertRecordValues(
            lines,
            [
                {
                    "product_uom_qty": 65.0,
                    "price_subtotal": 1690.0,
                    "price_total": 1842.1,
                    "retail_cover_amount": 2600.0,
                    "retail_net_amount": 1690.0,
                },
                {
                    "product_uom_qty": 17.0,
                    "price_subtotal": 306.0,
                    "price_total": 306.0,
                    "retail_cover_amount": 510.0,
                    "retail_net_amount": 306.0,
                },
            ],
        )
        # 实洋 1996.00 of 码洋 3110.00
        self.assertRecordValues(
            order,
            [
                {
                    "amount_untaxed": 1996.0,
                    "amount_tax": 152.1,
                    "amount_total": 2148.1,
                    "retail_cover_amount_total": 3110.0,
                    "retail_net_amount_total": 1996.0,
                    "retail_discount_percent": 64.18,
                }
            ],
        )

    def test_sale_order_imported_with_pack_text(self):
        result = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .load(
                [
                    "partner_id/.id",
                    "order_line/product_id/.id",
                    "order_line/retail_pack_qty_text",
                ],
                [[str(self.bookshop.id), str(self.book.id), "1件2包5本"]],
            )
        )
        self.assertFalse(result["messages"])
        order = self.env["sale.order"].browse(result["ids"])
        self.assertRecordValues(
            self._book_lines(order),
            [
                {
                    "product_uom_qty": 65.0,
                    "price_subtotal": 1690.0,
                    "price_total": 1842.1,
                    "retail_net_amount": 1690.0,
                    "retail_discount_percent": 65.0,
                }
            ],
        )
        self.assertRecordValues(
            order,
            [
                {
                    "amount_untaxed": 1690.0,
                    "amount_total": 1842.1,
                    "retail_cover_amount_total": 2600.0,
                    "retail_net_amount_total": 1690.0,
                }
            ],
        )

    def test_sale_line_pack_text_written(self):
        order = self._sale_order()
        line = self._sale_line(order, product_uom_qty=12.0)
        self.assertEqual(line.price_subtotal, 312.0)
        line.write({"retail_pack_qty_text": "1件2包5本"})
        self.assertRecordValues(
            line,
            [
                {
                    "product_uom_qty": 65.0,
                    "price_subtotal": 1690.0,
                    "price_total": 1842.1,
                    "retail_cover_amount": 2600.0,
                    "retail_net_amount": 1690.0,
                    "retail_discount_percent": 65.0,
                }
            ],
        )
        self.assertEqual(order.amount_total, 1842.1)
        self.assertEqual(line.retail_accessory_line_ids.product_uom_qty, 65.0)
        # with a price, and across the quantity break (the price given stays)
        line.write({"retail_pack_qty_text": "3件", "price_unit": 25.0})
        self.assertRecordValues(
            line,
            [
                {
                    "product_uom_qty": 120.0,
                    "price_unit": 25.0,
                    "price_subtotal": 3000.0,
                    "price_total": 3270.0,
                    "retail_cover_amount": 4800.0,
                    "retail_net_amount": 3000.0,
                    "retail_discount_percent": 62.5,
                }
            ],
        )
        self.assertRecordValues(
            order,
            [
                {
                    "amount_untaxed": 3000.0,
                    "amount_total": 3270.0,
                    "retail_cover_amount_total": 4800.0,
                    "retail_net_amount_total": 3000.0,
                }
            ],
        )

    def test_sale_lines_of_two_books_written_with_one_pack_text(self):
        """2包 is 20 copies of the book and 10 of the booklet."""
        order = self._sale_order()
        lines = self._sale_line(order, product_uom_qty=1.0) | self._sale_line(
            order, product_id=self.booklet.id, product_uom_qty=1.0
        )
        lines.write({"retail_pack_qty_text": "2包"})
        self.assertRecordValues(
            lines,
            [
                {"product_uom_qty": 20.0, "price_subtotal": 520.0},
                {"product_uom_qty": 10.0, "price_subtotal": 195.0},
            ],
        )
        self.assertEqual(order.amount_untaxed, 715.0)
        self.assertEqual(order.retail_cover_amount_total, 1100.0)

    # -------------------------------------------------------------- purchase

    def test_purchase_line_created_from_pack_text_has_its_amounts(self):
        order = self._purchase_order()
        line = self._purchase_line(order, retail_pack_qty_text="1件2包5本")
        self.assertRecordValues(
            line,
            [
                {
                    "product_qty": 65.0,
                    "price_unit": 22.0,
                    "price_subtotal": 1430.0,
                    "price_total": 1558.7,
                    "retail_cover_amount": 2600.0,
                    "retail_net_amount": 1430.0,
                    "retail_discount_percent": 55.0,
                    "retail_discount_label": "5.5折",
                }
            ],
        )
        self.assertEqual(line.retail_accessory_line_ids.product_qty, 65.0)
        self.assertRecordValues(
            order,
            [
                {
                    "amount_untaxed": 1430.0,
                    "amount_tax": 128.7,
                    "amount_total": 1558.7,
                    "retail_cover_amount_total": 2600.0,
                    "retail_net_amount_total": 1430.0,
                    "retail_discount_percent": 55.0,
                }
            ],
        )

    def test_purchase_lines_created_in_a_batch_from_pack_texts(self):
        order = self._purchase_order()
        lines = (
            self.env["purchase.order.line"]
            .with_user(self.buyer)
            .create(
                [
                    {
                        "order_id": order.id,
                        "product_id": self.book.id,
                        "retail_pack_qty_text": "1件2包5本",
                        "price_unit": 21.0,
                    },
                    {
                        "order_id": order.id,
                        "product_id": self.book.id,
                        "retail_pack_qty_text": "3件",
                    },
                ]
            )
        )
        self.assertRecordValues(
            lines,
            [
                {
                    "product_qty": 65.0,
                    "price_unit": 21.0,
                    "price_subtotal": 1365.0,
                    "price_total": 1487.85,
                    "retail_net_amount": 1365.0,
                    "retail_discount_label": "5.25折",
                },
                {
                    "product_qty": 120.0,
                    "price_unit": 22.0,
                    "price_subtotal": 2640.0,
                    "price_total": 2877.6,
                    "retail_net_amount": 2640.0,
                    "retail_discount_label": "5.5折",
                },
            ],
        )
        self.assertRecordValues(
            order,
            [
                {
                    "amount_untaxed": 4005.0,
                    "amount_total": 4365.45,
                    "retail_cover_amount_total": 7400.0,
                    "retail_net_amount_total": 4005.0,
                }
            ],
        )

    def test_purchase_line_pack_text_written(self):
        order = self._purchase_order()
        line = self._purchase_line(order, product_qty=12.0)
        line.write({"retail_pack_qty_text": "3件"})
        self.assertRecordValues(
            line,
            [
                {
                    "product_qty": 120.0,
                    "price_unit": 22.0,
                    "price_subtotal": 2640.0,
                    "price_total": 2877.6,
                    "retail_cover_amount": 4800.0,
                    "retail_net_amount": 2640.0,
                }
            ],
        )
        line.write({"retail_pack_qty_text": "1件2包5本", "price_unit": 21.0})
        self.assertRecordValues(
            line,
            [
                {
                    "product_qty": 65.0,
                    "price_unit": 21.0,
                    "price_subtotal": 1365.0,
                    "retail_cover_amount": 2600.0,
                    "retail_net_amount": 1365.0,
                }
            ],
        )
        self.assertEqual(order.amount_total, 1487.85)
        self.assertEqual(line.retail_accessory_line_ids.product_qty, 65.0)

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

    # -------------------------------------------------------------- bad text

    def test_bad_pack_text_is_refused_naming_product_and_text(self):
        order = self._sale_order()
        with self.assertRaisesRegex(UserError, "三件 is not a quantity of 春天的来信"):
            self._sale_line(order, retail_pack_qty_text="三件")
        with self.assertRaisesRegex(
            UserError, "随书光盘 is not packed in cases .*1件 is not a quantity of it"
        ):
            self._sale_line(order, product_id=self.cd.id, retail_pack_qty_text="1件")
        self.assertFalse(order.order_line)
        line = self._sale_line(order, product_uom_qty=12.0)
        with self.assertRaisesRegex(UserError, "3打 is not a quantity of 春天的来信"):
            line.write({"retail_pack_qty_text": "3打", "price_unit": 30.0})
        self.assertRecordValues(
            line,
            [{"product_uom_qty": 12.0, "price_unit": 26.0, "price_subtotal": 312.0}],
        )
        purchase = self._purchase_order()
        with self.assertRaisesRegex(
            UserError, "小学生字帖 is not packed in cases .*2件 is not a quantity of it"
        ):
            self._purchase_line(
                purchase, product_id=self.booklet.id, retail_pack_qty_text="2件"
            )
        self.assertFalse(purchase.order_line)
