from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    retail_brand_id = fields.Many2one(
        comodel_name="retail.brand",
        string="Brand",
        index="btree_not_null",
        ondelete="restrict",
    )
