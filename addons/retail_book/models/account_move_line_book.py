from odoo import api, models


class AccountMoveLine(models.Model):
    _name = "account.move.line"
    _inherit = ["account.move.line", "retail.book.line.mixin"]
    _retail_qty_field = "quantity"
    _retail_uom_field = "product_uom_id"
    _retail_tax_field = "tax_ids"

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._retail_pack_qty_create_vals(vals_list))

    def write(self, vals):
        if "retail_pack_qty_text" in vals:
            return self._retail_write_pack_qty_text(vals)
        return super().write(vals)
