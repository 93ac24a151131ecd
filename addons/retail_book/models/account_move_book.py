from odoo import models


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "retail.book.document.mixin"]
    _retail_line_field = "invoice_line_ids"
