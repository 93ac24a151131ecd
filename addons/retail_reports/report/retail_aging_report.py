from odoo import fields, models
from odoo.tools import SQL

AMOUNTS = (
    "amount_residual",
    "amount_not_due",
    "amount_0_30",
    "amount_31_60",
    "amount_61_90",
    "amount_90_plus",
)


class RetailAgingReport(models.Model):
    """Open receivable and payable journal items by days past due, as of today.

    One row per open item (posted, not fully reconciled) with its residual amount in
    the company currency, positive for what the partner owes us (receivable) and for
    what we owe (payable), and that amount again in the bucket of its days past due.
    """

    _name = "retail.aging.report"
    _inherit = ["retail.table.mixin"]
    _description = "Receivable and Payable Aging"
    _auto = False
    _order = "date_maturity, id"
    _depends = {
        "account.move.line": [
            "move_id",
            "company_id",
            "company_currency_id",
            "partner_id",
            "account_id",
            "date",
            "date_maturity",
            "parent_state",
            "reconciled",
            "amount_residual",
        ],
        "account.account": ["account_type"],
    }

    move_line_id = fields.Many2one("account.move.line", readonly=True)
    move_id = fields.Many2one("account.move", string="Entry", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True)
    account_id = fields.Many2one("account.account", readonly=True)
    kind = fields.Selection(
        [("receivable", "Receivable"), ("payable", "Payable")], readonly=True
    )
    date = fields.Date(readonly=True)
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(string="Days Past Due", readonly=True)
    amount_residual = fields.Monetary(string="Open Amount", readonly=True)
    amount_not_due = fields.Monetary(string="Not Due", readonly=True)
    amount_0_30 = fields.Monetary(string="0-30", readonly=True)
    amount_31_60 = fields.Monetary(string="31-60", readonly=True)
    amount_61_90 = fields.Monetary(string="61-90", readonly=True)
    amount_90_plus = fields.Monetary(string="Over 90", readonly=True)

    @property
    def _table_query(self):
        today = fields.Date.context_today(self)
        return SQL(
            """
            SELECT aml.id,
                   aml.id AS move_line_id,
                   aml.move_id,
                   aml.company_id,
                   aml.company_currency_id AS currency_id,
                   aml.partner_id,
                   aml.account_id,
                   CASE WHEN acc.account_type = 'asset_receivable'
                        THEN 'receivable' ELSE 'payable' END AS kind,
                   aml.date,
                   aging.due AS date_maturity,
                   aging.days AS days_overdue,
                   aging.amount AS amount_residual,
                   CASE WHEN aging.days < 0 THEN aging.amount ELSE 0 END
                       AS amount_not_due,
                   CASE WHEN aging.days BETWEEN 0 AND 30 THEN aging.amount ELSE 0 END
                       AS amount_0_30,
                   CASE WHEN aging.days BETWEEN 31 AND 60 THEN aging.amount ELSE 0 END
                       AS amount_31_60,
                   CASE WHEN aging.days BETWEEN 61 AND 90 THEN aging.amount ELSE 0 END
                       AS amount_61_90,
                   CASE WHEN aging.days > 90 THEN aging.amount ELSE 0 END
                       AS amount_90_plus
              FROM account_move_line aml
              JOIN account_account acc ON acc.id = aml.account_id
             CROSS JOIN LATERAL (
                   SELECT COALESCE(aml.date_maturity, aml.date) AS due,
                          %(today)s::date - COALESCE(aml.date_maturity, aml.date)
                              AS days,
                          CASE WHEN acc.account_type = 'asset_receivable'
                               THEN aml.amount_residual
                               ELSE -aml.amount_residual END AS amount
                   ) aging
             WHERE aml.parent_state = 'posted'
               AND acc.account_type IN ('asset_receivable', 'liability_payable')
               AND NOT aml.reconciled
               AND aml.amount_residual != 0
            """,
            today=today,
        )

    def _retail_table(self):
        """One row per partner and kind (receivable, payable) with its buckets, and a
        total row per kind."""
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        groups = self._read_group(
            [("id", "in", self.ids)],
            ["kind", "partner_id"],
            [f"{name}:sum" for name in AMOUNTS],
            order="kind, partner_id",
        )
        rows, bold, totals = [], [], {}
        for kind, partner, *amounts in groups:
            rows.append(
                (
                    kinds[kind],
                    partner.display_name or self.env._("No partner"),
                    *amounts,
                )
            )
            total = totals.setdefault(kind, [0.0] * len(amounts))
            for index, amount in enumerate(amounts):
                total[index] += amount
        for kind, amounts in totals.items():
            bold.append(len(rows))
            rows.append((kinds[kind], self.env._("Total"), *amounts))
        return {
            "title": self.env._("Receivable and Payable Aging"),
            "subtitle": self.env._(
                "Open items as of %(date)s", date=fields.Date.context_today(self)
            ),
            "headers": [
                self.env._("Kind"),
                self.env._("Partner"),
                self._fields["amount_residual"].get_description(self.env)["string"],
                self._fields["amount_not_due"].get_description(self.env)["string"],
                "0-30",
                "31-60",
                "61-90",
                self._fields["amount_90_plus"].get_description(self.env)["string"],
            ],
            "rows": rows,
            "bold_rows": bold,
        }
