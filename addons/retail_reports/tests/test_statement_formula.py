from odoo.tests import BaseCase, tagged

from odoo.addons.retail_reports.tools.statement_formula import (
    FormulaError,
    evaluate,
    parse,
    references,
)


@tagged("post_install", "-at_install")
class TestStatementFormula(BaseCase):
    def test_formula_adds_prefixes_and_lines_with_signs(self):
        tree = parse("-(5001+5051) - IS02 + 3")
        self.assertEqual(references(tree, "account"), {"5001", "5051", "3"})
        self.assertEqual(references(tree, "line"), {"IS02"})
        balances = {"5001": -100.0, "5051": -10.0, "3": 1.0}
        self.assertEqual(evaluate(tree, balances.__getitem__, lambda code: 5.0), 106.0)

    def test_unreadable_formulas_say_why(self):
        for formula, reason in (
            ("", "empty"),
            ("5001+", "end"),
            ("(5001", "parenthesis"),
            ("5001 * 2", "character"),
            ("5001)", "token"),
        ):
            with self.assertRaises(FormulaError) as caught:
                parse(formula)
            self.assertEqual(caught.exception.reason, reason, formula)
