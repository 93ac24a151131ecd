from odoo import models


class AccountMoveLine(models.Model):
    _name = "account.move.line"
    _inherit = ["account.move.line", "retail.book.line.mixin"]
    _retail_qty_field = "quantity"
    _retail_uom_field = "product_uom_id"
