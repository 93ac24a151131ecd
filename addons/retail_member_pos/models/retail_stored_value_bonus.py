from collections import defaultdict

from odoo import api, fields, models


class RetailStoredValueBonus(models.Model):
    _inherit = "retail.stored.value.bonus"

    @api.model
    def _retail_pos_bonuses(self, orders, moves):
        """{(order, card): (bonus given, bonus given back, bonus taken back)} of the
        orders' stored value ``moves``: a top-up gets the company's top-up bonus
        (充值赠送); a refund to the card of an order paid with it gives back the bonus
        part that order spent; a top-up given back takes back its bonus. The part of
        a refund is in proportion to what it refunds of its original orders."""
        Line = self.env["pos.order.line"].sudo()
        Order = self.env["pos.order"]
        refunded = defaultdict(Order.browse)
        for order, line in Line._read_group(
            [("order_id", "in", orders.ids), ("refunded_orderline_id", "!=", False)],
            ["order_id", "refunded_orderline_id"],
        ):
            refunded[order] |= line.order_id
        originals = Order.union(*refunded.values())
        before = originals._retail_stored_value_moves() if originals else {}
        plain = [
            (order, card, top_up)
            for order, per_card in moves.items()
            for card, (top_up, __) in per_card.items()
            if top_up > 0 and order not in refunded
        ]
        gifts = self._retail_bonuses(
            [
                (
                    order.company_id,
                    card.partner_id,
                    top_up,
                    fields.Date.context_today(order, order.date_order),
                )
                for order, card, top_up in plain
            ]
        )
        result = defaultdict(lambda: (0.0, 0.0, 0.0))
        for (order, card, __), gift in zip(plain, gifts, strict=True):
            result[order, card] = (gift, 0.0, 0.0)
        for order, sources in refunded.items():
            for card, (top_up, spent) in moves.get(order, {}).items():
                was = [before.get(o, {}).get(card, [0.0, 0.0]) for o in sources]
                was_top_up = sum(item[0] for item in was)
                was_spent = sum(item[1] for item in was)
                back = clawback = 0.0
                if top_up > 0 and was_spent > 0:
                    spent_bonus = sum(sources.mapped("retail_stored_value_bonus_spent"))
                    back = min(top_up / was_spent, 1.0) * spent_bonus
                if spent > 0 and was_top_up > 0:
                    given = sum(sources.mapped("retail_stored_value_bonus"))
                    clawback = min(spent / was_top_up, 1.0) * given
                currency = order.currency_id
                result[order, card] = (
                    0.0,
                    currency.round(back),
                    currency.round(clawback),
                )
        return result
