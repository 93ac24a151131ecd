from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.retail_pos_ext.models.pos_order import POS_SOLD_STATES

# what the tills' branch of the sales fact reads: pending writes to these fields are
# flushed before the fact and the analyses built on it are read
POS_DEPENDS = {
    "pos.order": [
        "name",
        "state",
        "date_order",
        "company_id",
        "session_id",
        "retail_channel_id",
        "user_id",
        "partner_id",
        "currency_rate",
    ],
    "pos.order.line": [
        "order_id",
        "product_id",
        "qty",
        "price_subtotal",
        "total_cost",
        "is_total_cost_computed",
    ],
    "pos.session": ["config_id"],
    "pos.config": ["retail_warehouse_id"],
}


class RetailSalesReport(models.Model):
    """The tills' paid POS order lines in the sales fact, beside the wholesale lines.

    A POS line's cost is the cost core records on the line (``total_cost``, in the
    order's currency), computed when the order's goods leave (in real time) or when
    the session closes (stock updated at closing, average and FIFO costs). A refund
    line's is the cost the goods came back at. Until the line's cost is computed
    (``is_total_cost_computed``), the quantity times the product's current cost
    (``standard_price``) stands in for it. The store is the till's
    (``retail_warehouse_id``), the grade the customer's in the order's company.
    """

    _inherit = "retail.sales.report"
    _depends = POS_DEPENDS

    source = fields.Selection(selection_add=[("pos", "Point of Sale")])

    @api.model
    def _sales_branches(self, since=None, changed=None):
        branches = super()._sales_branches(since, changed)
        if self.env.context.get("retail_reports_pos_uninstall"):
            return branches  # the history rebuilt as it is without this addon
        return [*branches, self._pos_lines_query(since, changed)]

    @api.model
    def _sales_changed_ids(self, changed):
        ids = super()._sales_changed_ids(changed)
        if self.env.context.get("retail_reports_pos_uninstall"):
            return ids
        return [
            *ids,
            SQL(
                """
                SELECT l.id * 2 + 1 FROM pos_order_line l
                  JOIN pos_order o ON o.id = l.order_id
                 WHERE %s
                """,
                self._pos_changed_condition(changed),
            ),
        ]

    @api.model
    def _pos_changed_condition(self, changed):
        """The till's order ``o`` changed from ``changed``. A till's lines are not
        edited once synchronised; what changes later (their cost, computed at the
        session's closing; the order invoiced or cancelled) writes the order too."""
        return SQL("o.write_date >= %s", changed)

    @api.model
    def _pos_lines_query(self, since=None, changed=None):
        return SQL(
            """
            SELECT l.id * 2 + 1 AS id,
                   'pos' AS source,
                   o.name AS order_name,
                   o.date_order AS date,
                   o.company_id,
                   c.currency_id,
                   cfg.retail_warehouse_id AS warehouse_id,
                   o.retail_channel_id AS channel_id,
                   o.user_id,
                   o.partner_id,
                   (partner.retail_grade_id->>o.company_id::text)::integer AS grade_id,
                   l.product_id,
                   p.product_tmpl_id,
                   t.categ_id,
                   t.retail_brand_id AS brand_id,
                   l.qty AS quantity,
                   line.revenue,
                   line.cost,
                   line.revenue - line.cost AS margin
              %s
              LEFT JOIN res_company c ON c.id = o.company_id
              JOIN pos_session ses ON ses.id = o.session_id
              JOIN pos_config cfg ON cfg.id = ses.config_id
              JOIN product_product p ON p.id = l.product_id
              JOIN product_template t ON t.id = p.product_tmpl_id
              LEFT JOIN res_partner partner ON partner.id = o.partner_id
        CROSS JOIN LATERAL (
                SELECT l.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                           AS revenue,
                       -- core's cost of the line, in the order's currency; until
                       -- it is computed, the product's current cost
                       CASE WHEN l.is_total_cost_computed
                            THEN l.total_cost::numeric
                                 / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                            ELSE l.qty
                                 * COALESCE((p.standard_price->>o.company_id::text)
                                            ::numeric, 0)
                       END AS cost
               ) line
             WHERE o.state IN %s
               %s
               %s
            """,
            self._lines_of_orders("pos_order_line", "pos_order", "o", few=bool(since)),
            POS_SOLD_STATES,
            SQL("AND o.date_order >= %s", since) if since else SQL(),
            SQL("AND %s", self._pos_changed_condition(changed)) if changed else SQL(),
        )
