import random
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..promotion.store_scope import own_stores_only


class RetailPromotionLottery(models.Model):
    """抽奖: a draw among the orders of a period that meet a condition (stores, amount,
    customers only), the winners recorded with their orders. Each order is a ticket;
    a customer wins once."""

    _name = "retail.promotion.lottery"
    _inherit = ["retail.company.mixin"]
    _description = "Lottery"
    _order = "date_to desc, id desc"

    name = fields.Char(required=True, help="e.g. 国庆购物抽奖")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="Orders From", required=True)
    date_to = fields.Date(string="Orders Until", required=True)
    warehouse_ids = fields.Many2many(
        comodel_name="stock.warehouse",
        string="Stores",
        check_company=True,
        domain="[('retail_role', '=', 'store')]",
        help="Orders of these stores take part (their tills and sale orders); empty "
        "for every store (head office only).",
    )
    min_amount = fields.Monetary(
        string="Orders of at Least",
        help="Order amount, taxes included, an order needs to take part.",
    )
    customers_only = fields.Boolean(
        default=True,
        help="Only orders of a known customer (a member) take part: a winner must be "
        "reached.",
    )
    winner_count = fields.Integer(string="Winners", default=3, required=True)
    prize = fields.Char(help="e.g. 500元购物卡")
    state = fields.Selection(
        selection=[("draft", "To Draw"), ("drawn", "Drawn")],
        default="draft",
        readonly=True,
        copy=False,
    )
    ticket_count = fields.Integer(
        string="Orders Taking Part", readonly=True, copy=False
    )
    drawn_date = fields.Datetime(readonly=True, copy=False)
    drawn_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    winner_ids = fields.One2many(
        comodel_name="retail.promotion.lottery.winner",
        inverse_name="lottery_id",
        string="Winners List",
        readonly=True,
        copy=False,
    )

    @api.constrains("date_from", "date_to", "winner_count", "min_amount")
    def _check_lottery(self):
        for lottery in self:
            if lottery.date_to < lottery.date_from:
                raise ValidationError(
                    _(
                        "Lottery “%(name)s”: the end (%(end)s) is before the start "
                        "(%(start)s).",
                        name=lottery.name,
                        end=lottery.date_to,
                        start=lottery.date_from,
                    )
                )
            if lottery.winner_count < 1 or lottery.min_amount < 0:
                raise ValidationError(
                    _(
                        "Lottery “%(name)s”: it needs at least one winner and an "
                        "amount that is not negative.",
                        name=lottery.name,
                    )
                )

    def _retail_check_stores(self):
        """A store manager draws among their own stores' orders only."""
        own_stores_only(
            self,
            lambda lottery: self.env._(
                "Lottery “%(name)s”: you draw among your own stores' orders only; a "
                "draw of other or all stores is head office's.",
                name=lottery.name,
            ),
        )

    @api.model_create_multi
    def create(self, vals_list):
        lotteries = super().create(vals_list)
        lotteries._retail_check_stores()
        return lotteries

    def write(self, vals):
        self._retail_check_stores()
        if self.filtered(lambda lottery: lottery.state == "drawn"):
            raise UserError(_("A lottery that was drawn cannot be changed."))
        result = super().write(vals)
        self._retail_check_stores()
        return result

    # ------------------------------------------------------------ the draw
    def _retail_window(self):
        """The period as UTC datetimes, its days in the user's time zone (as Odoo
        reads "today")."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(self.date_from, time.min))
        end = tz.localize(datetime.combine(self.date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _retail_tickets(self):
        """[(reference, commercial partner id or None, amount, model, id)]: the
        orders taking part, sale orders here; the tills' addon adds the tills'."""
        self.ensure_one()
        start, end = self._retail_window()
        self.env["sale.order"].flush_model()
        query = SQL(
            """
            SELECT so.name, partner.commercial_partner_id, so.amount_total,
                   'sale.order', so.id
              FROM sale_order so
         LEFT JOIN res_partner partner ON partner.id = so.partner_id
             WHERE so.state = 'sale'
               AND so.company_id = %(company)s
               AND so.date_order >= %(start)s AND so.date_order < %(end)s
               AND so.amount_total >= %(amount)s
               %(stores)s
            """,
            company=self.company_id.id,
            start=start,
            end=end,
            amount=self.min_amount,
            stores=(
                SQL("AND so.warehouse_id IN %s", tuple(self.warehouse_ids.ids))
                if self.warehouse_ids
                else SQL()
            ),
        )
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    def action_draw(self):
        """Draw the winners: orders picked at random (the system's random source), a
        customer once; the draw is recorded and cannot be made again."""
        self.ensure_one()
        self.check_access("write")
        self._retail_check_stores()
        if self.state == "drawn":
            raise UserError(_("Lottery “%(name)s” was drawn already.", name=self.name))
        tickets = [
            ticket
            for ticket in self._retail_tickets()
            if ticket[1] or not self.customers_only
        ]
        if not tickets:
            raise UserError(
                _("Lottery “%(name)s”: no order takes part.", name=self.name)
            )
        random.SystemRandom().shuffle(tickets)
        winners, seen = [], set()
        for reference, partner_id, amount, model, res_id in tickets:
            if partner_id and partner_id in seen:
                continue
            seen.add(partner_id)
            winners.append(
                {
                    "sequence": len(winners) + 1,
                    "order_reference": reference,
                    "partner_id": partner_id or False,
                    "amount": amount,
                    "res_model": model,
                    "res_id": res_id,
                }
            )
            if len(winners) == self.winner_count:
                break
        self.sudo().write(
            {
                "state": "drawn",
                "ticket_count": len(tickets),
                "drawn_date": fields.Datetime.now(),
                "drawn_by_id": self.env.uid,
                "winner_ids": [fields.Command.create(winner) for winner in winners],
            }
        )
        return True


class RetailPromotionLotteryWinner(models.Model):
    _name = "retail.promotion.lottery.winner"
    _description = "Lottery Winner"
    _order = "lottery_id, sequence"

    lottery_id = fields.Many2one(
        "retail.promotion.lottery", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="lottery_id.company_id", store=True)
    currency_id = fields.Many2one(related="lottery_id.currency_id")
    sequence = fields.Integer(string="#")
    order_reference = fields.Char(string="Order")
    partner_id = fields.Many2one("res.partner", string="Customer")
    amount = fields.Monetary()
    res_model = fields.Char(string="Order Model")
    res_id = fields.Integer(string="Order ID")
