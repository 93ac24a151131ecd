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
    retail_stored_value_bonus = fields.Float(
        string="Bonus Part",
        readonly=True,
        copy=False,
        help="The part of this stored value card's balance that was given as a top-up "
        "bonus (充值赠送), not paid: it is not on 预收账款, and is booked as a discount "
        "when it is spent.",
    )
