from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    retail_stored_value_top_up = fields.Boolean(
        string="Stored Value Top-up",
        readonly=True,
        copy=False,
        help="The product members buy to top up their stored value card (储值卡充值): "
        "sold at the amount paid, which must be positive.",
    )
