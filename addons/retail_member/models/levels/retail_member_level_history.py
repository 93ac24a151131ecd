from odoo import fields, models


class RetailMemberLevelHistory(models.Model):
    """会员等级变动: each change of a member's level, with what it was based on."""

    _name = "retail.member.level.history"
    _description = "Member Level Change"
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(comodel_name="res.company", required=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    old_grade_id = fields.Many2one(
        comodel_name="retail.customer.grade", string="From", ondelete="set null"
    )
    new_grade_id = fields.Many2one(
        comodel_name="retail.customer.grade", string="To", ondelete="set null"
    )
    direction = fields.Selection(
        selection=[("up", "Up"), ("down", "Down"), ("set", "Set")], required=True
    )
    reason = fields.Selection(
        selection=[
            ("purchase", "Purchase"),
            ("review", "Nightly review"),
            ("manual", "Set by hand"),
            ("registration", "Registration"),
        ],
        required=True,
    )
    spend = fields.Monetary(
        string="Spend (12 months)",
        currency_field="currency_id",
        help="The member's spend of the last 12 months when the level changed.",
    )
    points = fields.Float(help="The member's loyalty points when the level changed.")
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        comodel_name="res.users", string="By", default=lambda self: self.env.user
    )
