from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_pos_payment_presets = fields.Boolean(
        string="Chinese Payment Methods on New Tills",
        default=True,
        help="A till created in a company whose currency is the renminbi gets cash, "
        "WeChat Pay, Alipay and UnionPay card as its payment methods.",
    )

    @api.model
    def _load_pos_data_fields(self, config_id):
        # the receipt prints the company's logo only when it has one of its own
        return [*super()._load_pos_data_fields(config_id), "uses_default_logo"]
