from odoo import models
from odoo.tools import float_is_zero


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    def _retail_add_accessories(self):
        """配件 go back with their book: an accessory left at 0 is returned with the
        quantity that goes with the returned copies, up to what was moved."""
        lines = self.product_return_moves
        for line in lines.filtered("quantity"):
            for product, qty in line.product_id._retail_accessory_quantities(
                line.quantity
            ):
                for accessory_line in lines.filtered(
                    lambda rl, product=product: (
                        rl.product_id == product
                        and float_is_zero(
                            rl.quantity, precision_rounding=product.uom_id.rounding
                        )
                    )
                )[:1]:
                    moved = accessory_line.move_id.quantity or qty
                    accessory_line.quantity = min(qty, moved)

    def _create_return(self):
        self._retail_add_accessories()
        return super()._create_return()
