from odoo import fields, models
from odoo.tools import SQL

SECTIONS = ("ontime", "price", "returns")


class RetailPurchaseAnalysis(models.TransientModel):
    """Purchase analysis (采购分析) of a period for head office: on-time delivery per
    supplier, purchase price trend per product and month, returns to suppliers.

    Days are days of the user's time zone, else the company's; values are untaxed,
    at the purchase order's price, in the company's currency. Each section is one
    SQL query over the company's purchase orders and stock moves, built by the model
    of its lines (``_rows``); the stores are those the record rules of
    ``retail.analysis.store`` let the user see.
    """

    _name = "retail.purchase.analysis"
    _inherit = ["retail.analysis.wizard"]
    _description = "Purchase Analysis"
    _retail_pdf_report = "retail_reports.retail_purchase_analysis_pdf"
    _retail_line_fields = ("ontime_line_ids", "price_line_ids", "return_line_ids")

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
        ``partner`` (a commercial partner) and ``warehouse``: the stores chosen, else
        every store the user may see (archived ones too) and the goods of no store."""
        conditions = []
        if self.partner_ids:
            suppliers = tuple(self.partner_ids.commercial_partner_id.ids)
            conditions.append(SQL("%s IN %s", partner, suppliers))
        stores = SQL("%s IN %s", warehouse, self._period_warehouses(archived=True))
        if not self.warehouse_ids:
            stores = SQL("(%s IS NULL OR %s)", warehouse, stores)
        conditions.append(stores)
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

    # --- actions ------------------------------------------------------------

    def action_compute(self):
        self.ensure_one()
        self.env.flush_all()  # the queries read orders and moves in SQL
        ontime = self.env["retail.purchase.analysis.ontime"]._rows(self)
        returns = self.env["retail.purchase.analysis.return"]._rows(self)
        prices = self.env["retail.purchase.analysis.price"]._rows(self)
        self.write(
            {
                "ontime_line_ids": [fields.Command.clear()]
                + [fields.Command.create(row) for row in ontime],
                "price_line_ids": [fields.Command.clear()]
                + [fields.Command.create(row) for row in prices],
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
        if not self._retail_computed():
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

    def _retail_file_name(self):
        return self.env._(
            "Purchases %(date_from)s %(date_to)s.xlsx",
            date_from=self.date_from,
            date_to=self.date_to,
        )
