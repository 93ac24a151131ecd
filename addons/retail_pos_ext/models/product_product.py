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

    retail_store_qty = fields.Float(
        string="On Hand in the Store",
        compute="_compute_retail_store_qty",
        digits="Product Unit of Measure",
        help="Quantity on hand in the store (warehouse) given in the context key "
        "retail_warehouse_id; the till shows it on the product cards.",
    )

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

    @api.depends_context("retail_warehouse_id")
    def _compute_retail_store_qty(self):
        warehouse = self.env["stock.warehouse"].browse(
            self.env.context.get("retail_warehouse_id")
        )
        quantities = self._retail_store_quantities(warehouse, self.ids)
        for product in self:
            product.retail_store_qty = quantities.get(product.id, 0.0)

    @api.model
    def _retail_store_quantities(self, warehouse, product_ids):
        """{product id: quantity on hand in the internal locations of ``warehouse``},
        in one grouped query; empty without a warehouse."""
        if not warehouse or not product_ids:
            return {}
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", product_ids),
                    ("location_id", "child_of", warehouse.view_location_id.id),
                    ("location_id.usage", "=", "internal"),
                ],
                ["product_id"],
                ["quantity:sum"],
            )
        )
        return {product.id: quantity for product, quantity in groups}

    def _load_pos_data(self, data):
        # filled in set-based by _process_pos_ui_product_product rather than read per
        # record by the ORM: the till loads the whole catalogue
        result = super()._load_pos_data(data)
        result["fields"] = list(result["fields"]) + [
            name
            for name in ("retail_store_qty", "use_expiration_date", *BOOK_FIELDS)
            if name not in result["fields"]
        ]
        return result

    def _process_pos_ui_product_product(self, products, config_id):
        result = super()._process_pos_ui_product_product(products, config_id)
        self._retail_add_pos_values(products, config_id)
        return result

    @api.model
    def _retail_add_pos_values(self, products, config):
        """The store quantity of the till ``config``, the expiry tracking and the
        book data (定价, 件/包/本 and accessories), added set-based to the product
        dicts a till loads (at start-up or later)."""
        if not products:
            return products
        quantities = self._retail_store_quantities(
            config.retail_warehouse_id, [product["id"] for product in products]
        )
        template_ids = list({product["product_tmpl_id"] for product in products})
        books = {
            book["id"]: book
            for book in self.env["product.template"].search_read(
                [("id", "in", template_ids), ("retail_is_book", "=", True)],
                ["retail_cover_price", "retail_bundle_qty", "retail_case_bundles"],
            )
        }
        accessories = self._retail_accessories_by_template(list(books))
        expiry_templates = set(
            self.env["product.template"]
            .search(
                [
                    (
                        "id",
                        "in",
                        template_ids,
                    ),
                    ("use_expiration_date", "=", True),
                ]
            )
            .ids
        )
        for product in products:
            product["retail_store_qty"] = quantities.get(product["id"], 0.0)
            product["use_expiration_date"] = (
                product["product_tmpl_id"] in expiry_templates
            )
            book = books.get(product["product_tmpl_id"])
            product["retail_is_book"] = bool(book)
            product["retail_cover_price"] = book["retail_cover_price"] if book else 0.0
            product["retail_bundle_qty"] = book["retail_bundle_qty"] if book else 0
            product["retail_case_bundles"] = book["retail_case_bundles"] if book else 0
            product["retail_pos_accessories"] = accessories.get(
                product["product_tmpl_id"], []
            )
        return products
