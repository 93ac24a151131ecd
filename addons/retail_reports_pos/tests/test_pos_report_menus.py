from odoo.tests import tagged

from odoo.addons.retail_reports.tests import test_report_menus as base


@tagged("post_install", "-at_install")
class TestPosReportMenus(base.TestReportMenus):
    """The reporting menu with the till's analysis: store managers and head office
    see it too."""

    allow_inherited_tests_method = True
    report_menus = {
        **base.REPORT_MENUS,
        "pos": "retail_reports_pos.retail_reports_menu_pos_analysis",
    }
    role_reports = {
        **base.ROLE_REPORTS,
        "store_manager": {"sale", "pos"},
        "hq_admin": {"sale", "pos", "purchase", "invoice"},
    }
