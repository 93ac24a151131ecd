from odoo import api, models
from odoo.exceptions import ValidationError


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.constrains("product_id", "price_unit", "product_uom_qty")
    def _check_retail_stored_value_top_up(self):
        """A top-up of a member's stored value card is a positive amount: a refund of
        the balance is a manager's adjustment, not a negative top-up."""
        # a flag of the product (read with it): orders cost no query here, and orders
        # without a top-up no look at each line
        if not self.product_id.product_tmpl_id.filtered("retail_stored_value_top_up"):
            return
        for line in self.filtered(
            lambda line: (
                line.product_id.retail_stored_value_top_up and not line.is_reward_line
            )
        ):
            amount = line.price_unit * line.product_uom_qty
            if line.currency_id.compare_amounts(amount, 0.0) <= 0:
                raise ValidationError(
                    self.env._(
                        "A stored value top-up must be a positive amount: %(amount)s "
                        "on %(order)s is not.",
                        amount=amount,
                        order=line.order_id.display_name,
                    )
                )
