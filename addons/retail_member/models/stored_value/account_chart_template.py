from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        """A company set up with a chart of accounts has its stored value card (on its
        预收账款) without further configuration."""
        result = super()._post_load_data(template_code, company, template_data)
        (company or self.env.company)._retail_ensure_stored_value_program()
        return result
