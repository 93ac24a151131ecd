from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_birthday_days = fields.Integer(
        string="Birthday Coupon Days Before",
        default=7,
        help="Members get their level's birthday coupon (生日礼) this many days before "
        "their birthday; it is valid until the end of the birthday month.",
    )
