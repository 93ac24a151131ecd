import calendar
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.tools import SQL


class RetailMemberBirthday(models.AbstractModel):
    """生日礼: the birthday coupons of members, issued by a daily job."""

    _name = "retail.member.birthday"
    _description = "Member Birthday Coupons"

    @api.model
    def _cron_issue_coupons(self):
        """Daily: members whose birthday comes within the company's days get their
        level's birthday coupon, once a year, valid until the end of the birthday month."""
        Grade = self.env["retail.customer.grade"]
        for company in self.env["res.company"].search([]):
            levels = Grade._retail_levels(company).filtered(
                "retail_birthday_program_id"
            )
            if levels:
                self.with_company(company)._issue_coupons(company, levels)

    @api.model
    def _issue_coupons(self, company, levels):
        today = fields.Date.context_today(self)
        days = [
            today + timedelta(days=n) for n in range(company.retail_birthday_days + 1)
        ]
        # the members of the levels born on one of those days (29 February: on 28 in
        # other years), who have no birthday coupon of that year yet
        self.env["res.partner"].flush_model(
            ["retail_birthday", "retail_grade_id", "active"]
        )
        self.env["loyalty.card"].flush_model(["partner_id", "retail_birthday_year"])
        month_days = {(d.month, d.day) for d in days}
        if (2, 28) in month_days and not calendar.isleap(today.year):
            month_days.add((2, 29))
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id, (p.retail_grade_id ->> %(company)s)::int
                  FROM res_partner p
                 WHERE p.active AND p.retail_birthday IS NOT NULL
                   AND (p.retail_grade_id ->> %(company)s)::int IN %(levels)s
                   AND (EXTRACT(MONTH FROM p.retail_birthday)::int,
                        EXTRACT(DAY FROM p.retail_birthday)::int) IN %(days)s
                """,
                company=str(company.id),
                levels=tuple(levels.ids),
                days=tuple(month_days),
            )
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return self.env["loyalty.card"]
        partners = self.env["res.partner"].browse(
            [partner_id for partner_id, _level in rows]
        )
        level_of = dict(rows)
        issued = {
            (card.partner_id.id, card.retail_birthday_year)
            for card in self.env["loyalty.card"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", partners.ids),
                    ("retail_birthday_year", "!=", False),
                    ("company_id", "in", (company.id, False)),
                ]
            )
        }
        values = []
        for partner in partners:
            birthday = self._next_birthday(partner.retail_birthday, today)
            if (partner.id, birthday.year) in issued:
                continue
            last_day = calendar.monthrange(birthday.year, birthday.month)[1]
            program = self.env["retail.customer.grade"].browse(level_of[partner.id])
            values.append(
                {
                    "program_id": program.retail_birthday_program_id.id,
                    "partner_id": partner.id,
                    "points": 1,
                    "expiration_date": date(birthday.year, birthday.month, last_day),
                    "retail_birthday_year": birthday.year,
                }
            )
        cards = self.env["loyalty.card"].sudo().create(values)
        if company.retail_sms_birthday:
            self._text_greetings(cards)
        return cards

    @api.model
    def _text_greetings(self, cards):
        """生日祝福: a text with the coupon, in the member's language."""
        texts = []
        for card in cards:
            env = self.with_context(lang=card.partner_id.lang).env
            texts.append(
                (
                    card.partner_id,
                    env._(
                        "Happy birthday, %(name)s! Your birthday coupon %(code)s is "
                        "valid until %(date)s.",
                        name=card.partner_id.name,
                        code=card.code,
                        date=card.expiration_date,
                    ),
                )
            )
        self.env["retail.member.sms"]._queue(texts)

    @api.model
    def _next_birthday(self, birthday, today):
        """The member's birthday on or after ``today`` (29 February: the 28th in other
        years)."""
        for year in (today.year, today.year + 1):
            day = birthday.day
            if (birthday.month, day) == (2, 29) and not calendar.isleap(year):
                day = 28
            candidate = date(year, birthday.month, day)
            if candidate >= today:
                return candidate
        return candidate
