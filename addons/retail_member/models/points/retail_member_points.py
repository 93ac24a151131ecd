from datetime import date

from odoo import _, api, fields, models


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

    @api.model
    def _cron_notify_expiry(self):
        """Daily: from the company's days before 31 December, members holding points
        of a program that clears them get a text saying so, once a year (when their
        company sends these texts)."""
        today = fields.Date.context_today(self)
        cards = (
            self.env["loyalty.card"]
            .sudo()
            .search(
                [
                    ("program_id.retail_points_expire_yearly", "=", True),
                    ("points", ">", 0),
                    ("partner_id", "!=", False),
                    ("retail_expiry_notice_year", "!=", today.year),
                ]
            )
        )
        days_left = (date(today.year, 12, 31) - today).days
        noticed, texts = cards.browse(), []
        for card in cards:
            company = card.company_id or self.env.company
            if (
                not company.retail_sms_points_expiry
                or days_left > company.retail_points_notice_days
            ):
                continue
            env = self.with_context(lang=card.partner_id.lang).env
            texts.append(
                (
                    card.partner_id,
                    env._(
                        "%(name)s, your %(points)s points of %(program)s expire on 31 "
                        "December: use them before then.",
                        name=card.partner_id.name,
                        points=int(card.points),
                        program=card.program_id.name,
                    ),
                )
            )
            noticed |= card
        noticed.write({"retail_expiry_notice_year": today.year})
        self.env["retail.member.sms"]._queue(texts)
        return noticed
