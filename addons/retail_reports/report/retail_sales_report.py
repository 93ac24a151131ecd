from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from . import retail_sales_history as history

COST_GROUPS = (
    "retail_wholesale.retail_wholesale_group_store_manager,"
    "retail_wholesale.retail_wholesale_group_accountant"
)


class RetailSalesReport(models.Model):
    """One row per sold line, from one SQL branch per sales channel
    (``_sales_branches``): here the confirmed sale order lines; ``retail_reports_pos``
    adds the tills' paid POS order lines when the till is installed.

    Revenue is the untaxed line amount in the company currency. Cost is the cost of
    the goods on the day they moved, in the company currency, for the line's quantity
    (so that revenue and cost are those of the same quantity):

    - Wholesale lines: the value of the stock valuation layers of the line's done
      moves (``stock_move.sale_line_id``): what the deliveries took out of stock less
      what customer returns brought back, at the cost they came back at. The ordered
      quantity not delivered (yet, or again after a return) is costed at the
      product's current cost, until it leaves; when more was delivered than ordered,
      the delivered value is pro-rated to the ordered quantity. A line without
      valued moves (services, consumables, nothing delivered yet) is costed at the
      current cost, as before its delivery. Only moves of the line's own product
      count (a kit's components do not).

    So a past sale keeps its margin when costs change later (average costing moves
    the cost with every receipt); what changes is the cost of quantities not
    delivered yet.

    History comes from a table, ``retail_sales_fact`` (``retail_sales_history.py``),
    refreshed every night (and from the analysis' Refresh button): orders dated before
    its cutoff (the day of the refresh minus ``FACT_SAFETY_DAYS``) are read from it,
    later ones straight from the order lines. Grouping a million lines so takes well
    under two seconds, where joining them live takes three to four. A refresh is
    incremental (``_refresh_fact``): it adds the days the cutoff moves over and reads
    again the orders changed since the last refresh (a late cancellation, delivery or
    return, a new quantity or price); the whole history is rebuilt after a module
    update and every Sunday night, which also brings a product's new category or
    brand, or a line removed from an order, to the history. Before the first refresh
    everything is read live.
    """

    _name = "retail.sales.report"
    _description = "Retail Sales Analysis"
    _auto = False
    _rec_name = "order_name"
    _order = "date desc"
    # pending writes to these fields are flushed before the report is read
    _depends = {
        "sale.order": [
            "name",
            "state",
            "date_order",
            "company_id",
            "warehouse_id",
            "retail_channel_id",
            "user_id",
            "partner_id",
            "retail_grade_id",
            "currency_rate",
        ],
        "sale.order.line": [
            "order_id",
            "product_id",
            "product_uom_qty",
            "product_uom",
            "price_subtotal",
            "display_type",
            "is_downpayment",
        ],
        "stock.move": ["sale_line_id", "product_id", "location_id", "location_dest_id"],
        "stock.location": ["usage"],
        "stock.valuation.layer": ["stock_move_id", "quantity", "value"],
        "res.partner": ["retail_grade_id"],
        "product.product": ["product_tmpl_id", "standard_price"],
        "product.template": ["categ_id", "retail_brand_id", "uom_id"],
    }

    source = fields.Selection([("sale", "Wholesale")], readonly=True)
    order_name = fields.Char(string="Order", readonly=True)
    date = fields.Datetime(string="Order Date", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", string="Store", readonly=True)
    channel_id = fields.Many2one("retail.channel", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson / Cashier", readonly=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    grade_id = fields.Many2one(
        "retail.customer.grade", string="Customer Grade", readonly=True
    )
    product_id = fields.Many2one("product.product", readonly=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product Template", readonly=True
    )
    categ_id = fields.Many2one(
        "product.category", string="Product Category", readonly=True
    )
    brand_id = fields.Many2one("retail.brand", readonly=True)
    quantity = fields.Float(readonly=True)
    revenue = fields.Monetary(readonly=True)
    cost = fields.Monetary(
        readonly=True,
        groups=COST_GROUPS,
        help="Cost of the goods on the day they left stock, less returns at the cost "
        "they came back at; a quantity not delivered yet at the product's current "
        "cost.",
    )
    margin = fields.Monetary(readonly=True, groups=COST_GROUPS)

    @property
    def _table_query(self):
        cutoff = self._fact_cutoff()
        if not cutoff:
            return self._sales_query()
        return SQL(
            "(SELECT * FROM retail_sales_fact WHERE date < %(cutoff)s) "
            "UNION ALL (%(live)s)",
            cutoff=cutoff,
            live=self._sales_query(since=cutoff),
        )

    @api.model
    def _retail_tz(self):
        """The time zone days are counted in: the user's, else the company's, else UTC."""
        name = self.env.user.tz or self.env.company.partner_id.tz or "UTC"
        try:
            return pytz.timezone(name)
        except pytz.UnknownTimeZoneError:
            return pytz.utc

    @api.model
    def _retail_today(self):
        """Today's date in ``_retail_tz()``."""
        return datetime.now(pytz.utc).astimezone(self._retail_tz()).date()

    @api.model
    def _retail_day_start(self, day):
        """The naive UTC datetime at which ``day`` starts in ``_retail_tz()``."""
        local = self._retail_tz().localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _sales_branches(self, since=None, changed=None):
        """The SQL branches of the sales fact, one per sales channel, each one row
        per sold line (see the class); only the orders dated from ``since``, or
        those changed from ``changed``, when given. Here the wholesale lines; the
        tills' are added by ``retail_reports_pos``."""
        return [self._sale_lines_query(since, changed)]

    @api.model
    def _sales_changed_ids(self, changed):
        """Per branch, SQL selecting the history ids of every line of the orders
        changed from ``changed``, whatever their state (a cancelled order leaves)."""
        return [
            SQL(
                """
                SELECT l.id * 2 FROM sale_order_line l
                  JOIN sale_order s ON s.id = l.order_id
                 WHERE %s
                """,
                self._sale_changed_condition(changed),
            )
        ]

    @api.model
    def _sale_changed_condition(self, changed):
        """The sale line ``l`` of order ``s`` changed from ``changed``: the order, the
        line or one of its stock moves written since."""
        return SQL(
            """(s.write_date >= %(changed)s OR l.write_date >= %(changed)s
                OR l.id IN (SELECT sale_line_id FROM stock_move
                             WHERE write_date >= %(changed)s
                               AND sale_line_id IS NOT NULL))""",
            changed=changed,
        )

    @api.model
    def _sales_query(self, since=None, changed=None):
        """The union of the channels' branches, one row per line; only the orders
        dated from ``since``, or those changed from ``changed``, when given."""
        return SQL(" UNION ALL ").join(
            SQL("(%s)", branch) for branch in self._sales_branches(since, changed)
        )

    @api.model
    def _fact_cutoff(self):
        return history.fact_cutoff(self)

    def init(self):
        history.create_history(self)

    @api.model
    def _refresh_fact(self, full=False):
        """Bring the history up to date (``retail_sales_history.refresh_history``)
        and return its new cutoff."""
        return history.refresh_history(self, full)

    @api.model
    def _cron_refresh_fact(self):
        """The nightly job: incremental, the whole history on Sundays."""
        self._refresh_fact(full=fields.Date.context_today(self).weekday() == 6)

    def action_refresh_fact(self):
        self.check_access("read")
        self.sudo()._refresh_fact()
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    @api.model
    def _sale_lines_query(self, since=None, changed=None):
        return SQL(
            """
            SELECT l.id * 2 AS id,
                   'sale' AS source,
                   s.name AS order_name,
                   s.date_order AS date,
                   s.company_id,
                   c.currency_id,
                   s.warehouse_id,
                   s.retail_channel_id AS channel_id,
                   s.user_id,
                   s.partner_id,
                   s.retail_grade_id AS grade_id,
                   l.product_id,
                   p.product_tmpl_id,
                   t.categ_id,
                   t.retail_brand_id AS brand_id,
                   line.qty AS quantity,
                   line.revenue,
                   line.cost,
                   line.revenue - line.cost AS margin
              %(lines)s
              LEFT JOIN res_company c ON c.id = s.company_id
              JOIN product_product p ON p.id = l.product_id
              JOIN product_template t ON t.id = p.product_tmpl_id
              JOIN uom_uom u ON u.id = l.product_uom
              JOIN uom_uom u2 ON u2.id = t.uom_id
              %(moved)s
        CROSS JOIN LATERAL (
                SELECT l.product_uom_qty / u.factor * u2.factor AS qty,
                       COALESCE((p.standard_price->>s.company_id::text)::numeric, 0)
                           AS unit_cost
               ) ordered
        CROSS JOIN LATERAL (
                SELECT ordered.qty,
                       l.price_subtotal / COALESCE(NULLIF(s.currency_rate, 0), 1.0)
                           AS revenue,
                       CASE WHEN moved.qty <> 0
                                 AND ordered.qty / moved.qty BETWEEN 0 AND 1
                            -- more delivered than ordered: the ordered share
                            THEN moved.value * ordered.qty / moved.qty
                            -- what left (less returns) + the rest at today's cost
                            ELSE COALESCE(moved.value, 0)
                                 + (ordered.qty - COALESCE(moved.qty, 0))
                                   * ordered.unit_cost
                       END AS cost
               ) line
             WHERE s.state = 'sale'
               AND l.display_type IS NULL
               AND l.is_downpayment IS NOT TRUE
               %(since)s
               %(changed)s
            """,
            lines=self._lines_of_orders(
                "sale_order_line", "sale_order", "s", few=bool(since)
            ),
            moved=self._sale_moves_join(few=bool(since or changed)),
            since=SQL("AND s.date_order >= %s", since) if since else SQL(),
            changed=SQL("AND %s", self._sale_changed_condition(changed))
            if changed
            else SQL(),
        )

    @api.model
    def _lines_of_orders(self, lines, orders, alias, few=False):
        """``FROM`` the lines ``l`` joined to their orders, named ``alias``. With
        ``few`` orders (a few days, read live) each order looks its lines up by
        index: without the fence (``OFFSET 0``) the planner scans every line of the
        history to join them."""
        if few:
            return SQL(
                "FROM %(orders)s %(alias)s CROSS JOIN LATERAL "
                "(SELECT * FROM %(lines)s WHERE order_id = %(alias)s.id OFFSET 0) l",
                orders=SQL.identifier(orders),
                alias=SQL.identifier(alias),
                lines=SQL.identifier(lines),
            )
        return SQL(
            "FROM %(lines)s l JOIN %(orders)s %(alias)s ON %(alias)s.id = l.order_id",
            orders=SQL.identifier(orders),
            alias=SQL.identifier(alias),
            lines=SQL.identifier(lines),
        )

    @api.model
    def _sale_moves_join(self, few=False):
        """Join ``moved``: per sale line ``l``, the quantity (in the product's unit)
        and the value in company currency of its done moves of the line's product
        to or from a customer, from their valuation layers with the signs reversed:
        deliveries count positive, customer returns negative. Other moves of the
        line are left out: a receipt bought for it (make to order, whose moves core
        links to the sale line) brings goods in, it does not sell them.

        For the whole history (its full rebuild) all the layers are grouped per
        line at once; for ``few`` lines (read live, or changed) each line
        looks its moves up through the indexes on ``stock_move.sale_line_id`` and
        ``stock_valuation_layer.stock_move_id``, rather than scanning every sale line
        a second time."""
        # the customer locations are looked up once (hashed), not joined per move
        customer = SQL(
            """(m.location_id IN %(customers)s
                OR m.location_dest_id IN %(customers)s)""",
            customers=SQL("(SELECT id FROM stock_location WHERE usage = 'customer')"),
        )
        if few:
            return SQL(
                """
                LEFT JOIN LATERAL (
                    SELECT -SUM(v.quantity) AS qty, -SUM(v.value) AS value
                      FROM stock_move m
                      JOIN stock_valuation_layer v ON v.stock_move_id = m.id
                     WHERE m.sale_line_id = l.id AND m.product_id = l.product_id
                       AND %s
                ) moved ON TRUE
                """,
                customer,
            )
        return SQL(
            """
            LEFT JOIN (
                SELECT m.sale_line_id,
                       m.product_id,
                       -SUM(v.quantity) AS qty,
                       -SUM(v.value) AS value
                  FROM stock_move m
                  JOIN stock_valuation_layer v ON v.stock_move_id = m.id
                 WHERE m.sale_line_id IS NOT NULL AND %s
              GROUP BY m.sale_line_id, m.product_id
            ) moved ON moved.sale_line_id = l.id AND moved.product_id = l.product_id
            """,
            customer,
        )
