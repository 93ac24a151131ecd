from odoo import fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "retail.scan.mixin"]

    def _retail_scan_add(self, product, qty):
        """A receipt (or any transfer): in draft the demand, on the product's move or
        a new one; once ready what was counted (picked) on the product's move."""
        if self.state in ("done", "cancel"):
            raise UserError(
                self.env._(
                    "%(picking)s is done: nothing more can be scanned in.",
                    picking=self.name,
                )
            )
        move = self.move_ids_without_package.filtered(
            lambda move: move.product_id == product
        )[:1]
        if self.state == "draft":
            if move:
                move.product_uom_qty += qty
            else:
                self.move_ids_without_package = [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "product_uom": product.uom_id.id,
                            "name": product.display_name,
                            "location_id": self.location_id.id,
                            "location_dest_id": self.location_dest_id.id,
                        }
                    )
                ]
            return
        if not move:
            raise UserError(
                self.env._(
                    "%(product)s is not on %(picking)s: add it to the transfer first.",
                    product=product.display_name,
                    picking=self.name,
                )
            )
        # the first scan replaces the quantity core proposes (what was expected)
        move.quantity = (move.quantity if move.picked else 0.0) + qty
        move.picked = True
