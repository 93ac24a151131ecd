from odoo import api, fields, models


class RetailChannel(models.Model):
    """销售渠道: 零售, 批发, 线上, 线下, 门店订货 — each with its default pricelist, sales team
    and invoicing journal; sale orders and tills carry one so reports can group by it."""

    _name = "retail.channel"
    _inherit = ["retail.company.mixin"]
    _description = "Sales Channel"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code, e.g. WHOLESALE.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_default = fields.Boolean(
        string="Default for Sale Orders",
        help="New sale orders of the company start in this channel.",
    )
    pricelist_id = fields.Many2one(
        comodel_name="product.pricelist",
        check_company=True,
        help="Pricelist of orders in this channel for customers without a grade.",
    )
    team_id = fields.Many2one(
        comodel_name="crm.team", string="Sales Team", check_company=True
    )
    journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Invoicing Journal",
        domain="[('type', '=', 'sale')]",
        check_company=True,
    )

    _sql_constraints = [
        (
            "code_company_unique",
            "unique (code, company_id)",
            "Another channel of this company already has this code.",
        ),
    ]

    @api.model
    def _default_for_company(self, company):
        return self.search(
            [("company_id", "=", company.id), ("is_default", "=", True)], limit=1
        )
