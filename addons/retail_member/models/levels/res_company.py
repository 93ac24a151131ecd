from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_member_grace_days = fields.Integer(
        string="Level Grace Days",
        default=30,
        help="A member whose spend of the last 12 months falls below their level keeps it "
        "this many more days before the nightly review moves them down (降级宽限期).",
    )

    retail_birthday_days = fields.Integer(
        string="Birthday Coupon Days Before",
        default=7,
        help="Members get their level's birthday coupon (生日礼) this many days before "
        "their birthday; it is valid until the end of the birthday month.",
    )
