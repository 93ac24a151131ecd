from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class RetailCustomerGrade(models.Model):
    """A member level (会员等级: 普通会员, 银卡, 金卡, 钻石卡) is a customer grade that
    members reach by what they buy: its pricelist is the level's member price (会员价),
    and the thresholds say what it takes. One concept: a grade without the flag is set by
    hand (批发一级, 加盟店...) and never moved by the review."""

    _inherit = "retail.customer.grade"

    retail_member_level = fields.Boolean(
        string="Member Level",
        help="Members reach and leave this grade by what they buy: the level review moves "
        "them up at once and down nightly, after the company's grace days.",
    )
    retail_level_spend = fields.Monetary(
        string="Spend Threshold",
        currency_field="retail_currency_id",
        help="Spend of the last 12 months (wholesale orders and the tills' sales, tax "
        "included, refunds deducted) that reaches this level.",
    )
    retail_level_points = fields.Float(
        string="Points Threshold",
        help="Points on the member's loyalty card that reach this level too; 0: the "
        "level is reached by spend only.",
    )
    retail_points_multiplier = fields.Float(
        string="Points Multiplier",
        default=1.0,
        digits=(16, 2),
        help="Members of this level earn their loyalty points (积分) times this, at the "
        "till and on orders: 1.5 gives 150 points where others get 100.",
    )
    retail_birthday_program_id = fields.Many2one(
        comodel_name="loyalty.program",
        string="Birthday Coupon",
        check_company=True,
        domain="[('program_type', '=', 'coupons')]",
        help="The coupon program whose coupon members of this level get for their "
        "birthday (生日礼), usable once at any store until the end of the birthday month.",
    )
    retail_member_day = fields.Selection(
        selection=[
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        string="Member Day",
        help="会员日: on this weekday the level's members buy at the member day "
        "pricelist, at the tills and on orders.",
    )
    retail_member_day_pricelist_id = fields.Many2one(
        comodel_name="product.pricelist",
        string="Member Day Pricelist",
        domain="[('company_id', 'in', (company_id, False))]",
        help="The level's prices on its member day, e.g. a pricelist based on the "
        "level's with 5 % more off.",
    )
    retail_currency_id = fields.Many2one(related="company_id.currency_id")

    @api.constrains(
        "retail_level_spend",
        "retail_level_points",
        "retail_member_level",
        "retail_points_multiplier",
    )
    def _check_retail_level_thresholds(self):
        for grade in self.filtered("retail_member_level"):
            if grade.retail_level_spend < 0 or grade.retail_level_points < 0:
                raise ValidationError(
                    _(
                        "The thresholds of the member level %(level)s cannot be negative.",
                        level=grade.display_name,
                    )
                )
            if grade.retail_points_multiplier <= 0:
                raise ValidationError(
                    _(
                        "The points multiplier of the member level %(level)s must be "
                        "above 0 (it is %(multiplier)s).",
                        level=grade.display_name,
                        multiplier=grade.retail_points_multiplier,
                    )
                )
        levels = self.search(
            [
                ("retail_member_level", "=", True),
                ("company_id", "in", self.company_id.ids),
            ]
        )
        for company_levels in levels.grouped("company_id").values():
            spends = company_levels.mapped("retail_level_spend")
            if len(set(spends)) < len(spends):
                raise ValidationError(
                    _(
                        "Two member levels of %(company)s have the same spend threshold "
                        "(%(levels)s): each level needs its own.",
                        company=company_levels.company_id.display_name,
                        levels=", ".join(company_levels.mapped("display_name")),
                    )
                )

    @api.model
    def _retail_levels(self, company):
        """The company's active member levels, lowest first."""
        return self.search(
            [("retail_member_level", "=", True), ("company_id", "=", company.id)]
        ).sorted(lambda level: (level.retail_level_spend, level.retail_level_points))

    def _retail_level_for(self, spend, points):
        """The highest of the levels ``self`` (lowest first) that spend or points
        reach; the lowest level when none is."""
        reached = self[:1]
        for level in self:
            if spend >= level.retail_level_spend or (
                level.retail_level_points and points >= level.retail_level_points
            ):
                reached = level
        return reached

    @api.constrains("retail_birthday_program_id")
    def _check_retail_birthday_program(self):
        for grade in self:
            program = grade.retail_birthday_program_id
            if program and program.program_type != "coupons":
                raise ValidationError(
                    _(
                        "The birthday coupon of %(level)s must be a coupon program; "
                        "%(program)s is not.",
                        level=grade.display_name,
                        program=program.display_name,
                    )
                )

    @api.constrains("retail_member_day", "retail_member_day_pricelist_id")
    def _check_retail_member_day(self):
        for grade in self:
            if bool(grade.retail_member_day) != bool(
                grade.retail_member_day_pricelist_id
            ):
                raise ValidationError(
                    _(
                        "The member day of %(level)s needs both a weekday and a "
                        "pricelist.",
                        level=grade.display_name,
                    )
                )

    def _retail_member_day_pricelist(self, day):
        """The pricelist of the level's members on ``day`` (a date) when it is the
        level's member day (会员日); no pricelist otherwise."""
        self.ensure_one()
        pricelist = self.retail_member_day_pricelist_id
        if (
            self.retail_member_level
            and day
            and self.retail_member_day == str(day.weekday())
            and pricelist.active
        ):
            return pricelist
        return pricelist.browse()

    @api.model
    def _grade_pricelists(self, partners):
        """On their level's member day, members buy at its member day pricelist."""
        result = super()._grade_pricelists(partners)
        today = fields.Date.context_today(self)
        for partner in partners:
            if partner.id in result and (
                pricelist := partner.retail_grade_id._retail_member_day_pricelist(today)
            ):
                result[partner.id] = pricelist
        return result

    def _retail_offered_pricelists(self):
        return (
            super()._retail_offered_pricelists()
            | self.filtered("retail_member_level").retail_member_day_pricelist_id
        )
