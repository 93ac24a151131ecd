from odoo import api, fields, models


class RetailBookOrderLineMixin(models.AbstractModel):
    """A sale or purchase order line of books: the 件/包/本 text typed on it is turned
    into its quantity as it is created or written, and its accessory (配件) lines follow
    it. The order line lists it before itself in ``_inherit`` (as crm.team does
    ``mail.alias.mixin``) so that the text is turned into the quantity before core's
    ``create`` and ``write`` see the values, and points the accessory fields at its own
    model (``comodel_name``: the rest of their definition is the mixin's)."""

    _name = "retail.book.order.line.mixin"
    _inherit = ["retail.book.line.mixin"]
    _description = "Book Order Line"

    retail_accessory_parent_id = fields.Many2one(
        comodel_name="retail.book.order.line.mixin",
        string="Accessory of",
        index="btree_not_null",
        ondelete="cascade",
        copy=False,
        readonly=True,
        help="The book line this accessory (配件) line goes with.",
    )
    retail_accessory_line_ids = fields.One2many(
        comodel_name="retail.book.order.line.mixin",
        inverse_name="retail_accessory_parent_id",
        string="Accessory Lines",
    )

    def _retail_accessory_line_vals(self, product, quantity):
        return {
            "order_id": self.order_id.id,
            "product_id": product.id,
            self._retail_qty_field: quantity,
            "sequence": self.sequence,
            "retail_accessory_parent_id": self.id,
        }

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(self._retail_pack_qty_create_vals(vals_list))
        lines._retail_sync_accessories()
        return lines

    def write(self, vals):
        if "retail_pack_qty_text" in vals:
            return self._retail_write_pack_qty_text(vals)
        result = super().write(vals)
        if {"product_id", self._retail_qty_field, self._retail_uom_field} & set(vals):
            self._retail_sync_accessories()
        return result

    def unlink(self):
        accessories = self.retail_accessory_line_ids - self
        if accessories:
            accessories.unlink()
        return super().unlink()
