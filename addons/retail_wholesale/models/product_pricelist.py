from odoo import models


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    def _get_partner_pricelist_multi(self, partner_ids):
        """A customer's grade decides its pricelist in the current company."""
        result = super()._get_partner_pricelist_multi(partner_ids)
        partners = (
            self.env["res.partner"].with_context(active_test=False).browse(partner_ids)
        )
        result.update(self.env["retail.customer.grade"]._grade_pricelists(partners))
        return result
