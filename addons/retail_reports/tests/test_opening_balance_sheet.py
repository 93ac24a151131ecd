from odoo import Command
from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.setup_common import SetupCommon
from odoo.addons.retail_wholesale.wizard.retail_opening_import import (
    BALANCE_COLUMNS,
    STOCK_COLUMNS,
)


@tagged("post_install", "-at_install")
class TestOpeningBalanceSheet(SetupCommon):
    """A company gone live with the setup assistant: its balance sheet balances and
    shows the opening figures, the inventory at the opening stock's value."""

    def test_balance_sheet_shows_the_opening_figures(self):
        self.run_company_step()
        self.make_goods()
        hq = self.company_env()["stock.warehouse"].search(
            [("company_id", "=", self.new_company.id)], limit=1
        )
        stock = self.import_opening(
            "stock",
            STOCK_COLUMNS,
            [
                (hq.code, "M001", "L1", "2027-06-30", 10, 5),
                (hq.code, "T001", "", None, 20, 2.5),
            ],
        )
        self.assertEqual(stock.state, "done", stock.report)
        balances = self.import_opening(
            "balances",
            BALANCE_COLUMNS,
            [
                ("1001", "库存现金", "", 800, None, ""),
                ("1002", "银行存款", "", 50000, None, ""),
                ("1122", "应收账款", "华东商贸", 3000, None, ""),
                ("1405", "库存商品", "", 100, None, ""),
                ("2202", "应付账款", "江南食品厂", None, 1900, ""),
                ("3001", "实收资本", "", None, 50000, ""),
                ("3104", "利润分配", "", None, 2000, "以前年度未分配利润"),
            ],
        )
        self.assertEqual(balances.state, "done", balances.report)
        # read by the company's accountant
        accountant = self.role_users["accountant"]
        accountant.write(
            {
                "company_ids": [Command.link(self.new_company.id)],
                "company_id": self.new_company.id,
            }
        )
        env = self.env(
            user=accountant,
            context=dict(self.env.context, allowed_company_ids=[self.new_company.id]),
        )
        wizard = env["retail.statement"].create(
            {"statement": "balance", "company_id": self.new_company.id}
        )
        wizard.action_compute()
        figures = {row.code: (row.amount_1, row.amount_3) for row in wizard.row_ids}
        # end of period and beginning of the year (the opening entries' date)
        self.assertEqual(figures["BS01"], (50800, 50800))
        self.assertEqual(figures["BS04"], (3000, 3000))
        self.assertEqual(figures["BS09"], (100, 100))
        self.assertEqual(figures["BS24"], (53900, 53900))
        self.assertEqual(figures["BS27"], (1900, 1900))
        self.assertEqual(figures["BS42"], (50000, 50000))
        self.assertEqual(figures["BS45"], (2000, 2000))
        self.assertEqual(figures["BS47"], (53900, 53900))
