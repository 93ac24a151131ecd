from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from ..report.retail_sales_report import COST_GROUPS

# a product is in class A while the products ranked above it by revenue make less than
# 80 % of the revenue, in B below 95 %, in C after that
ABC_LIMITS = (0.80, 0.95)


class RetailProductRanking(models.TransientModel):
    """Hot and slow sellers: the top or bottom N products of a period and stores by
    quantity, revenue or margin, with their ABC class over all the products sold.

    One SQL query over the sales analysis (its record rules apply: a store manager
    ranks their stores only), with window functions for the shares and classes.
    """

    _name = "retail.product.ranking"
    _inherit = ["retail.analysis.wizard"]
    _description = "Hot and Slow Sellers"
    _retail_pdf_report = "retail_reports.retail_product_ranking_pdf"

    measure = fields.Selection(
        [("quantity", "Quantity"), ("revenue", "Revenue"), ("margin", "Margin")],
        required=True,
        default="revenue",
    )
    direction = fields.Selection(
        [("top", "Hot Sellers (Top)"), ("bottom", "Slow Sellers (Bottom)")],
        string="Rank",
        required=True,
        default="top",
    )
    limit = fields.Integer(string="Number of Products", required=True, default=20)
    line_ids = fields.One2many(
        "retail.product.ranking.line", "ranking_id", string="Products"
    )

    @api.constrains("limit")
    def _check_limit(self):
        for wizard in self:
            if wizard.limit <= 0:
                raise ValidationError(
                    self.env._("The number of products must be positive.")
                )

    def _ranking(self):
        """Dicts of product_id, quantity, revenue, margin, share, cumulative_share,
        abc_class for the N products of the ranking, in rank order."""
        self.ensure_one()
        Report = self.env["retail.sales.report"]
        query = Report._search(self._period_domain())
        product = Report._field_to_sql(query.table, "product_id", query)
        query.groupby = product
        per_product = query.select(
            SQL(
                """%s AS product_id,
                   SUM(%s) AS quantity,
                   SUM(%s) AS revenue,
                   SUM(%s) AS margin""",
                product,
                Report._field_to_sql(query.table, "quantity", query),
                Report._field_to_sql(query.table, "revenue", query),
                Report._field_to_sql(query.table, "margin", query),
            )
        )
        order = SQL(
            "%s %s, product_id",
            SQL.identifier(self.measure),
            SQL("DESC") if self.direction == "top" else SQL("ASC"),
        )
        self.env.cr.execute(
            SQL(
                """
                WITH per_product AS (%(per_product)s),
                ranked AS (
                    SELECT *,
                           revenue / NULLIF(SUM(revenue) OVER (), 0) AS share,
                           SUM(revenue) OVER (ORDER BY revenue DESC, product_id
                                              ROWS UNBOUNDED PRECEDING)
                               / NULLIF(SUM(revenue) OVER (), 0)
                               AS cumulative_share
                      FROM per_product
                )
                SELECT product_id, quantity, revenue, margin,
                       COALESCE(share, 0) AS share,
                       COALESCE(cumulative_share, 0) AS cumulative_share,
                       CASE WHEN COALESCE(cumulative_share - share, 0) < %(a)s
                                 THEN 'A'
                            WHEN COALESCE(cumulative_share - share, 0) < %(b)s
                                 THEN 'B'
                            ELSE 'C' END AS abc_class
                  FROM ranked
              ORDER BY %(order)s
                 LIMIT %(limit)s
                """,
                per_product=per_product,
                a=ABC_LIMITS[0],
                b=ABC_LIMITS[1],
                order=order,
                limit=self.limit,
            )
        )
        return self.env.cr.dictfetchall()

    def action_compute(self):
        self.ensure_one()
        show_margin = self.env.user.has_groups(COST_GROUPS)
        if self.measure == "margin" and not show_margin:
            raise AccessError(self.env._("You may not see margins."))
        rows = self._ranking()
        if not show_margin:
            for row in rows:
                del row["margin"]
        self.line_ids = [fields.Command.clear()] + [
            fields.Command.create(dict(row, rank=rank))
            for rank, row in enumerate(rows, start=1)
        ]
        return self._retail_reopen()

    def _retail_table(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        show_margin = self.env.user.has_groups(COST_GROUPS)
        headers = [
            self.env._("Product"),
            self.env._("Rank"),
            self.env._("Quantity"),
            self.env._("Revenue"),
            *([self.env._("Margin")] if show_margin else []),
            self.env._("Revenue Share"),
            self.env._("Cumulative Share"),
            self.env._("ABC Class"),
        ]
        rows = [
            (
                line.product_id.display_name,
                line.rank,
                line.quantity,
                line.revenue,
                *([line.margin] if show_margin else []),
                line.share,
                line.cumulative_share,
                line.abc_class,
            )
            for line in self.line_ids
        ]
        direction = dict(self._fields["direction"]._description_selection(self.env))
        return {
            "title": direction[self.direction],
            "subtitle": self._period_subtitle(),
            "headers": headers,
            "rows": rows,
        }

    def _retail_file_name(self):
        return self.env._(
            "Products %(date_from)s %(date_to)s.xlsx",
            date_from=self.date_from,
            date_to=self.date_to,
        )


class RetailProductRankingLine(models.TransientModel):
    _name = "retail.product.ranking.line"
    _description = "Hot and Slow Sellers Line"
    _order = "rank"

    ranking_id = fields.Many2one(
        "retail.product.ranking", required=True, ondelete="cascade"
    )
    rank = fields.Integer()
    product_id = fields.Many2one("product.product")
    categ_id = fields.Many2one(related="product_id.categ_id")
    quantity = fields.Float()
    revenue = fields.Float()
    margin = fields.Float(groups=COST_GROUPS)
    share = fields.Float(string="Revenue Share")
    cumulative_share = fields.Float()
    abc_class = fields.Selection(
        [("A", "A"), ("B", "B"), ("C", "C")], string="ABC Class"
    )
