from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _retail_stored_value_product_values(self):
        # the cashier finds the top-up product at the till
        return {
            **super()._retail_stored_value_product_values(),
            "available_in_pos": True,
        }
