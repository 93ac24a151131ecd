from collections import defaultdict
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, formatLang

# move states that still bring goods in or take them out of a warehouse
OPEN_MOVE_STATES = ("waiting", "confirmed", "partially_available", "assigned")


class RetailStockLevel(models.Model):
    """Safety stock (下限) and over-stock level (上限, 积压) of a product in a warehouse.

    The levels are set by hand or derived from the sales velocity (sale orders and POS
    orders of the warehouse over its window): min = velocity × (lead time + safety days),
    max = velocity × (lead time + cover days + safety days). Quantities, alerts and
    purchase suggestions are refreshed for all products of a company in a few set-based
    statements (:meth:`_refresh_levels`), never record by record: core's replenishment
    report does the latter and takes minutes on large catalogues.
    """

    _name = "retail.stock.level"
    _description = "Stock Level"
    _inherit = ["mail.thread", "mail.activity.mixin"]
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
        cr = self.env.cr
        date_to = today + timedelta(days=1)
        sales = self._retail_sales_velocity_query(
            date_to - timedelta(days=window), date_to, warehouse_ids
        )
        cr.execute(
            SQL(
                """
                INSERT INTO retail_stock_level
                    (company_id, warehouse_id, product_id, mode, alert_state,
                     create_uid, write_uid, create_date, write_date)
                SELECT %(company)s, s.warehouse_id, s.product_id, 'velocity', 'ok',
                       %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM (
                    SELECT product_id, warehouse_id FROM (%(sales)s) sold WHERE qty > 0
                    UNION
                    -- negative stock (负库存) raises its alert even without recent sales
                    SELECT q.product_id, loc.warehouse_id
                      FROM stock_quant q
                      JOIN stock_location loc ON loc.id = q.location_id
                     WHERE loc.usage = 'internal'
                       AND loc.warehouse_id = ANY(%(warehouses)s)
                     GROUP BY q.product_id, loc.warehouse_id
                    HAVING SUM(q.quantity) < 0
                  ) s
                  JOIN product_product pp ON pp.id = s.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE pt.is_storable AND pp.active
                ON CONFLICT (product_id, warehouse_id) DO NOTHING
                """,
                company=company.id,
                uid=self.env.uid,
                sales=sales,
                warehouses=list(warehouse_ids),
            )
        )
        cr.execute(
            SQL(
                """
                WITH lvl AS (
                    SELECT l.id, l.product_id, l.warehouse_id, l.mode, l.min_qty,
                           l.max_qty, pp.product_tmpl_id,
                           w.retail_role, w.retail_resupply_days,
                           w.retail_cover_days, w.retail_safety_days
                      FROM retail_stock_level l
                      JOIN stock_warehouse w ON w.id = l.warehouse_id
                      JOIN product_product pp ON pp.id = l.product_id
                     WHERE l.warehouse_id = ANY(%(warehouses)s)
                ),
                sold AS (%(sales)s),
                stock AS (
                    SELECT q.product_id, loc.warehouse_id,
                           SUM(q.quantity) AS on_hand, SUM(q.reserved_quantity) AS reserved
                      FROM stock_quant q
                      JOIN stock_location loc ON loc.id = q.location_id
                     WHERE loc.usage = 'internal' AND loc.warehouse_id = ANY(%(warehouses)s)
                     GROUP BY q.product_id, loc.warehouse_id
                ),
                moves AS (
                    SELECT product_id, warehouse_id,
                           SUM(incoming) AS incoming, SUM(outgoing) AS outgoing
                      FROM (
                        SELECT m.product_id, dl.warehouse_id,
                               m.product_qty AS incoming, 0 AS outgoing
                          FROM stock_move m
                          JOIN stock_location dl ON dl.id = m.location_dest_id
                          JOIN stock_location sl ON sl.id = m.location_id
                         WHERE m.state IN %(move_states)s
                           AND dl.warehouse_id = ANY(%(warehouses)s)
                           AND sl.warehouse_id IS DISTINCT FROM dl.warehouse_id
                        UNION ALL
                        SELECT m.product_id, sl.warehouse_id, 0, m.product_qty
                          FROM stock_move m
                          JOIN stock_location dl ON dl.id = m.location_dest_id
                          JOIN stock_location sl ON sl.id = m.location_id
                         WHERE m.state IN %(move_states)s
                           AND sl.warehouse_id = ANY(%(warehouses)s)
                           AND dl.warehouse_id IS DISTINCT FROM sl.warehouse_id
                      ) mv
                     GROUP BY product_id, warehouse_id
                ),
                ordered AS (
                    SELECT product_id, warehouse_id, SUM(qty) AS qty
                      FROM (
                        SELECT pol.product_id, spt.warehouse_id, pol.product_uom_qty AS qty
                          FROM purchase_order_line pol
                          JOIN purchase_order po ON po.id = pol.order_id
                          JOIN stock_picking_type spt ON spt.id = po.picking_type_id
                         WHERE po.state IN ('draft', 'sent', 'to approve')
                           AND spt.warehouse_id = ANY(%(warehouses)s)
                           AND pol.display_type IS NULL
                        UNION ALL
                        SELECT sol.product_id, so.store_warehouse_id, sol.requested_qty
                          FROM retail_store_order_line sol
                          JOIN retail_store_order so ON so.id = sol.order_id
                         WHERE so.state IN ('draft', 'submitted')
                           AND so.store_warehouse_id = ANY(%(warehouses)s)
                      ) o
                     GROUP BY product_id, warehouse_id
                ),
                supplier AS (
                    SELECT DISTINCT ON (pp.id)
                           pp.id AS product_id, si.partner_id, si.delay, si.min_qty
                      FROM product_product pp
                      JOIN product_supplierinfo si
                        ON si.product_tmpl_id = pp.product_tmpl_id
                       AND (si.product_id IS NULL OR si.product_id = pp.id)
                     WHERE pp.id IN (SELECT product_id FROM lvl)
                       AND (si.company_id IS NULL OR si.company_id = %(company)s)
                       AND (si.date_end IS NULL OR si.date_end >= %(today)s)
                     ORDER BY pp.id, si.product_id IS NULL, si.sequence, si.min_qty,
                              si.price, si.id
                ),
                base AS (
                    SELECT lvl.id, lvl.mode, lvl.retail_role,
                           COALESCE(sold.qty, 0) / %(window)s AS daily_sales,
                           CASE WHEN lvl.retail_role = 'store'
                                THEN COALESCE(lvl.retail_resupply_days, 0)
                                ELSE COALESCE(supplier.delay, 0) END AS lead_days,
                           lvl.retail_cover_days AS cover_days,
                           lvl.retail_safety_days AS safety_days,
                           lvl.min_qty, lvl.max_qty,
                           COALESCE(stock.on_hand, 0) AS on_hand,
                           COALESCE(stock.on_hand, 0) - COALESCE(stock.reserved, 0) AS free,
                           COALESCE(moves.incoming, 0) AS incoming,
                           COALESCE(moves.outgoing, 0) AS outgoing,
                           COALESCE(ordered.qty, 0) AS in_progress,
                           CASE WHEN lvl.retail_role = 'store' THEN NULL
                                ELSE supplier.partner_id END AS supplier_id,
                           CASE WHEN lvl.retail_role = 'store' THEN 0
                                ELSE COALESCE(supplier.min_qty, 0) END AS supplier_min_qty,
                           COALESCE(pt.retail_pack_qty, 0) AS pack_qty
                      FROM lvl
                      JOIN product_template pt ON pt.id = lvl.product_tmpl_id
                      LEFT JOIN sold ON sold.product_id = lvl.product_id
                                    AND sold.warehouse_id = lvl.warehouse_id
                      LEFT JOIN stock ON stock.product_id = lvl.product_id
                                     AND stock.warehouse_id = lvl.warehouse_id
                      LEFT JOIN moves ON moves.product_id = lvl.product_id
                                     AND moves.warehouse_id = lvl.warehouse_id
                      LEFT JOIN ordered ON ordered.product_id = lvl.product_id
                                       AND ordered.warehouse_id = lvl.warehouse_id
                      LEFT JOIN supplier ON supplier.product_id = lvl.product_id
                ),
                levels AS (
                    SELECT base.*,
                           base.on_hand + base.incoming - base.outgoing
                               + base.in_progress AS forecast,
                           CASE WHEN base.mode = 'velocity'
                                THEN CEIL(base.daily_sales
                                          * (base.lead_days + base.safety_days))
                                ELSE base.min_qty END AS new_min,
                           CASE WHEN base.mode = 'velocity'
                                THEN CEIL(base.daily_sales * (base.lead_days
                                          + base.cover_days + base.safety_days))
                                ELSE base.max_qty END AS new_max
                      FROM base
                ),
                result AS (
                    SELECT levels.*,
                           CASE WHEN levels.on_hand < 0
                                THEN 'negative'
                                WHEN levels.new_min > 0
                                 AND LEAST(levels.free, levels.forecast) < levels.new_min
                                THEN 'short'
                                WHEN levels.new_max > 0 AND levels.on_hand > levels.new_max
                                THEN 'over'
                                ELSE 'ok' END AS alert,
                           CASE WHEN levels.forecast < levels.new_min
                                THEN GREATEST(GREATEST(levels.new_max, levels.new_min)
                                              - levels.forecast, levels.supplier_min_qty)
                                ELSE 0 END AS need
                      FROM levels
                )
                UPDATE retail_stock_level l
                   SET daily_sales = r.daily_sales,
                       lead_days = r.lead_days,
                       min_qty = r.new_min,
                       max_qty = r.new_max,
                       qty_on_hand = r.on_hand,
                       qty_free = r.free,
                       qty_incoming = r.incoming,
                       qty_outgoing = r.outgoing,
                       qty_in_progress = r.in_progress,
                       qty_forecast = r.forecast,
                       alert_state = r.alert,
                       supplier_id = r.supplier_id,
                       supplier_min_qty = r.supplier_min_qty,
                       suggested_qty = CASE WHEN r.need > 0 AND r.pack_qty > 0
                                            THEN CEIL(r.need / r.pack_qty) * r.pack_qty
                                            ELSE r.need END,
                       date_refreshed = now() at time zone 'UTC'
                  FROM result r
                 WHERE r.id = l.id
                """,
                warehouses=list(warehouse_ids),
                sales=sales,
                move_states=OPEN_MOVE_STATES,
                company=company.id,
                today=today,
                window=window,
            )
        )

    # ------------------------------------------------------------------ alerts
    @api.model
    def _cron_stock_alerts(self):
        """Daily job: refresh every warehouse, then keep exactly one activity per alert."""
        self._refresh_alerts()

    @api.model
    def _refresh_alerts(self, warehouses=None):
        """Refresh the levels of ``warehouses`` (default: all) and their activities, so
        that an activity never speaks of an alert the level no longer shows."""
        self._refresh_levels(warehouses)
        domain = [
            "|",
            ("alert_state", "!=", "ok"),
            ("alert_activity_state", "!=", False),
        ]
        if warehouses is not None:
            domain.append(("warehouse_id", "in", warehouses.ids))
        self.search(domain)._sync_alert_activities()
        return True

    def _alert_responsible(self, buyers_by_company):
        """Store manager of a store warehouse, else the supplier's buyer, the product's
        responsible or a buyer of the company."""
        self.ensure_one()
        if self.warehouse_id.retail_role == "store":
            managers = self.warehouse_id.retail_user_ids.filtered(
                lambda u: u.has_group(
                    "retail_wholesale.retail_wholesale_group_store_manager"
                )
            )
            if managers:
                return managers[0]
        return (
            self.supplier_id.buyer_id
            or self.product_id.responsible_id
            or buyers_by_company.get(self.company_id.id)
            or self.env.user
        )

    def _sync_alert_activities(self):
        """Raise one activity per level in alert, drop the activities of the levels whose
        stock recovered; repeated runs change nothing."""
        activity_type = self.env.ref(
            "retail_wholesale.mail_activity_type_stock_alert", raise_if_not_found=False
        )
        if not activity_type:
            return
        Activity = self.env["mail.activity"].sudo()
        activities = Activity.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        by_level = defaultdict(lambda: Activity)
        for activity in activities:
            by_level[activity.res_id] |= activity
        stale = Activity
        for level in self:
            if by_level[level.id] and (
                level.alert_state == "ok"
                or level.alert_activity_state != level.alert_state
            ):
                stale |= by_level.pop(level.id)
        stale.unlink()
        to_raise = self.filtered(
            lambda lvl: lvl.alert_state != "ok" and not by_level.get(lvl.id)
        )
        buyer_group = self.env.ref("retail_wholesale.retail_wholesale_group_buyer")
        buyers_by_company = {}
        buyers = (
            self.env["res.users"]
            .sudo()
            .search([("groups_id", "in", buyer_group.id), ("share", "=", False)])
        )
        for user in buyers:
            for company in user.company_ids:
                buyers_by_company.setdefault(company.id, user)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for level in to_raise:
            user = level._alert_responsible(buyers_by_company)
            summary, note = level.with_context(
                lang=user.lang or self.env.lang
            )._alert_texts()
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": level.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary[:250],
                    "note": note,
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                }
            )
        Activity.with_context(mail_activity_quick_update=True).create(vals_list)
        self.filtered(lambda lvl: lvl.alert_state == "ok").sudo().write(
            {"alert_activity_state": False}
        )
        for state in ("short", "over", "negative"):
            to_raise.filtered(lambda lvl, s=state: lvl.alert_state == s).sudo().write(
                {"alert_activity_state": state}
            )

    def _alert_texts(self):
        """(summary, note) of the activity of the level's alert, in the language of the
        environment: the responsible user's."""
        self.ensure_one()

        def qty(value):
            return formatLang(self.env, value, dp="Product Unit of Measure")

        product = self.product_id.display_name
        warehouse = self.warehouse_id.name
        if self.alert_state == "negative":
            summary = self.env._(
                "%(product)s has negative stock in %(warehouse)s",
                product=product,
                warehouse=warehouse,
            )
            note = self.env._(
                "On hand: %(on_hand)s. More was sold or shipped than the books hold: "
                "count the product or book the missing receipt.",
                on_hand=qty(self.qty_on_hand),
            )
        elif self.alert_state == "short":
            summary = self.env._(
                "%(product)s is below its safety stock in %(warehouse)s",
                product=product,
                warehouse=warehouse,
            )
            note = self.env._(
                "Free: %(free)s, forecast: %(forecast)s, safety stock: %(min)s. "
                "Suggested order: %(suggested)s.",
                free=qty(self.qty_free),
                forecast=qty(self.qty_forecast),
                min=qty(self.min_qty),
                suggested=qty(self.suggested_qty),
            )
        else:
            summary = self.env._(
                "%(product)s is over-stocked in %(warehouse)s",
                product=product,
                warehouse=warehouse,
            )
            note = self.env._(
                "On hand: %(on_hand)s, over-stock level: %(max)s.",
                on_hand=qty(self.qty_on_hand),
                max=qty(self.max_qty),
            )
        return summary, note

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

    def _check_suggestions(self, role):
        levels = self.filtered(lambda lvl: lvl.suggested_qty > 0)
        if not levels:
            raise UserError(self.env._("None of the selected lines suggests ordering."))
        wrong = levels.filtered(lambda lvl: lvl.warehouse_id.retail_role != role)
        if wrong:
            if role == "store":
                message = self.env._(
                    "%(warehouse)s is not a store: order its goods from suppliers.",
                    warehouse=wrong[0].warehouse_id.name,
                )
            else:
                message = self.env._(
                    "%(warehouse)s is a store: order its goods from head office with a "
                    "store order.",
                    warehouse=wrong[0].warehouse_id.name,
                )
            raise UserError(message)
        return levels

    def action_create_rfqs(self):
        """One draft request for quotation per main supplier and warehouse."""
        levels = self._check_suggestions("hq")
        missing = levels.filtered(lambda lvl: not lvl.supplier_id)
        if missing:
            raise UserError(
                self.env._(
                    "%(product)s has no vendor: add one on its purchase tab first.",
                    product=missing[0].product_id.display_name,
                )
            )
        groups = defaultdict(lambda: self.env["retail.stock.level"])
        for level in levels:
            groups[level.supplier_id, level.warehouse_id] |= level
        orders = self.env["purchase.order"]
        for (supplier, warehouse), group in groups.items():
            orders |= orders.create(
                {
                    "partner_id": supplier.id,
                    "company_id": warehouse.company_id.id,
                    "picking_type_id": warehouse.in_type_id.id,
                    "origin": self.env._("Purchase suggestions"),
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": level.product_id.id,
                                "product_qty": level.suggested_qty,
                            }
                        )
                        for level in group
                    ],
                }
            )
        self._refresh_levels(levels.warehouse_id.sudo())
        return self._open_records(orders, "purchase.purchase_rfq")

    def action_create_store_orders(self):
        """One draft store order to head office per store warehouse."""
        levels = self._check_suggestions("store")
        groups = defaultdict(lambda: self.env["retail.stock.level"])
        for level in levels:
            groups[level.warehouse_id] |= level
        orders = self.env["retail.store.order"]
        for warehouse, group in groups.items():
            orders |= orders.create(
                {
                    "store_warehouse_id": warehouse.id,
                    "company_id": warehouse.company_id.id,
                    "note": self.env._("From purchase suggestions"),
                    "line_ids": [
                        fields.Command.create(
                            {
                                "product_id": level.product_id.id,
                                "requested_qty": level.suggested_qty,
                            }
                        )
                        for level in group
                    ],
                }
            )
        self._refresh_levels(levels.warehouse_id.sudo())
        return self._open_records(orders, "retail_wholesale.retail_store_order_action")

    def _open_records(self, records, xmlid):
        action = self.env["ir.actions.actions"]._for_xml_id(xmlid)
        if len(records) == 1:
            action.update(
                {"views": [(False, "form")], "view_mode": "form", "res_id": records.id}
            )
        else:
            action["domain"] = [("id", "in", records.ids)]
        return action
