from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_is_zero


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "retail.return.rate.mixin"]

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
        help="退货率上限 of this customer, instead of its grade's. 0: the grade's limit.",
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

    def _retail_sold_and_returned(self, days):
        """(value sold, value returned) of this commercial partner over the last
        ``days`` days, untaxed: the goods delivered to them and returned by them with
        their sale orders, at the prices of the sale lines. Extended by the point of
        sale with its sales and refunds."""
        self.ensure_one()
        Move = self.env["stock.move"].sudo()
        domain = [
            ("state", "=", "done"),
            ("date", ">=", fields.Datetime.now() - timedelta(days=days)),
            ("sale_line_id.order_id.partner_id", "child_of", self.id),
        ]
        delivered = Move._read_group(
            domain
            + [
                ("location_dest_id.usage", "=", "customer"),
                ("location_id.usage", "!=", "customer"),
            ],
            ["sale_line_id"],
            ["quantity:sum"],
        )
        returned = Move._read_group(
            domain
            + [
                ("location_id.usage", "=", "customer"),
                ("origin_returned_move_id", "!=", False),
            ],
            ["sale_line_id"],
            ["quantity:sum"],
        )
        sold = sum(line.price_reduce_taxexcl * qty for line, qty in delivered)
        back = sum(line.price_reduce_taxexcl * qty for line, qty in returned)
        return sold, back

    def _retail_return_rate_excess(self, more_returned=0.0):
        """When this customer's return rate (退货率 = value returned / value sold over
        the period of their limit, counting ``more_returned`` not recorded yet) is
        above their limit: {"partner", "rate", "limit", "days", "action"}; else
        None. Nothing is returned, nothing is over."""
        partner = self.commercial_partner_id.sudo()
        limit, action, days = partner._retail_return_rate_policy()
        if not limit:
            return None
        sold, back = partner._retail_sold_and_returned(days)
        back += more_returned
        currency = (self.env.company or partner.company_id).currency_id
        if float_is_zero(back, precision_rounding=currency.rounding):
            return None
        rate = 100.0 * back / sold if sold else 100.0
        if rate <= limit:
            return None
        return {
            "partner": partner.display_name,
            "rate": f"{rate:.1f}",
            "limit": f"{limit:g}",
            "days": days,
            "action": action,
        }
