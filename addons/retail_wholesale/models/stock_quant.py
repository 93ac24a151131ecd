from odoo import api, models

from .stock_move import QUANTS_TOUCHED


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model
    def _update_available_quantity(self, product_id, location_id, *args, **kwargs):
        # remembered for the reservations of this transaction (see stock.move)
        self.env.cr.precommit.data.setdefault(QUANTS_TOUCHED, set()).add(product_id.id)
        return super()._update_available_quantity(
            product_id, location_id, *args, **kwargs
        )
