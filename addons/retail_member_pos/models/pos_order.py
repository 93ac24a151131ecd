import logging
from collections import defaultdict

from odoo import api, fields, models

from odoo.addons.retail_pos_ext.models.pos_order import POS_SOLD_STATES

_logger = logging.getLogger(__name__)


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_stored_value_bonus = fields.Monetary(
        string="Stored Value Bonus",
        copy=False,
        readonly=True,
        help="The top-up bonus (充值赠送) this order gave on the members' stored value "
        "cards: not paid, not on the 预收账款.",
    )
    retail_stored_value_bonus_spent = fields.Monetary(
        string="Stored Value Bonus Spent",
        copy=False,
        readonly=True,
        help="The bonus part of what this order paid with stored value cards (given "
        "back by a refund: negative), booked as a discount on the sales when the "
        "session is closed.",
    )
    retail_coupons_checked = fields.Boolean(
        copy=False,
        readonly=True,
        help="The one-time coupons this order redeems were counted when the till "
        "synchronised it.",
    )
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
        # 单次券: a coupon used twice (two tills, offline) or expired is flagged
        synced._retail_check_coupons()
        # the till learns the top-up bonus it gave (shown on the receipt)
        for values in result.get("pos.order", []):
            if "id" in values:
                order = self.browse(values["id"])
                values["retail_stored_value_bonus"] = order.retail_stored_value_bonus
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

    def _retail_check_coupons(self):
        orders = self.filtered(
            lambda order: (
                order.state in POS_SOLD_STATES and not order.retail_coupons_checked
            )
        )
        if not orders:
            return
        problems = self.env["loyalty.card"]._retail_check_till_coupons(orders)
        orders.sudo().write({"retail_coupons_checked": True})
        for order, reasons in problems.items():
            order._retail_flag_stored_value(reasons)

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
        cards = self.env["loyalty.card"]._retail_stored_value_cards(
            {
                (
                    order.company_id.sudo().retail_stored_value_program_id,
                    order.partner_id.commercial_partner_id,
                )
                for order, __ in top_ups
                if order.partner_id
            }
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

    def _retail_debit_stored_value(self):
        """Apply what the synchronised orders do to the members' stored value cards
        (top-ups with their bonus, and spending), against the balance on the server,
        whatever the (offline) till believed: an offline till never confirms its
        points itself.

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
            """SELECT id, points, COALESCE(retail_stored_value_bonus, 0), company_id
                 FROM loyalty_card
                WHERE id IN %s ORDER BY id FOR UPDATE""",
            [tuple(cards.ids)],
        )
        state = {row[0]: list(row[1:]) for row in self.env.cr.fetchall()}
        bonuses = self.env["retail.stored.value.bonus"]._retail_pos_bonuses(
            orders, moves
        )
        problems, history, texts = defaultdict(list), [], []
        for order in orders.sorted("id"):
            for card, move in moves.get(order, {}).items():
                if applied := order._retail_apply_stored_value(
                    card, move, state, bonuses[order, card], problems
                ):
                    history.append(applied[0])
                    texts.append(applied[1])
        self.env.cr.execute(
            """UPDATE loyalty_card c
                  SET points = v.points, retail_stored_value_bonus = v.bonus
                 FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::float[]) AS points,
                              unnest(%s::float[]) AS bonus) v
                WHERE c.id = v.id""",
            [
                list(state),
                [value[0] for value in state.values()],
                [value[1] for value in state.values()],
            ],
        )
        cards.invalidate_recordset(["points", "retail_stored_value_bonus"])
        # the card's statement (core's history, on the card and the member's portal),
        # for the orders of offline tills too, which never confirm their points
        self.env["loyalty.history"].sudo().create(history)
        orders.sudo().write({"retail_stored_value_debited": True})
        for order, reasons in problems.items():
            order._retail_flag_stored_value(reasons)
        self.env["retail.member.sms"]._text_stored_value(texts)

    def _retail_apply_stored_value(self, card, move, state, bonuses, problems):
        """Apply the order's ``move`` (topped up, spent) of ``card`` to the card's
        ``state`` (balance, bonus part, company) with its ``bonuses`` (given, given
        back, taken back): (the card's history line, the text's values), or None
        for a card of another company."""
        top_up, spent = move
        balance, bonus, company_id = state[card.id]
        if company_id and company_id != self.company_id.id:
            problems[self].append(
                self.env._(
                    "Stored value card %(card)s belongs to another company: "
                    "%(spent)s not taken off it.",
                    card=card.code,
                    spent=self.currency_id.round(spent),
                )
            )
            return None
        gift, back, clawback = bonuses
        balance = max(balance, 0.0) + top_up + gift
        bonus = min(max(bonus, 0.0) + gift + back, balance)
        taken = self._retail_take_stored_value(
            card, balance, spent + clawback, problems
        )
        # the bonus part of what is spent is a discount on the sale; the bonus of a
        # top-up given back is simply taken back
        bonus_taken = (
            min(bonus, clawback)
            if clawback or not spent
            else self.env["retail.stored.value.bonus"]._retail_bonus_spent(
                self.currency_id, balance, bonus, taken
            )
        )
        state[card.id] = [balance - taken, bonus - bonus_taken, company_id]
        self.retail_stored_value_bonus += gift
        self.retail_stored_value_bonus_spent += (
            0.0 if clawback else bonus_taken
        ) - back
        return (
            self._retail_stored_value_history(card, top_up + gift, taken),
            (
                self.company_id,
                card,
                self.config_id.name,
                top_up,
                gift,
                taken,
                balance - taken,
            ),
        )

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
        (above), with what was actually taken; only the rest is added. Core's till
        sends the net of a card's points: the points redeemed by the order's rewards
        are written as used and its points earned as issued, so that the statement
        (and the member analysis) tells redeeming from earning."""
        costs = defaultdict(float)
        for line in self.lines.filtered("is_reward_line"):
            costs[line.coupon_id.id] += line.points_cost
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
            elif cost := costs.get(card_id):
                net = entry.get("won", 0.0) - entry.get("spent", 0.0)
                entry["won"], entry["spent"] = max(net + cost, 0.0), cost
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
