from odoo import _, fields, models
from odoo.exceptions import UserError


class RetailPromotionCoupons(models.AbstractModel):
    """A coupon promotion's coupons (优惠券): what one takes off and from which amount,
    how they are given (发券 to customers of grades or levels or to a segment chosen in
    a list; 满额送券 with orders, for the next visit), their texts (SMS): the part of
    ``retail.promotion`` that hands coupons out."""

    _name = "retail.promotion.coupons"
    _description = "Promotion Coupons"

    # the promotion's company currency (``retail.promotion`` relates it)
    currency_id = fields.Many2one("res.currency")
    coupon_discount = fields.Monetary(
        string="Coupon Value",
        help="Amount one coupon takes off an order.",
    )
    coupon_threshold = fields.Monetary(
        string="Usable From",
        help="满X可用: order amount, taxes included, from which a coupon can be used.",
    )
    coupon_issue = fields.Selection(
        selection=[
            ("grades", "To Customers of Grades or Levels (发券)"),
            ("till", "With Orders, for the Next Visit (满额送券)"),
        ],
        string="Coupons Given",
        default="grades",
        required=True,
        help="发券: head office or the store hands a coupon to each customer of the "
        "chosen grades or member levels. 满额送券: an order from an amount gets a "
        "coupon for the next visit, printed on the till's receipt as a QR code.",
    )
    coupon_given_from = fields.Monetary(
        string="Given From",
        help="满X送券: order amount, taxes included, from which an order gets a coupon.",
    )
    coupon_validity_days = fields.Integer(
        string="Valid for (Days)",
        default=30,
        help="Days a coupon given with an order can be used, from the day it is given "
        "(never beyond the promotion's end); 0 until the promotion ends.",
    )
    coupon_count = fields.Integer(string="Coupons", compute="_compute_coupon_count")

    def _compute_coupon_count(self):
        counts = dict(
            self.env["loyalty.card"]
            .sudo()
            ._read_group(
                [("program_id.retail_promotion_id", "in", self.ids)],
                ["program_id"],
                ["__count"],
            )
        )
        for promotion in self:
            promotion.coupon_count = sum(
                count
                for program, count in counts.items()
                if program.retail_promotion_id == promotion
            )

    def action_issue_coupons(self):
        """优惠券发放: one coupon to each customer of the promotion's grades or member
        levels who holds none of it yet, valid until the promotion ends."""
        self.ensure_one()
        if self.promotion_type != "coupon":
            raise UserError(_("Promotion “%(name)s” gives no coupons.", name=self.name))
        if not self.grade_ids:
            raise UserError(
                _(
                    "Promotion “%(name)s”: choose the customer grades or member levels "
                    "whose customers get a coupon.",
                    name=self.name,
                )
            )
        # the issuer may change the promotion: a store manager, their own stores
        self.check_access("write")
        self._retail_check_stores()
        issued = self._retail_issue_coupons(
            self.env["res.partner"].search(
                [("retail_grade_id", "in", self.grade_ids.ids)]
            )
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("%(count)s coupons issued.", count=len(issued)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _retail_issue_coupons(self, partners):
        """Coupons of the promotion for ``partners`` who hold none: the cards created."""
        self.ensure_one()
        program = self.program_ids.filtered(
            lambda p: p.active and p.program_type in ("coupons", "next_order_coupons")
        )[:1]
        if not program:
            return self.env["loyalty.card"]
        Card = self.env["loyalty.card"].sudo()
        holders = Card.search(
            [("program_id", "=", program.id), ("partner_id", "in", partners.ids)]
        ).partner_id
        return Card.create(
            [
                {
                    "program_id": program.id,
                    "partner_id": partner.id,
                    "points": 1,
                    "expiration_date": self.date_end,
                }
                for partner in partners - holders
            ]
        )

    def action_text_coupons(self):
        """短信发券: the SMS composer for the promotion's unused coupons held by
        customers, one text each with its code."""
        self.ensure_one()
        self.check_access("write")
        self._retail_check_stores()
        cards = (
            self.env["loyalty.card"]
            .sudo()
            .search(
                [
                    ("program_id", "in", self.program_ids.ids),
                    ("partner_id", "!=", False),
                    ("points", ">", 0),
                ]
            )
        )
        if not cards:
            raise UserError(
                _(
                    "Promotion “%(name)s”: no customer holds an unused coupon.",
                    name=self.name,
                )
            )
        return self._retail_text_coupons_action(cards)

    def _retail_text_coupons_action(self, cards):
        """Core's SMS composer in mass mode on ``cards``: each holder gets a text with
        the coupon's code (the company's gateway, opt-outs and the SMS log apply)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Text %(count)s Coupons", count=len(cards)),
            "res_model": "sms.composer",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_composition_mode": "mass",
                "default_mass_keep_log": True,
                "default_res_model": "loyalty.card",
                "default_res_ids": cards.ids,
                "default_body": _(
                    "{{ object.partner_id.name }}, your coupon “%(name)s”: code "
                    "{{ object.code }}, valid until {{ object.expiration_date }}. "
                    "Show it at the till.",
                    name=self.name,
                ),
            },
        }
