from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        """A new company gets its copy of the statement line definitions."""
        companies = super().create(vals_list)
        self.env["retail.statement.line"]._copy_definitions(companies)
        return companies
