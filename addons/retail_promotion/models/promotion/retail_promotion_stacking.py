from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class RetailPromotionStacking(models.AbstractModel):
    """互斥/叠加: which of the promotions an order reaches it gets.

    The one rule of the sale orders (``sale.order._get_claimable_rewards``), the
    tills (the same rule in ``retail_promotion_pos``, which the server's review
    checks again with this one) and the reviews: ``_retail_skipped``. Promotions are
    taken by priority, highest first, then the older first; a promotion that does not
    stack applies alone when it comes first and is left out when another comes before
    it. A promotion may also be left out of orders at member prices, with flash sale
    goods or with near-expiry markdowns. Each promotion left out says why."""

    _name = "retail.promotion.stacking"
    _description = "Promotion Stacking"

    priority = fields.Integer(
        default=10,
        help="When promotions that do not stack meet on one order, the one of highest "
        "priority applies (then the older one).",
    )
    stack_ok = fields.Boolean(
        string="Stacks with Other Promotions",
        default=True,
        help="可叠加: the order gets this promotion and the others it reaches. Off "
        "(互斥): the promotion applies alone when it comes first by priority, and not "
        "at all when another promotion comes before it.",
    )
    member_price_ok = fields.Boolean(
        string="With Member Prices",
        default=True,
        help="Off: not given on orders priced by a price list of member prices "
        "(会员价, ticked on the price list).",
    )
    flash_sale_ok = fields.Boolean(
        string="With Flash Sales",
        default=True,
        help="Off: not given on orders holding goods at a flash sale price (秒杀).",
    )
    markdown_ok = fields.Boolean(
        string="With Near-expiry Markdowns",
        default=True,
        help="Off: not given on orders holding goods at a near-expiry markdown price "
        "(临期促销).",
    )

    @api.constrains("member_price_ok", "grade_ids")
    def _check_member_price_ok(self):
        for promotion in self:
            pricelists = promotion.grade_ids.pricelist_id
            if (
                not promotion.member_price_ok
                and pricelists
                and all(pricelists.mapped("retail_member_price"))
            ):
                raise ValidationError(
                    _(
                        "Promotion “%(name)s” is for customers at member prices only "
                        "(%(pricelists)s) but does not stack with member prices: it "
                        "would never apply.",
                        name=promotion.name,
                        pricelists=", ".join(pricelists.mapped("name")),
                    )
                )

    def _retail_skipped(
        self, member_price=False, flash_sale=False, markdown=False, amount=None
    ):
        """{promotion: why it is left out} among these promotions, those an order
        reaches, for an order at member prices, with flash sale goods or with
        near-expiry markdowns as told, of ``amount`` of goods (taxes included; None
        when it does not matter); the promotions not in it apply. A coupon given with
        an earlier order (满额送券) is usable from its threshold."""
        skipped = {}
        facts = [
            (member_price, "member_price_ok", _("not given with member prices")),
            (flash_sale, "flash_sale_ok", _("not given with flash sale goods")),
            (markdown, "markdown_ok", _("not given with near-expiry markdowns")),
        ]
        eligible = []
        for promotion in self.sorted(lambda p: (-p.priority, p.id)):
            reason = next(
                (why for fact, field, why in facts if fact and not promotion[field]),
                None,
            )
            if (
                not reason
                and amount is not None
                and promotion.promotion_type == "coupon"
                and promotion.coupon_issue == "till"
                and promotion.currency_id.compare_amounts(
                    amount, promotion.coupon_threshold
                )
                < 0
            ):
                reason = _(
                    "usable on orders from %(threshold)s",
                    threshold=promotion._retail_number(promotion.coupon_threshold),
                )
            if reason:
                skipped[promotion] = reason
            else:
                eligible.append(promotion)
        if not eligible:
            return skipped
        first = eligible[0]
        for promotion in eligible[1:]:
            if not first.stack_ok or not promotion.stack_ok:
                skipped[promotion] = _(
                    "does not stack with %(other)s, which comes first",
                    other=first.name,
                )
        return skipped

    def _retail_skipped_text(self, skipped):
        """The promotions left out, a line each, as the order shows them."""
        return "\n".join(
            self.env._(
                "%(promotion)s: %(reason)s", promotion=promotion.name, reason=reason
            )
            for promotion, reason in sorted(
                skipped.items(), key=lambda item: (-item[0].priority, item[0].id)
            )
        )
