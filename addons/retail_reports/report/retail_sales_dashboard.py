from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class RetailSalesReport(models.Model):
    _inherit = "retail.sales.report"

    @api.model
    def retail_dashboard_data(self):
        """Figures of the dashboards: today, this month, the last 30 days by store
        and the top products. Read through the record rules, so that a store manager
        sees their stores and head office every store."""
        today = self._retail_today()
        start_of = {
            "today": today,
            "month": today.replace(day=1),
            "days_30": today - relativedelta(days=29),
        }
        end = self._retail_day_start(today + relativedelta(days=1))
        aggregates = [
            "revenue:sum",
            "margin:sum",
            "quantity:sum",
            "order_name:count_distinct",
        ]

        def period_domain(key):
            return [
                ("date", ">=", self._retail_day_start(start_of[key])),
                ("date", "<", end),
            ]

        def kpis(revenue, margin, quantity, orders):
            return {
                "revenue": revenue,
                "margin": margin,
                "margin_rate": margin / revenue if revenue else 0.0,
                "quantity": quantity,
                "orders": orders,
                "basket": revenue / orders if orders else 0.0,
            }

        data = {}
        for key in start_of:
            [totals] = self._read_group(period_domain(key), [], aggregates)
            data[key] = kpis(*totals)
        data["stores"] = [
            dict(kpis(*values), name=warehouse.display_name or "")
            for warehouse, *values in self._read_group(
                period_domain("days_30"),
                ["warehouse_id"],
                aggregates,
                order="revenue:sum desc",
            )
        ]
        data["top_products"] = [
            {"name": product.display_name, "quantity": quantity, "revenue": revenue}
            for product, quantity, revenue in self._read_group(
                period_domain("days_30"),
                ["product_id"],
                ["quantity:sum", "revenue:sum"],
                order="revenue:sum desc",
                limit=5,
            )
        ]
        data["currency_id"] = self.env.company.currency_id.id
        data["targets"] = self.env["retail.store.performance"]._dashboard_targets()
        data["graph_domain"] = [
            (
                "date",
                ">=",
                fields.Datetime.to_string(self._retail_day_start(start_of["days_30"])),
            ),
        ]
        data["views"] = {
            key: self.env.ref(f"retail_reports.retail_sales_report_view_graph_{key}").id
            for key in ("daily", "category", "store")
        }
        return data
