from odoo import Command, models


class PurchaseOrder(models.Model):
    _name = "purchase.order"
    _inherit = ["purchase.order", "retail.book.document.mixin"]
    _retail_line_field = "order_line"

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        if default and "order_line" in default:
            return vals_list
        # accessory lines come back with their book line in the copy
        for order, vals in zip(self, vals_list, strict=True):
            lines = order.order_line.filtered(
                lambda line: not line.retail_accessory_parent_id
            )
            vals["order_line"] = [
                Command.create(line_vals)
                for line_vals in lines.sorted("id").copy_data()
                if line_vals
            ]
        return vals_list
