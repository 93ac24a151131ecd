from odoo import api, fields, models
from odoo.exceptions import UserError


class AccountMoveReversal(models.TransientModel):
    _inherit = "account.move.reversal"

    retail_return_reason_id = fields.Many2one(
        comodel_name="retail.return.reason",
        string="Return Reason",
        help="退货原因, kept on the credit note.",
    )
    retail_return_reason_required = fields.Boolean(
        compute="_compute_retail_return_reason_required"
    )

    @api.depends("move_ids")
    def _compute_retail_return_reason_required(self):
        for wizard in self:
            wizard.retail_return_reason_required = any(
                move.move_type == "out_invoice"
                and move.company_id.retail_return_reason_required
                for move in wizard.move_ids
            )

    def _prepare_default_reversal(self, move):
        if (
            move.move_type == "out_invoice"
            and move.company_id.retail_return_reason_required
            and not self.retail_return_reason_id
        ):
            raise UserError(
                self.env._(
                    "%(company)s needs a return reason on customer credit notes: "
                    "choose why %(invoice)s is credited.",
                    company=move.company_id.name,
                    invoice=move.name,
                )
            )
        values = super()._prepare_default_reversal(move)
        if self.retail_return_reason_id:
            values["retail_return_reason_id"] = self.retail_return_reason_id.id
        return values
