from odoo import api, fields, models


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_channel_id = fields.Many2one(
        comodel_name="retail.channel",
        string="Channel",
        compute="_compute_retail_channel_id",
        store=True,
        index="btree_not_null",
        help="Sales channel of the till when the order was made.",
    )

    @api.depends("session_id")
    def _compute_retail_channel_id(self):
        for order in self:
            order.retail_channel_id = order.session_id.config_id.retail_channel_id
