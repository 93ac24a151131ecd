from odoo import fields, models


class SaleOrderLine(models.Model):
    _name = "sale.order.line"
    _inherit = ["retail.book.order.line.mixin", "sale.order.line"]

    retail_accessory_parent_id = fields.Many2one(comodel_name="sale.order.line")
    retail_accessory_line_ids = fields.One2many(comodel_name="sale.order.line")

    def _retail_accessory_locked(self):
        return self.state == "sale"

    def _prepare_invoice_line(self, **optional_values):
        values = super()._prepare_invoice_line(**optional_values)
        if self.retail_cover_price:
            values["retail_cover_price"] = self.retail_cover_price
        return values
