from odoo import fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "retail.scan.mixin"]

    def _retail_scan_add(self, product, qty):
        """A wholesale order's line for the product (at the customer's grade price,
        as core prices any new line), or more of it."""
        if self.state not in ("draft", "sent"):
            raise UserError(
                self.env._(
                    "%(order)s is confirmed: lines are no longer scanned in.",
                    order=self.name,
                )
            )
        line = self.order_line.filtered(
            lambda line: line.product_id == product and not line.display_type
        )[:1]
        if line:
            line.product_uom_qty += qty
        else:
            self.order_line = [
                fields.Command.create(
                    {"product_id": product.id, "product_uom_qty": qty}
                )
            ]
