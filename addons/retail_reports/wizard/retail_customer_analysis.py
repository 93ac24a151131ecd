from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools import SQL

# a score from 3 to 5 (of 1 to 5) counts as high
HIGH_SCORE = 3

# the figures of a customer's RFM line, in the order of the table's columns
RFM_FIGURES = ("recency_days", "frequency", "monetary", "r_score", "f_score", "m_score")

SEGMENTS = [
    ("important_value", "Important Value"),
    ("important_develop", "Important Development"),
    ("important_keep", "Important Retention"),
    ("important_retain", "Important Win-back"),
    ("general_value", "General Value"),
    ("general_develop", "General Development"),
    ("general_keep", "General Retention"),
    ("general_retain", "General Win-back"),
]


class RetailCustomerAnalysis(models.TransientModel):
    """Customer analysis (客户分析) of a period over the orders of the sales analysis
    with a customer (wholesale orders; with ``retail_reports_pos`` the tills' paid
    orders too): RFM scores and segments, repurchase rate, new and returning customers
    per month, customers per grade.

    Orders of a negative or zero untaxed total (refunds) count in the monetary value
    only: they are no purchase for recency, frequency and new customers.

    Read from the sales analysis through its record rules: a store manager analyses
    the customers of their stores only. Each figure is one SQL query.
    """

    _name = "retail.customer.analysis"
    _inherit = ["retail.analysis.wizard"]
    _description = "Customer Analysis"
    _retail_pdf_report = "retail_reports.retail_customer_analysis_pdf"
    _retail_line_fields = ("rfm_line_ids",)

    # a year: RFM needs more history than a ranking
    date_from = fields.Date(
        default=lambda self: (
            self.env["retail.sales.report"]._retail_today() - relativedelta(days=364)
        ),
    )
    customer_count = fields.Integer(string="Customers", readonly=True)
    repeat_customer_count = fields.Integer(
        string="Repeat Customers",
        readonly=True,
        help="Customers with at least two orders in the period.",
    )
    repurchase_rate = fields.Float(
        readonly=True,
        help="Customers with at least two orders / customers with orders.",
    )
    rfm_line_ids = fields.One2many(
        "retail.customer.analysis.rfm", "analysis_id", string="RFM"
    )
    month_line_ids = fields.One2many(
        "retail.customer.analysis.month", "analysis_id", string="New and Returning"
    )
    grade_line_ids = fields.One2many(
        "retail.customer.analysis.grade", "analysis_id", string="Member Levels"
    )

    def _scope_domain(self):
        domain = [("partner_id", "!=", False)]
        if self.warehouse_ids:
            domain.append(("warehouse_id", "in", self.warehouse_ids.ids))
        return domain

    def _period_domain(self):
        return [("partner_id", "!=", False), *super()._period_domain()]

    def _orders_query(self, domain):
        """One row per order of the sales analysis rows matching ``domain``:
        partner_id, date, revenue."""
        Report = self.env["retail.sales.report"]
        query = Report._search(domain)

        def field(name):
            return Report._field_to_sql(query.table, name, query)

        query.groupby = SQL(
            "%s, %s, %s", field("partner_id"), field("source"), field("order_name")
        )
        return query.select(
            SQL(
                "%s AS partner_id, MIN(%s) AS date, SUM(%s) AS revenue",
                field("partner_id"),
                field("date"),
                field("revenue"),
            )
        )

    def _rfm(self):
        """Dicts of the customers of the period with their RFM figures, scores and
        segment."""
        self.ensure_one()
        tz = self.env["retail.sales.report"]._retail_tz().zone
        segment = SQL(
            """CASE WHEN m_score >= %(high)s THEN 'important_' ELSE 'general_' END
               || CASE WHEN r_score >= %(high)s AND f_score >= %(high)s THEN 'value'
                       WHEN r_score >= %(high)s THEN 'develop'
                       WHEN f_score >= %(high)s THEN 'keep'
                       ELSE 'retain' END""",
            high=HIGH_SCORE,
        )
        self.env.cr.execute(
            SQL(
                """
                WITH orders AS (%(orders)s),
                customers AS (
                    SELECT partner_id,
                           MAX(date) FILTER (WHERE revenue > 0) AS last_order_date,
                           COUNT(*) FILTER (WHERE revenue > 0) AS frequency,
                           SUM(revenue) AS monetary
                      FROM orders
                  GROUP BY partner_id
                    HAVING COUNT(*) FILTER (WHERE revenue > 0) > 0
                ),
                scored AS (
                    SELECT *,
                           %(date_to)s::date - (last_order_date AT TIME ZONE 'UTC'
                               AT TIME ZONE %(tz)s)::date AS recency_days,
                           ntile(5) OVER (ORDER BY last_order_date, partner_id)
                               AS r_score,
                           ntile(5) OVER (ORDER BY frequency, monetary, partner_id)
                               AS f_score,
                           ntile(5) OVER (ORDER BY monetary, frequency, partner_id)
                               AS m_score
                      FROM customers
                )
                SELECT scored.partner_id, last_order_date, recency_days, frequency,
                       monetary, r_score, f_score, m_score,
                       (partner.retail_grade_id->>%(company)s)::integer AS grade_id,
                       %(segment)s AS segment
                  FROM scored
                  JOIN res_partner partner ON partner.id = scored.partner_id
              ORDER BY monetary DESC, scored.partner_id
                """,
                orders=self._orders_query(self._period_domain()),
                date_to=self.date_to,
                tz=tz,
                company=str(self.env.company.id),
                segment=segment,
            )
        )
        return self.env.cr.dictfetchall()

    def _months(self):
        """Dicts of month, customers, new_customers, returning_customers: a customer
        is new in the month of their first order ever (in the stores in scope)."""
        self.ensure_one()
        tz = self.env["retail.sales.report"]._retail_tz().zone
        self.env.cr.execute(
            SQL(
                """
                WITH orders AS (%(orders)s),
                firsts AS (
                    SELECT partner_id,
                           date_trunc('month', MIN(date) AT TIME ZONE 'UTC'
                               AT TIME ZONE %(tz)s)::date AS first_month
                      FROM (%(all_orders)s) AS all_orders
                     WHERE revenue > 0
                  GROUP BY partner_id
                ),
                monthly AS (
                    SELECT DISTINCT partner_id,
                           date_trunc('month', date AT TIME ZONE 'UTC'
                               AT TIME ZONE %(tz)s)::date AS month
                      FROM orders
                     WHERE revenue > 0
                )
                SELECT month,
                       COUNT(*) AS customers,
                       COUNT(*) FILTER (WHERE firsts.first_month = month)
                           AS new_customers,
                       COUNT(*) FILTER (WHERE firsts.first_month < month)
                           AS returning_customers
                  FROM monthly
                  JOIN firsts USING (partner_id)
              GROUP BY month
              ORDER BY month
                """,
                orders=self._orders_query(self._period_domain()),
                all_orders=self._orders_query(self._scope_domain()),
                tz=tz,
            )
        )
        return self.env.cr.dictfetchall()

    def action_compute(self):
        self.ensure_one()
        rfm = self._rfm()
        self.rfm_line_ids = [fields.Command.clear()] + [
            fields.Command.create(row) for row in rfm
        ]
        self.month_line_ids = [fields.Command.clear()] + [
            fields.Command.create(row) for row in self._months()
        ]
        grades = self.env["retail.customer.analysis.rfm"]._read_group(
            [("analysis_id", "=", self.id)],
            ["grade_id"],
            ["__count", "monetary:sum"],
            order="grade_id",
        )
        self.grade_line_ids = [fields.Command.clear()] + [
            fields.Command.create(
                {"grade_id": grade.id, "customers": count, "revenue": revenue}
            )
            for grade, count, revenue in grades
        ]
        repeat = sum(1 for row in rfm if row["frequency"] >= 2)
        self.write(
            {
                "customer_count": len(rfm),
                "repeat_customer_count": repeat,
                "repurchase_rate": repeat / len(rfm) if rfm else 0.0,
            }
        )
        return self._retail_reopen()

    def action_view_segments(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Segments"),
            "res_model": "retail.customer.analysis.rfm",
            "view_mode": "graph,pivot,list",
            "domain": [("analysis_id", "=", self.id)],
            "target": "current",
        }

    def _retail_table(self):
        self.ensure_one()
        if not self.rfm_line_ids:
            self.action_compute()
        segments = dict(
            self.env["retail.customer.analysis.rfm"]
            ._fields["segment"]
            ._description_selection(self.env)
        )
        headers = [
            self.env._("Customer"),
            self.env._("Customer Grade"),
            self.env._("Last Order"),
            self.env._("Recency (Days)"),
            self.env._("Frequency (Orders)"),
            self.env._("Monetary (Untaxed)"),
            self.env._("R Score"),
            self.env._("F Score"),
            self.env._("M Score"),
            self.env._("Segment"),
        ]
        rows = [
            (
                line.partner_id.display_name,
                line.grade_id.display_name or "",
                fields.Datetime.to_string(line.last_order_date),
                *(line[name] for name in RFM_FIGURES),
                segments.get(line.segment, ""),
            )
            for line in self.rfm_line_ids
        ]
        rows.append(())
        rows.append(
            (
                self.env._("Repurchase Rate"),
                "",
                "",
                "",
                self.repeat_customer_count,
                self.customer_count,
                "",
                "",
                "",
                self.repurchase_rate,
            )
        )
        return {
            "title": self.env._("Customer Analysis"),
            "subtitle": self._period_subtitle(),
            "headers": headers,
            "rows": rows,
            "bold_rows": (len(rows) - 1,),
        }

    def _retail_file_name(self):
        return self.env._(
            "Customers %(date_from)s %(date_to)s.xlsx",
            date_from=self.date_from,
            date_to=self.date_to,
        )


class RetailCustomerAnalysisRfm(models.TransientModel):
    _name = "retail.customer.analysis.rfm"
    _description = "Customer Analysis: RFM"
    _order = "monetary desc, id"

    analysis_id = fields.Many2one(
        "retail.customer.analysis", required=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", string="Customer")
    grade_id = fields.Many2one("retail.customer.grade", string="Customer Grade")
    last_order_date = fields.Datetime(string="Last Order")
    recency_days = fields.Integer(string="Recency (Days)", aggregator="avg")
    frequency = fields.Integer(string="Frequency (Orders)")
    monetary = fields.Float(string="Monetary (Untaxed)")
    r_score = fields.Integer(aggregator=None)
    f_score = fields.Integer(aggregator=None)
    m_score = fields.Integer(aggregator=None)
    segment = fields.Selection(SEGMENTS)


class RetailCustomerAnalysisMonth(models.TransientModel):
    _name = "retail.customer.analysis.month"
    _description = "Customer Analysis: New and Returning Customers"
    _order = "month"

    analysis_id = fields.Many2one(
        "retail.customer.analysis", required=True, ondelete="cascade"
    )
    month = fields.Date()
    customers = fields.Integer()
    new_customers = fields.Integer()
    returning_customers = fields.Integer()


class RetailCustomerAnalysisGrade(models.TransientModel):
    _name = "retail.customer.analysis.grade"
    _description = "Customer Analysis: Member Levels"
    _order = "customers desc, id"

    analysis_id = fields.Many2one(
        "retail.customer.analysis", required=True, ondelete="cascade"
    )
    grade_id = fields.Many2one("retail.customer.grade", string="Customer Grade")
    customers = fields.Integer()
    revenue = fields.Float()
