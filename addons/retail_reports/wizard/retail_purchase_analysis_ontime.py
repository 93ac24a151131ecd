from odoo import api, fields, models
from odoo.tools import SQL


class RetailPurchaseAnalysisOntime(models.TransientModel):
    _name = "retail.purchase.analysis.ontime"
    _description = "Purchase Analysis: Supplier On-Time Delivery"
    _order = "on_time_rate, receipt_count desc, id"

    analysis_id = fields.Many2one(
        "retail.purchase.analysis", required=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", string="Supplier")
    receipt_count = fields.Integer(string="Receipts")
    on_time_count = fields.Integer(string="On Time")
    late_count = fields.Integer(string="Late")
    on_time_rate = fields.Float(
        string="On-Time Rate (%)",
        aggregator="avg",
        help="Receipts done in the period on or before their expected day (the "
        "earliest planned date of their purchase order lines, in the user's time "
        "zone) / receipts done in the period. Unlike the supplier's On-Time Delivery "
        "Rate on the partner (quantities received on time / quantities ordered over "
        "the last 365 days, by order date, in UTC), this counts receipts of the "
        "chosen period and stores.",
    )
    avg_delay = fields.Float(
        string="Average Delay (Days)",
        aggregator="avg",
        help="Average days between the expected day and the day the late receipts "
        "were done.",
    )
    qty_received = fields.Float(string="Quantity Received")
    value_received = fields.Float(
        help="Untaxed, at the purchase order's price, in the company's currency.",
    )

    @api.model
    def _rows(self, analysis):
        """Per supplier: receipts, on time, late, average delay of the late ones (days),
        quantity and value received. A receipt is on time when the day it was done is
        on or before the earliest planned day of its order lines."""
        __, __, tz = analysis._sql_bounds()
        self.env.cr.execute(
            SQL(
                """
                WITH moves AS (%(moves)s),
                receipts AS (
                    SELECT picking_id, partner_id,
                           (MIN(date_done) AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date
                           - (MIN(date_planned) AT TIME ZONE 'UTC'
                                 AT TIME ZONE %(tz)s)::date AS delay,
                           SUM(qty) AS qty,
                           SUM(value) AS value
                      FROM moves
                  GROUP BY picking_id, partner_id
                )
                SELECT partner_id,
                       COUNT(*) AS receipt_count,
                       COUNT(*) FILTER (WHERE delay <= 0) AS on_time_count,
                       COUNT(*) FILTER (WHERE delay > 0) AS late_count,
                       100.0 * COUNT(*) FILTER (WHERE delay <= 0) / COUNT(*)
                           AS on_time_rate,
                       COALESCE(AVG(delay) FILTER (WHERE delay > 0), 0) AS avg_delay,
                       SUM(qty) AS qty_received,
                       SUM(value) AS value_received
                  FROM receipts
              GROUP BY partner_id
              ORDER BY on_time_rate, receipt_count DESC, partner_id
                """,
                moves=analysis._received_query(),
                tz=tz,
            )
        )
        return self.env.cr.dictfetchall()
