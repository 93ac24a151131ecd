from odoo import models

from odoo.addons.account.models.chart_template import template


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @template("cn_common", "res.company")
    def _get_cn_common_retail_res_company(self):
        """Chinese consumer prices include VAT (含税价): a company set up with a Chinese
        chart of accounts enters its prices tax included (the shelf price is what the
        customer pays, the VAT its included part). Core allows the switch only before
        the company's first entry; a company with entries keeps its setting (README)."""
        company = self.env.company
        if company.account_price_include == "tax_included" or (
            company.sudo()._existing_accounting()
        ):
            return {}
        return {company.id: {"account_price_include": "tax_included"}}
