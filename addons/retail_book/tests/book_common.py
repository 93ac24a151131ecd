from odoo import Command

from odoo.addons.retail_wholesale.tests.common import RetailCommon


class BookCommon(RetailCommon):
    """A book (定价 40, 1件 = 4包, 1包 = 10本) with a CD per copy, a grade buying books
    at 6.5折 through a core pricelist, a bookshop of that grade and a publisher."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.book_categ = cls.env["product.category"].create({"name": "图书"})
        cls.cd = cls.env["product.product"].create(
            {"name": "随书光盘", "is_storable": True, "list_price": 0.0}
        )
        cls.publisher = cls.env["res.partner"].create(
            {"name": "东方文艺出版社", "is_company": True}
        )
        cls.book = cls.env["product.product"].create(
            {
                "name": "春天的来信",
                "categ_id": cls.book_categ.id,
                "is_storable": True,
                "invoice_policy": "delivery",
                "retail_isbn": "978-7-5321-0001-9",
                "retail_cover_price": 40.0,
                "retail_author": "林晓",
                "retail_publisher": "东方文艺出版社",
                "retail_bundle_qty": 10,
                "retail_case_bundles": 4,
                "taxes_id": [Command.clear()],
                "supplier_taxes_id": [Command.clear()],
                "seller_ids": [
                    Command.create({"partner_id": cls.publisher.id, "price": 22.0})
                ],
            }
        )
        cls.book.product_tmpl_id.retail_accessory_ids = [
            Command.create({"product_id": cls.cd.id, "quantity": 1.0})
        ]
        # 批发一级: books at 6.5折 (35 % off the list price, which is the cover price)
        cls.wholesale_pl = cls.env["product.pricelist"].create(
            {
                "name": "批发价",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "2_product_category",
                            "categ_id": cls.book_categ.id,
                            "compute_price": "percentage",
                            "percent_price": 35.0,
                        }
                    )
                ],
            }
        )
        cls.grade = cls.env["retail.customer.grade"].create(
            {"name": "批发一级", "code": "W1", "pricelist_id": cls.wholesale_pl.id}
        )
        cls.bookshop = cls.env["res.partner"].create(
            {"name": "新华书店", "is_company": True, "retail_grade_id": cls.grade.id}
        )

    @classmethod
    def _setup_accounting(cls):
        """The Chinese chart of accounts on the test company, for invoices."""
        if not cls.env["account.journal"].search_count(
            [("company_id", "=", cls.env.company.id), ("type", "=", "sale")]
        ):
            cls.env["account.chart.template"].try_loading(
                "cn", company=cls.env.company, install_demo=False
            )

    @classmethod
    def _sale(cls, lines, partner=None):
        """A sale order of [(product, qty)] to the bookshop."""
        return cls.env["sale.order"].create(
            {
                "partner_id": (partner or cls.bookshop).id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                    for product, qty in lines
                ],
            }
        )

    @classmethod
    def _stock(cls, product, qty):
        cls.env["stock.quant"]._update_available_quantity(
            product, cls.hq_warehouse.lot_stock_id, qty
        )
