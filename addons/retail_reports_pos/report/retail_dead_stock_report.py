from odoo import models

from .retail_sales_report import POS_DEPENDS


class RetailDeadStockReport(models.Model):
    """A product sold at a till is not dead stock (the sales fact's last sales)."""

    _inherit = "retail.dead.stock.report"
    _depends = POS_DEPENDS
