from odoo import models


class PurchaseOrder(models.Model):
    _name = "purchase.order"
    _inherit = ["purchase.order", "retail.book.document.mixin"]
    _retail_line_field = "order_line"
