import io
from datetime import date

from openpyxl import load_workbook

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.pdf import pdf_text

from .common import StatementCommon


def read_xlsx(content):
    """{(row, column): value} of the first sheet, 0-based."""
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return {
        (cell.row - 1, cell.column - 1): cell.value
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }


@tagged("post_install", "-at_install")
class TestRetailStatement(StatementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        entry = cls.entry
        # last year
        entry("2025-03-10", [("1002", 100000, 0), ("3001", 0, 100000)])
        entry("2025-03-20", [("1122", 5000, 0), ("5001", 0, 5000)])
        # this year, before the period
        entry("2026-01-15", [("1122", 11300, 0), ("5001", 0, 10000), ("2221", 0, 1300)])
        # the period: March 2026
        entry("2026-03-05", [("1405", 16000, 0), ("2202", 0, 16000)])
        entry("2026-03-10", [("1002", 20000, 0), ("5001", 0, 20000)])
        entry("2026-03-10", [("5401", 8000, 0), ("1405", 0, 8000)])
        entry("2026-03-15", [("1001", 1000, 0), ("5051", 0, 1000)])
        entry("2026-03-20", [("5403", 300, 0), ("2221", 0, 300)])
        entry("2026-03-25", [("5601", 1200, 0), ("1002", 0, 1200)])
        entry("2026-03-26", [("5602", 800, 0), ("1002", 0, 800)])
        entry("2026-03-27", [("5603", 50, 0), ("1002", 0, 50)])
        entry("2026-03-28", [("1002", 11300, 0), ("1122", 0, 11300)])
        entry("2026-03-29", [("2202", 6000, 0), ("1002", 0, 6000)])
        entry("2026-03-30", [("5801", 1000, 0), ("2221", 0, 1000)])
        # neither a draft nor a later entry counts
        entry("2026-03-31", [("1002", 777, 0), ("5001", 0, 777)], post=False)
        entry("2026-04-02", [("1002", 9999, 0), ("5001", 0, 9999)])

    def statement(self, kind, user=None):
        env = self.cn_env(user=user) if user else self.cn_env
        wizard = env["retail.statement"].create(
            {
                "statement": kind,
                "company_id": self.cn_company.id,
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
            }
        )
        wizard.action_compute()
        return wizard

    def figures(self, wizard):
        return {
            row.code: (row.amount_1, row.amount_2, row.amount_3)
            for row in wizard.row_ids
        }

    def test_income_statement_matches_the_journal(self):
        wizard = self.statement("income", self.accountant)
        self.assertEqual(
            [wizard.column_1_label, wizard.column_2_label, wizard.column_3_label],
            ["This Period", "Same Period Last Year", "Year to Date"],
        )
        figures = self.figures(wizard)
        self.assertEqual(figures["IS01"], (21000, 5000, 31000))
        self.assertEqual(figures["IS02"], (8000, 0, 8000))
        self.assertEqual(figures["IS03"], (300, 0, 300))
        self.assertEqual(figures["IS04"], (1200, 0, 1200))
        self.assertEqual(figures["IS05"], (800, 0, 800))
        self.assertEqual(figures["IS06"], (50, 0, 50))
        self.assertEqual(figures["IS08"], (10650, 5000, 20650))
        self.assertEqual(figures["IS11"], (10650, 5000, 20650))
        self.assertEqual(figures["IS12"], (1000, 0, 1000))
        self.assertEqual(figures["IS13"], (9650, 5000, 19650))

    def test_balance_sheet_balances_with_the_profit_of_the_year(self):
        figures = self.figures(self.statement("balance", self.accountant))
        # end of period, same date last year, beginning of the year (2025-12-31)
        self.assertEqual(figures["BS01"], (124250, 100000, 100000))
        self.assertEqual(figures["BS04"], (5000, 5000, 5000))
        self.assertEqual(figures["BS09"], (8000, 0, 0))
        self.assertEqual(figures["BS24"], (137250, 105000, 105000))
        self.assertEqual(figures["BS27"], (10000, 0, 0))
        self.assertEqual(figures["BS30"], (2600, 0, 0))
        self.assertEqual(figures["BS41"], (12600, 0, 0))
        self.assertEqual(figures["BS42"], (100000, 100000, 100000))
        self.assertEqual(figures["BS45"], (24650, 5000, 5000))
        self.assertEqual(figures["BS47"], (137250, 105000, 105000))
        self.assertEqual(figures["BS24"], figures["BS47"])

    def test_cash_flow_explains_the_change_in_cash(self):
        figures = self.figures(self.statement("cash_flow", self.accountant))
        self.assertEqual(figures["CF01"], (32300, 0, 32300))
        self.assertEqual(figures["CF03"], (6000, 0, 6000))
        self.assertEqual(figures["CF06"], (2000, 0, 2000))
        self.assertEqual(figures["CF07"], (24300, 0, 24300))
        self.assertEqual(figures["CF11"], (-50, 0, -50))
        self.assertEqual(figures["CF12"], (0, 100000, 0))
        # March: cash went from 100,000 to 124,250
        self.assertEqual(figures["CF15"], (24250, 100000, 24250))

    def test_drill_down_opens_the_journal_items_of_the_figure(self):
        wizard = self.statement("balance", self.accountant)
        row = wizard.row_ids.filtered(lambda r: r.code == "BS04")
        action = row.action_drill_down_1()
        self.assertEqual(action["res_model"], "account.move.line")
        items = self.cn_env["account.move.line"].search(action["domain"])
        self.assertEqual(set(items.mapped("account_id.code")), {"112200"})
        self.assertEqual(sum(items.mapped("balance")), 5000)
        self.assertEqual(len(items), 3)
        # a total drills down to the items of its lines
        total = wizard.row_ids.filtered(lambda r: r.code == "BS11")
        items = self.cn_env["account.move.line"].search(
            total.action_drill_down_1()["domain"]
        )
        self.assertEqual(sum(items.mapped("balance")), 137250)

    def test_xlsx_export_holds_every_figure(self):
        wizard = self.statement("income", self.accountant)
        cells = read_xlsx(wizard._xlsx_content())
        self.assertEqual(cells[(0, 0)], "Income Statement")
        self.assertEqual(
            [cells[(3, col)] for col in range(5)],
            ["Line", "Row No.", "This Period", "Same Period Last Year", "Year to Date"],
        )
        # the second column numbers the lines as the 小企业会计准则 form (行次)
        rows = {cells[(r, 1)]: r for r in range(4, 4 + len(wizard.row_ids))}
        self.assertEqual(list(rows), [1, 2, 3, 11, 14, 18, 20, 21, 22, 24, 30, 31, 32])
        self.assertEqual(cells[(rows[1], 0)], "Operating Revenue")
        self.assertEqual(
            [cells[(rows[1], col)] for col in (2, 3, 4)], [21000, 5000, 31000]
        )
        self.assertEqual(cells[(rows[32], 0)], "Net Profit")
        self.assertEqual(
            [cells[(rows[32], col)] for col in (2, 3, 4)], [9650, 5000, 19650]
        )
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")

    def test_balance_sheet_xlsx_and_pdf_number_the_lines_in_chinese(self):
        wizard = self.statement("balance", self.accountant).with_context(lang="zh_CN")
        cells = read_xlsx(wizard._xlsx_content())
        self.assertEqual(cells[(3, 1)], "行次")
        by_row = {
            cells[(r, 1)]: cells[(r, 0)] for r in range(4, 4 + len(wizard.row_ids))
        }
        self.assertEqual(by_row[1], "货币资金")
        self.assertEqual(by_row[9], "存货")
        self.assertEqual(by_row[30], "资产总计")
        self.assertEqual(by_row[53], "负债和所有者权益合计")
        self.assertEqual(len(by_row), 47)
        html, __ = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html("retail_reports.retail_statement_report", wizard.ids)
        )
        page = html.decode().split('<div class="page">')[1]
        self.assertIn("行次", page)
        self.assertRegex(page, r"存货</td>\s*<td[^>]*>9</td>")

    def test_pdf_prints_the_statement_in_chinese(self):
        wizard = self.statement("income", self.accountant)
        # the PDF as printed (wkhtmltopdf), read back
        page = pdf_text(
            self.env(user=self.accountant),
            "retail_reports.retail_statement_report",
            wizard,
        )
        for text in ("利润表", "营业收入", "净利润", "21,000.00", "19,650.00"):
            self.assertTrue(text in page, f"{text} not printed")

    def test_line_names_follow_the_chinese_statements(self):
        lines = self.env["retail.statement.line"].with_context(lang="zh_CN")
        names = {line.code: line.name for line in lines.search([])}
        self.assertEqual(names["IS01"], "营业收入")
        self.assertEqual(names["IS13"], "净利润")
        self.assertEqual(names["BS01"], "货币资金")
        self.assertEqual(names["BS47"], "负债和所有者权益合计")

    def test_accountant_edits_a_line_and_the_statement_follows(self):
        line = self.env["retail.statement.line"].search(
            [("company_id", "=", self.cn_company.id), ("code", "=", "IS01")]
        )
        line.with_user(self.accountant).formula = "-5001"
        figures = self.figures(self.statement("income", self.accountant))
        self.assertEqual(figures["IS01"], (20000, 5000, 30000))
        self.assertEqual(figures["IS13"], (8650, 5000, 18650))

    def test_bad_formulas_are_refused(self):
        line = self.env.ref("retail_reports.retail_statement_line_is01")
        for formula, message in (
            ("5001 *", "cannot be read"),
            ("(5001", "cannot be read"),
            ("IS99+5001", "do not exist"),
            ("IS13", "refers to itself"),
        ):
            with (
                self.assertRaisesRegex(ValidationError, message),
                self.env.cr.savepoint(),
            ):
                line.write({"formula": formula})
        self.env.invalidate_all()
        self.assertEqual(line.formula, "-(5001+5051)")

    def test_period_must_start_before_it_ends(self):
        with self.assertRaisesRegex(ValidationError, "after its end"):
            self.cn_env["retail.statement"].create(
                {"date_from": date(2026, 3, 31), "date_to": date(2026, 3, 1)}
            )

    def test_only_accountants_read_statements(self):
        for role in ("cashier", "store_manager", "buyer", "keeper"):
            with self.assertRaises(AccessError, msg=role):
                self.env["retail.statement"].with_user(self.role_users[role]).create(
                    {"statement": "income"}
                )
            with self.assertRaises(AccessError, msg=role):
                self.env["retail.statement.line"].with_user(
                    self.role_users[role]
                ).search([])
