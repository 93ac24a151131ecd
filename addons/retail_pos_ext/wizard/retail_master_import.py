from odoo import models


class RetailMasterImport(models.TransientModel):
    _inherit = "retail.master.import"

    def _retail_product_values(self, number, values, vals, seen):
        """Goods imported at going live are sold at the tills (可在收银台销售)."""
        vals["available_in_pos"] = True
        return super()._retail_product_values(number, values, vals, seen)
