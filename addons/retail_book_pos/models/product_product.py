from odoo import api, fields, models

BOOK_FIELDS = (
    "retail_is_book",
    "retail_cover_price",
    "retail_bundle_qty",
    "retail_case_bundles",
    "retail_pos_accessories",
)


class ProductProduct(models.Model):
    _inherit = "product.product"

    retail_pos_accessories = fields.Json(
        string="Accessories at the Till",
        compute="_compute_retail_pos_accessories",
        help="[[accessory product id, quantity per copy]] of a book: the till adds "
        "them with the book.",
    )

    def _compute_retail_pos_accessories(self):
        accessories = self._retail_accessories_by_template(self.product_tmpl_id.ids)
        for product in self:
            product.retail_pos_accessories = accessories.get(
                product.product_tmpl_id.id, []
            )

    @api.model
    def _retail_accessories_by_template(self, template_ids):
        """{book template id: [[accessory product id, quantity per copy]]}, in one
        query."""
        result = {}
        if not template_ids:
            return result
        accessories = (
            self.env["retail.book.accessory"]
            .sudo()
            .search_fetch(
                [("product_tmpl_id", "in", list(template_ids))],
                ["product_tmpl_id", "product_id", "quantity"],
            )
        )
        for accessory in accessories:
            result.setdefault(accessory.product_tmpl_id.id, []).append(
                [accessory.product_id.id, accessory.quantity]
            )
        return result

    def _load_pos_data(self, data):
        # filled in set-based by _retail_add_pos_values rather than read per record by
        # the ORM: the till loads the whole catalogue
        result = super()._load_pos_data(data)
        result["fields"] = list(result["fields"]) + [
            name for name in BOOK_FIELDS if name not in result["fields"]
        ]
        return result

    @api.model
    def _retail_add_pos_values(self, products, config):
        """The book data (定价, 件/包/本 and accessories), added set-based to the
        product dicts a till loads (at start-up or later)."""
        result = super()._retail_add_pos_values(products, config)
        if not products:
            return result
        template_ids = list({product["product_tmpl_id"] for product in products})
        books = {
            book["id"]: book
            for book in self.env["product.template"].search_read(
                [("id", "in", template_ids), ("retail_is_book", "=", True)],
                ["retail_cover_price", "retail_bundle_qty", "retail_case_bundles"],
            )
        }
        accessories = self._retail_accessories_by_template(list(books))
        for product in products:
            book = books.get(product["product_tmpl_id"])
            product["retail_is_book"] = bool(book)
            product["retail_cover_price"] = book["retail_cover_price"] if book else 0.0
            product["retail_bundle_qty"] = book["retail_bundle_qty"] if book else 0
            product["retail_case_bundles"] = book["retail_case_bundles"] if book else 0
            product["retail_pos_accessories"] = accessories.get(
                product["product_tmpl_id"], []
            )
        return result
