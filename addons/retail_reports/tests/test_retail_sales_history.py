from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .test_retail_sales_report import SalesCommon


@tagged("post_install", "-at_install")
class TestRetailSalesHistory(SalesCommon):
    def test_history_refresh_adds_new_days_and_changed_orders_only(self):
        Report = self.env["retail.sales.report"]
        params = self.env["ir.config_parameter"].sudo()
        now = fields.Datetime.now()
        orders = {}
        for name, days, qty in (("kept", 50, 1), ("changed", 40, 4), ("new", 10, 2)):
            orders[name] = self._sale_order(self.store_warehouse, qty, 10.0)
            orders[name].date_order = now - timedelta(days=days)

        def history():
            self.env.cr.execute(
                "SELECT order_name, quantity, revenue FROM retail_sales_fact "
                "WHERE order_name IN %s",
                [tuple(order.name for order in orders.values())],
            )
            names = {order.name: name for name, order in orders.items()}
            return {names[row[0]]: row[1:] for row in self.env.cr.fetchall()}

        Report._refresh_fact()
        self.assertEqual(
            history(), {"kept": (1, 10), "changed": (4, 40), "new": (2, 20)}
        )
        # as if the last refresh ran two hours from now with its cutoff 23 days ago
        params.set_param(
            "retail_reports.sales_fact_cutoff",
            fields.Datetime.to_string(now - timedelta(days=23)),
        )
        params.set_param(
            "retail_reports.sales_fact_refreshed_at",
            fields.Datetime.to_string(now + timedelta(hours=2)),
        )
        self.env.cr.execute(
            "DELETE FROM retail_sales_fact WHERE order_name = %s",
            [orders["new"].name],
        )
        # a row no refresh has a reason to read again is left as it is
        self.env.cr.execute(
            "UPDATE retail_sales_fact SET revenue = 99 WHERE order_name = %s",
            [orders["kept"].name],
        )
        # the changed order's price changes after that refresh
        orders["changed"].order_line.price_unit = 20.0
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sale_order_line SET write_date = %s WHERE order_id = %s",
            [now + timedelta(hours=3), orders["changed"].id],
        )
        cutoff = Report._refresh_fact()
        self.assertEqual(cutoff.date(), fields.Date.today() - timedelta(days=3))
        self.assertEqual(
            history(), {"kept": (1, 99), "changed": (4, 80), "new": (2, 20)}
        )
        # cancelled after a refresh three hours from now: the order leaves the history
        params.set_param(
            "retail_reports.sales_fact_refreshed_at",
            fields.Datetime.to_string(now + timedelta(hours=3)),
        )
        orders["changed"]._action_cancel()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sale_order SET write_date = %s WHERE id = %s",
            [now + timedelta(hours=4), orders["changed"].id],
        )
        Report._refresh_fact()
        self.assertEqual(history(), {"kept": (1, 99), "new": (2, 20)})
        # the whole history rebuilt (Sundays, after an update)
        Report._refresh_fact(full=True)
        self.assertEqual(history(), {"kept": (1, 10), "new": (2, 20)})
