from odoo import fields, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_birthday_year = fields.Integer(
        string="Birthday Year",
        index="btree_not_null",
        copy=False,
        help="The year of the member's birthday this coupon (生日礼) was issued for: one a year.",
    )
    retail_expiry_notice_year = fields.Integer(
        string="Points Expiry Notice Year",
        copy=False,
        help="The year the member was told that this card's points expire on 31 "
        "December: once a year.",
    )
