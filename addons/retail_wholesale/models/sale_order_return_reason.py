from odoo import models


class SaleOrder(models.Model):
    """退货原因: credit notes made from a sale order take the reason of its latest
    return (kept apart from sale_order.py, which holds the wholesale rules)."""

    _inherit = "sale.order"

    def _create_invoices(self, grouped=False, final=False, date=None):
        moves = super()._create_invoices(grouped=grouped, final=final, date=date)
        moves._retail_set_return_reason()
        return moves
