from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.service.model import _as_validation_error
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestStatementCompany(StatementCommon):
    """Each company its own statement lines: company A is ``cn_company``, B a second
    company on the same chart with the same journal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create(
            {
                "name": "测试批发有限公司",
                "country_id": cls.env.ref("base.cn").id,
                "currency_id": cls.env.ref("base.CNY").id,
            }
        )
        cls.env["account.chart.template"].try_loading(
            "cn", cls.company_b, install_demo=False
        )
        for company in (cls.cn_company, cls.company_b):
            cls.post(company, "2026-03-10", [("1002", 20000, 0), ("5001", 0, 20000)])
            cls.post(company, "2026-03-15", [("1001", 1000, 0), ("5051", 0, 1000)])
            cls.post(company, "2026-03-20", [("5401", 8000, 0), ("1405", 0, 8000)])
        cls.Line = cls.env["retail.statement.line"].with_context(active_test=False)
        cls.reference = cls.Line._reference_lines()

    @classmethod
    def company_env(cls, company, user=None):
        env = cls.env(context=dict(cls.env.context, allowed_company_ids=[company.id]))
        return env(user=user) if user else env

    @classmethod
    def post(cls, company, date, lines):
        env = cls.company_env(company)
        journal = env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        accounts = env["account.account"].with_company(company)

        def account(prefix):
            return accounts.search(
                [("company_ids", "in", company.id), ("code", "=like", f"{prefix}%")],
                order="code",
                limit=1,
            )

        move = env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "date": date,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": account(prefix).id,
                            "debit": debit,
                            "credit": credit,
                        }
                    )
                    for prefix, debit, credit in lines
                ],
            }
        )
        move.action_post()

    def figures(self, company, kind="income"):
        wizard = self.company_env(company)["retail.statement"].create(
            {
                "statement": kind,
                "company_id": company.id,
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
            }
        )
        wizard.action_compute()
        self.assertEqual(wizard.row_ids.line_id.company_id, company)
        return {row.code: row.amount_1 for row in wizard.row_ids}

    def lines(self, company, code=None):
        domain = [("company_id", "=", company.id)]
        if code:
            domain.append(("code", "=", code))
        return self.Line.search(domain)

    def definitions(self, lines):
        return sorted(
            (line.statement, line.sequence, line.code, line.formula, line.is_total)
            for line in lines
        )

    def test_reference_lines_belong_to_the_main_company(self):
        main = self.env.ref("base.main_company")
        self.assertEqual(
            self.env.ref("retail_reports.retail_statement_line_is01").company_id, main
        )
        self.assertEqual(self.reference.company_id, main)
        self.assertEqual(len(self.reference), 75)

    def test_each_company_has_its_own_copy_with_its_translations(self):
        for company in (self.cn_company, self.company_b):
            lines = self.lines(company)
            self.assertEqual(len(lines), len(self.reference))
            self.assertFalse(lines & self.reference)
            self.assertEqual(self.definitions(lines), self.definitions(self.reference))
            zh = lines.with_context(lang="zh_CN")
            names = {line.code: line.name for line in zh}
            self.assertEqual(names["IS01"], "营业收入")
            self.assertEqual(names["BS47"], "负债和所有者权益合计")
            self.assertEqual(
                {line.code: line.name for line in lines.with_context(lang="en_US")}[
                    "IS13"
                ],
                "Net Profit",
            )

    def test_company_b_edits_a_formula_and_only_its_statement_changes(self):
        self.assertEqual(self.figures(self.cn_company)["IS01"], 21000)
        self.assertEqual(self.figures(self.company_b)["IS01"], 21000)
        accountant_b = new_test_user(
            self.env,
            login="rw_accountant_b",
            groups="retail_wholesale.retail_wholesale_group_accountant",
            company_id=self.company_b.id,
            company_ids=[Command.set(self.company_b.ids)],
        )
        line = self.lines(self.company_b, "IS01")
        line.with_user(accountant_b).formula = "-5001"
        figures_b = self.figures(self.company_b)
        self.assertEqual(figures_b["IS01"], 20000)
        self.assertEqual(figures_b["IS08"], 12000)
        figures_a = self.figures(self.cn_company)
        self.assertEqual(figures_a["IS01"], 21000)
        self.assertEqual(figures_a["IS08"], 13000)
        self.assertEqual(self.lines(self.cn_company, "IS01").formula, "-(5001+5051)")
        self.assertEqual(
            self.env.ref("retail_reports.retail_statement_line_is01").formula,
            "-(5001+5051)",
        )

    def test_formulas_are_checked_within_their_company(self):
        self.Line.create(
            {
                "company_id": self.cn_company.id,
                "statement": "income",
                "code": "IS99",
                "name": "Other",
                "formula": "5711",
            }
        )
        # A's IS99 is not a line of B
        with self.assertRaisesRegex(ValidationError, "do not exist: IS99"):
            self.lines(self.company_b, "IS01").formula = "IS99"
        self.lines(self.cn_company, "IS01").formula = "IS99"
        # B's IS13 refers to B's IS01 through IS08: a cycle in B, whatever A holds
        with self.assertRaisesRegex(ValidationError, "refers to itself"):
            self.lines(self.company_b, "IS01").formula = "IS13"

    def test_a_new_company_gets_a_copy_of_the_reference(self):
        # an archived reference line is copied archived, its formula unchecked
        archived = self.env.ref("retail_reports.retail_statement_line_is13")
        archived.active = False
        archived.formula = "IS99"
        company = self.env["res.company"].create({"name": "新开门店有限公司"})
        lines = self.lines(company)
        self.assertEqual(self.definitions(lines), self.definitions(self.reference))
        copy = lines.filtered(lambda x: x.code == "IS13")
        self.assertEqual((copy.active, copy.formula), (False, "IS99"))
        self.assertEqual(
            lines.filtered(lambda x: x.code == "IS01").with_context(lang="zh_CN").name,
            "营业收入",
        )
        # seeding again adds nothing, archived lines count as lines
        lines.filtered(lambda x: x.code == "CF15").active = False
        self.assertFalse(self.Line._copy_definitions_to_all_companies())
        self.assertEqual(len(self.lines(company)), len(self.reference))

    def test_install_and_statements_seed_companies_without_lines(self):
        self.lines(self.company_b).unlink()
        new = self.Line._copy_definitions_to_all_companies()
        self.assertEqual(new.company_id, self.company_b)
        self.assertEqual(self.definitions(new), self.definitions(self.reference))
        # a statement of a company without lines copies the definitions for it
        self.lines(self.company_b).unlink()
        with self.assertQueryCount(__system__=15):
            self.Line._copy_definitions(self.company_b)
        self.lines(self.company_b).unlink()
        figures = self.figures(self.company_b)
        self.assertEqual(figures["IS01"], 21000)
        self.assertEqual(figures["IS08"], 13000)
        self.assertEqual(len(self.lines(self.company_b)), len(self.reference))

    def test_a_code_is_unique_per_company_and_statement(self):
        values = {"statement": "income", "code": "X01", "name": "X", "formula": "5001"}
        self.Line.create({**values, "company_id": self.cn_company.id})
        self.Line.create({**values, "company_id": self.company_b.id})
        self.Line.create(
            {**values, "company_id": self.company_b.id, "statement": "balance"}
        )
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError) as caught,
            self.env.cr.savepoint(),
        ):
            self.Line.create({**values, "company_id": self.cn_company.id})
        error = _as_validation_error(
            self.env(context={"lang": "zh_CN"}), caught.exception
        )
        self.assertIn("同一公司的同一报表", str(error))
        error = _as_validation_error(
            self.env(context={"lang": "en_US"}), caught.exception
        )
        self.assertIn("unique within a statement of a company", str(error))

    def test_users_see_the_lines_of_their_companies_only(self):
        accountant_a = new_test_user(
            self.env,
            login="rw_accountant_a",
            groups="retail_wholesale.retail_wholesale_group_accountant",
            company_id=self.cn_company.id,
            company_ids=[Command.set(self.cn_company.ids)],
        )
        Line = self.env["retail.statement.line"].with_user(accountant_a)
        visible = Line.search([])
        self.assertEqual(visible.company_id, self.cn_company)
        self.assertEqual(len(visible), len(self.reference))
        line_b = self.lines(self.company_b, "IS01").with_user(accountant_a)
        with self.assertRaises(AccessError):
            line_b.read(["formula"])
        with self.assertRaises(AccessError):
            line_b.write({"formula": "-5001"})
        # a statement of A shows A's figures to them
        wizard = (
            self.env["retail.statement"]
            .with_user(accountant_a)
            .create(
                {
                    "statement": "income",
                    "company_id": self.cn_company.id,
                    "date_from": "2026-03-01",
                    "date_to": "2026-03-31",
                }
            )
        )
        wizard.action_compute()
        self.assertEqual(
            wizard.row_ids.filtered(lambda r: r.code == "IS01").amount_1, 21000
        )
