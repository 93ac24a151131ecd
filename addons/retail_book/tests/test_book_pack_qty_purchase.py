from odoo.tests import tagged

from .pack_qty_common import BookPackQtyCommon


@tagged("post_install", "-at_install")
class TestBookPackQtyPurchase(BookPackQtyCommon):
    """Pack texts on purchase order lines."""

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
