from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.statement_formula import FormulaError, parse, references

STATEMENTS = [
    ("income", "Income Statement"),
    ("balance", "Balance Sheet"),
    ("cash_flow", "Cash Flow Statement"),
]


class RetailStatementLine(models.Model):
    """A line of a financial statement, defined by a formula over account codes.

    Income statement lines sum the moves of the period, balance sheet lines the balance
    at the end of the period, cash flow lines the counterparts of the cash moves of the
    period (direct method): see ``retail.statement`` and ``tools/statement_formula.py``.
    """

    _name = "retail.statement.line"
    _description = "Financial Statement Line"
    _order = "statement, sequence, id"

    statement = fields.Selection(STATEMENTS, required=True, index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(
        required=True,
        help="Other lines of the statement refer to this line by its code.",
    )
    name = fields.Char(required=True, translate=True)
    formula = fields.Char(
        required=True,
        help="Account code prefixes and line codes added or subtracted, e.g. "
        "-(5001+5051) or IS01-IS02. A prefix stands for the balance (debit - "
        "credit) of every account whose code starts with it.",
    )
    is_total = fields.Boolean(
        string="Total", help="Printed in bold: a subtotal or a total."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_statement_uniq",
            "unique (statement, code)",
            "A line code must be unique within a statement.",
        ),
    ]

    @api.constrains("formula", "code", "statement", "active")
    def _check_formula(self):
        messages = {
            "character": self.env._("unexpected character"),
            "empty": self.env._("the formula is empty"),
            "end": self.env._("the formula ends too early"),
            "parenthesis": self.env._("a parenthesis is not closed"),
            "token": self.env._("unexpected"),
        }
        for statement in set(self.mapped("statement")):
            lines = self.search([("statement", "=", statement)])
            trees = {}
            for line in lines:
                try:
                    trees[line.code] = parse(line.formula)
                except FormulaError as error:
                    raise ValidationError(
                        self.env._(
                            "The formula of line %(code)s (%(formula)s) cannot be "
                            "read: %(reason)s %(detail)s",
                            code=line.code,
                            formula=line.formula,
                            reason=messages[error.reason],
                            detail=error.detail,
                        )
                    ) from error
            for code, tree in trees.items():
                missing = references(tree, "line") - trees.keys()
                if missing:
                    raise ValidationError(
                        self.env._(
                            "The formula of line %(code)s refers to lines that do "
                            "not exist: %(missing)s",
                            code=code,
                            missing=", ".join(sorted(missing)),
                        )
                    )
            self._check_no_cycle(trees)

    def _check_no_cycle(self, trees):
        done = set()

        def visit(code, path):
            if code in path:
                raise ValidationError(
                    self.env._(
                        "Line %(code)s refers to itself through %(path)s.",
                        code=code,
                        path=" → ".join([*path, code]),
                    )
                )
            if code in done:
                return
            for ref in sorted(references(trees[code], "line")):
                visit(ref, [*path, code])
            done.add(code)

        for code in trees:
            visit(code, [])
