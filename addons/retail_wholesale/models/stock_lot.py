from odoo import api, fields, models
from odoo.tools import SQL


class StockLot(models.Model):
    _inherit = "stock.lot"

    @api.model
    def retail_expired_lot_ids(self, product_ids=None, at=None):
        """Ids of the lots expired at ``at`` (default now), of ``product_ids`` if given:
        the lots that cannot be sold or delivered."""
        domain = [("expiration_date", "<=", at or fields.Datetime.now())]
        if product_ids is not None:
            domain.append(("product_id", "in", list(product_ids)))
        return self.search(domain).ids

    @api.model
    def retail_expiry_buckets(self, warehouse_ids=None, at=None):
        """{(warehouse_id, bucket): {"quantity": q, "value": v}} of the lots in stock
        that expired (bucket ``"expired"``) or expire within 7, 30 or 90 days; value at
        the product's cost. Same figures as the near-expiry board."""
        at = at or fields.Datetime.now()
        query = SQL(
            """
            SELECT bucket, warehouse_id, SUM(quantity), SUM(value)
              FROM (%s) board
             WHERE %s
             GROUP BY bucket, warehouse_id
            """,
            self.env["retail.expiry.report"]._retail_board_query(at),
            SQL("warehouse_id = ANY(%s)", list(warehouse_ids))
            if warehouse_ids is not None
            else SQL("TRUE"),
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        return {
            (warehouse_id, bucket): {"quantity": qty, "value": value}
            for bucket, warehouse_id, qty, value in self.env.cr.fetchall()
        }
