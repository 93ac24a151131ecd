from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    retail_pos_payment_presets = fields.Boolean(
        related="company_id.retail_pos_payment_presets", readonly=False
    )
