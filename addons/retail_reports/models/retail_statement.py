from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.osv import expression

from ..tools.statement_formula import evaluate, parse, references
from ..tools.xlsx import download_action, table_xlsx
from .retail_statement_line import STATEMENTS

# monetary funds (货币资金) of the Chinese charts: cash, bank, other monetary funds
CASH_PREFIXES = ("1001", "1002", "1012")


class RetailStatement(models.TransientModel):
    """A financial statement of a company for a period, with three columns.

    Income statement and cash flow: the period, the same period last year and the
    year to date. Balance sheet: the end of the period, the same date last year and
    the beginning of the year. Each column is one ``_read_group`` over the posted
    journal items, by account; the line formulas then add the accounts by code prefix.
    """

    _name = "retail.statement"
    _inherit = ["retail.period.mixin"]
    _description = "Financial Statement"

    statement = fields.Selection(STATEMENTS, required=True, default="income")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # the period of the analyses (``retail.period.mixin``), by default this month
    date_from = fields.Date(
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(default=lambda self: fields.Date.context_today(self))
    row_ids = fields.One2many("retail.statement.row", "statement_id", string="Lines")
    column_1_label = fields.Char(compute="_compute_column_labels")
    column_2_label = fields.Char(compute="_compute_column_labels")
    column_3_label = fields.Char(compute="_compute_column_labels")

    @api.depends("statement", "date_from", "date_to")
    def _compute_column_labels(self):
        for wizard in self:
            labels = [label for label, __, __ in wizard._columns()]
            (
                wizard.column_1_label,
                wizard.column_2_label,
                wizard.column_3_label,
            ) = labels

    def _columns(self):
        """(label, date_from, date_to) of the three columns; no date_from for the
        balance sheet, whose figures are balances at date_to."""
        self.ensure_one()
        date_from = self.date_from or fields.Date.context_today(self)
        date_to = self.date_to or date_from
        year_ago = relativedelta(years=1)
        company = self.company_id or self.env.company
        year_start = company.compute_fiscalyear_dates(date_to)["date_from"]
        if self.statement == "balance":
            return [
                (self.env._("End of Period"), None, date_to),
                (self.env._("Same Date Last Year"), None, date_to - year_ago),
                (
                    self.env._("Beginning of Year"),
                    None,
                    year_start - relativedelta(days=1),
                ),
            ]
        return [
            (self.env._("This Period"), date_from, date_to),
            (
                self.env._("Same Period Last Year"),
                date_from - year_ago,
                date_to - year_ago,
            ),
            (self.env._("Year to Date"), year_start, date_to),
        ]

    # ------------------------------------------------------------ computation
    def _cash_accounts(self):
        """Cash and cash equivalents for the cash flow statement: the accounts of the
        balance sheet's monetary funds (codes starting with 1001, 1002, 1012), the
        cash and bank accounts, and the accounts the bank and cash journals post to,
        outstanding receipts and payments included."""
        company = self.company_id
        Account = self.env["account.account"].with_company(company)
        domain = [("company_ids", "in", company.id)]
        accounts = Account.search(
            expression.AND(
                [
                    domain,
                    expression.OR(
                        [[("account_type", "=", "asset_cash")]]
                        + [[("code", "=like", f"{p}%")] for p in CASH_PREFIXES]
                    ),
                ]
            )
        )
        journals = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "in", ("bank", "cash"))]
        )
        payment_lines = (
            journals.inbound_payment_method_line_ids
            | journals.outbound_payment_method_line_ids
        )
        return accounts | journals.default_account_id | payment_lines.payment_account_id

    def _column_domain(self, date_from, date_to):
        domain = [
            ("company_id", "=", self.company_id.id),
            ("parent_state", "=", "posted"),
            ("date", "<=", date_to),
        ]
        if date_from:
            domain.append(("date", ">=", date_from))
        if self.statement == "cash_flow":
            cash = self._cash_accounts()
            domain += [
                ("move_id.line_ids.account_id", "in", cash.ids),
                ("account_id", "not in", cash.ids),
            ]
        return domain

    def _account_balances(self, date_from, date_to):
        """{account: balance} over the column, in one grouped query."""
        groups = self.env["account.move.line"]._read_group(
            self._column_domain(date_from, date_to),
            ["account_id"],
            ["balance:sum"],
        )
        return dict(groups)

    def _lines(self):
        """The company's lines of the statement; a company without any line gets a
        copy of the reference definitions first."""
        Line = self.env["retail.statement.line"]
        company = self.company_id
        if (
            not Line.sudo()
            .with_context(active_test=False)
            .search_count([("company_id", "=", company.id)], limit=1)
        ):
            Line._copy_definitions(company)
        return Line.search(
            [("company_id", "=", company.id), ("statement", "=", self.statement)]
        )

    def _compute_figures(self):
        """{line: [value per column]} for the statement's lines."""
        self.ensure_one()
        lines = self._lines()
        trees = {line.code: parse(line.formula) for line in lines}
        figures = {line: [] for line in lines}
        for __, date_from, date_to in self._columns():
            values = self._evaluate_column(
                trees, self._account_balances(date_from, date_to)
            )
            for line in lines:
                figures[line].append(
                    self.company_id.currency_id.round(values[line.code])
                )
        return figures

    def _evaluate_column(self, trees, balances):
        """{line code: value} from {account: balance}."""
        codes = [
            (account.with_company(self.company_id).code or "", balance)
            for account, balance in balances.items()
        ]
        by_prefix, values = {}, {}

        def account_value(prefix):
            if prefix not in by_prefix:
                by_prefix[prefix] = sum(
                    balance for code, balance in codes if code.startswith(prefix)
                )
            return by_prefix[prefix]

        def line_value(code):
            if code not in values:
                values[code] = evaluate(trees[code], account_value, line_value)
            return values[code]

        for code in trees:
            line_value(code)
        return values

    def action_compute(self):
        self.ensure_one()
        figures = self._compute_figures()
        self.row_ids = [fields.Command.clear()] + [
            fields.Command.create(
                {
                    "line_id": line.id,
                    "sequence": line.sequence,
                    "amount_1": values[0],
                    "amount_2": values[1],
                    "amount_3": values[2],
                }
            )
            for line, values in figures.items()
        ]
        return {
            **self._retail_reopen(),
            "context": dict(self.env.context, dialog_size="extra-large"),
        }

    def _line_accounts(self, line):
        """Accounts behind a line's figure, through the lines it refers to."""
        by_code = {line.code: line for line in self._lines()}
        prefixes, seen, todo = set(), set(), [line.code]
        while todo:
            code = todo.pop()
            if code in seen or code not in by_code:
                continue
            seen.add(code)
            tree = parse(by_code[code].formula)
            prefixes |= references(tree, "account")
            todo += references(tree, "line")
        accounts = self.env["account.account"].with_company(self.company_id)
        accounts = accounts.search([("company_ids", "in", self.company_id.id)])
        return accounts.filtered(
            lambda account: any(account.code.startswith(p) for p in prefixes)
        )

    def _drill_down(self, line, column):
        label, date_from, date_to = self._columns()[column]
        domain = self._column_domain(date_from, date_to) + [
            ("account_id", "in", self._line_accounts(line).ids)
        ]
        return {
            "type": "ir.actions.act_window",
            "name": f"{line.name} · {label}",
            "res_model": "account.move.line",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": domain,
            "context": {"search_default_group_by_account": 1, "create": False},
        }

    # ------------------------------------------------------------ exports
    def _export_rows(self):
        """The rows to print or export, computed when they are not yet."""
        if not self.row_ids:
            self.action_compute()
        return self.row_ids

    def _xlsx_content(self):
        """The statement as an xlsx workbook (bytes)."""
        self.ensure_one()
        rows = self._export_rows()
        return table_xlsx(
            self._title(),
            self.env._(
                "%(company)s, %(date_from)s to %(date_to)s",
                company=self.company_id.name,
                date_from=self.date_from,
                date_to=self.date_to,
            ),
            [
                self.env._("Line"),
                self.env._("Row No."),
                self.column_1_label,
                self.column_2_label,
                self.column_3_label,
            ],
            [
                (r.name, r.retail_row or "", r.amount_1, r.amount_2, r.amount_3)
                for r in rows
            ],
            bold_rows={i for i, r in enumerate(rows) if r.is_total},
        )

    def _title(self):
        return dict(self._fields["statement"]._description_selection(self.env))[
            self.statement
        ]

    @api.depends("statement", "date_from", "date_to")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # breadcrumbs read the statement and its period, not "retail.statement,1"
        for wizard in self:
            wizard.display_name = self.env._(
                "%(statement)s %(date_from)s to %(date_to)s",
                statement=wizard._title() if wizard.statement else "",
                date_from=wizard.date_from or "",
                date_to=wizard.date_to or "",
            )

    def _file_name(self, extension):
        return f"{self._title()} {self.date_from} {self.date_to}.{extension}"

    def action_export_xlsx(self):
        self.ensure_one()
        return download_action(self, self._file_name("xlsx"), self._xlsx_content())

    def action_print_pdf(self):
        self.ensure_one()
        self._export_rows()
        return self.env.ref("retail_reports.retail_statement_report").report_action(
            self
        )


class RetailStatementRow(models.TransientModel):
    _name = "retail.statement.row"
    _description = "Financial Statement Row"
    _order = "sequence, id"

    statement_id = fields.Many2one(
        "retail.statement", required=True, ondelete="cascade"
    )
    line_id = fields.Many2one("retail.statement.line", required=True)
    sequence = fields.Integer()
    code = fields.Char(related="line_id.code")
    retail_row = fields.Integer(related="line_id.retail_row")
    name = fields.Char(related="line_id.name")
    is_total = fields.Boolean(related="line_id.is_total")
    currency_id = fields.Many2one(related="statement_id.currency_id")
    amount_1 = fields.Monetary()
    amount_2 = fields.Monetary()
    amount_3 = fields.Monetary()

    def action_drill_down_1(self):
        return self.statement_id._drill_down(self.line_id, 0)

    def action_drill_down_2(self):
        return self.statement_id._drill_down(self.line_id, 1)

    def action_drill_down_3(self):
        return self.statement_id._drill_down(self.line_id, 2)
