import io
from datetime import date

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.pdf import pdf_text

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestPartnerStatement(StatementCommon):
    """对账单 against a ledger computed by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.is_company = True
        cls.supplier.is_company = True
        cls.contact = cls.env["res.partner"].create(
            {"name": "华东商贸 采购部 王经理", "parent_id": cls.customer.id}
        )
        cls.income = cls.account("5001")
        cls.expense = cls.account("1405")
        cls.bank = cls.cn_env["account.journal"].search(
            [("company_id", "=", cls.cn_company.id), ("type", "=", "bank")], limit=1
        )

    @classmethod
    def invoice(cls, move_type, partner, day, amount, post=True):
        move = cls.cn_env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": day,
                "date": day,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "货款",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                            "account_id": (
                                cls.income
                                if move_type.startswith("out")
                                else cls.expense
                            ).id,
                        }
                    )
                ],
            }
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def pay(cls, invoice, day, amount):
        cls.cn_env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(
            {"payment_date": day, "amount": amount, "journal_id": cls.bank.id}
        )._create_payments()

    def statement(self, partner, kind="receivable", user=None):
        return (
            self.cn_env["retail.partner.statement"]
            .with_user(user or self.accountant)
            .create(
                {
                    "company_id": self.cn_company.id,
                    "partner_id": partner.id,
                    "kind": kind,
                    "date_from": date(2026, 11, 1),
                    "date_to": date(2026, 11, 30),
                }
            )
        )

    def test_customer_statement_matches_the_ledger_by_hand(self):
        first = self.invoice("out_invoice", self.customer, date(2026, 10, 15), 1000)
        self.invoice("out_invoice", self.customer, date(2026, 11, 3), 500)
        self.invoice("out_refund", self.customer, date(2026, 11, 10), 100)
        self.pay(first, date(2026, 11, 20), 800)
        self.invoice("out_invoice", self.contact, date(2026, 11, 28), 200)
        # not in it: a draft, another customer, after the period, a supplier bill
        self.invoice("out_invoice", self.customer, date(2026, 11, 5), 300, post=False)
        self.invoice(
            "out_invoice",
            self.env["res.partner"].create({"name": "北方批发"}),
            date(2026, 11, 6),
            999,
        )
        self.invoice("out_invoice", self.customer, date(2026, 12, 2), 50)
        self.invoice("in_invoice", self.customer, date(2026, 11, 7), 70)

        statement = self.statement(self.contact)
        self.assertEqual(statement.partner_id, self.customer, "the company's statement")
        self.assertEqual(statement.opening_balance, 1000)
        self.assertEqual(
            [
                (
                    line.date.day,
                    line.move_kind,
                    line.increase,
                    line.decrease,
                    line.balance,
                )
                for line in statement.line_ids
            ],
            [
                (3, "invoice", 500, 0, 1500),
                (10, "credit_note", 0, 100, 1400),
                (20, "payment", 0, 800, 600),
                (28, "invoice", 200, 0, 800),
            ],
        )
        self.assertEqual(
            (
                statement.total_increase,
                statement.total_decrease,
                statement.closing_balance,
            ),
            (700, 900, 800),
        )
        # the closing balance is the ledger's balance of the receivable at the end
        self.assertEqual(
            statement.closing_balance, self._ledger_balance("asset_receivable")
        )

    def test_sent_statement_keeps_its_figures_printed_and_exported(self):
        self.invoice("out_invoice", self.customer, date(2026, 10, 15), 1000)
        self.invoice("out_invoice", self.customer, date(2026, 11, 3), 800)
        self.invoice("out_refund", self.customer, date(2026, 11, 10), 100)
        statement = self.statement(self.customer)
        self.assertEqual(statement.closing_balance, 1700)
        # sent: frozen, a later entry in the period does not change it
        statement.action_send()
        self.invoice("out_invoice", self.customer, date(2026, 11, 29), 40)
        self.assertEqual(statement.closing_balance, 1700)
        with self.assertRaises(UserError):
            statement.action_recompute()
        with self.assertRaises(UserError):
            statement.date_to = date(2026, 12, 31)
        statement.action_reset_draft()
        self.assertEqual(statement.closing_balance, 1740, "recomputed when set back")

        # printed and exported with the same figures
        rows = list(
            load_workbook(io.BytesIO(statement._retail_xlsx()))
            .worksheets[0]
            .iter_rows(min_row=5, values_only=True)
        )
        self.assertEqual(rows[0][6], 1000)
        self.assertEqual(rows[-1][4:7], (840, 100, 1740))
        # the PDF as printed (wkhtmltopdf), read back
        page = pdf_text(
            self.env(user=self.accountant),
            "retail_reports.retail_partner_statement_pdf",
            statement,
        )
        for text in (
            "对账单",
            "期初余额",
            "期末余额",
            "华东商贸",
            "1,000.00",
            "1,740.00",
        ):
            self.assertIn(text, page)

    def test_invoice_pdf_prints_the_total_in_chinese_capitals(self):
        invoice = self.invoice("out_invoice", self.customer, date(2026, 11, 3), 1234.5)
        page = pdf_text(
            self.env(user=self.accountant), "account.account_invoices", invoice
        )
        self.assertIn("合计人民币（大写）：", page)
        self.assertIn("壹仟贰佰叁拾肆元伍角", page)
        self.assertIn("1,234.50", page)
        self.assertIn("华东商贸", page)
        self.assertIn("付款备注：", page)  # i18n_extra: core leaves it in English

    def _ledger_balance(self, account_type):
        lines = self.cn_env["account.move.line"].search(
            [
                ("company_id", "=", self.cn_company.id),
                ("parent_state", "=", "posted"),
                ("account_id.account_type", "=", account_type),
                ("partner_id", "child_of", self.customer.id),
                ("date", "<=", date(2026, 11, 30)),
            ]
        )
        return sum(lines.mapped("balance"))

    def test_supplier_statement_counts_what_we_owe(self):
        bill = self.invoice("in_invoice", self.supplier, date(2026, 11, 2), 700)
        self.pay(bill, date(2026, 11, 12), 300)
        self.invoice("in_refund", self.supplier, date(2026, 11, 14), 50)
        statement = self.statement(self.supplier, kind="payable")
        self.assertEqual(
            [
                (line.move_kind, line.increase, line.decrease)
                for line in statement.line_ids
            ],
            [("invoice", 700, 0), ("payment", 0, 300), ("credit_note", 0, 50)],
        )
        self.assertEqual(statement.closing_balance, 350)

    def test_confirm_and_dispute(self):
        self.invoice("out_invoice", self.customer, date(2026, 11, 3), 500)
        statement = self.statement(self.customer)
        with self.assertRaises(UserError):
            statement.retail_confirm()  # not sent yet
        statement.action_send()
        line = statement.line_ids
        with self.assertRaises(UserError):
            statement.retail_dispute("  ")
        statement.retail_dispute("", {line: "这张发票我们没有收到"})
        self.assertEqual(statement.state, "disputed")
        self.assertEqual(line.dispute_note, "这张发票我们没有收到")
        activity = statement.activity_ids
        self.assertEqual(activity.user_id, self.accountant)
        self.assertIn("这张发票我们没有收到", str(activity.note))
        with self.assertRaises(UserError):
            statement.retail_confirm()
        statement.action_reset_draft()
        statement.action_send()
        statement.retail_confirm()
        self.assertEqual(statement.state, "confirmed")
        self.assertEqual(statement.confirmed_by_id, self.accountant)

    def test_bad_input_and_rights(self):
        with self.assertRaises(ValidationError):
            self.cn_env["retail.partner.statement"].with_user(self.accountant).create(
                {
                    "company_id": self.cn_company.id,
                    "partner_id": self.customer.id,
                    "date_from": date(2026, 11, 30),
                    "date_to": date(2026, 11, 1),
                }
            )
        with self.assertRaises(AccessError):
            self.statement(self.customer, user=self.role_users["cashier"])
