from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_pos_payment_presets = fields.Boolean(
        string="Chinese Payment Methods on New Tills",
        default=True,
        help="A till created in a company whose currency is the renminbi gets cash, "
        "WeChat Pay, Alipay, UnionPay card and member stored value as its payment "
        "methods.",
    )
