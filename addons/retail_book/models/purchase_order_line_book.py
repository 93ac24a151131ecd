from odoo import fields, models


class PurchaseOrderLine(models.Model):
    _name = "purchase.order.line"
    _inherit = ["retail.book.order.line.mixin", "purchase.order.line"]
    _retail_qty_field = "product_qty"
    _retail_uom_field = "product_uom"
    _retail_tax_field = "taxes_id"

    retail_accessory_parent_id = fields.Many2one(comodel_name="purchase.order.line")
    retail_accessory_line_ids = fields.One2many(comodel_name="purchase.order.line")

    def _retail_accessory_line_vals(self, product, quantity):
        values = super()._retail_accessory_line_vals(product, quantity)
        values["product_uom"] = product.uom_id.id
        return values

    def _retail_accessory_locked(self):
        return self.state in ("purchase", "done")

    def _prepare_account_move_line(self, move=False):
        values = super()._prepare_account_move_line(move=move)
        if self.retail_cover_price:
            values["retail_cover_price"] = self.retail_cover_price
        return values
