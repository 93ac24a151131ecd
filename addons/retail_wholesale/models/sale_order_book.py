from odoo import models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "retail.book.document.mixin"]
    _retail_line_field = "order_line"

    def _create_invoices(self, grouped=False, final=False, date=None):
        moves = super()._create_invoices(grouped=grouped, final=final, date=date)
        moves._retail_set_return_reason()
        return moves

    def _get_copiable_order_lines(self):
        # accessory lines come back with their book line in the copy
        return (
            super()
            ._get_copiable_order_lines()
            .filtered(lambda line: not line.retail_accessory_parent_id)
        )
