from odoo import api, fields, models


class PurchaseOrderLine(models.Model):
    _name = "purchase.order.line"
    _inherit = ["purchase.order.line", "retail.book.line.mixin"]
    _retail_qty_field = "product_qty"
    _retail_uom_field = "product_uom"
    _retail_tax_field = "taxes_id"

    retail_accessory_parent_id = fields.Many2one(
        comodel_name="purchase.order.line",
        string="Accessory of",
        index="btree_not_null",
        ondelete="cascade",
        copy=False,
        readonly=True,
        help="The book line this accessory (配件) line goes with.",
    )
    retail_accessory_line_ids = fields.One2many(
        comodel_name="purchase.order.line",
        inverse_name="retail_accessory_parent_id",
        string="Accessory Lines",
    )

    def _retail_accessory_line_vals(self, product, quantity):
        return {
            "order_id": self.order_id.id,
            "product_id": product.id,
            "product_qty": quantity,
            "product_uom": product.uom_id.id,
            "sequence": self.sequence,
            "retail_accessory_parent_id": self.id,
        }

    def _retail_accessory_locked(self):
        return self.state in ("purchase", "done")

    def _prepare_account_move_line(self, move=False):
        values = super()._prepare_account_move_line(move=move)
        if self.retail_cover_price:
            values["retail_cover_price"] = self.retail_cover_price
        return values

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(self._retail_pack_qty_create_vals(vals_list))
        lines._retail_sync_accessories()
        return lines

    def write(self, vals):
        if "retail_pack_qty_text" in vals:
            return self._retail_write_pack_qty_text(vals)
        result = super().write(vals)
        if {"product_id", "product_qty", "product_uom"} & set(vals):
            self._retail_sync_accessories()
        return result

    def unlink(self):
        accessories = self.retail_accessory_line_ids - self
        if accessories:
            accessories.unlink()
        return super().unlink()
