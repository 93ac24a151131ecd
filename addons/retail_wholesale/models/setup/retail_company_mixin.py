from odoo import fields, models


class RetailCompanyMixin(models.AbstractModel):
    """A record of one company, the current one unless chosen: channels, customer
    grades, flash sales, store orders, stocktakes."""

    _name = "retail.company.mixin"
    _description = "Company Record"
    _check_company_auto = True

    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
