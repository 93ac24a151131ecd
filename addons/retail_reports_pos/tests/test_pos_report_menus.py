from odoo.tests import tagged

from odoo.addons.retail_reports.tests import test_report_menus as base

REPORT_MENUS = {
    **base.REPORT_MENUS,
    "pos": "retail_reports_pos.retail_reports_menu_pos_analysis",
}


@tagged("post_install", "-at_install")
class TestPosReportMenus(base.TestReportMenus):
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
        self.assertEqual(self._visible_reports("store_manager"), {"sale", "pos"})
        self.assertEqual(
            self._visible_reports("hq_admin"), {"sale", "pos", "purchase", "invoice"}
        )
