from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon

MENUS = {
    "hq_dashboard": "retail_reports.retail_reports_menu_dashboard_hq",
    "store_dashboard": "retail_reports.retail_reports_menu_dashboard_store",
    "sales": "retail_reports.retail_reports_menu_retail_sales",
    "ranking": "retail_reports.retail_reports_menu_product_ranking",
    "dead_stock": "retail_reports.retail_reports_menu_dead_stock",
    "income": "retail_reports.retail_reports_menu_income_statement",
    "balance": "retail_reports.retail_reports_menu_balance_sheet",
    "cash_flow": "retail_reports.retail_reports_menu_cash_flow",
    "aging": "retail_reports.retail_reports_menu_receivable_aging",
    "lines": "retail_reports.retail_reports_menu_statement_lines",
}
STORE = {"store_dashboard", "sales", "ranking", "dead_stock"}
ACCOUNTING = {"sales", "ranking", "dead_stock", "income", "balance", "cash_flow"}
ACCOUNTING |= {"aging", "lines"}


@tagged("post_install", "-at_install")
class TestRetailReportsMenus(RetailCommon):
    def _visible(self, role):
        user = self.role_users[role]
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        return {
            key for key, xmlid in MENUS.items() if self.env.ref(xmlid).id in visible
        }

    def test_each_role_sees_its_analyses_and_statements(self):
        self.assertEqual(self._visible("cashier"), set())
        self.assertEqual(self._visible("keeper"), set())
        self.assertEqual(self._visible("buyer"), set())
        self.assertEqual(self._visible("store_manager"), STORE)
        self.assertEqual(self._visible("accountant"), ACCOUNTING)
        self.assertEqual(
            self._visible("hq_admin"), STORE | ACCOUNTING | {"hq_dashboard"}
        )
