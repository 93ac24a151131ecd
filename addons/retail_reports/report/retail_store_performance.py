from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.xlsx import table_xlsx
from .retail_sales_report import COST_GROUPS, RetailSalesReport


class RetailStorePerformance(models.Model):
    """Store performance against targets: one row per store and month with sales,
    margin, transactions (orders), basket size and the month's target.

    Grouped in one query from the sales analysis (its history and live rows), with
    the targets joined in: a month with a target and no sale shows too. Months are
    counted in the user's time zone, like the other analyses.
    """

    _name = "retail.store.performance"
    _inherit = ["retail.table.mixin"]
    _description = "Store Performance"
    _auto = False
    _order = "month desc, warehouse_id"
    _rec_name = "warehouse_id"
    _depends = {
        **RetailSalesReport._depends,
        "retail.store.target": ["warehouse_id", "month", "target_revenue"],
    }

    warehouse_id = fields.Many2one("stock.warehouse", string="Store", readonly=True)
    month = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    revenue = fields.Monetary(string="Sales", readonly=True)
    margin = fields.Monetary(readonly=True, groups=COST_GROUPS)
    transactions = fields.Integer(readonly=True)
    basket = fields.Monetary(
        string="Basket Size",
        readonly=True,
        aggregator=None,
        help="Sales / transactions.",
    )
    target_revenue = fields.Monetary(string="Target", readonly=True)
    achievement = fields.Float(
        readonly=True,
        aggregator=None,
        help="Sales / target.",
    )

    @property
    def _table_query(self):
        Report = self.env["retail.sales.report"]
        # only the sales from then (the dashboards' month): the month's filter on
        # the rows does not reach into the grouping of every order of the history
        since = self.env.context.get("retail_performance_since")
        return SQL(
            """
            WITH orders AS (
                -- one row per order and month (hashed: twice as fast as counting
                -- distinct orders over the lines)
                SELECT warehouse_id,
                       MIN(company_id) AS company_id,
                       date_trunc('month', date AT TIME ZONE 'UTC'
                           AT TIME ZONE %(tz)s)::date AS month,
                       SUM(revenue) AS revenue,
                       SUM(margin) AS margin
                  FROM (%(fact)s) AS fact
                 WHERE warehouse_id IS NOT NULL %(since)s
              GROUP BY warehouse_id, 3, source, order_name
            ),
            sales AS (
                SELECT warehouse_id,
                       MIN(company_id) AS company_id,
                       month,
                       SUM(revenue) AS revenue,
                       SUM(margin) AS margin,
                       COUNT(*) AS transactions
                  FROM orders
              GROUP BY warehouse_id, month
            )
            SELECT (EXTRACT(YEAR FROM month)::bigint * 12
                        + EXTRACT(MONTH FROM month)::bigint) * 1000000
                       + warehouse_id AS id,
                   warehouse_id,
                   month,
                   company_id,
                   revenue,
                   margin,
                   transactions,
                   revenue / NULLIF(transactions, 0) AS basket,
                   target_revenue,
                   revenue / NULLIF(target_revenue, 0) AS achievement
              FROM (
                SELECT COALESCE(s.warehouse_id, t.warehouse_id) AS warehouse_id,
                       COALESCE(s.month, t.month) AS month,
                       COALESCE(s.company_id, t.company_id) AS company_id,
                       COALESCE(s.revenue, 0) AS revenue,
                       COALESCE(s.margin, 0) AS margin,
                       COALESCE(s.transactions, 0) AS transactions,
                       COALESCE(t.target_revenue, 0) AS target_revenue
                  FROM sales s
             FULL JOIN retail_store_target t
                    ON t.warehouse_id = s.warehouse_id AND t.month = s.month
              ) AS joined
            """,
            tz=Report._retail_tz().zone,
            fact=Report._table_query,
            since=SQL("AND date >= %s", since) if since else SQL(),
        )

    @api.model
    def _dashboard_targets(self):
        """This month's target, sales and achievement of the stores with a target
        the user may see, for the dashboards."""
        Report = self.env["retail.sales.report"]
        month = Report._retail_today().replace(day=1)
        performance = self.with_context(
            retail_performance_since=Report._retail_day_start(month)
        )
        return [
            {
                "name": row.warehouse_id.display_name,
                "target": row.target_revenue,
                "revenue": row.revenue,
                "achievement": row.achievement,
            }
            for row in performance.search(
                [("month", "=", month), ("target_revenue", ">", 0)],
                order="achievement desc, warehouse_id",
            )
        ]

    def _retail_table(self):
        show_margin = self.env.user.has_groups(COST_GROUPS)
        headers = [
            self.env._("Store"),
            self.env._("Month"),
            self.env._("Sales"),
            *([self.env._("Margin")] if show_margin else []),
            self.env._("Transactions"),
            self.env._("Basket Size"),
            self.env._("Target"),
            self.env._("Achievement"),
        ]
        rows = [
            (
                row.warehouse_id.display_name,
                row.month.strftime("%Y-%m"),
                row.revenue,
                *([row.margin] if show_margin else []),
                row.transactions,
                row.basket,
                row.target_revenue,
                row.achievement,
            )
            for row in self.sorted(lambda r: (r.month, r.warehouse_id.display_name))
        ]
        return {
            "title": self.env._("Store Performance"),
            "subtitle": self.env._("Sales against targets"),
            "headers": headers,
            "rows": rows,
        }

    def _xlsx_content(self):
        table = self._retail_table()
        return table_xlsx(
            table["title"], table["subtitle"], table["headers"], table["rows"]
        )

    def action_export_xlsx(self):
        # the rows are not records one may write on: the file is the user's own
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("Store Performance.xlsx"),
                "raw": self._xlsx_content(),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }
