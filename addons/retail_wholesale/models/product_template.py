from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    retail_brand_id = fields.Many2one(
        comodel_name="retail.brand",
        string="Brand",
        index="btree_not_null",
        ondelete="restrict",
    )
    retail_min_qty = fields.Float(
        string="Minimum Order Quantity",
        digits="Product Unit of Measure",
        help="起批量: sale orders must order at least this quantity (in the product's unit).",
    )
    retail_pack_qty = fields.Float(
        string="Case Pack",
        digits="Product Unit of Measure",
        help="整件: sale orders must order whole cases of this many units. 0: any quantity.",
    )
    retail_floor_price = fields.Monetary(
        string="Floor Price",
        currency_field="currency_id",
        help="最低售价: a sale line below this net price needs a sales manager's approval.",
    )

    @api.constrains("retail_min_qty", "retail_pack_qty", "retail_floor_price")
    def _check_retail_rules(self):
        for product in self:
            if product.retail_min_qty < 0:
                raise ValidationError(
                    _(
                        "Minimum order quantity of %(product)s cannot be negative.",
                        product=product.display_name,
                    )
                )
            if product.retail_pack_qty < 0:
                raise ValidationError(
                    _(
                        "Case pack of %(product)s cannot be negative.",
                        product=product.display_name,
                    )
                )
            if product.retail_floor_price < 0:
                raise ValidationError(
                    _(
                        "Floor price of %(product)s cannot be negative.",
                        product=product.display_name,
                    )
                )
