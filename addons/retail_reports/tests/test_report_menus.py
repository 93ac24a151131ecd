from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon

REPORT_MENUS = {
    "sale": "retail_reports.retail_reports_menu_sale_analysis",
    "purchase": "retail_reports.retail_reports_menu_purchase_analysis",
    "invoice": "retail_reports.retail_reports_menu_invoice_analysis",
}

# the analyses each role sees in the reporting menu
ROLE_REPORTS = {
    "cashier": set(),
    "keeper": set(),
    "buyer": {"purchase"},
    "accountant": {"invoice"},
    "store_manager": {"sale"},
    "hq_admin": {"sale", "purchase", "invoice"},
}


@tagged("post_install", "-at_install")
class TestReportMenus(RetailCommon):
    report_menus = REPORT_MENUS
    role_reports = ROLE_REPORTS

    def _visible_reports(self, role):
        visible = (
            self.env["ir.ui.menu"].with_user(self.role_users[role])._visible_menu_ids()
        )
        return {
            key
            for key, xmlid in self.report_menus.items()
            if self.env.ref(xmlid).id in visible
        }

    def test_each_role_sees_the_analyses_of_its_job(self):
        for role, reports in self.role_reports.items():
            self.assertEqual(self._visible_reports(role), reports, role)
