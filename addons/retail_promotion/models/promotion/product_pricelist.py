from odoo import fields, models


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    retail_member_price = fields.Boolean(
        string="Member Prices",
        help="会员价: orders at this price list get member prices; promotions that do "
        "not stack with member prices leave them out.",
    )
