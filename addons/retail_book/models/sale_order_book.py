from odoo import models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "retail.book.document.mixin"]
    _retail_line_field = "order_line"

    def _get_copiable_order_lines(self):
        # accessory lines come back with their book line in the copy
        return (
            super()
            ._get_copiable_order_lines()
            .filtered(lambda line: not line.retail_accessory_parent_id)
        )
