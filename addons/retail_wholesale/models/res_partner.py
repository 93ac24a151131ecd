from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .retail_customer_grade import RETURN_RATE_ACTIONS


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
        return super()._commercial_fields() + [
            "retail_grade_id",
            "retail_return_rate_limit",
            "retail_return_rate_action",
            "retail_return_rate_days",
        ]

    retail_return_rate_limit = fields.Float(
        string="Return Rate Limit (%)",
        digits=(16, 2),
        help="退货率上限 of this customer, instead of its grade's. 0: the grade's limit.",
    )
    retail_return_rate_action = fields.Selection(
        selection=RETURN_RATE_ACTIONS,
        string="Above the Limit",
        default="warn",
        help="Warn: the return can be validated, with a warning in its chatter. Block: "
        "the return cannot be validated.",
    )
    retail_return_rate_days = fields.Integer(
        string="Return Rate Period (Days)",
        default=90,
        help="The return rate counts deliveries and returns of this many last days.",
    )

    @api.constrains("retail_return_rate_limit", "retail_return_rate_days")
    def _check_retail_return_rate(self):
        for partner in self:
            if partner.retail_return_rate_limit < 0 or (
                partner.retail_return_rate_limit and partner.retail_return_rate_days < 1
            ):
                raise ValidationError(
                    _(
                        "The return rate limit of %(partner)s cannot be negative and its "
                        "period must be at least one day.",
                        partner=partner.display_name,
                    )
                )

    def _retail_return_rate_policy(self):
        """(limit %, action, days) for this customer: its own, else its grade's;
        limit 0 when none applies."""
        partner = self.commercial_partner_id
        if partner.retail_return_rate_limit:
            return (
                partner.retail_return_rate_limit,
                partner.retail_return_rate_action or "warn",
                partner.retail_return_rate_days or 90,
            )
        grade = partner.retail_grade_id
        return (
            grade.retail_return_rate_limit,
            grade.retail_return_rate_action,
            grade.retail_return_rate_days or 90,
        )
