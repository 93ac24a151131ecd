from odoo.exceptions import UserError
from odoo.tests import tagged

from .pack_qty_common import BookPackQtyCommon


@tagged("post_install", "-at_install")
class TestBookPackQtySale(BookPackQtyCommon):
    """Pack texts on sale order lines, and the texts refused on order lines."""

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
