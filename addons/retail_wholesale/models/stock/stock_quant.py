from odoo import api, models

from .stock_move import touched_products


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model
    def _update_available_quantity(self, product_id, location_id, *args, **kwargs):
        # remembered for the reservations of this transaction (see stock.move)
        touched_products(self.env).add(product_id.id)
        return super()._update_available_quantity(
            product_id, location_id, *args, **kwargs
        )

    @api.model
    def _get_removal_strategy(self, product_id, location_id):
        """First expired, first out for products tracked by expiry date, unless their
        category or location sets another strategy."""
        strategy = super()._get_removal_strategy(product_id, location_id)
        if strategy == "fifo" and product_id.sudo().use_expiration_date:
            explicit = product_id.sudo().categ_id.removal_strategy_id
            loc = location_id.sudo()
            while loc and not explicit:
                explicit = loc.removal_strategy_id
                loc = loc.location_id
            if not explicit:
                return "fefo"
        return strategy
