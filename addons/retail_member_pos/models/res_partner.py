from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.retail_pos_ext.models.pos_order import POS_SOLD_STATES


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_points_multiplier = fields.Float(
        string="Points Multiplier",
        compute="_compute_retail_member_level_name",
        help="What the member's level multiplies their loyalty points by, for the till.",
    )
    retail_member_level_name = fields.Char(
        string="Member Level",
        compute="_compute_retail_member_level_name",
        help="The member's level (会员等级) in the current company, for the till.",
    )

    @api.depends_context("company")
    def _compute_retail_member_level_name(self):
        for partner in self:
            grade = partner.retail_grade_id
            partner.retail_member_level_name = (
                grade.retail_member_level and grade.name or False
            )
            partner.retail_points_multiplier = partner._retail_points_multiplier()

    @api.model
    def _load_pos_data_fields(self, config_id):
        return super()._load_pos_data_fields(config_id) + [
            "retail_member_level_name",
            "retail_points_multiplier",
        ]

    def _retail_member_spend(self, company, since):
        """Adds the tills' sold orders, tax included; a refund is an order of negative
        amount, so it is deducted."""
        spend = super()._retail_member_spend(company, since)
        partner_ids = tuple(self.commercial_partner_id.ids)
        if not partner_ids:
            return spend
        self.env["pos.order"].flush_model(
            ["partner_id", "state", "company_id", "date_order", "amount_total"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT p.commercial_partner_id, SUM(o.amount_total)
                  FROM pos_order o
                  JOIN res_partner p ON p.id = o.partner_id
                 WHERE o.state IN %(states)s AND o.company_id = %(company)s
                   AND o.date_order >= %(since)s
                   AND p.commercial_partner_id IN %(partners)s
                 GROUP BY 1
                """,
                states=POS_SOLD_STATES,
                company=company.id,
                since=since,
                partners=partner_ids,
            )
        )
        for partner_id, amount in self.env.cr.fetchall():
            spend[partner_id] += amount or 0.0
        return spend
