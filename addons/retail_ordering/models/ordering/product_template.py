from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    retail_portal_ok = fields.Boolean(
        string="On the Ordering Platform",
        index=True,
        help="Dealers and franchise stores may order it themselves on the portal "
        "(订货平台).",
    )
    retail_portal_channel_ids = fields.Many2many(
        comodel_name="retail.channel",
        string="Ordering Channels",
        help="Only dealers ordering in these channels (e.g. 门店订货 for franchise "
        "stores, 批发 for dealers) see it; none: every dealer.",
    )
