from odoo import _, api, fields, models
from odoo.exceptions import UserError


class RetailPromotionCouponIssue(models.TransientModel):
    """发券 to a segment: the customers chosen in a list (contacts filtered by level,
    store, tag..., or a segment of the customer analysis) get one coupon each of a
    coupon promotion, and a text with its code when asked."""

    _name = "retail.promotion.coupon.issue"
    _description = "Issue Coupons to Customers"

    promotion_id = fields.Many2one(
        comodel_name="retail.promotion",
        string="Coupon Promotion",
        required=True,
        domain="[('promotion_type', '=', 'coupon'), ('date_end', '>=', "
        "context_today().strftime('%Y-%m-%d'))]",
    )
    partner_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Customers",
        default=lambda self: self._default_partners(),
    )
    text_ok = fields.Boolean(
        string="Text the Codes (SMS)",
        help="Open the SMS composer for the coupons issued: one text per customer with "
        "its code, through the company's SMS gateway; numbers that opted out are "
        "skipped.",
    )

    @api.model
    def _default_partners(self):
        if self.env.context.get("active_model") == "res.partner":
            return self.env["res.partner"].browse(self.env.context.get("active_ids"))
        return self.env["res.partner"]

    def action_issue(self):
        self.ensure_one()
        promotion = self.promotion_id
        if promotion.promotion_type != "coupon" or promotion.state == "ended":
            raise UserError(
                _(
                    "Promotion “%(name)s” gives no coupons now.",
                    name=promotion.name,
                )
            )
        customers = self.partner_ids.commercial_partner_id
        if not customers:
            raise UserError(_("Choose the customers who get a coupon."))
        # the issuer may change the promotion: a store manager, their own stores
        promotion.check_access("write")
        promotion._retail_check_stores()
        cards = promotion._retail_issue_coupons(customers)
        if self.text_ok and cards:
            return promotion._retail_text_coupons_action(cards)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "%(count)s coupons issued (%(holders)s customers already held one).",
                    count=len(cards),
                    holders=len(customers) - len(cards),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
