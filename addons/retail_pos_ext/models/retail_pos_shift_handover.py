from datetime import datetime, time

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .pos_order import POS_SOLD_STATES


class RetailPosShiftHandover(models.Model):
    """交班: what a cashier hands over at the end of their shift in a POS session — their
    sales by payment method, their refunds, and the cash expected against the cash
    counted. The figures are computed once, when the cashier hands over, and kept."""

    _name = "retail.pos.shift.handover"
    _description = "Shift Handover"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    session_id = fields.Many2one(
        comodel_name="pos.session",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    config_id = fields.Many2one(
        related="session_id.config_id", string="Till", store=True
    )
    warehouse_id = fields.Many2one(
        related="session_id.config_id.retail_warehouse_id",
        string="Store",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="session_id.currency_id")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Cashier",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    date_start = fields.Datetime(
        string="Shift Start",
        required=True,
        help="The cashier's previous handover in the session, or its opening.",
    )
    date = fields.Datetime(
        string="Handed Over On", required=True, default=fields.Datetime.now
    )
    order_count = fields.Integer(string="Sales")
    sales_amount = fields.Monetary(string="Sales Total")
    refund_count = fields.Integer(string="Refunds")
    refund_amount = fields.Monetary(string="Refunds Total")
    cash_float = fields.Monetary(
        string="Opening Float",
        help="The cash the session was opened with (备用金). It stays in the drawer "
        "from shift to shift, so every handover expects it.",
    )
    cash_expected = fields.Monetary(
        help="The opening float, plus the cash payments of the cashier's orders (change "
        "deducted) and their cash in and out.",
    )
    cash_counted = fields.Monetary()
    cash_difference = fields.Monetary(compute="_compute_cash_difference", store=True)
    order_ids = fields.Many2many(
        comodel_name="pos.order",
        relation="retail_pos_shift_handover_order_rel",
        column1="handover_id",
        column2="order_id",
        string="Orders",
        help="The orders this handover counts; the cashier's next handover in the "
        "session counts the others.",
    )
    payment_summary = fields.Json(
        string="Payments",
        help="Per payment method: its name, the number of payments and their total.",
    )
    note = fields.Text()

    @api.depends("user_id", "date")
    def _compute_name(self):
        for handover in self:
            handover.name = self.env._(
                "Handover %(cashier)s %(date)s",
                cashier=handover.user_id.name or "",
                date=fields.Datetime.to_string(handover.date) or "",
            )

    @api.depends("cash_expected", "cash_counted")
    def _compute_cash_difference(self):
        for handover in self:
            handover.cash_difference = handover.currency_id.round(
                handover.cash_counted - handover.cash_expected
            )

    @api.model
    def retail_create_from_ui(self, session_id, cash_counted, note=False):
        """The current user hands over their shift in this open session; return the
        figures for the till to show."""
        session = self.env["pos.session"].browse(session_id).exists()
        if not session or session.state not in ("opening_control", "opened"):
            raise UserError(
                self.env._("A shift can only be handed over in an open session.")
            )
        try:
            cash_counted = float(cash_counted)
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._("The cash counted must be an amount.")
            ) from error
        if cash_counted < 0:
            raise UserError(self.env._("The cash counted cannot be negative."))
        user = self.env.user
        previous = self.search(
            [("session_id", "=", session.id), ("user_id", "=", user.id)],
            order="date desc, id desc",
            limit=1,
        )
        date = fields.Datetime.now()
        # a first handover covers the cashier's day, not a session left open for days
        date_start = previous.date or max(
            session.start_at or session.create_date, self._retail_day_start(date)
        )
        values = self._retail_figures(session, user, date_start, date, bool(previous))
        # the figures are the server's: cashiers cannot create handovers themselves
        handover = self.sudo().create(
            {
                **values,
                "session_id": session.id,
                "user_id": user.id,
                "date_start": date_start,
                "date": date,
                "cash_counted": cash_counted,
                "note": note or False,
            }
        )
        return handover.sudo(False)._retail_ui_summary()

    @api.model
    def _retail_day_start(self, date):
        """The start of the cashier's day holding ``date`` (UTC): midnight in their
        time zone, else the company's."""
        tz = pytz.timezone(self.env.user.tz or self.env.company.partner_id.tz or "UTC")
        local = pytz.utc.localize(date).astimezone(tz)
        midnight = tz.localize(datetime.combine(local.date(), time.min))
        return midnight.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _retail_figures(self, session, user, date_start, date, after_handover=False):
        """Sales, refunds and payments of ``user`` in ``session`` that no handover
        counted yet, and their cash in and out since ``date_start``, in a few grouped
        queries."""
        counted = self.search(
            [("session_id", "=", session.id), ("user_id", "=", user.id)]
        ).order_ids
        order_domain = [
            ("session_id", "=", session.id),
            ("user_id", "=", user.id),
            ("state", "in", POS_SOLD_STATES),
            ("id", "not in", counted.ids),
        ]
        if not after_handover:
            # orders of earlier days, when nobody handed over, are not this shift's
            order_domain.append(("date_order", ">=", date_start))
        Order = self.env["pos.order"]
        orders = Order.search(order_domain)
        [(order_count, sales_amount)] = Order._read_group(
            [*order_domain, ("amount_total", ">=", 0)],
            [],
            ["__count", "amount_total:sum"],
        )
        [(refund_count, refund_amount)] = Order._read_group(
            [*order_domain, ("amount_total", "<", 0)],
            [],
            ["__count", "amount_total:sum"],
        )
        payments = self.env["pos.payment"]._read_group(
            [
                ("pos_order_id", "any", order_domain),
            ],
            ["payment_method_id"],
            ["__count", "amount:sum"],
        )
        cash_moves = (
            self.env["account.bank.statement.line"]
            .sudo()
            ._read_group(
                [
                    ("pos_session_id", "=", session.id),
                    ("create_uid", "=", user.id),
                    ("create_date", ">" if after_handover else ">=", date_start),
                    ("create_date", "<=", date),
                ],
                [],
                ["amount:sum"],
            )[0][0]
        )
        cash_payments = sum(
            amount for method, _count, amount in payments if method.is_cash_count
        )
        return {
            "order_ids": [Command.set(orders.ids)],
            "order_count": order_count,
            "sales_amount": sales_amount,
            "refund_count": refund_count,
            "refund_amount": refund_amount,
            "cash_float": session.cash_register_balance_start,
            "cash_expected": session.currency_id.round(
                session.cash_register_balance_start + cash_payments + cash_moves
            ),
            "payment_summary": [
                {
                    "method": method.name,
                    "count": count,
                    "amount": session.currency_id.round(amount),
                    "is_cash": method.is_cash_count,
                }
                for method, count, amount in sorted(
                    payments, key=lambda group: (group[0].sequence, group[0].id)
                )
            ],
        }

    def _retail_ui_summary(self):
        self.ensure_one()
        return {
            "id": self.id,
            "name": self.name,
            "order_count": self.order_count,
            "sales_amount": self.sales_amount,
            "refund_count": self.refund_count,
            "refund_amount": self.refund_amount,
            "cash_float": self.cash_float,
            "cash_expected": self.cash_expected,
            "cash_counted": self.cash_counted,
            "cash_difference": self.cash_difference,
            "payments": self.payment_summary or [],
        }
