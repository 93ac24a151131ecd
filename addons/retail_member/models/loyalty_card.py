from odoo import Command, api, fields, models


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

    @api.model
    def _retail_stored_value_cards(self, wanted):
        """{(program, member): card} for the set ``wanted`` of (program, member): the
        member's card of the stored value program (one search; the missing cards made
        in one go)."""
        if not wanted:
            return {}
        Card = self.sudo()
        found = Card.search(
            [
                ("program_id", "in", list({program.id for program, __ in wanted})),
                ("partner_id", "in", list({partner.id for __, partner in wanted})),
            ],
            order="id",
        )
        cards = {}
        for card in found:
            cards.setdefault((card.program_id, card.partner_id), card)
        missing = [key for key in wanted if key not in cards]
        made = Card.with_context(action_no_send_mail=True).create(
            [
                {"program_id": program.id, "partner_id": partner.id, "points": 0}
                for program, partner in missing
            ]
        )
        cards.update(zip(missing, made, strict=True))
        return cards

    def _retail_apply_bonus(self, order, top_up, spent, Bonus):
        """A back-office order topped up this card by ``top_up`` and paid ``spent`` with
        it (core applied both): its top-up bonus is added, and the bonus part of the
        payment taken off the bonus and booked as a discount."""
        self.ensure_one()
        self.env.cr.execute(
            "SELECT 1 FROM loyalty_card WHERE id = %s FOR UPDATE", [self.id]
        )
        self.invalidate_recordset(["points", "retail_stored_value_bonus"])
        currency = order.currency_id
        day = fields.Date.context_today(order, order.date_order)
        (gift,) = Bonus._retail_bonuses(
            [(order.company_id, self.partner_id, top_up, day)]
        )
        balance = self.points + gift + spent
        bonus = min(self.retail_stored_value_bonus + gift, balance)
        used = Bonus._retail_bonus_spent(currency, balance, bonus, spent)
        self.write(
            {"points": self.points + gift, "retail_stored_value_bonus": bonus - used}
        )
        order.sudo().write(
            {"retail_stored_value_bonus": gift, "retail_stored_value_bonus_spent": used}
        )
        if gift:
            self.env["loyalty.history"].create(
                {
                    "card_id": self.id,
                    "order_model": order._name,
                    "order_id": order.id,
                    "description": self.env._(
                        "Top-up bonus: %(order)s", order=order.display_name
                    ),
                    "issued": gift,
                    "used": 0.0,
                }
            )
        self._retail_post_bonus_discount(order, used, Bonus)

    def _retail_cancel_bonus(self, order, gift, used, Bonus):
        """The order's top-up bonus ``gift`` taken back off the card (never below
        zero) and the bonus part ``used`` it spent given back, its discount reversed."""
        self.ensure_one()
        self.env.cr.execute(
            "SELECT 1 FROM loyalty_card WHERE id = %s FOR UPDATE", [self.id]
        )
        self.invalidate_recordset(["points", "retail_stored_value_bonus"])
        points = max(self.points - gift, 0.0)
        bonus = min(max(self.retail_stored_value_bonus - gift + used, 0.0), points)
        self.write({"points": points, "retail_stored_value_bonus": bonus})
        order.sudo().write(
            {"retail_stored_value_bonus": 0.0, "retail_stored_value_bonus_spent": 0.0}
        )
        self._retail_post_bonus_discount(order, -used, Bonus)

    def _retail_post_bonus_discount(self, order, used, Bonus):
        """Post the discount entry of the bonus part ``used`` of an order's payment
        with the card (negative: given back)."""
        if lines := Bonus._retail_discount_lines(
            order.company_id,
            used,
            self.env._("Stored value bonus spent: %s", order.name),
        ):
            journal = self.env["account.journal"].search(
                [
                    *self.env["account.journal"]._check_company_domain(
                        order.company_id
                    ),
                    ("type", "=", "general"),
                ],
                limit=1,
            )
            move = self.env["account.move"].create(
                {
                    "journal_id": journal.id,
                    "ref": order.name,
                    "line_ids": [Command.create(line) for line in lines],
                }
            )
            move.action_post()
