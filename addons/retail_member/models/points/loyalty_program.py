from odoo import fields, models


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    retail_points_expire_yearly = fields.Boolean(
        string="Points Expire at Year End",
        help="积分年底清零: on 1 January the points of every card of this program are "
        "cleared, each clearing recorded in the card's history.",
    )
