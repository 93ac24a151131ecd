from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    retail_pos_payment_presets = fields.Boolean(
        related="company_id.retail_pos_payment_presets", readonly=False
    )
    # core's own start-up limit, which it has no field for
    retail_pos_startup_product_count = fields.Integer(
        string="Products Loaded at Start-up",
        config_parameter="point_of_sale.limited_product_count",
        default=20000,
    )
