from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class RetailCustomerGrade(models.Model):
    """客户等级: a grade gives its customers a pricelist (零售, 批发一级, VIP, 加盟店...)."""

    _name = "retail.customer.grade"
    _inherit = ["retail.company.mixin", "retail.return.rate.mixin"]
    _description = "Customer Grade"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code used in imports and exports, e.g. W1.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    pricelist_id = fields.Many2one(
        comodel_name="product.pricelist",
        required=True,
        check_company=True,
        ondelete="restrict",
        help="Customers of this grade buy at this pricelist, in sale orders and at the "
        "point of sale. Changing it changes the price of every customer of the grade.",
    )
    partner_count = fields.Integer(compute="_compute_partner_count", string="Customers")

    _sql_constraints = [
        (
            "code_company_unique",
            "unique (code, company_id)",
            "Another grade of this company already has this code.",
        ),
    ]

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]
            .with_context(active_test=False)
            ._read_group(
                [("retail_grade_id", "in", self.ids)], ["retail_grade_id"], ["__count"]
            )
        )
        for grade in self:
            grade.partner_count = counts.get(grade, 0)

    def action_view_partners(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "name": self.display_name,
            "view_mode": "list,form",
            "domain": [("retail_grade_id", "=", self.id)],
            "context": {"default_retail_grade_id": self.id},
        }

    def _retail_offered_pricelists(self):
        """The pricelists the grades give their customers (the till loads them all, so
        that a customer's price is there even when it is not among the till's)."""
        return self.pricelist_id

    @api.model
    def _grade_pricelists(self, partners):
        """{partner id: pricelist} for the partners whose grade sets one."""
        return {
            partner.id: partner.retail_grade_id.pricelist_id
            for partner in partners
            if partner.retail_grade_id.active
            and partner.retail_grade_id.company_id == self.env.company
            and partner.retail_grade_id.pricelist_id.active
        }

    retail_return_rate_action = fields.Selection(required=True)

    @api.constrains("retail_return_rate_limit", "retail_return_rate_days")
    def _check_retail_return_rate(self):
        for grade in self:
            if grade.retail_return_rate_limit < 0 or grade.retail_return_rate_days < 1:
                raise ValidationError(
                    _(
                        "The return rate limit of %(grade)s cannot be negative and its "
                        "period must be at least one day.",
                        grade=grade.display_name,
                    )
                )
