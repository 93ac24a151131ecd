import itertools

from odoo import _, api, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, format_amount


class RetailPromotionChecks(models.AbstractModel):
    """The checks of a promotion's rules, and how its tiers read (满200减30): the
    part of ``retail.promotion`` that judges what the form says."""

    _name = "retail.promotion.checks"
    _description = "Promotion Checks"

    # ------------------------------------------------------------ checks
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for promotion in self:
            if promotion.date_end < promotion.date_start:
                raise ValidationError(
                    _(
                        "Promotion “%(name)s”: the end (%(end)s) is before the start "
                        "(%(start)s).",
                        name=promotion.name,
                        end=promotion.date_end,
                        start=promotion.date_start,
                    )
                )

    @api.constrains(
        "promotion_type",
        "tier_ids",
        "repeat",
        "max_steps",
        "buy_qty",
        "free_qty",
        "discount_percent",
        "coupon_discount",
        "coupon_threshold",
        "coupon_issue",
        "coupon_given_from",
        "coupon_validity_days",
        "gift_product_id",
        "product_ids",
        "categ_ids",
        "brand_ids",
    )
    def _check_rules(self):
        for promotion in self:
            problem = promotion._retail_rule_problem()
            if problem:
                raise ValidationError(
                    _(
                        "Promotion “%(name)s”: %(problem)s",
                        name=promotion.name,
                        problem=problem,
                    )
                )

    def _retail_rule_problem(self):
        """What is wrong with the promotion's rules, in words, or None."""
        self.ensure_one()
        check = getattr(self, f"_retail_problem_{self.promotion_type}")
        return check()

    def _retail_money(self, amount):
        return format_amount(self.env, amount, self.currency_id)

    def _retail_problem_tiers(self):
        tiers = self.tier_ids.sorted("threshold")
        if not tiers:
            return _("add at least one tier (spend at least … ).")
        for tier in tiers:
            if tier.threshold <= 0:
                return _(
                    "the threshold %(threshold)s must be more than zero.",
                    threshold=self._retail_money(tier.threshold),
                )
        for lower, higher in itertools.pairwise(tiers):
            if not float_compare(
                lower.threshold,
                higher.threshold,
                precision_rounding=self.currency_id.rounding,
            ):
                return _(
                    "two tiers start at %(threshold)s: each tier needs its own threshold.",
                    threshold=self._retail_money(lower.threshold),
                )
        return None

    def _retail_problem_amount_off(self):
        problem = self._retail_problem_tiers()
        if problem:
            return problem
        tiers = self.tier_ids.sorted("threshold")
        previous = None
        for tier in tiers:
            label = self._retail_tier_label(tier)
            if tier.discount <= 0:
                return _("%(tier)s: the amount off must be more than zero.", tier=label)
            if (
                float_compare(
                    tier.discount,
                    tier.threshold,
                    precision_rounding=self.currency_id.rounding,
                )
                >= 0
            ):
                return _(
                    "%(tier)s: the amount off is not below the amount to spend.",
                    tier=label,
                )
            if previous and tier.discount <= previous.discount:
                return _(
                    "%(tier)s takes off no more than %(lower)s: a higher tier must give "
                    "more.",
                    tier=label,
                    lower=self._retail_tier_label(previous),
                )
            previous = tier
        if self.repeat and (len(tiers) != 1 or self.max_steps < 1):
            return _("an every-step promotion has one tier and at least one step.")
        return None

    def _retail_problem_gift(self):
        problem = self._retail_problem_tiers()
        if problem:
            return problem
        for tier in self.tier_ids:
            label = self._retail_tier_label(tier)
            if not tier.gift_product_id:
                return _("%(tier)s: choose the gift.", tier=label)
            if not tier.gift_product_id.sale_ok:
                return _(
                    "%(tier)s: the gift %(product)s cannot be sold; tick Can be Sold on "
                    "it first.",
                    tier=label,
                    product=tier.gift_product_id.display_name,
                )
            if tier.gift_qty < 1:
                return _("%(tier)s: give at least one gift.", tier=label)
        return None

    def _retail_problem_buy_get(self):
        if not self._retail_has_scope():
            return _("choose the products, categories or brands to buy.")
        if self.buy_qty < 1 or self.free_qty < 1:
            return _(
                "buy %(buy)s get %(free)s: both must be at least one.",
                buy=self.buy_qty,
                free=self.free_qty,
            )
        gift = self._retail_free_product()
        if not gift:
            return _("choose the free product (the promotion is on several products).")
        if not gift.sale_ok:
            return _(
                "the free product %(product)s cannot be sold.",
                product=gift.display_name,
            )
        return None

    def _retail_problem_discount(self):
        if not self._retail_has_scope():
            return _("choose the products, categories or brands on discount.")
        if not 0 < self.discount_percent < 100:
            return _(
                "the percent off (%(percent)s) must be between 0 and 100.",
                percent=self.discount_percent,
            )
        return None

    def _retail_problem_nth_discount(self):
        if len(self.product_ids) != 1 or self.categ_ids or self.brand_ids:
            return _(
                "an Nth item discount is on one product: its Nth unit is taken off at "
                "that product's price."
            )
        if self.buy_qty < 2:
            return _("the Nth item must be the second or later (N at least 2).")
        if not 0 < self.discount_percent <= 100:
            return _(
                "the percent off (%(percent)s) must be more than 0 and at most 100.",
                percent=self.discount_percent,
            )
        if self.max_steps < 1:
            return _("allow the discount on at least one Nth item.")
        return None

    def _retail_problem_coupon(self):
        if self.coupon_discount <= 0:
            return _("the coupon value must be more than zero.")
        if self.coupon_issue == "till" and self.coupon_given_from <= 0:
            return _(
                "coupons given with orders need the order amount they are given from."
            )
        if self.coupon_validity_days < 0:
            return _("the days a coupon is valid cannot be negative.")
        if self.coupon_threshold and (
            float_compare(
                self.coupon_discount,
                self.coupon_threshold,
                precision_rounding=self.currency_id.rounding,
            )
            >= 0
        ):
            return _(
                "a coupon of %(value)s usable from %(threshold)s takes off more than the "
                "order.",
                value=self._retail_money(self.coupon_discount),
                threshold=self._retail_money(self.coupon_threshold),
            )
        return None

    def _retail_tier_label(self, tier):
        """满200减30 / 满199赠 购物袋: how a tier reads in Chinese and on the receipt."""
        threshold = self._retail_number(tier.threshold)
        if self.promotion_type == "gift":
            return _(
                "Spend %(threshold)s get %(gift)s",
                threshold=threshold,
                gift=tier.gift_product_id.name or "",
            )
        if self.repeat:
            return _(
                "%(discount)s off every %(threshold)s",
                threshold=threshold,
                discount=self._retail_number(tier.discount),
            )
        return self._retail_amount_off_label(tier.threshold, tier.discount)

    def _retail_amount_off_label(self, threshold, discount):
        return _(
            "Spend %(threshold)s save %(discount)s",
            threshold=self._retail_number(threshold),
            discount=self._retail_number(discount),
        )

    @staticmethod
    def _retail_number(amount):
        return f"{amount:.2f}".rstrip("0").rstrip(".")

    def _retail_has_scope(self):
        return bool(self.product_ids or self.categ_ids or self.brand_ids)

    def _retail_free_product(self):
        if self.gift_product_id:
            return self.gift_product_id
        return self.product_ids if len(self.product_ids) == 1 else self.product_ids[:0]
