from odoo import models


class PosConfig(models.Model):
    _inherit = "pos.config"

    def use_coupon_code(self, code, creation_date, partner_id, pricelist_id):
        """A promotion's coupon of another company: the till says so, naming it."""
        result = super().use_coupon_code(code, creation_date, partner_id, pricelist_id)
        if not result.get("successful"):
            error = self.env["loyalty.card"]._retail_other_company_error(
                code, self.company_id
            )
            if error:
                result["payload"]["error_message"] = error
        return result
