from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date

ACCOUNT_TYPES = {"receivable": "asset_receivable", "payable": "liability_payable"}


class RetailPartnerStatement(models.Model):
    """对账单: a customer's (or supplier's) account with the company over a period, read
    from the posted entries of its receivable (payable) accounts: the opening
    balance, each entry and the closing balance, in the company currency. Sent to
    the partner, who confirms it or disputes lines; its figures are frozen from
    then on."""

    _name = "retail.partner.statement"
    _description = "Statement of Account"
    _inherit = ["mail.thread", "mail.activity.mixin", "retail.table.mixin"]
    _order = "date_to desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    kind = fields.Selection(
        selection=[
            ("receivable", "Customer (Receivable)"),
            ("payable", "Supplier (Payable)"),
        ],
        required=True,
        default="receivable",
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: self._default_period()[0],
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: self._default_period()[1],
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("confirmed", "Confirmed"),
            ("disputed", "Disputed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Accountant",
        default=lambda self: self.env.user,
        help="Who sends the statement and is told when the partner disputes it.",
    )
    line_ids = fields.One2many(
        comodel_name="retail.partner.statement.line",
        inverse_name="statement_id",
        string="Lines",
    )
    opening_balance = fields.Monetary(readonly=True)
    total_increase = fields.Monetary(readonly=True)
    total_decrease = fields.Monetary(readonly=True)
    closing_balance = fields.Monetary(readonly=True)
    confirmed_by_id = fields.Many2one(
        comodel_name="res.users", string="Confirmed by", readonly=True, copy=False
    )
    confirmed_date = fields.Datetime(string="Confirmed on", readonly=True, copy=False)
    dispute_note = fields.Text(string="Dispute", readonly=True, copy=False)

    @api.model
    def _default_period(self):
        """The last whole month of the user's calendar."""
        today = fields.Date.context_today(self)
        first = today.replace(day=1) - relativedelta(months=1)
        return first, today.replace(day=1) - relativedelta(days=1)

    @api.depends("partner_id", "date_from", "date_to")
    def _compute_name(self):
        for statement in self:
            statement.name = self.env._(
                "Statement %(partner)s %(start)s - %(end)s",
                partner=statement.partner_id.name or "",
                start=statement.date_from or "",
                end=statement.date_to or "",
            )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for statement in self:
            if statement.date_from > statement.date_to:
                raise ValidationError(
                    self.env._(
                        "The statement's start (%(start)s) is after its end (%(end)s).",
                        start=format_date(self.env, statement.date_from),
                        end=format_date(self.env, statement.date_to),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("partner_id"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                vals["partner_id"] = partner.commercial_partner_id.id
        statements = super().create(vals_list)
        statements._retail_compute_lines()
        return statements

    def write(self, vals):
        frozen = {"partner_id", "kind", "date_from", "date_to", "company_id"}
        if frozen & set(vals) and self.filtered(lambda s: s.state != "draft"):
            raise UserError(
                self.env._(
                    "A statement sent to its partner keeps its period and partner: "
                    "set it back to draft first."
                )
            )
        res = super().write(vals)
        if frozen & set(vals):
            self._retail_compute_lines()
        return res

    # ---------------------------------------------------------------- ledger
    def _retail_ledger(self):
        """(opening balance, entries) of this statement from the posted journal
        items of the partner (and its contacts) on the company's receivable
        (payable) accounts: entries are dicts of move_id, date, reference,
        move_kind, increase, decrease, in date order. Positive balances are what
        the customer owes the company (the company owes the supplier)."""
        self.ensure_one()
        sign = 1 if self.kind == "receivable" else -1
        scope = SQL(
            """aml.parent_state = 'posted'
               AND aml.company_id = %(company)s
               AND acc.account_type = %(type)s
               AND aml.partner_id IN (
                   SELECT id FROM res_partner WHERE commercial_partner_id = %(partner)s
               )""",
            company=self.company_id.id,
            type=ACCOUNT_TYPES[self.kind],
            partner=self.partner_id.commercial_partner_id.id,
        )
        self.env["account.move.line"].flush_model()
        self.env["account.move"].flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT COALESCE(SUM(aml.balance), 0)
                     FROM account_move_line aml
                     JOIN account_account acc ON acc.id = aml.account_id
                    WHERE %(scope)s AND aml.date < %(start)s""",
                scope=scope,
                start=self.date_from,
            )
        )
        opening = sign * self.env.cr.fetchone()[0]
        self.env.cr.execute(
            SQL(
                """SELECT aml.move_id, MIN(aml.date), move.name, move.ref,
                          move.move_type, journal.type,
                          BOOL_OR(aml.payment_id IS NOT NULL),
                          SUM(aml.balance)
                     FROM account_move_line aml
                     JOIN account_account acc ON acc.id = aml.account_id
                     JOIN account_move move ON move.id = aml.move_id
                     JOIN account_journal journal ON journal.id = move.journal_id
                    WHERE %(scope)s AND aml.date BETWEEN %(start)s AND %(end)s
                    GROUP BY aml.move_id, move.name, move.ref, move.move_type,
                             journal.type
                    ORDER BY MIN(aml.date), aml.move_id""",
                scope=scope,
                start=self.date_from,
                end=self.date_to,
            )
        )
        rows = self.env.cr.fetchall()
        currency = self.company_id.currency_id
        entries = []
        for (
            move_id,
            date,
            name,
            ref,
            move_type,
            journal_type,
            paid,
            balance,
        ) in rows:
            amount = sign * balance
            if currency.is_zero(amount):
                continue
            entries.append(
                {
                    "move_id": move_id,
                    "date": date,
                    "reference": name,
                    "description": ref or "",
                    "move_kind": self._retail_move_kind(move_type, journal_type, paid),
                    "increase": max(amount, 0.0),
                    "decrease": max(-amount, 0.0),
                }
            )
        return opening, entries

    @api.model
    def _retail_move_kind(self, move_type, journal_type, paid):
        if move_type in ("out_invoice", "in_invoice", "out_receipt", "in_receipt"):
            return "invoice"
        if move_type in ("out_refund", "in_refund"):
            return "credit_note"
        if paid or journal_type in ("bank", "cash"):
            return "payment"
        return "other"

    def _retail_compute_lines(self):
        """Rewrite the lines and totals of these draft statements from the ledger."""
        for statement in self:
            if statement.state != "draft":
                raise UserError(
                    statement.env._(
                        "%(name)s was sent to its partner: its figures no longer "
                        "change. Set it back to draft to recompute it.",
                        name=statement.name,
                    )
                )
            opening, entries = statement._retail_ledger()
            statement.line_ids.unlink()
            balance, lines = opening, []
            for sequence, entry in enumerate(entries, start=1):
                balance += entry["increase"] - entry["decrease"]
                lines.append(
                    {
                        **entry,
                        "statement_id": statement.id,
                        "sequence": sequence,
                        "balance": balance,
                    }
                )
            self.env["retail.partner.statement.line"].create(lines)
            super(RetailPartnerStatement, statement).write(
                {
                    "opening_balance": opening,
                    "total_increase": sum(e["increase"] for e in entries),
                    "total_decrease": sum(e["decrease"] for e in entries),
                    "closing_balance": balance,
                }
            )
        return True

    # --------------------------------------------------------------- actions
    def action_recompute(self):
        self._retail_compute_lines()
        return True

    def action_send(self):
        """Freeze the figures and show the statement to the partner."""
        for statement in self:
            if statement.state != "draft":
                raise UserError(
                    self.env._("%(name)s was already sent.", name=statement.name)
                )
        self._retail_compute_lines()
        self.write({"state": "sent"})
        for statement in self:
            statement.message_subscribe(partner_ids=statement.partner_id.ids)
        return True

    def action_reset_draft(self):
        self.write(
            {
                "state": "draft",
                "confirmed_by_id": False,
                "confirmed_date": False,
                "dispute_note": False,
            }
        )
        self.line_ids.dispute_note = False
        self._retail_compute_lines()
        return True

    def _retail_check_answerable(self):
        for statement in self:
            if statement.state != "sent":
                raise UserError(
                    self.env._(
                        "%(name)s cannot be answered: it is %(state)s.",
                        name=statement.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[statement.state],
                    )
                )

    def retail_confirm(self):
        """The partner agrees with the statement (确认对账)."""
        self._retail_check_answerable()
        self.write(
            {
                "state": "confirmed",
                "confirmed_by_id": self.env.user.id,
                "confirmed_date": fields.Datetime.now(),
            }
        )
        for statement in self:
            statement.message_post(
                body=self.env._(
                    "Confirmed by %(user)s.", user=self.env.user.display_name
                )
            )
        return True

    def retail_dispute(self, note, line_notes=None):
        """The partner disputes the statement: ``note`` says why, ``line_notes``
        maps lines to what is wrong with them. The accountant gets an activity."""
        self.ensure_one()
        note = (note or "").strip()
        line_notes = {
            line: text.strip()
            for line, text in (line_notes or {}).items()
            if text and text.strip()
        }
        if not note and not line_notes:
            raise UserError(
                self.env._("Say what is wrong with the statement to dispute it.")
            )
        if any(line.statement_id != self for line in line_notes):
            raise UserError(self.env._("These lines are not on this statement."))
        self._retail_check_answerable()
        for line, text in line_notes.items():
            line.dispute_note = text
        self.write({"state": "disputed", "dispute_note": note})
        summary = self.env._(
            "Statement disputed by %(partner)s", partner=self.partner_id.name
        )
        details = "\n".join(
            [note]
            + [
                f"{line.reference or line.description}: {text}"
                for line, text in line_notes.items()
            ]
        ).strip()
        self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=details,
            user_id=(self.user_id or self.create_uid).id,
        )
        self.message_post(
            body=self.env._(
                "%(summary)s: %(details)s", summary=summary, details=details
            )
        )
        return True
