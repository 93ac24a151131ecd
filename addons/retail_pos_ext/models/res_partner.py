from odoo import api, fields, models


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
