from odoo import _, api, models


class RetailMemberPoints(models.AbstractModel):
    """积分年底清零: the points of the programs that expire them, cleared on 1 January."""

    _name = "retail.member.points"
    _description = "Member Points Expiry"

    @api.model
    def _cron_expire_points(self):
        cards = (
            self.env["loyalty.card"]
            .sudo()
            .search(
                [
                    ("program_id.retail_points_expire_yearly", "=", True),
                    ("points", ">", 0),
                ]
            )
        )
        if not cards:
            return cards
        description = _("Points of the year expired")
        self.env["loyalty.history"].sudo().create(
            [
                {
                    "card_id": card.id,
                    "description": description,
                    "used": card.points,
                    "issued": 0,
                }
                for card in cards
            ]
        )
        cards.write({"points": 0})
        return cards
