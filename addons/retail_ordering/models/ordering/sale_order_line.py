from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    retail_portal_qty_asked = fields.Float(
        string="Quantity Asked",
        digits="Product Unit of Measure",
        copy=False,
        readonly=True,
        help="What the dealer asked for on the portal, before head office's changes.",
    )
