from odoo import _, api, fields, models


class AccountTax(models.Model):
    _inherit = "account.tax"

    retail_included_tax_id = fields.Many2one(
        comodel_name="account.tax",
        string="Tax-Excluded Twin Of",
        index="btree_not_null",
        ondelete="cascade",
        readonly=True,
        copy=False,
        help="This tax is the tax-excluded twin of that tax-included one: it applies on "
        "orders at a pricelist that quotes prices before tax (报价不含税).",
    )

    @api.model
    def _retail_ensure_tax_excluded_twins(self, companies):
        """A tax-excluded twin of every tax-included sales tax of ``companies``: same
        rate, group and accounts, price before tax. Made by whoever marks a pricelist as
        quoting before tax, who need not manage taxes."""
        Tax = self.sudo().with_context(active_test=False)
        included = Tax.search(
            [
                ("company_id", "in", companies.ids),
                ("type_tax_use", "=", "sale"),
                ("amount_type", "in", ("percent", "fixed", "division")),
                ("price_include", "=", True),
                ("retail_included_tax_id", "=", False),
            ]
        )
        done = Tax.search([("retail_included_tax_id", "in", included.ids)])
        for tax in included - done.retail_included_tax_id:
            tax.copy(
                {
                    "name": _("%(tax)s (before tax)", tax=tax.name),
                    "price_include_override": "tax_excluded",
                    "retail_included_tax_id": tax.id,
                }
            )

    def _retail_tax_excluded_twins(self):
        """{tax id: id of the tax to use for a price quoted before tax}: each
        tax-included tax of these taxes mapped to its tax-excluded twin, when it has one."""
        included = self.filtered("price_include")
        if not included:
            return {}
        return {
            twin.retail_included_tax_id.id: twin.id
            for twin in self.sudo().search(
                [("retail_included_tax_id", "in", included.ids)]
            )
        }
