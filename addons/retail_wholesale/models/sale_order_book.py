from odoo import models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "retail.book.document.mixin"]
    _retail_line_field = "order_line"

    def _create_invoices(self, grouped=False, final=False, date=None):
        moves = super()._create_invoices(grouped=grouped, final=final, date=date)
        # credit notes of returned goods carry the reason of the last return
        for refund in moves.filtered(lambda m: m.move_type == "out_refund"):
            returns = refund.line_ids.sale_line_ids.move_ids.filtered(
                lambda m: m.state == "done" and m.origin_returned_move_id
            ).picking_id.sorted("date_done", reverse=True)
            reason = returns.retail_return_reason_id[:1]
            if reason:
                refund.retail_return_reason_id = reason
        return moves
