from collections import defaultdict

from odoo import api, fields, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_till_uses = fields.Integer(
        string="Uses at the Tills",
        readonly=True,
        copy=False,
        help="How many orders of the tills used this one-time coupon (券), counted "
        "when the tills synchronise them: a second use is flagged for review.",
    )

    @api.model
    def _retail_check_till_coupons(self, orders):
        """单次券: the one-time coupons (core's Coupons programs: a birthday coupon…)
        that ``orders`` redeem, counted against their uses on the server; an order
        using a coupon already used (at another till, or offline) or expired on the
        day of the order is kept as paid and flagged, never refused: {order:
        [reasons]}. The coupons' rows are updated (locked) so that two tills
        redeeming one coupon at once are counted one after the other."""
        uses = defaultdict(list)
        for card, order in (
            self.env["pos.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_id", "in", orders.ids),
                    ("is_reward_line", "=", True),
                    ("coupon_id.program_id.program_type", "=", "coupons"),
                ],
                ["coupon_id", "order_id"],
            )
        ):
            uses[card].append(order)
        if not uses:
            return {}
        self.env.cr.execute(
            """UPDATE loyalty_card c
                  SET retail_till_uses = COALESCE(c.retail_till_uses, 0) + v.n
                 FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::int[]) AS n) v
                WHERE c.id = v.id
            RETURNING c.id, c.retail_till_uses""",
            [[card.id for card in uses], [len(used) for used in uses.values()]],
        )
        counted = dict(self.env.cr.fetchall())
        self.browse(counted).invalidate_recordset(["retail_till_uses"])
        problems = defaultdict(list)
        for card, used in uses.items():
            before = counted[card.id] - len(used)
            # the orders in the order they were made (their ids)
            for rank, order in enumerate(sorted(used, key=lambda o: o.id), before + 1):
                day = fields.Date.context_today(order, order.date_order)
                if rank > 1:
                    problems[order].append(
                        self.env._(
                            "Coupon %(code)s was already used before this order.",
                            code=card.code,
                        )
                    )
                if card.expiration_date and card.expiration_date < day:
                    problems[order].append(
                        self.env._(
                            "Coupon %(code)s expired on %(date)s, before this order.",
                            code=card.code,
                            date=card.expiration_date,
                        )
                    )
        return problems
