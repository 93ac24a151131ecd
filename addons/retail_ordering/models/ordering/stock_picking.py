from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    retail_tracking_ref = fields.Char(
        string="Tracking Number",
        copy=False,
        help="运单号 of the carrier taking the goods: the dealer sees it with the order "
        "on the portal.",
    )
