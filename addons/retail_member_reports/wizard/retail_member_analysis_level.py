from odoo import fields, models
from odoo.tools import SQL


class RetailMemberAnalysisLevel(models.TransientModel):
    _name = "retail.member.analysis.level"
    _description = "Member Analysis: Members per Level and Store"
    _order = "level_sequence, level_id, warehouse_id, id"

    analysis_id = fields.Many2one(
        "retail.member.analysis", required=True, ondelete="cascade"
    )
    level_id = fields.Many2one("retail.customer.grade", string="Member Level")
    level_sequence = fields.Integer()
    warehouse_id = fields.Many2one("stock.warehouse", string="Store")
    members = fields.Integer()
    new_members = fields.Integer(help="Registered in the period.")

    def _rows(self, analysis):
        """Dicts of level_id, level_sequence, warehouse_id, members, new_members: the
        company's members (commercial partners whose grade there is a member level)
        registered by the end of the period, per level and store (the store of the
        user who registered them)."""
        start, end = analysis._sql_bounds()
        company = analysis.company_id.id
        self.env.cr.execute(
            SQL(
                """
                WITH user_store AS (%(user_store)s),
                members AS (
                    SELECT grade.id AS level_id,
                           grade.sequence AS level_sequence,
                           user_store.warehouse_id,
                           partner.create_date
                      FROM res_partner partner
                      JOIN retail_customer_grade grade
                        ON grade.id = (partner.retail_grade_id->>%(company_key)s)::integer
                 LEFT JOIN user_store ON user_store.user_id = partner.create_uid
                     WHERE partner.active
                       AND partner.id = partner.commercial_partner_id
                       AND (partner.company_id IS NULL
                            OR partner.company_id = %(company)s)
                       AND grade.retail_member_level
                       AND grade.company_id = %(company)s
                       AND partner.create_date < %(end)s
                )
                SELECT level_id, level_sequence, warehouse_id,
                       COUNT(*) AS members,
                       COUNT(*) FILTER (WHERE create_date >= %(start)s) AS new_members
                  FROM members
                 WHERE %(stores)s
              GROUP BY level_id, level_sequence, warehouse_id
              ORDER BY level_sequence, level_id, warehouse_id
                """,
                user_store=analysis._user_store_query(),
                company_key=str(company),
                company=company,
                start=start,
                end=end,
                stores=analysis._store_filter(SQL("warehouse_id")),
            )
        )
        return self.env.cr.dictfetchall()
