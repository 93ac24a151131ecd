from odoo import api, fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    retail_store_qty = fields.Float(
        string="On Hand in the Store",
        compute="_compute_retail_store_qty",
        digits="Product Unit of Measure",
        help="Quantity on hand in the store (warehouse) given in the context key "
        "retail_warehouse_id; the till shows it on the product cards.",
    )

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
            for name in ("retail_store_qty", "use_expiration_date")
            if name not in result["fields"]
        ]
        return result

    def _process_pos_ui_product_product(self, products, config_id):
        result = super()._process_pos_ui_product_product(products, config_id)
        self._retail_add_pos_values(products, config_id)
        return result

    @api.model
    def _retail_add_pos_values(self, products, config):
        """The store quantity of the till ``config`` and the expiry tracking, added
        set-based to the product dicts a till loads (at start-up or later)."""
        if not products:
            return products
        quantities = self._retail_store_quantities(
            config.retail_warehouse_id, [product["id"] for product in products]
        )
        template_ids = list({product["product_tmpl_id"] for product in products})
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
        return products
