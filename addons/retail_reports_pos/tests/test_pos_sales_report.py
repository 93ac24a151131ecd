from odoo.tests import tagged

from odoo.addons.retail_reports.tests import test_retail_sales_report as base

from .. import uninstall_hook
from .common import PosSalesCommon


@tagged("post_install", "-at_install")
class TestPosSalesReport(PosSalesCommon, base.TestRetailSalesReport):
    """The sales analysis and the dashboards with the member's order at the till."""

    def test_till_rows_are_the_paid_lines_of_the_till_s_store(self):
        self.assertEqual(self.pos_order.state, "paid")
        pos_row = self._rows().filtered(lambda r: r.source == "pos")
        self.assertEqual(
            (pos_row.order_name, pos_row.warehouse_id, pos_row.quantity),
            (self.pos_order.name, self.store_warehouse, 2),
        )
        self.assertEqual(pos_row.partner_id, self.member)
        self.assertEqual(pos_row.grade_id, self.grade)
        self.assertEqual(
            pos_row.channel_id, self.pos_order.session_id.config_id.retail_channel_id
        )
        self.assertEqual((pos_row.cost, pos_row.margin), (12, 12))
        self.assertEqual(
            dict(self.env["retail.sales.report"]._fields["source"].selection),
            {"sale": "Wholesale", "pos": "Point of Sale"},
        )

    def test_uninstalling_rebuilds_the_history_without_the_tills(self):
        Report = self.env["retail.sales.report"]

        # the history holds the orders dated before its cutoff (three days ago)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sale_order SET date_order = date_order - interval '10 days'"
        )
        self.env.cr.execute(
            "UPDATE pos_order SET date_order = date_order - interval '10 days'"
        )
        self.env.invalidate_all()

        def history_sources():
            Report._refresh_fact(full=True)
            self.env.cr.execute("SELECT DISTINCT source FROM retail_sales_fact")
            return {source for (source,) in self.env.cr.fetchall()}

        self.assertEqual(history_sources(), {"sale", "pos"})
        uninstall_hook(self.env)
        self.assertEqual(history_sources(), {"sale"})


@tagged("post_install", "-at_install")
class TestPosReportsTimeZone(PosSalesCommon, base.TestRetailReportsTimeZone):
    pass


@tagged("post_install", "-at_install")
class TestPosDashboardTour(PosSalesCommon, base.TestRetailDashboardTour):
    pass
