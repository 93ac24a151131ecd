from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools import SQL

GROUPINGS = [
    ("product", "Product"),
    ("category", "Product Category"),
    ("warehouse", "Store"),
    ("product_warehouse", "Product and Store"),
]

# the columns of a turnover line per grouping (the others stay empty)
GROUP_COLUMNS = {
    "product": ("product_id", "categ_id"),
    "category": ("categ_id",),
    "warehouse": ("warehouse_id",),
    "product_warehouse": ("product_id", "categ_id", "warehouse_id"),
}


# the figures of a turnover line, as the query names them
MEASURES = (
    "opening_qty",
    "closing_qty",
    "average_qty",
    "opening_value",
    "closing_value",
    "average_value",
    "sold_qty",
    "cogs",
    "turnover",
    "days_of_inventory",
)


class RetailStockTurnover(models.TransientModel):
    """库存周转: stock turnover and days of inventory of a period per product,
    category or store.

    Turnover = cost of goods sold ÷ average inventory value, days of inventory =
    days of the period ÷ turnover (empty without sales). Cost of goods sold is the value
    of the stock valuation layers of the done deliveries from the store's stock to
    customers in the period (POS orders included) less customer returns; the inventory
    is the quantity on hand in the store's internal locations at the start and at the
    end of the period (today's quants less the done moves since), valued at the
    product's cost, and its average is the mean of the two. One SQL query, over the
    stores the record rules of ``retail.analysis.store`` let the user see.
    """

    _name = "retail.stock.turnover"
    _inherit = ["retail.analysis.wizard"]
    _description = "Stock Turnover"
    _retail_pdf_report = "retail_reports.retail_stock_turnover_pdf"

    group_by = fields.Selection(
        GROUPINGS, string="Per", required=True, default="product"
    )
    line_ids = fields.One2many(
        "retail.stock.turnover.line", "turnover_id", string="Turnover"
    )

    def _turnover_sources(self, start, end):
        """The CTEs of the quantities per product and store: ``loc`` (the internal
        locations of the stores analysed, by the record rules of
        ``retail.analysis.store``), ``on_hand`` (today), ``since`` (the done moves in
        and out of a store since the start and since the end) and ``cogs`` (the
        deliveries to customers of the period less their returns)."""
        return SQL(
            """
            loc AS (
                SELECT id, warehouse_id
                  FROM stock_location
                 WHERE usage = 'internal' AND warehouse_id IN %(warehouses)s
            ),
            on_hand AS (
                SELECT q.product_id, loc.warehouse_id, SUM(q.quantity) AS qty
                  FROM stock_quant q
                  JOIN loc ON loc.id = q.location_id
              GROUP BY q.product_id, loc.warehouse_id
            ),
            -- the done moves since the start that entered or left a store
            flows AS (
                SELECT ml.product_id, side.warehouse_id, side.qty, ml.date
                  FROM stock_move_line ml
             LEFT JOIN loc src ON src.id = ml.location_id
             LEFT JOIN loc dest ON dest.id = ml.location_dest_id
            CROSS JOIN LATERAL (
                    VALUES (dest.warehouse_id, ml.quantity_product_uom),
                           (src.warehouse_id, -ml.quantity_product_uom)
                 ) AS side (warehouse_id, qty)
                 WHERE ml.state = 'done' AND ml.date >= %(start)s
                   AND src.warehouse_id IS DISTINCT FROM dest.warehouse_id
                   AND side.warehouse_id IS NOT NULL
            ),
            since AS (
                SELECT product_id, warehouse_id,
                       SUM(qty) AS since_start,
                       SUM(qty) FILTER (WHERE date >= %(end)s) AS since_end
                  FROM flows
              GROUP BY product_id, warehouse_id
            ),
            -- cost of goods sold: deliveries to customers less their returns
            cogs AS (
                SELECT m.product_id,
                       COALESCE(src.warehouse_id, dest.warehouse_id) AS warehouse_id,
                       -SUM(svl.quantity) AS qty,
                       -SUM(svl.value) AS value
                  FROM stock_move m
                  JOIN stock_valuation_layer svl ON svl.stock_move_id = m.id
                  JOIN stock_location sl ON sl.id = m.location_id
                  JOIN stock_location dl ON dl.id = m.location_dest_id
             LEFT JOIN loc src ON src.id = m.location_id
             LEFT JOIN loc dest ON dest.id = m.location_dest_id
                 WHERE m.state = 'done'
                   AND m.date >= %(start)s AND m.date < %(end)s
                   AND ((src.id IS NOT NULL AND dl.usage = 'customer')
                        OR (sl.usage = 'customer' AND dest.id IS NOT NULL))
              GROUP BY m.product_id, COALESCE(src.warehouse_id, dest.warehouse_id)
            )
            """,
            warehouses=self._period_warehouses(),
            start=start,
            end=end,
        )

    def _turnover_rows(self):
        """Dicts of the grouping's columns and opening/closing/average quantity and
        value, sold quantity, cost of goods sold, turnover and days of inventory."""
        self.ensure_one()
        Report = self.env["retail.sales.report"]
        start = Report._retail_day_start(self.date_from)
        end = Report._retail_day_start(self.date_to + relativedelta(days=1))
        keys = SQL(", ").join(
            SQL.identifier(column) for column in GROUP_COLUMNS[self.group_by]
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH %(sources)s,
                per_product AS (
                    SELECT COALESCE(on_hand.product_id, since.product_id,
                                    cogs.product_id) AS product_id,
                           COALESCE(on_hand.warehouse_id, since.warehouse_id,
                                    cogs.warehouse_id) AS warehouse_id,
                           COALESCE(on_hand.qty, 0) - COALESCE(since.since_start, 0)
                               AS opening_qty,
                           COALESCE(on_hand.qty, 0) - COALESCE(since.since_end, 0)
                               AS closing_qty,
                           COALESCE(cogs.qty, 0) AS sold_qty,
                           COALESCE(cogs.value, 0) AS cogs
                      FROM on_hand
                 FULL JOIN since ON since.product_id = on_hand.product_id
                               AND since.warehouse_id = on_hand.warehouse_id
                 FULL JOIN cogs
                        ON cogs.product_id = COALESCE(on_hand.product_id,
                                                      since.product_id)
                       AND cogs.warehouse_id = COALESCE(on_hand.warehouse_id,
                                                        since.warehouse_id)
                ),
                valued AS (
                    SELECT pp.product_id, pp.warehouse_id, t.categ_id,
                           pp.opening_qty, pp.closing_qty, pp.sold_qty, pp.cogs,
                           COALESCE((p.standard_price ->> w.company_id::text)::numeric,
                                    0) AS cost
                      FROM per_product pp
                      JOIN product_product p ON p.id = pp.product_id
                      JOIN product_template t ON t.id = p.product_tmpl_id
                      JOIN stock_warehouse w ON w.id = pp.warehouse_id
                     WHERE pp.opening_qty <> 0 OR pp.closing_qty <> 0
                        OR pp.cogs <> 0 OR pp.sold_qty <> 0
                ),
                grouped AS (
                    SELECT %(keys)s,
                           SUM(opening_qty) AS opening_qty,
                           SUM(closing_qty) AS closing_qty,
                           SUM(opening_qty * cost) AS opening_value,
                           SUM(closing_qty * cost) AS closing_value,
                           SUM(sold_qty) AS sold_qty,
                           SUM(cogs) AS cogs
                      FROM valued
                  GROUP BY %(keys)s
                )
                SELECT *,
                       (opening_qty + closing_qty) / 2 AS average_qty,
                       (opening_value + closing_value) / 2 AS average_value,
                       CASE WHEN opening_value + closing_value > 0
                            THEN ROUND(cogs / ((opening_value + closing_value) / 2), 2)
                            END AS turnover,
                       CASE WHEN cogs > 0
                            THEN ROUND((opening_value + closing_value) / 2 * %(days)s
                                       / cogs, 1)
                            END AS days_of_inventory
                  FROM grouped
              ORDER BY cogs DESC, %(keys)s
                """,
                sources=self._turnover_sources(start, end),
                days=(self.date_to - self.date_from).days + 1,
                keys=keys,
            )
        )
        return self.env.cr.dictfetchall()

    def action_compute(self):
        self.ensure_one()
        columns = GROUP_COLUMNS[self.group_by]
        self.line_ids = [fields.Command.clear()] + [
            fields.Command.create(
                {
                    **{name: row[name] for name in columns},
                    **{name: float(row[name] or 0.0) for name in MEASURES},
                    # 0 is a turnover; no stock (or no sales) has none
                    "has_turnover": row["turnover"] is not None,
                    "has_days": row["days_of_inventory"] is not None,
                }
            )
            for row in self._turnover_rows()
        ]
        return self._retail_reopen()

    def _retail_table(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        label = {
            "product_id": self.env._("Product"),
            "categ_id": self.env._("Product Category"),
            "warehouse_id": self.env._("Store"),
        }
        columns = GROUP_COLUMNS[self.group_by]
        headers = [
            *(label[column] for column in columns),
            self.env._("Opening Stock Value"),
            self.env._("Closing Stock Value"),
            self.env._("Average Stock Value"),
            self.env._("Sold Quantity"),
            self.env._("Cost of Goods Sold"),
            self.env._("Turnover"),
            self.env._("Days of Inventory"),
        ]
        rows = [
            (
                *(line[column].display_name for column in columns),
                line.opening_value,
                line.closing_value,
                line.average_value,
                line.sold_qty,
                line.cogs,
                line.turnover if line.has_turnover else False,
                line.days_of_inventory if line.has_days else False,
            )
            for line in self.line_ids
        ]
        return {
            "title": self.env._("Stock Turnover"),
            "subtitle": self.env._(
                "%(period)s, per %(grouping)s",
                period=self._period_subtitle(),
                grouping=dict(
                    self._fields["group_by"]._description_selection(self.env)
                )[self.group_by],
            ),
            "headers": headers,
            "rows": rows,
        }

    def _retail_file_name(self):
        return self.env._(
            "Stock turnover %(date_from)s %(date_to)s.xlsx",
            date_from=self.date_from,
            date_to=self.date_to,
        )


class RetailStockTurnoverLine(models.TransientModel):
    _name = "retail.stock.turnover.line"
    _description = "Stock Turnover Line"
    _order = "cogs desc, id"

    turnover_id = fields.Many2one(
        "retail.stock.turnover", string="Analysis", required=True, ondelete="cascade"
    )
    product_id = fields.Many2one("product.product")
    categ_id = fields.Many2one("product.category", string="Product Category")
    warehouse_id = fields.Many2one("stock.warehouse", string="Store")
    opening_qty = fields.Float(string="Opening Quantity")
    closing_qty = fields.Float(string="Closing Quantity")
    average_qty = fields.Float(string="Average Quantity")
    opening_value = fields.Float(string="Opening Stock Value")
    closing_value = fields.Float(string="Closing Stock Value")
    average_value = fields.Float(
        string="Average Stock Value",
        help="Mean of the stock value at the start and at the end of the period, "
        "at the product's cost.",
    )
    sold_qty = fields.Float(string="Sold Quantity")
    cogs = fields.Float(
        string="Cost of Goods Sold",
        help="Value of the deliveries to customers (POS included) less customer "
        "returns, from the stock valuation.",
    )
    turnover = fields.Float(
        help="Cost of goods sold ÷ average stock value (empty without stock)."
    )
    has_turnover = fields.Boolean()
    days_of_inventory = fields.Float(
        string="Days of Inventory",
        help="Days of the period ÷ turnover: how many days the average stock lasts "
        "at the period's pace of sales (empty without sales).",
    )
    has_days = fields.Boolean()
