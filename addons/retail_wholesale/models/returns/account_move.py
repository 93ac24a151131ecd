from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    retail_return_reason_id = fields.Many2one(
        comodel_name="retail.return.reason",
        string="Return Reason",
        ondelete="restrict",
        copy=False,
        help="退货原因 of the goods this credit note refunds.",
    )

    def _retail_set_return_reason(self):
        """Credit notes of returned goods take the reason of their latest return."""
        for refund in self.filtered(
            lambda m: (
                m.move_type in ("out_refund", "in_refund")
                and not m.retail_return_reason_id
            )
        ):
            lines = refund.invoice_line_ids
            moves = lines.sale_line_ids.move_ids | lines.purchase_line_id.move_ids
            returns = moves.filtered(
                lambda m: m.state == "done" and m.origin_returned_move_id
            ).picking_id.filtered("retail_return_reason_id")
            if returns:
                refund.retail_return_reason_id = returns.sorted(
                    "date_done", reverse=True
                )[0].retail_return_reason_id
