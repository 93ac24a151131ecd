from odoo import api, fields, models

from ..tools.amount_in_words import amount_to_chinese_capitals


class AccountMove(models.Model):
    _inherit = "account.move"

    retail_amount_total_capitals = fields.Char(
        string="Total in Capitals",
        compute="_compute_retail_amount_total_capitals",
        help="The total in Chinese capitals (人民币大写), printed on invoices in "
        "Chinese yuan.",
    )

    @api.depends("amount_total", "currency_id")
    def _compute_retail_amount_total_capitals(self):
        for move in self:
            move.retail_amount_total_capitals = (
                amount_to_chinese_capitals(move.amount_total)
                if move.currency_id.name == "CNY"
                else False
            )
