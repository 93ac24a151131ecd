from datetime import timedelta

from odoo import api, fields, models

from .pos_order import POS_SOLD_STATES


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_grade_name = fields.Char(
        related="retail_grade_id.name",
        string="Grade Name",
    )
    retail_card_code = fields.Char(
        string="Loyalty Card Number",
        compute="_compute_retail_card_code",
        search="_search_retail_card_code",
        help="Number of the member's loyalty card; the till finds members by it.",
    )

    def _compute_retail_card_code(self):
        cards = self.env["loyalty.card"].search_fetch(
            [
                ("partner_id", "in", self.ids),
                ("program_id.program_type", "=", "loyalty"),
            ],
            ["partner_id", "code"],
            order="id",
        )
        codes = {}
        for card in cards:  # the first card of each member
            codes.setdefault(card.partner_id.id, card.code)
        for partner in self:
            partner.retail_card_code = codes.get(partner.id, False)

    def _search_retail_card_code(self, operator, value):
        cards = self.env["loyalty.card"]._search(
            [
                ("code", operator, value),
                ("partner_id", "!=", False),
                ("program_id.program_type", "=", "loyalty"),
            ]
        )
        return [("id", "in", cards.subselect("partner_id"))]

    @api.model
    def _load_pos_data_fields(self, config_id):
        return super()._load_pos_data_fields(config_id) + [
            "ref",
            "retail_grade_name",
            "retail_card_code",
        ]

    # 退货率 counts the point of sale too

    def _retail_sold_and_returned(self, days):
        """Adds the customer's paid POS orders of the period: sales (lines with a
        positive quantity) and refunds (negative), untaxed."""
        sold, back = super()._retail_sold_and_returned(days)
        domain = [
            ("order_id.partner_id", "child_of", self.id),
            ("order_id.state", "in", POS_SOLD_STATES),
            ("order_id.date_order", ">=", fields.Datetime.now() - timedelta(days=days)),
        ]
        Line = self.env["pos.order.line"].sudo()
        [[pos_sold]] = Line._read_group(
            domain + [("qty", ">", 0)], [], ["price_subtotal:sum"]
        )
        [[pos_back]] = Line._read_group(
            domain + [("qty", "<", 0)], [], ["price_subtotal:sum"]
        )
        return sold + (pos_sold or 0.0), back - (pos_back or 0.0)

    @api.model
    def retail_check_pos_refund(self, partner_id, amount):
        """What the till does before taking a refund of ``amount`` (untaxed) for the
        customer ``partner_id``: False when the customer stays within their return
        rate limit, else {"action": "warn" or "block", "message"}."""
        partner = self.browse(partner_id).exists()
        if not partner or not amount or amount <= 0:
            return False
        excess = partner._retail_return_rate_excess(amount)
        if not excess:
            return False
        action = excess.pop("action")
        if action == "block":
            message = self.env._(
                "With this refund, %(partner)s would have returned %(rate)s %% of what "
                "they bought in the last %(days)s days, above their limit of "
                "%(limit)s %%: the refund cannot be made at the till. Ask a manager.",
                **excess,
            )
        else:
            message = self.env._(
                "With this refund, %(partner)s has returned %(rate)s %% of what they "
                "bought in the last %(days)s days, above their limit of %(limit)s %%.",
                **excess,
            )
        return {"action": action, "message": message}
