from odoo import fields, models


class ReportPosOrder(models.Model):
    _inherit = "report.pos.order"

    retail_channel_id = fields.Many2one(
        comodel_name="retail.channel", string="Channel", readonly=True
    )

    def _select(self):
        return super()._select() + ", s.retail_channel_id AS retail_channel_id"
