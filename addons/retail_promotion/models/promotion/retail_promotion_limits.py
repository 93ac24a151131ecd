from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class RetailPromotionLimits(models.AbstractModel):
    """A promotion's limits: how many orders one customer may get it on, and the
    budget of what it may give in all (discounts, and gifts at their price, taxes
    included). The one rule of sale orders (refused at confirmation) and tills
    (flagged by the server's review): ``_retail_limit_excess``, under a lock of the
    promotions' rows so that orders counted at the same moment are counted one after
    the other."""

    _name = "retail.promotion.limits"
    _description = "Promotion Limits"

    # the promotion's company currency (``retail.promotion`` relates it)
    currency_id = fields.Many2one("res.currency")
    limit_per_customer = fields.Integer(
        string="Orders per Customer",
        help="How many orders one customer (with all its contacts) may get the "
        "promotion on; 0 for no limit. A walk-in customer's order counts alone.",
    )
    budget = fields.Monetary(
        help="What the promotion may give in all: its discounts, and its gifts at "
        "their price, taxes included; 0 for no budget.",
    )
    budget_used = fields.Monetary(compute="_compute_budget_used")
    last_use_date = fields.Datetime(readonly=True, copy=False)

    @api.constrains("limit_per_customer", "budget")
    def _check_limits(self):
        for promotion in self:
            if promotion.limit_per_customer < 0 or promotion.budget < 0:
                raise ValidationError(
                    _(
                        "Promotion “%(name)s”: the orders per customer and the budget "
                        "cannot be negative.",
                        name=promotion.name,
                    )
                )

    def _compute_budget_used(self):
        used = self._retail_used()
        for promotion in self:
            promotion.budget_used = sum(
                amount
                for (promotion_id, _customer), (_orders, amount) in used.items()
                if promotion_id == promotion.id
            )

    # ------------------------------------------------------------ counting
    def _retail_used(self):
        """{(promotion id, commercial partner id or None): (orders, amount given)}
        over confirmed sale orders; the till's addon adds the tills' paid orders."""
        used = defaultdict(lambda: (0, 0.0))
        ids = tuple(self.filtered("id").ids)
        if not ids:
            return used
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT p.retail_promotion_id, partner.commercial_partner_id,
                       COUNT(DISTINCT o.id),
                       SUM(CASE WHEN r.reward_type = 'discount' THEN -l.price_total
                                ELSE l.price_unit * l.product_uom_qty END)
                  FROM sale_order_line l
                  JOIN sale_order o ON o.id = l.order_id
                  JOIN res_partner partner ON partner.id = o.partner_id
                  JOIN loyalty_reward r ON r.id = l.reward_id
                  JOIN loyalty_program p ON p.id = r.program_id
                 WHERE p.retail_promotion_id IN %s AND o.state = 'sale'
              GROUP BY 1, 2
                """,
                ids,
            )
        )
        for promotion_id, customer_id, orders, amount in self.env.cr.fetchall():
            used[promotion_id, customer_id] = (orders, amount or 0.0)
        return used

    def _retail_lock(self):
        """Lock the promotions' rows, in id order (no deadlock between two orders)."""
        if self:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM retail_promotion WHERE id IN %s ORDER BY id "
                    "FOR UPDATE",
                    tuple(self.ids),
                )
            )

    def _retail_limit_excess(self, ordered, counted=False):
        """What orders take beyond the promotions' limits.

        ``ordered``: {(promotion, commercial partner or None): (orders, amount)} of
        the orders checked; ``counted``: they are saved already, so what was used
        includes them. The promotions are locked, then what they gave is read; the
        caller then writes them (``_retail_count_order``), so that a transaction that
        counted before this one committed fails to serialize and runs again.

        Returns [{"promotion", "customer" (None for the budget), "used" (before these
        orders), "qty" (orders, or amount for the budget), "limit"}].
        """
        promotions = self.filtered(lambda p: p.limit_per_customer or p.budget)
        if not promotions:
            return []
        promotions._retail_lock()
        used = promotions._retail_used()
        excess = []
        for promotion in promotions:
            mine = {
                customer: values
                for (other, customer), values in ordered.items()
                if other == promotion
            }
            if not mine:
                continue
            amount = sum(values[1] for values in mine.values())
            given = sum(
                values[1]
                for (promotion_id, _customer), values in used.items()
                if promotion_id == promotion.id
            )
            before = given - amount if counted else given
            if (
                promotion.budget
                and promotion.currency_id.compare_amounts(
                    before + amount, promotion.budget
                )
                > 0
            ):
                excess.append(
                    {
                        "promotion": promotion,
                        "customer": None,
                        "used": before,
                        "qty": amount,
                        "limit": promotion.budget,
                    }
                )
            if not promotion.limit_per_customer:
                continue
            for customer, (orders, _amount) in mine.items():
                if not customer:
                    continue
                had = used[promotion.id, customer.id][0]
                had = had - orders if counted else had
                if had + orders > promotion.limit_per_customer:
                    excess.append(
                        {
                            "promotion": promotion,
                            "customer": customer,
                            "used": had,
                            "qty": orders,
                            "limit": promotion.limit_per_customer,
                        }
                    )
        return excess

    def _retail_count_order(self):
        """A write on the locked rows after the check (see ``_retail_limit_excess``)."""
        limited = self.filtered(lambda p: p.limit_per_customer or p.budget)
        if limited:
            limited.sudo().write({"last_use_date": fields.Datetime.now()})

    def _retail_excess_message(self, item):
        promotion, customer = item["promotion"], item["customer"]
        if customer is not None:
            return _(
                "%(customer)s may get the promotion %(promotion)s on %(limit)s orders: "
                "%(used)s already.",
                customer=customer.display_name,
                promotion=promotion.name,
                limit=item["limit"],
                used=item["used"],
            )
        currency = promotion.currency_id
        return _(
            "The promotion %(promotion)s has %(left)s left of its budget of "
            "%(budget)s: this would give %(amount)s.",
            promotion=promotion.name,
            left=currency.round(max(item["limit"] - item["used"], 0.0)),
            budget=item["limit"],
            amount=currency.round(item["qty"]),
        )
