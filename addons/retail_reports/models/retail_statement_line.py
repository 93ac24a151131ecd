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

    Each company has its own lines. The lines loaded from the module's data file belong
    to the main company and are the reference definitions: every other company gets a
    copy of them when it is created, when the module is installed or upgraded, and when
    one of its statements is computed without any line (``_copy_definitions``).
    """

    _name = "retail.statement.line"
    _description = "Financial Statement Line"
    _order = "statement, sequence, id"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    statement = fields.Selection(STATEMENTS, required=True, index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(
        required=True,
        help="Other lines of the statement refer to this line by its code.",
    )
    retail_row = fields.Integer(
        string="Row No.",
        help="The line's number (行次) on the standard form of the statement, printed "
        "in the exports.",
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
            "unique (company_id, statement, code)",
            "A line code must be unique within a statement of a company.",
        ),
    ]

    @api.model
    def _reference_lines(self):
        """The reference definitions: the lines loaded from the module's data file,
        with the lines of their company they refer to (archived lines included)."""
        Line = self.sudo().with_context(active_test=False)
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "=", "retail_reports"), ("model", "=", self._name)])
        )
        lines = Line.browse(data.mapped("res_id")).exists()
        if not lines:
            return lines
        by_key = {
            (line.company_id.id, line.statement, line.code): line
            for line in Line.search([("company_id", "in", lines.company_id.ids)])
        }
        result, todo = Line, list(lines)
        while todo:
            line = todo.pop()
            if line in result:
                continue
            result |= line
            try:
                codes = references(parse(line.formula), "line")
            except FormulaError:
                codes = set()
            todo += [
                by_key[key]
                for key in (
                    (line.company_id.id, line.statement, code) for code in codes
                )
                if key in by_key
            ]
        return result.sorted(lambda line: (line.statement, line.sequence, line.id))

    @api.model
    def _copy_definitions(self, companies):
        """Give each of ``companies`` that has no line yet (archived lines count) a
        copy of the reference definitions, names in every language, in one create.
        Returns the new lines."""
        Line = self.sudo().with_context(active_test=False, lang="en_US")
        groups = Line._read_group([("company_id", "in", companies.ids)], ["company_id"])
        seeded = {company.id for (company,) in groups}
        targets = companies.filtered(lambda company: company.id not in seeded)
        source = Line._reference_lines() if targets else Line
        if not source:
            return Line
        fields_to_copy = ["statement", "sequence", "code", "retail_row", "name"]
        fields_to_copy += ["formula"]
        fields_to_copy += ["is_total", "active"]
        pairs = [(company, line) for company in targets for line in source]
        new = Line.create(
            [
                {
                    "company_id": company.id,
                    **{name: line[name] for name in fields_to_copy},
                }
                for company, line in pairs
            ]
        )
        # the names in every language, as stored on the reference lines
        new.flush_recordset()
        self.env.cr.execute(
            """
            UPDATE retail_statement_line AS target
               SET name = source.name
              FROM unnest(%s::int[], %s::int[]) AS pair(new_id, source_id)
              JOIN retail_statement_line AS source ON source.id = pair.source_id
             WHERE target.id = pair.new_id
            """,
            [new.ids, [line.id for __, line in pairs]],
        )
        new.invalidate_recordset(["name"])
        return new

    @api.model
    def _copy_definitions_to_all_companies(self):
        """Install and upgrade: every company without lines gets its copy."""
        companies = self.env["res.company"].sudo().search([])
        return self._copy_definitions(companies)

    @api.constrains("company_id", "formula", "code", "statement", "active")
    def _check_formula(self):
        messages = {
            "character": self.env._("unexpected character"),
            "empty": self.env._("the formula is empty"),
            "end": self.env._("the formula ends too early"),
            "parenthesis": self.env._("a parenthesis is not closed"),
            "token": self.env._("unexpected"),
        }
        for company, statement in {(line.company_id, line.statement) for line in self}:
            # active lines only: archived ones are not computed
            lines = (
                self.sudo()
                .with_context(active_test=True)
                .search(
                    [("company_id", "=", company.id), ("statement", "=", statement)]
                )
            )
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
