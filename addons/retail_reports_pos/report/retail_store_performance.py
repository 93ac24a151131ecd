from odoo import models

from .retail_sales_report import POS_DEPENDS


class RetailStorePerformance(models.Model):
    """The stores' performance counts their tills' sales (the sales fact's)."""

    _inherit = "retail.store.performance"
    _depends = POS_DEPENDS
