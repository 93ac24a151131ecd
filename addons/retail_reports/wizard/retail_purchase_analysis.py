from odoo import fields, models
from odoo.tools import SQL

SECTIONS = ("ontime", "price", "returns")


class RetailPurchaseAnalysis(models.TransientModel):
    """Purchase analysis (采购分析) of a period for head office: on-time delivery per
    supplier, purchase price trend per product and month, returns to suppliers.

    Days are days of the user's time zone, else the company's; values are untaxed,
    at the purchase order's price, in the company's currency. Each section is one
    SQL query over the company's purchase orders and stock moves.
    """

    _name = "retail.purchase.analysis"
    _inherit = ["retail.analysis.wizard"]
    _description = "Purchase Analysis"
    _retail_pdf_report = "retail_reports.retail_purchase_analysis_pdf"

    warehouse_ids = fields.Many2many(
        help="Warehouses receiving (or returning) the goods; leave empty for all.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "retail_purchase_analysis_partner_rel",
        string="Suppliers",
        domain=[("supplier_rank", ">", 0)],
        help="Leave empty for every supplier.",
    )
    receipt_count = fields.Integer(string="Receipts", readonly=True)
    on_time_rate = fields.Float(
        string="On-Time Rate (%)",
        readonly=True,
        help="Receipts on time / receipts done in the period, all suppliers.",
    )
    return_rate = fields.Float(
        string="Return Rate (%)",
        readonly=True,
        help="Value returned to suppliers / value received in the period.",
    )
    ontime_line_ids = fields.One2many(
        "retail.purchase.analysis.ontime", "analysis_id", string="On-Time Delivery"
    )
    price_line_ids = fields.One2many(
        "retail.purchase.analysis.price", "analysis_id", string="Price Trend"
    )
    return_line_ids = fields.One2many(
        "retail.purchase.analysis.return", "analysis_id", string="Returns"
    )

    # --- the queries --------------------------------------------------------

    def _sql_bounds(self):
        Report = self.env["retail.sales.report"]
        return (
            Report._retail_day_start(self.date_from),
            Report._retail_day_start(fields.Date.add(self.date_to, days=1)),
            Report._retail_tz().zone,
        )

    def _sql_filters(self, partner, warehouse):
        """SQL conditions for the chosen suppliers and stores on the columns
        ``partner`` (a commercial partner) and ``warehouse``."""
        conditions = [SQL("TRUE")]
        if self.partner_ids:
            suppliers = tuple(self.partner_ids.commercial_partner_id.ids)
            conditions.append(SQL("%s IN %s", partner, suppliers))
        if self.warehouse_ids:
            conditions.append(SQL("%s IN %s", warehouse, tuple(self.warehouse_ids.ids)))
        return SQL(" AND ").join(conditions)

    def _received_query(self):
        """One row per done move received from a supplier in the period:
        picking_id, partner_id, date_done, date_planned, qty (in the product's unit),
        value (company currency, untaxed)."""
        start, end, __ = self._sql_bounds()
        return SQL(
            """
            SELECT picking.id AS picking_id,
                   supplier.commercial_partner_id AS partner_id,
                   picking.date_done,
                   line.date_planned,
                   move.quantity / move_uom.factor * product_uom.factor AS qty,
                   move.quantity / move_uom.factor * product_uom.factor
                       * line.price_subtotal / NULLIF(line.product_uom_qty, 0)
                       / COALESCE(NULLIF(po.currency_rate, 0), 1) AS value
              FROM stock_move move
              JOIN stock_picking picking ON picking.id = move.picking_id
              JOIN stock_picking_type picking_type
                ON picking_type.id = picking.picking_type_id
              JOIN stock_location source ON source.id = move.location_id
              JOIN purchase_order_line line ON line.id = move.purchase_line_id
              JOIN purchase_order po ON po.id = line.order_id
              JOIN res_partner supplier ON supplier.id = po.partner_id
              JOIN uom_uom move_uom ON move_uom.id = move.product_uom
              JOIN product_product product ON product.id = move.product_id
              JOIN product_template template ON template.id = product.product_tmpl_id
              JOIN uom_uom product_uom ON product_uom.id = template.uom_id
             WHERE move.state = 'done'
               AND picking.state = 'done'
               AND picking_type.code = 'incoming'
               AND source.usage = 'supplier'
               AND picking.company_id = %(company)s
               AND picking.date_done >= %(start)s
               AND picking.date_done < %(end)s
               AND %(filters)s
            """,
            company=self.env.company.id,
            start=start,
            end=end,
            filters=self._sql_filters(
                SQL("supplier.commercial_partner_id"), SQL("picking_type.warehouse_id")
            ),
        )

    def _on_time_rows(self):
        """Per supplier: receipts, on time, late, average delay of the late ones (days),
        quantity and value received. A receipt is on time when the day it was done is
        on or before the earliest planned day of its order lines."""
        __, __, tz = self._sql_bounds()
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
                moves=self._received_query(),
                tz=tz,
            )
        )
        return self.env.cr.dictfetchall()

    def _price_rows(self):
        """Per product and month of order date: quantity, average unit price weighted
        by quantity, min and max unit price (per unit of the product, untaxed, company
        currency) of the confirmed purchase order lines, and the change of the
        average price against the previous calendar month (%)."""
        start, end, tz = self._sql_bounds()
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
                filters=self._sql_filters(
                    SQL("supplier.commercial_partner_id"),
                    SQL("picking_type.warehouse_id"),
                ),
            )
        )
        return self.env.cr.dictfetchall()

    def _return_rows(self):
        """Per supplier: quantity and value returned in the period (done moves from
        an internal location to a supplier location, valued at the price of the
        purchase order line they return, else at their own cost), the value received
        in the period and the return rate (%)."""
        start, end, __ = self._sql_bounds()
        self.env.cr.execute(
            SQL(
                """
                WITH received AS (
                    SELECT partner_id, SUM(value) AS value
                      FROM (%(received)s) AS moves
                  GROUP BY partner_id
                ),
                returned AS (
                    SELECT COALESCE(supplier.commercial_partner_id,
                                    partner.commercial_partner_id) AS partner_id,
                           SUM(move.quantity / move_uom.factor * product_uom.factor)
                               AS qty,
                           SUM(move.quantity / move_uom.factor * product_uom.factor
                               * COALESCE(
                                   line.price_subtotal
                                       / NULLIF(line.product_uom_qty, 0)
                                       / COALESCE(NULLIF(po.currency_rate, 0), 1),
                                   ABS(move.price_unit))) AS value
                      FROM stock_move move
                      JOIN stock_location source ON source.id = move.location_id
                      JOIN stock_location destination
                        ON destination.id = move.location_dest_id
                      JOIN uom_uom move_uom ON move_uom.id = move.product_uom
                      JOIN product_product product ON product.id = move.product_id
                      JOIN product_template template
                        ON template.id = product.product_tmpl_id
                      JOIN uom_uom product_uom ON product_uom.id = template.uom_id
                 LEFT JOIN stock_move origin ON origin.id = move.origin_returned_move_id
                 LEFT JOIN purchase_order_line line
                        ON line.id = COALESCE(move.purchase_line_id,
                                              origin.purchase_line_id)
                 LEFT JOIN purchase_order po ON po.id = line.order_id
                 LEFT JOIN res_partner supplier ON supplier.id = po.partner_id
                 LEFT JOIN stock_picking picking ON picking.id = move.picking_id
                 LEFT JOIN stock_picking_type picking_type
                        ON picking_type.id = picking.picking_type_id
                 LEFT JOIN res_partner partner
                        ON partner.id = COALESCE(picking.partner_id, move.partner_id)
                     WHERE move.state = 'done'
                       AND source.usage = 'internal'
                       AND destination.usage = 'supplier'
                       AND move.company_id = %(company)s
                       AND move.date >= %(start)s
                       AND move.date < %(end)s
                       AND %(filters)s
                  GROUP BY 1
                )
                SELECT returned.partner_id,
                       returned.qty AS qty_returned,
                       returned.value AS value_returned,
                       COALESCE(received.value, 0) AS value_received,
                       CASE WHEN received.value > 0
                            THEN 100.0 * returned.value / received.value
                       END AS return_rate
                  FROM returned
             LEFT JOIN received USING (partner_id)
                 WHERE returned.partner_id IS NOT NULL
              ORDER BY returned.value DESC, returned.partner_id
                """,
                received=self._received_query(),
                company=self.env.company.id,
                start=start,
                end=end,
                filters=self._sql_filters(
                    SQL(
                        "COALESCE(supplier.commercial_partner_id, "
                        "partner.commercial_partner_id)"
                    ),
                    SQL("COALESCE(picking_type.warehouse_id, source.warehouse_id)"),
                ),
            )
        )
        return self.env.cr.dictfetchall()

    # --- actions ------------------------------------------------------------

    def action_compute(self):
        self.ensure_one()
        self.env.flush_all()  # the queries read orders and moves in SQL
        ontime = self._on_time_rows()
        returns = self._return_rows()
        self.write(
            {
                "ontime_line_ids": [fields.Command.clear()]
                + [fields.Command.create(row) for row in ontime],
                "price_line_ids": [fields.Command.clear()]
                + [fields.Command.create(row) for row in self._price_rows()],
                "return_line_ids": [fields.Command.clear()]
                + [fields.Command.create(row) for row in returns],
            }
        )
        receipts = sum(row["receipt_count"] for row in ontime)
        on_time = sum(row["on_time_count"] for row in ontime)
        received = sum(row["value_received"] for row in ontime)
        returned = sum(row["value_returned"] for row in returns)
        self.write(
            {
                "receipt_count": receipts,
                "on_time_rate": 100.0 * on_time / receipts if receipts else 0.0,
                "return_rate": 100.0 * returned / received if received else 0.0,
            }
        )
        return self._retail_reopen()

    def action_view_price_trend(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Purchase Price Trend"),
            "res_model": "retail.purchase.analysis.price",
            "view_mode": "graph,pivot,list",
            "domain": [("analysis_id", "=", self.id)],
            "target": "current",
        }

    # --- tables: xlsx and PDF -----------------------------------------------

    def _retail_table(self):
        """The table of the section in the context (``retail_purchase_section``),
        on-time delivery by default."""
        self.ensure_one()
        if not (self.ontime_line_ids or self.price_line_ids or self.return_line_ids):
            self.action_compute()
        section = self.env.context.get("retail_purchase_section") or "ontime"
        return getattr(self, f"_table_{section}")()

    def _retail_tables(self):
        return [
            self.with_context(retail_purchase_section=section)._retail_table()
            for section in SECTIONS
        ]

    def _retail_print_tables(self):
        return [
            self.with_context(retail_purchase_section=section)._retail_print_table()
            for section in SECTIONS
        ]

    def _table_ontime(self):
        headers = [
            self.env._("Supplier"),
            self.env._("Receipts"),
            self.env._("On Time"),
            self.env._("Late"),
            self.env._("On-Time Rate (%)"),
            self.env._("Average Delay (Days)"),
            self.env._("Quantity Received"),
            self.env._("Value Received"),
        ]
        rows = [
            (
                line.partner_id.display_name,
                line.receipt_count,
                line.on_time_count,
                line.late_count,
                line.on_time_rate,
                line.avg_delay,
                line.qty_received,
                line.value_received,
            )
            for line in self.ontime_line_ids
        ]
        lines = self.ontime_line_ids
        rows.append(
            (
                self.env._("Total"),
                self.receipt_count,
                sum(lines.mapped("on_time_count")),
                sum(lines.mapped("late_count")),
                self.on_time_rate,
                "",
                sum(lines.mapped("qty_received")),
                sum(lines.mapped("value_received")),
            )
        )
        return {
            "title": self.env._("Supplier On-Time Delivery"),
            "subtitle": self._purchase_subtitle(),
            "headers": headers,
            "rows": rows,
            "bold_rows": (len(rows) - 1,),
        }

    def _table_price(self):
        headers = [
            self.env._("Product"),
            self.env._("Month"),
            self.env._("Quantity"),
            self.env._("Average Price"),
            self.env._("Min Price"),
            self.env._("Max Price"),
            self.env._("Change vs Previous Month (%)"),
        ]
        rows = [
            (
                line.product_id.display_name,
                line.month.strftime("%Y-%m"),
                line.qty,
                line.avg_price,
                line.min_price,
                line.max_price,
                line.change_pct if line.has_change else "",
            )
            for line in self.price_line_ids
        ]
        return {
            "title": self.env._("Purchase Price Trend"),
            "subtitle": self._purchase_subtitle(),
            "headers": headers,
            "rows": rows,
            "bold_rows": (),
        }

    def _table_returns(self):
        headers = [
            self.env._("Supplier"),
            self.env._("Quantity Returned"),
            self.env._("Value Returned"),
            self.env._("Value Received"),
            self.env._("Return Rate (%)"),
        ]
        rows = [
            (
                line.partner_id.display_name,
                line.qty_returned,
                line.value_returned,
                line.value_received,
                line.return_rate if line.value_received else "",
            )
            for line in self.return_line_ids
        ]
        return {
            "title": self.env._("Returns to Suppliers"),
            "subtitle": self._purchase_subtitle(),
            "headers": headers,
            "rows": rows,
            "bold_rows": (),
        }

    def _purchase_subtitle(self):
        subtitle = self._period_subtitle()
        if self.partner_ids:
            subtitle = self.env._(
                "%(period)s, suppliers: %(suppliers)s",
                period=subtitle,
                suppliers=", ".join(self.partner_ids.mapped("display_name")),
            )
        return subtitle

    def _retail_computed(self):
        return bool(self.ontime_line_ids or self.price_line_ids or self.return_line_ids)

    def _retail_file_name(self):
        return self.env._(
            "Purchases %(date_from)s %(date_to)s.xlsx",
            date_from=self.date_from,
            date_to=self.date_to,
        )


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


class RetailPurchaseAnalysisReturn(models.TransientModel):
    _name = "retail.purchase.analysis.return"
    _description = "Purchase Analysis: Returns to Suppliers"
    _order = "value_returned desc, id"

    analysis_id = fields.Many2one(
        "retail.purchase.analysis", required=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", string="Supplier")
    qty_returned = fields.Float(string="Quantity Returned")
    value_returned = fields.Float()
    value_received = fields.Float(help="Received from the supplier in the period.")
    return_rate = fields.Float(
        string="Return Rate (%)",
        aggregator="avg",
        help="Value returned / value received from the supplier in the period.",
    )
