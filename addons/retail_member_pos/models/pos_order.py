import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import format_amount

from odoo.addons.retail_pos_ext.models.pos_order import POS_SOLD_STATES

_logger = logging.getLogger(__name__)


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_stored_value_debited = fields.Boolean(
        string="Stored Value Debited",
        copy=False,
        readonly=True,
        help="The stored value (eWallet) this order spends was taken off the members' "
        "cards when the till synchronised it, against their balance on the server.",
    )

    @api.model
    def sync_from_ui(self, orders):
        result = super().sync_from_ui(orders)
        synced = self.browse(
            [order["id"] for order in result.get("pos.order", []) if "id" in order]
        )
        # 储值卡: what the orders spend of the members' cards is taken off at once,
        # against the balance on the server
        synced._retail_debit_stored_value()
        # 会员等级: the members who bought move up at once; the till gets their new
        # level with the answer (the receipt and the customer list show it)
        sold = synced.filtered(lambda order: order.state in POS_SOLD_STATES)
        moved = self.env["res.partner"]
        for company, company_orders in sold.grouped("company_id").items():
            moved |= company_orders.partner_id._retail_upgrade_members(company)
        if moved:
            config = sold.session_id.config_id[:1]
            fields = moved._load_pos_data_fields(config.id)
            result.setdefault("res.partner", []).extend(moved.read(fields, load=False))
        return result

    def _retail_priced_lines(self):
        """A stored value top-up is sold at the amount the member pays (and core's
        refund to the card at the refunded amount), not at a catalogue price."""
        top_ups = (
            self.company_id.sudo().retail_stored_value_program_id.trigger_product_ids
        )
        return (
            super()
            ._retail_priced_lines()
            .filtered(lambda line: line.product_id not in top_ups)
        )

    def _retail_stored_value_moves(self):
        """{order: {card: [topped up, spent]}} of the members' stored value cards: what
        the orders spend (their eWallet reward lines) and top up (the company's top-up
        product, core's refund to the card included), two queries. A top-up goes to
        the member's card of the company's program, made when the member has none."""
        Line = self.env["pos.order.line"].sudo()
        moves = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
        for order, card, points in Line._read_group(
            [
                ("order_id", "in", self.ids),
                ("is_reward_line", "=", True),
                ("reward_id.program_id.program_type", "=", "ewallet"),
                ("coupon_id", "!=", False),
                ("qty", ">", 0),
            ],
            ["order_id", "coupon_id"],
            ["points_cost:sum"],
        ):
            if points > 0:
                moves[order][card][1] += points
        programs = self.company_id.sudo().retail_stored_value_program_id
        top_ups = Line._read_group(
            [
                ("order_id", "in", self.ids),
                ("product_id", "in", programs.trigger_product_ids.ids),
                ("is_reward_line", "=", False),
            ],
            ["order_id"],
            ["price_subtotal_incl:sum"],
        )
        cards = self._retail_stored_value_cards(
            [order for order, __ in top_ups if order.partner_id]
        )
        for order, amount in top_ups:
            program = order.company_id.sudo().retail_stored_value_program_id
            if card := cards.get((program, order.partner_id.commercial_partner_id)):
                # a top-up given back (its refund) is taken off the card as a spend
                if amount >= 0:
                    moves[order][card][0] += amount
                else:
                    moves[order][card][1] -= amount
        return moves

    def _retail_stored_value_cards(self, orders):
        """{(program, member): card} of the members topping up their card in
        ``orders`` (one search; the missing cards made in one go)."""
        Card = self.env["loyalty.card"].sudo()
        wanted = {
            (
                order.company_id.sudo().retail_stored_value_program_id,
                order.partner_id.commercial_partner_id,
            )
            for order in orders
        }
        if not wanted:
            return {}
        found = Card.search(
            [
                ("program_id", "in", [program.id for program, __ in wanted]),
                ("partner_id", "in", [partner.id for __, partner in wanted]),
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

    def _retail_debit_stored_value(self):
        """Apply what the synchronised orders do to the members' stored value cards
        (top-ups and spending), against the balance on the server, whatever the
        (offline) till believed: an offline till never confirms its points itself.

        The cards are locked (one query for the batch) so that two tills spending one
        card at once are applied one after the other; a spend beyond the balance is
        taken down to zero, never below, and its order is kept as paid and flagged
        for a manager's review with the part the card did not cover. A card of
        another company is not touched (flagged too). Each move is written in the
        card's history, its statement."""
        orders = self.filtered(
            lambda order: (
                order.state in POS_SOLD_STATES and not order.retail_stored_value_debited
            )
        )
        moves = orders._retail_stored_value_moves()
        if not moves:
            return
        cards = self.env["loyalty.card"].sudo()
        for per_card in moves.values():
            cards |= cards.browse([card.id for card in per_card])
        self.env.cr.execute(
            """SELECT id, points, company_id FROM loyalty_card
                WHERE id IN %s ORDER BY id FOR UPDATE""",
            [tuple(cards.ids)],
        )
        balances, companies = {}, {}
        for card_id, points, company_id in self.env.cr.fetchall():
            balances[card_id], companies[card_id] = points, company_id
        problems, history, texts = defaultdict(list), [], []
        for order in orders.sorted("id"):
            for card, (top_up, spent) in moves.get(order, {}).items():
                if companies[card.id] and companies[card.id] != order.company_id.id:
                    problems[order].append(
                        self.env._(
                            "Stored value card %(card)s belongs to another company: "
                            "%(spent)s not taken off it.",
                            card=card.code,
                            spent=order.currency_id.round(spent),
                        )
                    )
                    continue
                taken = order._retail_take_stored_value(
                    card, max(balances[card.id], 0.0) + top_up, spent, problems
                )
                balances[card.id] = max(balances[card.id], 0.0) + top_up - taken
                history.append(order._retail_stored_value_history(card, top_up, taken))
                texts.append((order, card, top_up, taken, balances[card.id]))
        self.env.cr.execute(
            """UPDATE loyalty_card c SET points = v.points
                 FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::float[]) AS points) v
                WHERE c.id = v.id""",
            [list(balances), list(balances.values())],
        )
        cards.invalidate_recordset(["points"])
        # the card's statement (core's history, on the card and the member's portal),
        # for the orders of offline tills too, which never confirm their points
        self.env["loyalty.history"].sudo().create(history)
        orders.sudo().write({"retail_stored_value_debited": True})
        for order, reasons in problems.items():
            order._retail_flag_stored_value(reasons)
        self._retail_text_stored_value(texts)

    @api.model
    def _retail_text_stored_value(self, moves):
        """余额提醒: a text to the member for each top-up and payment of their card,
        with the new balance, when their company sends them (queued: core's SMS job
        sends them, not the till's synchronisation)."""
        texts = []
        for order, card, top_up, taken, balance in moves:
            if not order.company_id.retail_sms_stored_value or not card.partner_id:
                continue
            env = self.with_context(lang=card.partner_id.lang).env
            store = order.config_id.name
            for amount, term in (
                (
                    top_up,
                    env._(
                        "Your stored value card was topped up with %(amount)s at "
                        "%(store)s; balance: %(balance)s."
                    ),
                ),
                (
                    taken,
                    env._(
                        "You paid %(amount)s with your stored value card at "
                        "%(store)s; balance: %(balance)s."
                    ),
                ),
            ):
                if amount:
                    texts.append(
                        (
                            card.partner_id,
                            term
                            % {
                                "amount": format_amount(env, amount, order.currency_id),
                                "store": store,
                                "balance": format_amount(
                                    env, balance, order.currency_id
                                ),
                            },
                        )
                    )
        self.env["retail.member.sms"]._queue(texts)

    def _retail_take_stored_value(self, card, balance, spent, problems):
        """What the order may take off the card: all it spent, or the balance."""
        currency = self.currency_id
        if currency.compare_amounts(spent, balance) > 0:
            problems[self].append(
                self.env._(
                    "Stored value card %(card)s: spent %(spent)s with a balance "
                    "of %(balance)s; %(short)s not covered.",
                    card=card.code,
                    spent=currency.round(spent),
                    balance=currency.round(balance),
                    short=currency.round(spent - balance),
                )
            )
            return balance
        return spent

    def _retail_stored_value_history(self, card, top_up, taken):
        return {
            "card_id": card.id,
            "order_model": self._name,
            "order_id": self.id,
            "description": self.env._(
                "Topped up at the till: %(order)s", order=self.display_name
            )
            if top_up and not taken
            else self.env._("Paid at the till: %(order)s", order=self.display_name),
            "used": taken,
            "issued": top_up,
        }

    def _retail_flag_stored_value(self, reasons):
        self.ensure_one()
        _logger.info("POS order %s flagged for review: %s", self.name, reasons)
        note = "\n".join(filter(None, [self.retail_review_note, *reasons]))
        self.sudo().write(
            {"retail_review_state": "to_review", "retail_review_note": note}
        )

    def confirm_coupon_programs(self, coupon_data):
        """The till confirms its points after the order is synchronised: what it
        spent of a stored value card and topped up was applied at the synchronisation
        (above), so only the rest of its changes is. A card the till made for the
        top-up (a negative id) is the card the synchronisation credited: the answer
        tells the till so."""
        coupon_data = {int(k): v for k, v in coupon_data.items()}
        made = {}
        if self.retail_stored_value_debited:
            for card, (top_up, spent) in self._retail_stored_value_moves()[
                self
            ].items():
                if card.id in coupon_data:
                    coupon_data[card.id]["points"] += spent - top_up
                    continue
                key = next(
                    (
                        key
                        for key, vals in coupon_data.items()
                        if key < 0 and vals.get("program_id") == card.program_id.id
                    ),
                    None,
                )
                if key is not None:
                    coupon_data.pop(key)
                    made[key] = card
        result = super().confirm_coupon_programs(coupon_data)
        result.setdefault("coupon_updates", []).extend(
            {
                "old_id": key,
                "id": card.id,
                "points": card.points,
                "code": card.code,
                "program_id": card.program_id.id,
                "partner_id": card.partner_id.id,
            }
            for key, card in made.items()
        )
        return result

    def add_loyalty_history_lines(self, coupon_data, coupon_updates):
        """The till's history of the order's points: what it spent of a stored value
        card and topped up is in the card's history since the synchronisation
        (above), with what was actually taken; only the rest is added."""
        moves = (
            self._retail_stored_value_moves()[self]
            if self.retail_stored_value_debited
            else {}
        )
        by_id = {card.id: move for card, move in moves.items()}
        ids = {int(item["old_id"]): int(item["id"]) for item in coupon_updates}
        for entry in coupon_data:
            card_id = ids.get(int(entry["card_id"])) or int(entry["card_id"])
            if move := by_id.get(card_id):
                top_up, spent = move
                net = entry.get("won", 0.0) - entry.get("spent", 0.0) + spent - top_up
                entry["won"], entry["spent"] = max(net, 0.0), max(-net, 0.0)
        return super().add_loyalty_history_lines(coupon_data, coupon_updates)

    def validate_coupon_programs(self, point_changes, new_codes):
        """The till's check before payment: a card of another company is refused."""
        ids = [int(k) for k in point_changes]
        cards = self.env["loyalty.card"].sudo().browse(ids).exists()
        foreign = cards.filtered(
            lambda card: card.company_id and card.company_id != self.env.company
        )
        if foreign:
            return {
                "successful": False,
                "payload": {
                    "message": self.env._(
                        "Card %(cards)s belongs to another company.",
                        cards=", ".join(foreign.mapped("code")),
                    ),
                    "removed_coupons": foreign.ids,
                },
            }
        return super().validate_coupon_programs(point_changes, new_codes)
