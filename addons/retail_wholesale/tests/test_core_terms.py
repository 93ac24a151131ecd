from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCoreTerms(TransactionCase):
    """Core terms that Odoo's own Chinese leaves in English read in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")

    def test_core_terms_left_in_english_are_loaded_in_chinese(self):
        menu = self.env.ref("account.menu_finance_reports")
        method = self.env.ref("account.account_payment_method_manual_in")
        field = self.env.ref("account.field_account_payment__partner_bank_id")
        # what core's zh_CN gives them
        menu.update_field_translations("name", {"zh_CN": "Reporting"})
        method.update_field_translations("name", {"zh_CN": "Manual Payment"})
        field.update_field_translations(
            "field_description", {"zh_CN": "Recipient Bank Account"}
        )
        self.env["res.lang"]._retail_load_core_terms()
        self.assertEqual(menu.with_context(lang="zh_CN").name, "报表")
        self.assertEqual(method.with_context(lang="zh_CN").name, "手动付款")
        self.assertEqual(
            field.with_context(lang="zh_CN").field_description, "收款银行账户"
        )
        labels = (
            self.env["account.payment"]
            .with_context(lang="zh_CN")
            .fields_get(["partner_bank_id"], ["string"])
        )
        self.assertEqual(labels["partner_bank_id"]["string"], "收款银行账户")
        # English stays English
        self.assertEqual(menu.with_context(lang="en_US").name, "Reporting")

    def test_payment_method_lines_named_in_english_take_the_company_language(self):
        company = self.env["res.company"].create({"name": "上海门店公司"})
        company.partner_id.lang = "zh_CN"
        journal = self.env["account.journal"].create(
            {
                "name": "银行",
                "code": "BNKZ",
                "type": "bank",
                "company_id": company.id,
            }
        )
        manual = journal.outbound_payment_method_line_ids.filtered(
            lambda line: line.payment_method_id.code == "manual"
        )
        manual.name = "Manual Payment"
        self.env["res.lang"]._retail_load_core_terms()
        self.assertEqual(manual.name, "手动付款")
