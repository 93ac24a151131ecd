from odoo import fields, models
from odoo.tools import SQL

from .retail_sales_report import COST_GROUPS, RetailSalesReport


class RetailDeadStockReport(models.Model):
    """Stock on hand per product and warehouse with the date of its last sale there
    (in the sales analysis: wholesale, or a till's with ``retail_reports_pos``), to
    find dead stock (呆滞): on hand and not sold for N days.

    Stock value is the quantity on hand times the product's cost in the company.
    """

    _name = "retail.dead.stock.report"
    _inherit = ["retail.table.mixin"]
    _description = "Dead Stock"
    _auto = False
    _order = "days_without_sale desc nulls first, stock_value desc"
    _depends = {
        "stock.quant": ["product_id", "location_id", "company_id", "quantity"],
        "stock.location": ["usage", "warehouse_id"],
        **RetailSalesReport._depends,
    }

    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one(
        "product.category", string="Product Category", readonly=True
    )
    brand_id = fields.Many2one("retail.brand", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", string="Store", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    quantity = fields.Float(string="On Hand", readonly=True)
    stock_value = fields.Monetary(readonly=True, groups=COST_GROUPS)
    last_sale_date = fields.Datetime(string="Last Sale", readonly=True)
    days_without_sale = fields.Integer(
        readonly=True,
        help="Days since the last sale in this warehouse; empty when never sold there.",
    )

    @property
    def _table_query(self):
        sales = self.env["retail.sales.report"]._table_query
        return SQL(
            """
            WITH stock AS (
                SELECT q.product_id, loc.warehouse_id, q.company_id,
                       SUM(q.quantity) AS quantity
                  FROM stock_quant q
                  JOIN stock_location loc ON loc.id = q.location_id
                 WHERE loc.usage = 'internal' AND loc.warehouse_id IS NOT NULL
              GROUP BY q.product_id, loc.warehouse_id, q.company_id
                HAVING SUM(q.quantity) > 0
            ),
            last_sale AS (
                SELECT s.product_id, s.warehouse_id, MAX(s.date) AS last_sale_date
                  FROM (%(sales)s) s
              GROUP BY s.product_id, s.warehouse_id
            )
            SELECT stock.product_id::bigint * 100000 + stock.warehouse_id AS id,
                   stock.product_id,
                   t.categ_id,
                   t.retail_brand_id AS brand_id,
                   stock.warehouse_id,
                   stock.company_id,
                   c.currency_id,
                   stock.quantity,
                   stock.quantity
                       * COALESCE((p.standard_price->>stock.company_id::text)::numeric, 0)
                       AS stock_value,
                   last_sale.last_sale_date,
                   %(today)s::date - last_sale.last_sale_date::date
                       AS days_without_sale
              FROM stock
              JOIN product_product p ON p.id = stock.product_id
              JOIN product_template t ON t.id = p.product_tmpl_id
              JOIN res_company c ON c.id = stock.company_id
              LEFT JOIN last_sale ON last_sale.product_id = stock.product_id
                                 AND last_sale.warehouse_id = stock.warehouse_id
            """,
            sales=sales,
            today=fields.Date.context_today(self),
        )

    def _retail_table(self):
        show_value = self.env.user.has_groups(COST_GROUPS)
        rows = [
            (
                row.product_id.display_name,
                row.warehouse_id.name,
                row.quantity,
                *([row.stock_value] if show_value else []),
                fields.Date.to_string(row.last_sale_date.date())
                if row.last_sale_date
                else self.env._("never"),
                row.days_without_sale if row.last_sale_date else False,
            )
            for row in self
        ]
        return {
            "title": self.env._("Dead Stock"),
            "subtitle": self.env._(
                "%(count)s products on hand, as of %(date)s",
                count=len(self),
                date=fields.Date.context_today(self),
            ),
            "headers": [
                self.env._("Product"),
                self.env._("Store"),
                self.env._("On Hand"),
                *([self.env._("Stock Value")] if show_value else []),
                self.env._("Last Sale"),
                self.env._("Days Without Sale"),
            ],
            "rows": rows,
        }
