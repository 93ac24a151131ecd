from odoo import Command
from odoo.tests import tagged

from .book_common import BookCommon


@tagged("post_install", "-at_install")
class TestBookAccessory(BookCommon):
    def _accessory_lines(self, order):
        return order.order_line.filtered(lambda line: line.product_id == self.cd)

    def test_sale_accessory_lines_follow_the_book(self):
        self.book.product_tmpl_id.retail_accessory_ids.quantity = 2.0
        order = self._sale([(self.book, 5)])
        book_line = order.order_line.filtered(lambda line: line.product_id == self.book)
        cd_line = self._accessory_lines(order)
        self.assertEqual(cd_line.product_uom_qty, 10.0)
        self.assertEqual(cd_line.retail_accessory_parent_id, book_line)
        book_line.product_uom_qty = 8
        self.assertEqual(cd_line.product_uom_qty, 16.0)
        # a second line of the same book has its own accessories
        order.order_line = [
            Command.create({"product_id": self.book.id, "product_uom_qty": 1})
        ]
        self.assertEqual(
            sorted(self._accessory_lines(order).mapped("product_uom_qty")), [2.0, 16.0]
        )
        book_line.unlink()
        self.assertEqual(self._accessory_lines(order).mapped("product_uom_qty"), [2.0])
        other = order.order_line.filtered(lambda line: line.product_id == self.book)
        other.product_id = self.cd
        self.assertEqual(order.order_line.mapped("product_id"), self.cd)
        self.assertEqual(len(order.order_line), 1)

    def test_confirmed_sale_keeps_accessory_lines(self):
        order = self._sale([(self.book, 5)])
        order.action_confirm()
        book_line = order.order_line.filtered(lambda line: line.product_id == self.book)
        book_line.product_uom_qty = 7
        self.assertEqual(self._accessory_lines(order).product_uom_qty, 7.0)
        move = order.picking_ids.move_ids.filtered(lambda m: m.product_id == self.cd)
        self.assertEqual(move.product_uom_qty, 7.0)

    def test_purchase_accessory_lines_follow_the_book(self):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.publisher.id,
                "order_line": [
                    Command.create({"product_id": self.book.id, "product_qty": 40})
                ],
            }
        )
        book_line = order.order_line.filtered(lambda line: line.product_id == self.book)
        cd_line = order.order_line.filtered(lambda line: line.product_id == self.cd)
        self.assertEqual(cd_line.product_qty, 40.0)
        self.assertEqual(cd_line.retail_accessory_parent_id, book_line)
        book_line.retail_pack_qty_text = "1件2包"
        self.assertEqual(cd_line.product_qty, 60.0)
        book_line.unlink()
        self.assertFalse(order.order_line)

    def test_copied_orders_keep_one_accessory_line_per_book(self):
        order = self._sale([(self.book, 5)])
        copy = order.copy()
        self.assertEqual(self._accessory_lines(copy).product_uom_qty, 5.0)
        self.assertEqual(
            self._accessory_lines(copy).retail_accessory_parent_id.order_id, copy
        )
        purchase = self.env["purchase.order"].create(
            {
                "partner_id": self.publisher.id,
                "order_line": [
                    Command.create({"product_id": self.book.id, "product_qty": 40})
                ],
            }
        )
        copy = purchase.copy()
        cd_line = copy.order_line.filtered(lambda line: line.product_id == self.cd)
        self.assertEqual(cd_line.product_qty, 40.0)
        self.assertEqual(cd_line.retail_accessory_parent_id.order_id, copy)
