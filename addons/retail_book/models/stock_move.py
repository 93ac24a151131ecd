from odoo import api, fields, models
from odoo.tools import float_compare


class StockMove(models.Model):
    _inherit = "stock.move"

    retail_pack_qty_text = fields.Char(
        string="Demand (件/包/本)",
        compute="_compute_retail_pack_qty_text",
        help="The demand in cases, bundles and copies, e.g. 3件2包5本.",
    )
    retail_pack_done_text = fields.Char(
        string="Quantity (件/包/本)",
        compute="_compute_retail_pack_qty_text",
        inverse="_inverse_retail_pack_done_text",
        help="The quantity counted in cases, bundles and copies: type e.g. 3件2包5本, "
        "3件 or 12 to count a receipt or a delivery by 件.",
    )

    @api.depends("product_id", "product_qty", "quantity", "product_uom")
    def _compute_retail_pack_qty_text(self):
        for move in self:
            product = move.product_id
            if not product.retail_bundle_qty:
                move.retail_pack_qty_text = move.retail_pack_done_text = False
                continue
            done = move.product_uom._compute_quantity(
                move.quantity, product.uom_id, round=False
            )
            move.retail_pack_qty_text = product.retail_format_pack_qty(move.product_qty)
            move.retail_pack_done_text = product.retail_format_pack_qty(done)

    @api.onchange("retail_pack_done_text")
    def _onchange_retail_pack_done_text(self):
        for move in self:
            if move.retail_pack_done_text and move.product_id:
                move.quantity = move._retail_qty_from_pack_text()

    def _retail_qty_from_pack_text(self):
        """The quantity, in the unit of the move, of the typed 件/包/本 text."""
        self.ensure_one()
        copies = self.product_id.retail_parse_pack_qty(self.retail_pack_done_text)
        return self.product_id.uom_id._compute_quantity(
            copies, self.product_uom, round=False
        )

    def _inverse_retail_pack_done_text(self):
        for move in self:
            if move.retail_pack_done_text and move.product_id:
                quantity = move._retail_qty_from_pack_text()
                if float_compare(
                    quantity,
                    move.quantity,
                    precision_rounding=move.product_uom.rounding,
                ):
                    move.quantity = quantity
