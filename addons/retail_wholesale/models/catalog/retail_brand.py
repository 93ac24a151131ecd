from odoo import fields, models


class RetailBrand(models.Model):
    _name = "retail.brand"
    _description = "Product Brand"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    product_tmpl_ids = fields.One2many(
        comodel_name="product.template",
        inverse_name="retail_brand_id",
        string="Products",
    )
    product_count = fields.Integer(
        compute="_compute_product_count", string="Number of Products"
    )

    _sql_constraints = [
        ("name_unique", "unique (name)", "A brand with this name already exists."),
    ]

    def _compute_product_count(self):
        counts = dict(
            self.env["product.template"]._read_group(
                [("retail_brand_id", "in", self.ids)], ["retail_brand_id"], ["__count"]
            )
        )
        for brand in self:
            brand.product_count = counts.get(brand, 0)
