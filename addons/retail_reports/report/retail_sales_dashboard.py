from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .retail_sales_report import COST_GROUPS

DASHBOARD_PERIODS = ("today", "days_7", "days_30", "month", "custom")


class RetailSalesReport(models.Model):
    _inherit = "retail.sales.report"

    @api.model
    def _dashboard_period(self, period, date_from=None, date_to=None):
        """(first day, last day) of a dashboard period, days of the user's time zone:
        today, the last 7 or 30 days, this month, or a custom range."""
        if period not in DASHBOARD_PERIODS:
            raise UserError(
                self.env._("Unknown dashboard period: %(period)s.", period=period)
            )
        today = self._retail_today()
        if period == "custom":
            try:
                start = fields.Date.to_date(date_from)
                end = fields.Date.to_date(date_to)
            except ValueError:
                start = end = None
            if not start or not end:
                raise UserError(
                    self.env._(
                        "Give the period's From and To dates (From: %(date_from)s, "
                        "To: %(date_to)s).",
                        date_from=date_from or "",
                        date_to=date_to or "",
                    )
                )
            if start > end:
                raise UserError(
                    self.env._(
                        "The period's From date %(date_from)s is after its To date "
                        "%(date_to)s.",
                        date_from=start,
                        date_to=end,
                    )
                )
            return start, end
        start = {
            "today": today,
            "days_7": today - relativedelta(days=6),
            "days_30": today - relativedelta(days=29),
            "month": today.replace(day=1),
        }[period]
        return start, today

    @api.model
    def _dashboard_totals(self, current, previous, groupby=None):
        """Revenue, margin, quantity and transactions of the current and the previous
        period, in one query through the record rules; by ``groupby`` (a field name)
        when given: {group id: (current figures, previous figures)}."""
        (cur_from, cur_to), (prev_from, __) = current, previous
        start = self._retail_day_start(prev_from)
        middle = self._retail_day_start(cur_from)
        end = self._retail_day_start(cur_to + relativedelta(days=1))
        query = self._search([("date", ">=", start), ("date", "<", end)])

        def field(name):
            return self._field_to_sql(self._table, name, query)

        in_current = SQL("%s >= %s", field("date"), middle)
        in_previous = SQL("%s < %s", field("date"), middle)
        columns = []
        for condition in (in_current, in_previous):
            columns += [
                SQL("COALESCE(SUM(%s) FILTER (WHERE %s), 0)", field(name), condition)
                for name in ("revenue", "margin", "quantity")
            ]
            columns.append(
                SQL(
                    "COUNT(DISTINCT %s) FILTER (WHERE %s)",
                    field("order_name"),
                    condition,
                )
            )
        if groupby:
            group = field(groupby)
            query.groupby = group
            rows = self.env.execute_query(query.select(group, *columns))
            return {row[0]: (row[1:5], row[5:9]) for row in rows}
        [row] = self.env.execute_query(query.select(*columns))
        return row[0:4], row[4:8]

    @api.model
    def _dashboard_kpis(self, figures, previous=None):
        revenue, margin, quantity, orders = figures
        values = {
            "revenue": revenue,
            "margin": margin,
            "margin_rate": margin / revenue if revenue else 0.0,
            "quantity": quantity,
            "orders": orders,
            "basket": revenue / orders if orders else 0.0,
        }
        if not self.env.user.has_groups(COST_GROUPS) and not self.env.su:
            values["margin"] = values["margin_rate"] = None
        if previous is None:
            return values
        before = self._dashboard_kpis(previous)
        return {
            key: {
                "value": value,
                "previous": before[key],
                "change": (value - before[key]) / abs(before[key])
                if before[key]
                else None,
            }
            if value is not None
            else None
            for key, value in values.items()
        }

    @api.model
    @api.readonly
    def retail_dashboard_data(self, period="days_30", date_from=None, date_to=None):
        """Figures of the dashboards for a period (``_dashboard_period``) compared with
        the period of the same length just before: totals, stores and top products,
        one query each. Read through the record rules, so that a store manager sees
        their stores and head office every store. Read-only: served by the database
        replica when the server has one (``db_replica_host``)."""
        self.check_access("read")
        start, end = self._dashboard_period(period, date_from, date_to)
        days = (end - start).days + 1
        prev_end = start - relativedelta(days=1)
        prev_start = prev_end - relativedelta(days=days - 1)
        current, previous = (start, end), (prev_start, prev_end)

        totals = self._dashboard_totals(current, previous)
        stores = self._dashboard_totals(current, previous, groupby="warehouse_id")
        warehouses = self.env["stock.warehouse"].browse([wid for wid in stores if wid])
        names = {w.id: w.display_name for w in warehouses}
        store_rows = sorted(
            (
                dict(
                    self._dashboard_kpis(now, before),
                    name=names.get(warehouse_id, ""),
                )
                for warehouse_id, (now, before) in stores.items()
                if any(now) or any(before)
            ),
            key=lambda row: -row["revenue"]["value"],
        )
        period_domain = [
            ("date", ">=", self._retail_day_start(start)),
            ("date", "<", self._retail_day_start(end + relativedelta(days=1))),
        ]
        top_products = [
            {"name": product.display_name, "quantity": quantity, "revenue": revenue}
            for product, quantity, revenue in self._read_group(
                period_domain,
                ["product_id"],
                ["quantity:sum", "revenue:sum"],
                order="revenue:sum desc",
                limit=5,
            )
        ]
        return {
            "period": {
                "key": period,
                "date_from": fields.Date.to_string(start),
                "date_to": fields.Date.to_string(end),
                "previous_from": fields.Date.to_string(prev_start),
                "previous_to": fields.Date.to_string(prev_end),
                "days": days,
            },
            "kpis": self._dashboard_kpis(*totals),
            "stores": store_rows,
            "top_products": top_products,
            "currency_id": self.env.company.currency_id.id,
            "targets": self.env["retail.store.performance"]._dashboard_targets(),
            "graph_domain": [
                (name, op, fields.Datetime.to_string(value))
                for name, op, value in period_domain
            ],
            "views": {
                key: self.env.ref(
                    f"retail_reports.retail_sales_report_view_graph_{key}"
                ).id
                for key in ("daily", "category", "store")
            },
        }
