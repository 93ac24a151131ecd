from odoo import api, fields, models
from odoo.tools import SQL


class RetailPurchaseAnalysisPrice(models.TransientModel):
    _name = "retail.purchase.analysis.price"
    _description = "Purchase Analysis: Price Trend"
    _order = "product_id, month"

    analysis_id = fields.Many2one(
        "retail.purchase.analysis", required=True, ondelete="cascade"
    )
    product_id = fields.Many2one("product.product")
    month = fields.Date()
    qty = fields.Float(string="Quantity")
    value = fields.Float(string="Untaxed Amount")
    avg_price = fields.Float(
        string="Average Price",
        aggregator="avg",
        help="Untaxed amount / quantity of the confirmed purchase order lines of the "
        "month, per unit of the product, in the company's currency.",
    )
    min_price = fields.Float(aggregator="min")
    max_price = fields.Float(aggregator="max")
    change_pct = fields.Float(
        string="Change vs Previous Month (%)",
        aggregator="avg",
        help="Change of the average price against the previous calendar month; "
        "empty when the product was not bought that month.",
    )
    has_change = fields.Boolean(
        string="Bought the Previous Month", help="The change has a meaning."
    )

    @api.model
    def _rows(self, analysis):
        """Per product and month of order date: quantity, average unit price weighted
        by quantity, min and max unit price (per unit of the product, untaxed, company
        currency) of the confirmed purchase order lines, and the change of the
        average price against the previous calendar month (%)."""
        start, end, tz = analysis._sql_bounds()
        self.env.cr.execute(
            SQL(
                """
                WITH lines AS (
                    SELECT line.product_id,
                           date_trunc('month', po.date_order AT TIME ZONE 'UTC'
                               AT TIME ZONE %(tz)s)::date AS month,
                           line.product_uom_qty AS qty,
                           line.price_subtotal
                               / COALESCE(NULLIF(po.currency_rate, 0), 1) AS value
                      FROM purchase_order_line line
                      JOIN purchase_order po ON po.id = line.order_id
                      JOIN res_partner supplier ON supplier.id = po.partner_id
                 LEFT JOIN stock_picking_type picking_type
                        ON picking_type.id = po.picking_type_id
                     WHERE po.state IN ('purchase', 'done')
                       AND line.display_type IS NULL
                       AND line.product_uom_qty > 0
                       AND po.company_id = %(company)s
                       AND po.date_order >= %(start)s
                       AND po.date_order < %(end)s
                       AND %(filters)s
                ),
                months AS (
                    SELECT product_id, month,
                           SUM(qty) AS qty,
                           SUM(value) AS value,
                           SUM(value) / SUM(qty) AS avg_price,
                           MIN(value / qty) AS min_price,
                           MAX(value / qty) AS max_price
                      FROM lines
                  GROUP BY product_id, month
                ),
                trend AS (
                    SELECT *,
                           LAG(month) OVER w AS previous_month,
                           LAG(avg_price) OVER w AS previous_price
                      FROM months
                    WINDOW w AS (PARTITION BY product_id ORDER BY month)
                )
                SELECT product_id, month, qty, value, avg_price, min_price,
                       max_price,
                       CASE WHEN previous_month = (month - interval '1 month')::date
                             AND previous_price > 0
                            THEN 100.0 * (avg_price - previous_price) / previous_price
                       END AS change_pct,
                       COALESCE(previous_month = (month - interval '1 month')::date
                                AND previous_price > 0, FALSE) AS has_change
                  FROM trend
              ORDER BY product_id, month
                """,
                company=self.env.company.id,
                start=start,
                end=end,
                tz=tz,
                filters=analysis._sql_filters(
                    SQL("supplier.commercial_partner_id"),
                    SQL("picking_type.warehouse_id"),
                ),
            )
        )
        return self.env.cr.dictfetchall()
