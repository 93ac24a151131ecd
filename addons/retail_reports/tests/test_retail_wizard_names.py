from datetime import date

from odoo.tests import tagged

from .test_retail_sales_report import SalesCommon


@tagged("post_install", "-at_install")
class TestRetailWizardNames(SalesCommon):
    """Breadcrumbs of the analyses and statements read their name and period in the
    user's language, not the technical "retail.statement,1"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.period = {"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)}

    def test_analysis_wizards_are_named_after_the_analysis_and_period(self):
        analysis = self.env["retail.customer.analysis"].create(self.period)
        self.assertEqual(
            analysis.with_context(lang="zh_CN").display_name,
            "客户分析 2026-03-01 至 2026-03-31",
        )
        self.assertEqual(
            analysis.with_context(lang="en_US").display_name,
            "Customer Analysis 2026-03-01 to 2026-03-31",
        )
        ranking = self.env["retail.product.ranking"].create(self.period)
        self.assertNotIn("retail.", ranking.with_context(lang="zh_CN").display_name)
        self.assertTrue(
            ranking.with_context(lang="zh_CN").display_name.endswith(
                "2026-03-01 至 2026-03-31"
            )
        )

    def test_statements_are_named_after_the_statement_and_period(self):
        statement = self.env["retail.statement"].create(
            {"statement": "income", **self.period}
        )
        self.assertEqual(
            statement.with_context(lang="zh_CN").display_name,
            "利润表 2026-03-01 至 2026-03-31",
        )
