from odoo import fields, models


class AccountMoveReversal(models.TransientModel):
    _inherit = "account.move.reversal"

    retail_return_reason_id = fields.Many2one(
        comodel_name="retail.return.reason",
        string="Return Reason",
        help="退货原因, kept on the credit note.",
    )

    def _prepare_default_reversal(self, move):
        values = super()._prepare_default_reversal(move)
        if self.retail_return_reason_id:
            values["retail_return_reason_id"] = self.retail_return_reason_id.id
        return values
