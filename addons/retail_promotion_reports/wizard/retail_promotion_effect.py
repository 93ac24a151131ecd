from collections import defaultdict
from datetime import timedelta

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.retail_reports.report.retail_sales_report import COST_GROUPS

# a till's order counts once it is paid
TILL_SOLD_STATES = ("paid", "done", "invoiced")


class RetailPromotionEffect(models.TransientModel):
    """活动效果: what each promotion running in the period did, per store.

    The promotion's days in the period are compared with as many days just before
    them, in the stores and channels of the promotion (its tills: the tills' sales;
    sale orders: the wholesale orders), from the sales fact: revenue, margin, orders
    and the basket size (revenue per order). What the promotion itself gave comes
    from the order lines of its rewards: the orders and customers reached, the
    discount (untaxed, as the revenue) and the gifts at cost (a sale order's free line
    at the value its delivery took out of stock, a till's at the cost the till
    recorded for the gift sold in the same order), and the coupons used of those
    issued.
    """

    _name = "retail.promotion.effect"
    _inherit = ["retail.analysis.wizard"]
    _description = "Promotion Effect"
    _retail_pdf_report = "retail_promotion_reports.retail_promotion_effect_pdf"

    promotion_ids = fields.Many2many(
        "retail.promotion",
        string="Promotions",
        help="Leave empty for every promotion running in the period.",
    )
    line_ids = fields.One2many(
        "retail.promotion.effect.line", "effect_id", string="Effect"
    )

    # ------------------------------------------------------------ figures
    def _retail_promotions(self):
        if self.promotion_ids:
            return self.promotion_ids
        return (
            self.env["retail.promotion"]
            .with_context(active_test=False)
            .search(
                [
                    ("date_start", "<=", self.date_to),
                    ("date_end", ">=", self.date_from),
                ],
                order="date_start, id",
            )
        )

    def _retail_sales(self, promotion, start, end):
        """{store: (revenue, margin, orders)} of the sales fact over the days from
        ``start`` to ``end`` in the promotion's stores and channels."""
        Report = self.env["retail.sales.report"]
        sources = [
            source
            for source, used in (
                ("pos", promotion.retail_ok),
                ("sale", promotion.wholesale_ok),
            )
            if used
        ]
        domain = [
            ("date", ">=", Report._retail_day_start(start)),
            ("date", "<", Report._retail_day_start(end + timedelta(days=1))),
            ("source", "in", sources),
            ("company_id", "=", promotion.company_id.id),
        ]
        stores = self._retail_stores(promotion)
        if stores is not None:
            domain.append(("warehouse_id", "in", stores.ids))
        show_margin = self.env.user.has_groups(COST_GROUPS)
        aggregates = ["revenue:sum", "order_name:count_distinct"]
        if show_margin:
            aggregates.append("margin:sum")
        result = {}
        for warehouse, revenue, orders, *margin in Report._read_group(
            domain, ["warehouse_id"], aggregates
        ):
            result[warehouse] = (revenue, margin[0] if margin else 0.0, orders)
        return result

    def _retail_stores(self, promotion):
        """The stores of the promotion the analysis is on (None: every store)."""
        stores = promotion.warehouse_ids
        if self.warehouse_ids:
            stores = stores & self.warehouse_ids if stores else self.warehouse_ids
        return stores if stores or self.warehouse_ids else None

    def _retail_reached(self, promotion, start, end):
        """{store: {orders, customers, discount, gift_cost, coupons}} from the order
        lines of the promotion's rewards, sale orders and tills."""
        Report = self.env["retail.sales.report"]
        bounds = (
            Report._retail_day_start(start),
            Report._retail_day_start(end + timedelta(days=1)),
        )
        rows = self._retail_order_reached(promotion, bounds)
        if (
            "pos.order.line" in self.env
            and "retail_warehouse_id" in self.env["pos.config"]._fields
        ):
            rows += self._retail_till_reached(promotion, bounds)
        # the stores the user may analyse (a store manager: theirs)
        visible = set(
            self.env["retail.analysis.store"]
            .with_context(active_test=False)
            .search([("company_id", "=", promotion.company_id.id)])
            .warehouse_id.ids
        )
        stores = self._retail_stores(promotion)
        reached = defaultdict(lambda: defaultdict(float))
        for row in rows:
            store_id = row.pop("warehouse_id")
            if store_id not in visible or (
                stores is not None and store_id not in stores.ids
            ):
                continue
            for key, value in row.items():
                reached[store_id][key] += value or 0.0
        return reached

    def _retail_order_reached(self, promotion, bounds):
        # one SQL statement: the free lines' cost is what their deliveries took out
        # of stock (their valuation layers), as the sales fact costs them
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT o.warehouse_id,
                       COUNT(DISTINCT o.id) AS orders,
                       COUNT(DISTINCT o.partner_id) AS customers,
                       SUM(CASE WHEN r.reward_type = 'discount'
                                THEN -l.price_subtotal ELSE 0 END) AS discount,
                       SUM(CASE WHEN r.reward_type = 'product'
                                THEN COALESCE(cost.value, 0) ELSE 0 END) AS gift_cost,
                       COUNT(DISTINCT l.coupon_id)
                           FILTER (WHERE p.program_type = 'coupons') AS coupons
                  FROM sale_order_line l
                  JOIN sale_order o ON o.id = l.order_id
                  JOIN loyalty_reward r ON r.id = l.reward_id
                  JOIN loyalty_program p ON p.id = r.program_id
             LEFT JOIN LATERAL (
                       SELECT -SUM(svl.value) AS value
                         FROM stock_move m
                         JOIN stock_valuation_layer svl ON svl.stock_move_id = m.id
                        WHERE m.sale_line_id = l.id
                   ) cost ON TRUE
                 WHERE p.retail_promotion_id = %(promotion)s
                   AND o.state = 'sale'
                   AND o.date_order >= %(start)s AND o.date_order < %(end)s
              GROUP BY o.warehouse_id
                """,
                promotion=promotion.id,
                start=bounds[0],
                end=bounds[1],
            )
        )
        return self.env.cr.dictfetchall()

    def _retail_till_reached(self, promotion, bounds):
        # one SQL statement: a till's gift is the reward product sold in the same
        # order, at the unit cost the till recorded for it
        self.env.cr.execute(
            SQL(
                """
                SELECT c.retail_warehouse_id AS warehouse_id,
                       COUNT(DISTINCT o.id) AS orders,
                       COUNT(DISTINCT o.partner_id) AS customers,
                       SUM(CASE WHEN r.reward_type = 'discount'
                                THEN -l.price_subtotal ELSE 0 END) AS discount,
                       SUM(CASE WHEN r.reward_type = 'product'
                                THEN l.qty * COALESCE(gift.unit_cost, 0)
                                ELSE 0 END) AS gift_cost,
                       COUNT(DISTINCT l.coupon_id)
                           FILTER (WHERE p.program_type = 'coupons') AS coupons
                  FROM pos_order_line l
                  JOIN pos_order o ON o.id = l.order_id
                  JOIN pos_session s ON s.id = o.session_id
                  JOIN pos_config c ON c.id = s.config_id
                  JOIN loyalty_reward r ON r.id = l.reward_id
                  JOIN loyalty_program p ON p.id = r.program_id
             LEFT JOIN LATERAL (
                       SELECT SUM(g.total_cost) / NULLIF(SUM(g.qty), 0) AS unit_cost
                         FROM pos_order_line g
                        WHERE g.order_id = o.id
                          AND g.product_id = r.reward_product_id
                          AND g.reward_id IS NULL
                   ) gift ON TRUE
                 WHERE p.retail_promotion_id = %(promotion)s
                   AND o.state IN %(states)s
                   AND o.date_order >= %(start)s AND o.date_order < %(end)s
              GROUP BY c.retail_warehouse_id
                """,
                promotion=promotion.id,
                states=TILL_SOLD_STATES,
                start=bounds[0],
                end=bounds[1],
            )
        )
        return self.env.cr.dictfetchall()

    def _retail_coupons_issued(self, promotion):
        return (
            self.env["loyalty.card"]
            .sudo()
            .search_count([("program_id.retail_promotion_id", "=", promotion.id)])
        )

    def _retail_effect_lines(self, promotion):
        """The line values of one promotion, a line per store."""
        start = max(promotion.date_start, self.date_from)
        end = min(promotion.date_end, self.date_to)
        days = (end - start).days + 1
        during = self._retail_sales(promotion, start, end)
        before = self._retail_sales(
            promotion, start - timedelta(days=days), start - timedelta(days=1)
        )
        reached = self._retail_reached(promotion, start, end)
        issued = (
            self._retail_coupons_issued(promotion)
            if promotion.promotion_type == "coupon"
            else 0
        )
        Warehouse = self.env["stock.warehouse"]
        stores = set(during) | set(before) | {Warehouse.browse(key) for key in reached}
        lines = []
        for store in sorted(stores, key=lambda warehouse: warehouse.name or ""):
            revenue, margin, orders = during.get(store, (0.0, 0.0, 0))
            revenue_before, margin_before, orders_before = before.get(
                store, (0.0, 0.0, 0)
            )
            got = reached.get(store.id, {})
            lines.append(
                {
                    "promotion_id": promotion.id,
                    "warehouse_id": store.id,
                    "date_start": start,
                    "date_end": end,
                    "orders_reached": int(got.get("orders", 0)),
                    "customers_reached": int(got.get("customers", 0)),
                    "discount": got.get("discount", 0.0),
                    "gift_cost": got.get("gift_cost", 0.0),
                    "coupons_issued": issued,
                    "coupons_used": int(got.get("coupons", 0)),
                    "revenue": revenue,
                    "revenue_before": revenue_before,
                    "margin": margin,
                    "margin_before": margin_before,
                    "orders": orders,
                    "orders_before": orders_before,
                }
            )
        return lines

    def action_compute(self):
        self.ensure_one()
        values = [
            line
            for promotion in self._retail_promotions()
            for line in self._retail_effect_lines(promotion)
        ]
        self.line_ids = [fields.Command.clear()] + [
            fields.Command.create(line) for line in values
        ]
        return self._retail_reopen()

    def action_view_chart(self):
        """The lines as a chart (revenue during and before per promotion) and pivot."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Promotion Effect"),
            "res_model": "retail.promotion.effect.line",
            "view_mode": "graph,pivot",
            "domain": [("effect_id", "=", self.id)],
        }

    # ------------------------------------------------------------ printing
    def _retail_table(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        show_margin = self.env.user.has_groups(COST_GROUPS)
        _ = self.env._
        headers = [
            _("Promotion"),
            _("Store"),
            _("Orders Reached"),
            _("Customers Reached"),
            _("Discount Given"),
            _("Gifts at Cost"),
            _("Coupons Used"),
            _("Coupons Issued"),
            _("Revenue"),
            _("Revenue Before"),
            *([_("Margin"), _("Margin Before")] if show_margin else []),
            _("Basket Size"),
            _("Basket Size Before"),
            _("Basket Change %"),
        ]
        rows = [
            (
                line.promotion_id.name,
                line.warehouse_id.name or "",
                line.orders_reached,
                line.customers_reached,
                line.discount,
                line.gift_cost,
                line.coupons_used,
                line.coupons_issued,
                line.revenue,
                line.revenue_before,
                *([line.margin, line.margin_before] if show_margin else []),
                line.basket,
                line.basket_before,
                line.basket_change,
            )
            for line in self.line_ids
        ]
        return {
            "title": _("Promotion Effect"),
            "subtitle": self._period_subtitle(),
            "headers": headers,
            "rows": rows,
        }

    def _retail_file_name(self):
        return self.env._(
            "Promotion Effect %(date_from)s %(date_to)s.xlsx",
            date_from=self.date_from,
            date_to=self.date_to,
        )
