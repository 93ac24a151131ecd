from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_grade_id = fields.Many2one(
        comodel_name="retail.customer.grade",
        string="Customer Grade",
        company_dependent=True,
        domain="[('company_id', '=', current_company_id)]",
        help="The grade sets the customer's pricelist in this company.",
    )

    @api.depends("retail_grade_id", "retail_grade_id.pricelist_id")
    def _compute_product_pricelist(self):
        return super()._compute_product_pricelist()

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + ["retail_grade_id"]
