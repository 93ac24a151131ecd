from odoo import models

APPROVAL_FIELDS = {
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def write(self, vals):
        """A change of what is sold or its price voids the managers' approvals."""
        if APPROVAL_FIELDS.intersection(vals):
            self.order_id.filtered(
                lambda o: (
                    o.state in ("draft", "sent")
                    and (
                        o.retail_price_approved_by_id or o.retail_credit_approved_by_id
                    )
                )
            ).write(
                {
                    "retail_price_approved_by_id": False,
                    "retail_credit_approved_by_id": False,
                }
            )
        return super().write(vals)
