from odoo import Command

from .book_common import BookCommon


class BookPackQtyCommon(BookCommon):
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
