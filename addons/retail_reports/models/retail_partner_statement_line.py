from odoo import fields, models

MOVE_KINDS = [
    ("invoice", "Invoice"),
    ("credit_note", "Credit Note"),
    ("payment", "Payment"),
    ("other", "Other Entry"),
]


class RetailPartnerStatementLine(models.Model):
    """One journal entry of a statement of account: what it added to or took off
    the partner's balance, and the balance after it (frozen once the statement is
    sent)."""

    _name = "retail.partner.statement.line"
    _description = "Statement of Account Line"
    _order = "statement_id, sequence, id"

    statement_id = fields.Many2one(
        comodel_name="retail.partner.statement",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="statement_id.company_id", store=True)
    currency_id = fields.Many2one(related="statement_id.currency_id")
    sequence = fields.Integer()
    date = fields.Date(required=True)
    move_id = fields.Many2one(
        comodel_name="account.move", string="Journal Entry", readonly=True
    )
    reference = fields.Char(string="Document")
    move_kind = fields.Selection(selection=MOVE_KINDS, string="Kind", required=True)
    description = fields.Char()
    increase = fields.Monetary(
        help="What the entry added to the balance: invoices for a customer (we are "
        "owed more), supplier bills for a supplier (we owe more).",
    )
    decrease = fields.Monetary(
        help="What the entry took off the balance: payments and credit notes.",
    )
    balance = fields.Monetary()
    dispute_note = fields.Text(
        string="Dispute",
        help="What the partner says is wrong with this line (确认对账 disputed).",
    )
