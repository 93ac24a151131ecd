from odoo import api, models
from odoo.osv import expression


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    @api.model
    def _load_pos_data_domain(self, data):
        """The till also loads the pricelists of the customer grades (and those they
        are based on): a member or wholesale customer buys at their grade's price even
        when it is not among the till's pricelists (odoo/odoo#253077)."""
        domain = super()._load_pos_data_domain(data)
        config = self.env["pos.config"].browse(data["pos.config"]["data"][0]["id"])
        grades = self.env["retail.customer.grade"].search(
            [("company_id", "=", config.company_id.id)]
        )
        pricelists = grades._retail_offered_pricelists().filtered("active")
        todo = pricelists
        while todo:
            bases = todo.item_ids.filtered(
                lambda item: item.base == "pricelist"
            ).base_pricelist_id
            todo = bases - pricelists
            pricelists |= todo
        if not pricelists:
            return domain
        return expression.OR([domain, [("id", "in", pricelists.ids)]])
