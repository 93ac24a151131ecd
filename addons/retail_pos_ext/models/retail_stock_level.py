from odoo import api, models
from odoo.tools import SQL

from .pos_order import POS_SOLD_STATES


class RetailStockLevel(models.Model):
    _inherit = "retail.stock.level"

    @api.model
    def _retail_sold_quantity_queries(self, date_from, date_to, warehouse_ids):
        """The tills' sales count in a warehouse's velocity too: the orders of tills
        whose operation type ships from it, refunds deducted (their quantities are
        negative)."""
        return [
            *super()._retail_sold_quantity_queries(date_from, date_to, warehouse_ids),
            SQL(
                """
                SELECT pol.product_id, spt.warehouse_id, pol.qty AS qty
                  FROM pos_order_line pol
                  JOIN pos_order po ON po.id = pol.order_id
                  JOIN pos_session ps ON ps.id = po.session_id
                  JOIN pos_config pc ON pc.id = ps.config_id
                  JOIN stock_picking_type spt ON spt.id = pc.picking_type_id
                 WHERE po.state IN %(states)s
                   AND po.date_order >= %(date_from)s AND po.date_order < %(date_to)s
                   AND spt.warehouse_id = ANY(%(warehouses)s)
                """,
                states=POS_SOLD_STATES,
                date_from=date_from,
                date_to=date_to,
                warehouses=list(warehouse_ids),
            ),
        ]
