from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_store_pricelist_id = fields.Many2one(
        comodel_name="product.pricelist",
        string="Store Supply Pricelist",
        domain="[('company_id', 'in', [id, False])]",
        help="Prices stores pay head office for the goods they order (门店拿货价). "
        "Without it, store orders are priced at the product cost.",
    )
