from collections import defaultdict
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from . import retail_stock_level_queries as queries


class RetailStockLevel(models.Model):
    """Safety stock (下限) and over-stock level (上限, 积压) of a product in a warehouse.

    The levels are set by hand or derived from the sales velocity (sale orders and POS
    orders of the warehouse over its window): min = velocity × (lead time + safety days),
    max = velocity × (lead time + cover days + safety days). Quantities, alerts and
    purchase suggestions are refreshed for all products of a company in a few set-based
    statements (:meth:`_refresh_levels`: the figures in one query, the reorder maths of
    ``tools/reorder.py`` over its rows, the results written back in one update), never
    record by record: core's replenishment report does the latter and takes minutes on
    large catalogues. Alert activities: ``retail.stock.alert``; orders from the
    suggestions: ``retail.stock.suggestion``.
    """

    _name = "retail.stock.level"
    _description = "Stock Level"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "retail.stock.alert",
        "retail.stock.suggestion",
    ]
    _order = "warehouse_id, alert_state desc, product_id"
    _check_company_auto = True
    _rec_name = "product_id"

    company_id = fields.Many2one(
        related="warehouse_id.company_id", store=True, index=True, precompute=True
    )
    warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    warehouse_role = fields.Selection(
        related="warehouse_id.retail_role", string="Warehouse Role"
    )
    product_id = fields.Many2one(
        comodel_name="product.product",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
        domain=[("is_storable", "=", True)],
    )
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    mode = fields.Selection(
        selection=[("velocity", "From Sales Velocity"), ("manual", "Set by Hand")],
        required=True,
        default="manual",
        help="From sales velocity: the levels follow the average daily sales and are "
        "recomputed every day. Set by hand: the levels you enter are kept.",
    )
    min_qty = fields.Float(
        string="Safety Stock",
        digits="Product Unit of Measure",
        help="Below this free or forecast quantity the product is short (缺货预警).",
    )
    max_qty = fields.Float(
        string="Over-stock Level",
        digits="Product Unit of Measure",
        help="Above this quantity on hand the product is over-stocked (积压); purchase "
        "suggestions fill up to it. 0 means no limit.",
    )
    daily_sales = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="Average quantity sold per day (sale orders and POS orders of the "
        "warehouse) over the warehouse's velocity window.",
    )
    lead_days = fields.Integer(
        string="Lead Time",
        readonly=True,
        help="Days until goods ordered now arrive: the main supplier's delivery lead "
        "time for head office, the resupply time from head office for stores.",
    )
    cover_days = fields.Integer(related="warehouse_id.retail_cover_days")
    safety_days = fields.Integer(related="warehouse_id.retail_safety_days")
    qty_on_hand = fields.Float(
        string="On Hand", digits="Product Unit of Measure", readonly=True
    )
    qty_free = fields.Float(
        string="Free", digits="Product Unit of Measure", readonly=True
    )
    qty_incoming = fields.Float(
        string="Incoming", digits="Product Unit of Measure", readonly=True
    )
    qty_outgoing = fields.Float(
        string="Outgoing", digits="Product Unit of Measure", readonly=True
    )
    qty_in_progress = fields.Float(
        string="Ordered",
        digits="Product Unit of Measure",
        readonly=True,
        help="Requests for quotation and store orders not confirmed yet.",
    )
    qty_forecast = fields.Float(
        string="Forecast",
        digits="Product Unit of Measure",
        readonly=True,
        help="On hand + incoming - outgoing + ordered.",
    )
    alert_state = fields.Selection(
        selection=[
            ("ok", "OK"),
            ("over", "Over-stock"),
            ("short", "Below Safety Stock"),
            ("negative", "Negative Stock"),
        ],
        string="Alert",
        required=True,
        default="ok",
        readonly=True,
        index=True,
        help="Negative stock (负库存): less than nothing on hand, sold before the goods "
        "were booked in. Below safety stock: the free or forecast quantity is under the "
        "safety stock. Over-stock: more on hand than the over-stock level.",
    )
    alert_activity_state = fields.Selection(
        selection=[
            ("over", "Over-stock"),
            ("short", "Below Safety Stock"),
            ("negative", "Negative Stock"),
        ],
        readonly=True,
        copy=False,
        help="Alert the open activity was raised for.",
    )
    supplier_id = fields.Many2one(
        comodel_name="res.partner",
        string="Main Supplier",
        readonly=True,
        help="First vendor of the product's purchase prices.",
    )
    supplier_min_qty = fields.Float(
        string="Supplier Minimum", digits="Product Unit of Measure", readonly=True
    )
    pack_qty = fields.Float(
        string="Pack Size",
        related="product_id.product_tmpl_id.retail_pack_qty",
    )
    suggested_qty = fields.Float(
        string="Suggested",
        digits="Product Unit of Measure",
        readonly=True,
        help="When the forecast falls below the safety stock: over-stock level - "
        "forecast, raised to the supplier's minimum and rounded up to whole packs.",
    )
    suggestion_note = fields.Char(
        string="Explanation", compute="_compute_suggestion_note"
    )
    date_refreshed = fields.Datetime(string="Refreshed on", readonly=True)

    _sql_constraints = [
        (
            "product_warehouse_uniq",
            "unique(product_id, warehouse_id)",
            "A product has one stock level per warehouse.",
        ),
    ]

    @api.constrains("min_qty", "max_qty")
    def _check_levels(self):
        for level in self:
            if level.min_qty < 0 or level.max_qty < 0:
                raise ValidationError(
                    self.env._(
                        "The levels of %(product)s in %(warehouse)s cannot be negative.",
                        product=level.product_id.display_name,
                        warehouse=level.warehouse_id.name,
                    )
                )
            if level.max_qty and level.max_qty < level.min_qty:
                raise ValidationError(
                    self.env._(
                        "The over-stock level of %(product)s in %(warehouse)s "
                        "(%(max)s) is below its safety stock (%(min)s).",
                        product=level.product_id.display_name,
                        warehouse=level.warehouse_id.name,
                        max=level.max_qty,
                        min=level.min_qty,
                    )
                )

    @api.depends(
        "daily_sales",
        "lead_days",
        "qty_forecast",
        "min_qty",
        "max_qty",
        "suggested_qty",
    )
    def _compute_suggestion_note(self):
        for level in self:
            parts = []
            if level.mode == "velocity":
                parts.append(
                    self.env._(
                        "%(sales).2f/day × (%(lead)s + %(cover)s + %(safety)s days)",
                        sales=level.daily_sales,
                        lead=level.lead_days,
                        cover=level.cover_days,
                        safety=level.safety_days,
                    )
                )
            if level.suggested_qty:
                parts.append(
                    self.env._(
                        "fill to %(max)s - forecast %(forecast)s → %(qty)s",
                        max=level.max_qty,
                        forecast=level.qty_forecast,
                        qty=level.suggested_qty,
                    )
                )
            level.suggestion_note = "; ".join(parts)

    # ------------------------------------------------------------------ velocity
    @api.model
    def _retail_sales_velocity_query(self, date_from, date_to, warehouse_ids):
        """SQL selecting ``product_id, warehouse_id, qty``: the quantities sold (in the
        product's unit) by every channel of ``warehouse_ids`` (sale orders, and the tills'
        orders with their refunds deducted when the till is installed) between
        ``date_from`` (included) and ``date_to`` (excluded).

        Reusable by reports (dead stock, sell-through): wrap it in a sub-query."""
        queries = self._retail_sold_quantity_queries(date_from, date_to, warehouse_ids)
        return SQL(
            "SELECT product_id, warehouse_id, SUM(qty) AS qty FROM (%s) sold "
            "GROUP BY product_id, warehouse_id",
            SQL(" UNION ALL ").join(queries),
        )

    @api.model
    def _retail_sold_quantity_queries(self, date_from, date_to, warehouse_ids):
        """SQL queries selecting ``product_id, warehouse_id, qty`` of each channel that
        sells from the warehouses: the sale orders here; the till adds its orders."""
        return [
            SQL(
                """
                SELECT sol.product_id, so.warehouse_id,
                       sol.product_uom_qty / line_uom.factor * product_uom.factor AS qty
                  FROM sale_order_line sol
                  JOIN sale_order so ON so.id = sol.order_id
                  JOIN product_product pp ON pp.id = sol.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN uom_uom line_uom ON line_uom.id = sol.product_uom
                  JOIN uom_uom product_uom ON product_uom.id = pt.uom_id
                 WHERE so.state = 'sale'
                   AND so.date_order >= %(date_from)s AND so.date_order < %(date_to)s
                   AND so.warehouse_id = ANY(%(warehouses)s)
                   AND sol.display_type IS NULL
                """,
                date_from=date_from,
                date_to=date_to,
                warehouses=list(warehouse_ids),
            )
        ]

    @api.model
    def retail_sales_velocity(self, warehouse_ids, days=None, date_to=None):
        """{(product_id, warehouse_id): average quantity sold per day} over the ``days``
        (default: each warehouse's velocity window) before ``date_to`` (default today)."""
        warehouses = self.env["stock.warehouse"].browse(warehouse_ids)
        date_to = date_to or fields.Date.context_today(self) + timedelta(days=1)
        result = {}
        by_window = defaultdict(list)
        for warehouse in warehouses:
            by_window[days or warehouse.retail_velocity_days].append(warehouse.id)
        self.env.flush_all()
        for window, wh_ids in by_window.items():
            self.env.cr.execute(
                self._retail_sales_velocity_query(
                    date_to - timedelta(days=window), date_to, wh_ids
                )
            )
            for product_id, warehouse_id, qty in self.env.cr.fetchall():
                result[product_id, warehouse_id] = qty / window
        return result

    # ------------------------------------------------------------------ refresh
    @api.model
    def _refresh_levels(self, warehouses=None):
        """Recompute velocity, levels, quantities, alerts and suggestions of every
        product of ``warehouses`` (default: all) in set-based SQL. Stock levels are
        created for the products sold in the velocity window."""
        warehouses = (
            warehouses
            if warehouses is not None
            else self.env["stock.warehouse"].sudo().search([])
        )
        self.env.flush_all()
        today = fields.Date.context_today(self)
        by_window = defaultdict(lambda: self.env["stock.warehouse"])
        for warehouse in warehouses:
            by_window[warehouse.company_id, warehouse.retail_velocity_days] |= warehouse
        for (company, window), group in by_window.items():
            self._refresh_levels_sql(company, window, group.ids, today)
        self.invalidate_model()
        return True

    def _refresh_levels_sql(self, company, window, warehouse_ids, today):
        """Create the missing levels of ``warehouse_ids``, read the figures of all of
        them in one query, apply the reorder maths (``tools/reorder.py``) to every row
        and write the results back in one statement."""
        cr = self.env.cr
        date_to = today + timedelta(days=1)
        sales = self._retail_sales_velocity_query(
            date_to - timedelta(days=window), date_to, warehouse_ids
        )
        cr.execute(queries.new_levels(company.id, self.env.uid, sales, warehouse_ids))
        cr.execute(
            queries.level_figures(company.id, sales, warehouse_ids, today, window)
        )
        rows = cr.fetchall()
        if rows:
            cr.execute(queries.write_back(queries.reorder_arrays(rows)))

    # ------------------------------------------------------------------ actions
    @api.model
    def _visible_warehouses(self):
        """Warehouses whose levels the current user may see."""
        return self.env["stock.warehouse"].search(
            [("company_id", "in", self.env.companies.ids)]
        )

    @api.model
    def _refresh_alerts_as_job(self):
        """Refresh the warehouses the user sees as the daily job would: the activities
        go to the same people whoever opened the list."""
        warehouses = self._visible_warehouses()
        self.with_user(SUPERUSER_ID)._refresh_alerts(warehouses.with_user(SUPERUSER_ID))

    @api.model
    def action_open_alerts(self):
        self._refresh_alerts_as_job()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "retail_wholesale.retail_stock_level_action"
        )
        return action

    @api.model
    def action_open_suggestions(self):
        self._refresh_alerts_as_job()
        return self.env["ir.actions.actions"]._for_xml_id(
            "retail_wholesale.retail_stock_level_action_suggestion"
        )

    def action_refresh(self):
        self._refresh_alerts_as_job()
        return True
