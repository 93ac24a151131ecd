from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_warehouse_id = fields.Many2one(
        related="picking_type_id.warehouse_id",
        string="Store",
        store=True,
        index=True,
        help="The store (warehouse) this point of sale sells from.",
    )
    retail_channel_id = fields.Many2one(
        comodel_name="retail.channel",
        string="Sales Channel",
        default=lambda self: self.env["retail.channel"].search(
            [("code", "=", "RETAIL"), ("company_id", "=", self.env.company.id)], limit=1
        ),
        check_company=True,
        help="Orders of this till count in this channel in the analyses.",
    )
    retail_store_name = fields.Char(
        related="retail_warehouse_id.name",
        string="Store Name",
    )
