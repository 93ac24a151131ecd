from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon

REPORT_MENUS = {
    "sale": "retail_reports.retail_reports_menu_sale_analysis",
    "purchase": "retail_reports.retail_reports_menu_purchase_analysis",
    "invoice": "retail_reports.retail_reports_menu_invoice_analysis",
}


@tagged("post_install", "-at_install")
class TestReportMenus(RetailCommon):
    def _visible_reports(self, role):
        visible = (
            self.env["ir.ui.menu"].with_user(self.role_users[role])._visible_menu_ids()
        )
        return {
            key
            for key, xmlid in REPORT_MENUS.items()
            if self.env.ref(xmlid).id in visible
        }

    def test_each_role_sees_the_analyses_of_its_job(self):
        self.assertEqual(self._visible_reports("cashier"), set())
        self.assertEqual(self._visible_reports("keeper"), set())
        self.assertEqual(self._visible_reports("buyer"), {"purchase"})
        self.assertEqual(self._visible_reports("accountant"), {"invoice"})
        self.assertEqual(self._visible_reports("store_manager"), {"sale"})
        self.assertEqual(
            self._visible_reports("hq_admin"), {"sale", "purchase", "invoice"}
        )
