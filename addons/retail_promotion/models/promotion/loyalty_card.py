from datetime import timedelta

from odoo import _, api, fields, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    @api.model
    def mail_allowed_qweb_expressions(self):
        """A coupon's text (短信发券), which store managers send without being template
        editors, names its code and validity."""
        return (
            *super().mail_allowed_qweb_expressions(),
            "object.code",
            "object.expiration_date",
        )

    @api.model_create_multi
    def create(self, vals_list):
        cards = super().create(vals_list)
        cards._retail_promotion_expiry()
        return cards

    def _retail_promotion_expiry(self):
        """满额送券: a coupon given with an order is valid for its promotion's days from
        the day it is given, never beyond the promotion's end (its program ends then,
        at the tills and on orders)."""
        given = self.filtered(
            lambda card: (
                not card.expiration_date
                and card.program_id.program_type == "next_order_coupons"
            )
        )
        if not given:
            return
        today = fields.Date.context_today(self)
        for card in given:
            promotion = card.program_id.sudo().retail_promotion_id
            if not promotion:
                continue
            end = promotion.date_end
            if promotion.coupon_validity_days:
                end = min(end, today + timedelta(days=promotion.coupon_validity_days))
            card.expiration_date = end

    @api.model
    def _retail_other_company_error(self, code, company):
        """The error of a promotion's coupon of another company used in ``company``
        (core only says the code is invalid), or False."""
        card = self.sudo().search(
            [("code", "=", code), ("company_id", "not in", [company.id, False])],
            limit=1,
        )
        promotion = card.program_id.retail_promotion_id
        if not promotion:
            return False
        return _(
            "Coupon %(code)s is a coupon of promotion “%(promotion)s” of "
            "%(company)s: it cannot be used in %(here)s.",
            code=code,
            promotion=promotion.name,
            company=card.company_id.name,
            here=company.name,
        )
