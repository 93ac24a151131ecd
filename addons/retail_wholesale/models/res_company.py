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
    retail_markdown_days = fields.Integer(
        string="Near-expiry Markdown Days",
        default=30,
        help="Lots expiring within this many days get a suggested markdown price on the "
        "near-expiry board (临期促销).",
    )
    retail_markdown_percent = fields.Float(
        string="Near-expiry Markdown (%)",
        default=30.0,
        help="Discount off the sales price suggested for near-expiry lots.",
    )
    retail_scrap_approval_amount = fields.Monetary(
        string="Scrap Approval Above",
        currency_field="currency_id",
        default=500.0,
        help="Scraps (报损) worth more than this at cost need a store manager's or head "
        "office's approval. 0: never.",
    )
