from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # the promotions' limits and effect read the lines of their rewards: the tills'
    # lines have this index in core, the orders' lines get it here
    reward_id = fields.Many2one(index="btree_not_null")
