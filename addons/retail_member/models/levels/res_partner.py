from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# a level is measured on the spend of this many days
LEVEL_PERIOD_DAYS = 365
# the fields of a member's phone numbers, shown masked to the roles that do not serve
# members (keepers, buyers, accountants)
PHONE_FIELDS = ("phone", "mobile")


def mask_phone(number):
    """139****5678 for 13912345678: the first three and last four characters kept."""
    number = (number or "").strip()
    if len(number) < 8:
        return "*" * len(number)
    return f"{number[:3]}{'*' * (len(number) - 7)}{number[-4:]}"


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_birthday = fields.Date(
        string="Birthday",
        help="The member's birthday (生日): their level's birthday coupon comes before it.",
    )
    retail_level_below_since = fields.Date(
        string="Below Level Since",
        company_dependent=True,
        copy=False,
        help="Since when the member's spend of the last 12 months is below their level; "
        "the nightly review moves them down once the company's grace days have passed.",
    )
    retail_member_level = fields.Boolean(
        related="retail_grade_id.retail_member_level", string="Is a Member"
    )
    retail_level_history_ids = fields.One2many(
        comodel_name="retail.member.level.history",
        inverse_name="partner_id",
        string="Level Changes",
    )
    retail_member_spend = fields.Monetary(
        string="Spend (12 months)",
        compute="_compute_retail_member_spend",
        help="What the member bought in the last 12 months in this company, tax "
        "included, refunds deducted: what their level is measured on.",
    )

    def _compute_retail_member_spend(self):
        company = self.env.company
        spend = self._retail_member_spend(company, self._retail_level_period_start())
        for partner in self:
            partner.retail_member_spend = spend.get(
                partner.commercial_partner_id.id, 0.0
            )

    @api.model
    def _retail_level_period_start(self):
        return fields.Datetime.now() - timedelta(days=LEVEL_PERIOD_DAYS)

    def _retail_member_spend(self, company, since):
        """{commercial partner id: spend since ``since`` in ``company``}, in the
        company's currency, tax included: the confirmed sale orders less their posted
        credit notes. The till's addon adds the tills' paid orders (refunds negative)."""
        partner_ids = tuple(self.commercial_partner_id.ids)
        if not partner_ids:
            return {}
        self.env["sale.order"].flush_model(
            ["partner_id", "state", "company_id", "date_order", "amount_total"]
        )
        self.env["account.move"].flush_model(
            ["commercial_partner_id", "move_type", "state", "amount_total_signed"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT p.commercial_partner_id,
                       SUM(so.amount_total / COALESCE(NULLIF(so.currency_rate, 0), 1))
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.state = 'sale' AND so.company_id = %(company)s
                   AND so.date_order >= %(since)s
                   AND p.commercial_partner_id IN %(partners)s
                 GROUP BY 1
                UNION ALL
                SELECT m.commercial_partner_id, SUM(m.amount_total_signed)
                  FROM account_move m
                 WHERE m.move_type = 'out_refund' AND m.state = 'posted'
                   AND m.company_id = %(company)s AND m.invoice_date >= %(since)s::date
                   AND m.commercial_partner_id IN %(partners)s
                   AND EXISTS (
                       SELECT 1 FROM account_move_line l
                         JOIN sale_order_line_invoice_rel r ON r.invoice_line_id = l.id
                        WHERE l.move_id = m.id)
                 GROUP BY 1
                """,
                company=company.id,
                since=since,
                partners=partner_ids,
            )
        )
        spend = defaultdict(float)
        for partner_id, amount in self.env.cr.fetchall():
            spend[partner_id] += amount or 0.0
        return spend

    def _retail_points_multiplier(self):
        """What the member's level multiplies their loyalty points by, in the current
        company (1 for customers without a member level)."""
        grade = self.commercial_partner_id.retail_grade_id
        return grade.retail_member_level and grade.retail_points_multiplier or 1.0

    def _retail_member_points(self, company):
        """{partner id: points on their loyalty cards (积分) in ``company``}."""
        groups = (
            self.env["loyalty.card"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("program_id.program_type", "=", "loyalty"),
                    ("company_id", "in", (company.id, False)),
                ],
                ["partner_id"],
                ["points:sum"],
            )
        )
        return {partner.id: points for partner, points in groups}

    @api.model
    def _retail_cron_review_member_levels(self):
        """Nightly: every member of every company with levels, up and down."""
        Grade = self.env["retail.customer.grade"]
        for company in self.env["res.company"].search([]):
            levels = Grade._retail_levels(company)
            if levels:
                members = self.with_company(company).search(
                    [("retail_grade_id", "in", levels.ids)]
                )
                members._retail_review_levels(company, levels, "review")

    def _retail_upgrade_members(self, company):
        """After a purchase: the buyers among ``self`` who are members move up at once
        when their spend reaches a higher level. Returns the members who moved."""
        if not self:
            return self
        levels = self.env["retail.customer.grade"]._retail_levels(company)
        members = self.commercial_partner_id.with_company(company)
        members = members.filtered(lambda partner: partner.retail_grade_id in levels)
        if not members:
            return self.browse()
        return members._retail_review_levels(company, levels, "purchase")

    def _retail_review_levels(self, company, levels, reason):
        """Moves the members ``self`` (of ``company``, at one of ``levels``) to the
        level their spend or points reach: up at once; down only on the nightly review,
        after the company's grace days below their level. Returns those who moved."""
        members = self.with_company(company).sudo()
        spend = members._retail_member_spend(company, self._retail_level_period_start())
        points = {}
        if any(levels.mapped("retail_level_points")):
            points = members._retail_member_points(company)
        today = fields.Date.context_today(self)
        grace = timedelta(days=company.retail_member_grace_days)
        rank = {level: index for index, level in enumerate(levels)}
        moves = defaultdict(members.browse)
        below = clear = members.browse()
        for member in members:
            current = member.retail_grade_id
            target = levels._retail_level_for(
                spend.get(member.id, 0.0), points.get(member.id, 0.0)
            )
            if rank[target] > rank[current]:
                moves[target] |= member
            elif rank[target] < rank[current] and reason == "review":
                since = member.retail_level_below_since
                if not since:
                    below |= member
                elif since + grace <= today:
                    moves[target] |= member
            elif rank[target] >= rank[current] and member.retail_level_below_since:
                clear |= member
        below.write({"retail_level_below_since": today})
        moved = members.browse()
        history = []
        for target, partners in moves.items():
            for partner in partners:
                current = partner.retail_grade_id
                history.append(
                    {
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "old_grade_id": current.id,
                        "new_grade_id": target.id,
                        "direction": "up" if rank[target] > rank[current] else "down",
                        "reason": reason,
                        "spend": spend.get(partner.id, 0.0),
                        "points": points.get(partner.id, 0.0),
                        "user_id": self.env.user.id,
                    }
                )
            partners.with_context(retail_level_review=True).write(
                {"retail_grade_id": target.id, "retail_level_below_since": False}
            )
            moved |= partners
        (clear - moved).write({"retail_level_below_since": False})
        self.env["retail.member.level.history"].sudo().create(history)
        return moved.with_env(self.env)

    @api.model_create_multi
    def create(self, vals_list):
        """A member registered at the till (or with the same context): a mobile
        number no other customer has, and the company's lowest level."""
        if not self.env.context.get("retail_member_registration"):
            return super().create(vals_list)
        entry = self.env["retail.customer.grade"]._retail_levels(self.env.company)[:1]
        if not entry:  # a company without member levels registers customers as core
            return super().create(vals_list)
        self._retail_check_new_member_phones(vals_list)
        for vals in vals_list:
            if not vals.get("retail_grade_id"):
                vals["retail_grade_id"] = entry.id
        partners = super(
            ResPartner, self.with_context(retail_level_review=True)
        ).create(vals_list)
        self.env["retail.member.level.history"].sudo().create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": self.env.company.id,
                    "new_grade_id": partner.retail_grade_id.id,
                    "direction": "set",
                    "reason": "registration",
                }
                for partner in partners
                if partner.retail_grade_id.retail_member_level
            ]
        )
        # the member's card number (电子会员卡), scanned at the till
        self.env["retail.member.card"]._ensure_codes(partners)
        return partners.with_env(self.env)

    def action_retail_member_card(self):
        """The member's e-member card page, as the member sees it from its link."""
        self.ensure_one()
        Card = self.env["retail.member.card"]
        Card._ensure_codes(self)
        return {"type": "ir.actions.act_url", "url": Card._url(self), "target": "new"}

    def _retail_check_new_member_phones(self, vals_list):
        phones = []
        for vals in vals_list:
            phone = (vals.get("mobile") or vals.get("phone") or "").replace(" ", "")
            if not phone:
                raise ValidationError(
                    _(
                        "A new member needs a mobile number: %(name)s has none.",
                        name=vals.get("name") or "",
                    )
                )
            phones.append(phone)
        taken = (
            self.sudo()
            .with_context(active_test=False)
            .search(["|", ("mobile", "in", phones), ("phone", "in", phones)], limit=1)
        )
        if taken or len(set(phones)) < len(phones):
            phone = taken and (taken.mobile if taken.mobile in phones else taken.phone)
            raise ValidationError(
                _(
                    "The mobile number %(phone)s is already registered (%(partner)s): "
                    "find that customer instead of registering them again.",
                    phone=phone or phones[0],
                    partner=taken.display_name or "",
                )
            )

    def _retail_masks_member_phones(self):
        """Whether the user sees members' phone numbers masked: roles that serve
        members (cashiers, store managers, sales staff, administrators) see them."""
        user = self.env.user
        return not (
            self.env.su
            or user._is_system()
            or user.has_group("retail_wholesale.retail_wholesale_group_cashier")
            or user.has_group("sales_team.group_sale_salesman")
        )

    def _read_format(self, fnames, load="_classic_read"):
        """Members' phone numbers (会员手机号) read masked by the roles that do not
        serve them; the code of the server (texts, searches) reads them whole."""
        result = super()._read_format(fnames, load=load)
        wanted = [name for name in PHONE_FIELDS if name in fnames]
        if not wanted or not result or not self._retail_masks_member_phones():
            return result
        members = {
            partner.id
            for partner in self.sudo()
            if partner.commercial_partner_id.retail_grade_id.retail_member_level
        }
        for values in result:
            if values["id"] in members:
                for name in wanted:
                    if values.get(name):
                        values[name] = mask_phone(values[name])
        return result

    def write(self, vals):
        # a masked number sent back as it was shown is not a new number
        for name in PHONE_FIELDS:
            if (
                name in vals
                and "*" in (vals[name] or "")
                and len(self) == 1
                and vals[name] == mask_phone(self.sudo()[name])
            ):
                vals = {key: value for key, value in vals.items() if key != name}
        if "retail_grade_id" not in vals or self.env.context.get("retail_level_review"):
            return super().write(vals)
        before = {partner: partner.retail_grade_id for partner in self}
        result = super().write(vals)
        history = [
            {
                "partner_id": partner.id,
                "company_id": self.env.company.id,
                "old_grade_id": old.id,
                "new_grade_id": partner.retail_grade_id.id,
                "direction": "set",
                "reason": "manual",
            }
            for partner, old in before.items()
            if partner == partner.commercial_partner_id
            and old != partner.retail_grade_id
            and (old | partner.retail_grade_id).filtered("retail_member_level")
        ]
        if history:
            self.env["retail.member.level.history"].sudo().create(history)
        return result
