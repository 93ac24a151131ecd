from odoo import fields, models


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "retail.book.document.mixin"]
    _retail_line_field = "invoice_line_ids"

    retail_return_reason_id = fields.Many2one(
        comodel_name="retail.return.reason",
        string="Return Reason",
        ondelete="restrict",
        copy=False,
        help="退货原因 of the goods this credit note refunds.",
    )
