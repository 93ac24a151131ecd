from odoo import fields, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_birthday_year = fields.Integer(
        string="Birthday Year",
        index="btree_not_null",
        copy=False,
        help="The year of the member's birthday this coupon (生日礼) was issued for: one a year.",
    )
