from odoo import fields, models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    # looked up by every synchronisation of an order with combos or refunds: without an
    # index each look-up reads the whole history of lines
    combo_parent_id = fields.Many2one(index="btree_not_null")
    refunded_orderline_id = fields.Many2one(index="btree_not_null")
    retail_flash_sale_id = fields.Many2one(
        comodel_name="retail.flash.sale",
        string="Flash Sale",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The flash sale this line was sold in; it counts towards its limits.",
    )

    def _retail_is_reward_line(self):
        """Loyalty rewards and gift cards are priced by their programs, not pricelists."""
        self.ensure_one()
        return bool(self._fields.get("is_reward_line") and self.is_reward_line)
