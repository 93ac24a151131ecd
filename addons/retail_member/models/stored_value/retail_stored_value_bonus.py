from odoo import api, fields, models
from odoo.exceptions import ValidationError


class RetailStoredValueBonus(models.Model):
    """充值赠送: a top-up of at least an amount gives the member a bonus on their stored
    value card, for the members of some levels or all, always or during a campaign.

    The bonus is not paid: it is not on the 预收账款. The card keeps its bonus part
    (``loyalty.card.retail_stored_value_bonus``); spending takes the paid and bonus
    parts in proportion, and the bonus part spent is booked as a discount on the
    sales (小企业会计准则: a commercial discount reduces the revenue)."""

    _name = "retail.stored.value.bonus"
    _description = "Stored Value Top-up Bonus"
    _order = "company_id, amount_min desc, id"

    name = fields.Char(required=True, translate=True, help="e.g. 充1000送100")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_min = fields.Monetary(
        string="Top-up of at Least",
        required=True,
        help="The bonus is given for a top-up of this amount or more; of the rules a "
        "top-up reaches, the one of the highest amount gives its bonus.",
    )
    bonus = fields.Monetary(required=True)
    grade_ids = fields.Many2many(
        "retail.customer.grade",
        string="Member Levels",
        domain="[('retail_member_level', '=', True), ('company_id', 'in', "
        "[company_id, False])]",
        help="The levels whose members get the bonus; none: every member.",
    )
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To", help="The campaign's last day (included).")

    @api.constrains("amount_min", "bonus", "date_from", "date_to")
    def _check_amounts(self):
        for rule in self:
            if rule.currency_id.compare_amounts(rule.amount_min, 0.0) <= 0:
                raise ValidationError(
                    self.env._(
                        "Top-up bonus %(rule)s: the top-up of at least %(amount)s must "
                        "be a positive amount.",
                        rule=rule.name,
                        amount=rule.amount_min,
                    )
                )
            if rule.currency_id.compare_amounts(rule.bonus, 0.0) <= 0:
                raise ValidationError(
                    self.env._(
                        "Top-up bonus %(rule)s: the bonus %(bonus)s must be a positive "
                        "amount.",
                        rule=rule.name,
                        bonus=rule.bonus,
                    )
                )
            if rule.date_from and rule.date_to and rule.date_from > rule.date_to:
                raise ValidationError(
                    self.env._(
                        "Top-up bonus %(rule)s ends on %(to)s, before it starts "
                        "(%(start)s).",
                        rule=rule.name,
                        to=rule.date_to,
                        start=rule.date_from,
                    )
                )

    @api.model
    def _retail_bonuses(self, top_ups):
        """The bonus of each top-up: ``top_ups`` is a list of (company, member, amount,
        date); one search for all of them."""
        wanted = [item for item in top_ups if item[2] > 0]
        if not wanted:
            return [0.0] * len(top_ups)
        rules = self.sudo().search(
            [("company_id", "in", list({item[0].id for item in wanted}))]
        )
        return [self._retail_bonus(rules, *item) for item in top_ups]

    def _retail_bonus(self, rules, company, member, amount, date):
        grade = member.commercial_partner_id.retail_grade_id
        for rule in rules:  # the highest amount first
            if (
                rule.company_id == company
                and company.currency_id.compare_amounts(amount, rule.amount_min) >= 0
                and (not rule.grade_ids or grade in rule.grade_ids)
                and (not rule.date_from or rule.date_from <= date)
                and (not rule.date_to or date <= rule.date_to)
            ):
                return rule.bonus
        return 0.0

    @api.model
    def _retail_bonus_spent(self, currency, balance, bonus, spent):
        """The bonus part of ``spent`` taken off a card holding ``balance`` of which
        ``bonus`` was given: the paid and bonus parts are spent in proportion."""
        if currency.compare_amounts(balance, 0.0) <= 0 or bonus <= 0:
            return 0.0
        return min(bonus, currency.round(spent * bonus / balance))

    @api.model
    def _retail_discount_lines(self, company, amount, label):
        """The journal items of ``amount`` of bonus spent: the 预收账款 had the whole
        payment with the card; its bonus part is a discount on the sales (the
        income account of the company's product categories,
        主营业务收入), as it was never paid."""
        income = self.env["account.account"].browse(
            self.env["ir.default"]
            .sudo()
            ._get(
                "product.category",
                "property_account_income_categ_id",
                company_id=company.id,
            )
        )
        liability = company._retail_stored_value_account()
        if not income or not liability or company.currency_id.is_zero(amount):
            return []
        return [
            {"name": label, "account_id": income.id, "debit": max(amount, 0.0),
             "credit": max(-amount, 0.0)},
            {"name": label, "account_id": liability.id, "debit": max(-amount, 0.0),
             "credit": max(amount, 0.0)},
        ]  # fmt: skip
