from odoo import api, fields, models
from odoo.tools import SQL


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

    @api.model
    def _rows(self, analysis):
        """Per supplier: quantity and value returned in the period (done moves from an
        internal to a supplier location, at the price of the purchase order line they
        return, else at their own cost), value received in the period, return rate (%)."""
        start, end, __ = analysis._sql_bounds()
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
                received=analysis._received_query(),
                company=self.env.company.id,
                start=start,
                end=end,
                filters=analysis._sql_filters(
                    SQL(
                        "COALESCE(supplier.commercial_partner_id, "
                        "partner.commercial_partner_id)"
                    ),
                    SQL("COALESCE(picking_type.warehouse_id, source.warehouse_id)"),
                ),
            )
        )
        return self.env.cr.dictfetchall()
