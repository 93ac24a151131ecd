from odoo import _, api, fields, models


class RetailPosOrderReview(models.AbstractModel):
    _inherit = "retail.pos.order.review"

    @api.model
    def _retail_problems(self, order):
        return (
            super()._retail_problems(order)
            + self._retail_promotion_problems(order)
            + self._retail_promotion_stacking_problems(order)
            + self._retail_promotion_limit_problems(order)
        )

    @api.model
    def _retail_promotion_stacking_problems(self, order):
        """Promotions the till gave together that do not stack, or with member
        prices, flash sale goods or near-expiry markdowns they are not given with
        (``retail.promotion._retail_skipped``, the rule of the till and the sale
        orders). The order keeps them; the review says why."""
        promotions = (
            order.lines.filtered(lambda line: line.is_reward_line and line.qty > 0)
            .reward_id.program_id.sudo()
            .retail_promotion_id
        )
        if not promotions:
            return []
        skipped = promotions._retail_skipped(
            member_price=order.pricelist_id.retail_member_price,
            flash_sale=bool(order.lines.retail_flash_sale_id),
            markdown=any(order.lines.mapped("retail_markdown_percent")),
            amount=sum(
                order.lines.filtered(lambda line: not line.is_reward_line).mapped(
                    "price_subtotal_incl"
                )
            ),
        )
        return [
            self.env._(
                "Promotion %(promotion)s should not have been given: %(reason)s.",
                promotion=promotion.name,
                reason=reason,
            )
            for promotion, reason in skipped.items()
        ]

    @api.model
    def _retail_promotion_limit_problems(self, order):
        """The promotions' orders per customer and budgets, counted under their lock
        with this order saved (``retail.promotion._retail_limit_excess``)."""
        customer = order.partner_id.commercial_partner_id or None
        uses = {}
        for line in order.lines.filtered("is_reward_line"):
            promotion = line.reward_id.program_id.sudo().retail_promotion_id
            if promotion:
                orders, amount = uses.get((promotion, customer), (1, 0.0))
                uses[promotion, customer] = (orders, amount - line.price_subtotal_incl)
        if not uses:
            return []
        promotions = self.env["retail.promotion"].sudo()
        for promotion, _customer in uses:
            promotions |= promotion
        excess = promotions._retail_limit_excess(uses, counted=True)
        promotions._retail_count_order()
        return [promotions._retail_excess_message(item) for item in excess]

    @api.model
    def _retail_promotion_problems(self, order):
        """The promotions' rewards a till gave that the server would not: not running
        on the day the order was made (an offline till's order judged by its own day),
        not for this till or this customer's price list, the threshold or quantity not
        reached, more taken off than the promotion gives. The order keeps them (it
        was paid); the review says why."""
        reward_lines = order.lines.filtered(
            lambda line: (
                line.is_reward_line
                and line.qty > 0
                and line.reward_id.program_id.retail_promotion_id
            )
        )
        if not reward_lines:
            return []
        made = fields.Datetime.context_timestamp(
            order.with_context(tz=order._retail_timezone()), order.date_order
        ).date()
        sold = order.lines - order.lines.filtered("is_reward_line")
        reasons = []
        for line in reward_lines:
            reward = line.reward_id.sudo()
            program = reward.program_id
            name = reward.description or program.name
            if (program.date_from and made < program.date_from) or (
                program.date_to and made > program.date_to
            ):
                reasons.append(
                    _(
                        "Promotion %(promotion)s was not running on %(day)s.",
                        promotion=name,
                        day=made,
                    )
                )
            if program.pos_config_ids and order.config_id not in program.pos_config_ids:
                reasons.append(
                    _(
                        "Promotion %(promotion)s is not offered at %(till)s.",
                        promotion=name,
                        till=order.config_id.name,
                    )
                )
            if (
                program.pricelist_ids
                and order.pricelist_id not in program.pricelist_ids
            ):
                reasons.append(
                    _(
                        "Promotion %(promotion)s is not for customers of price list "
                        "%(pricelist)s.",
                        promotion=name,
                        pricelist=order.pricelist_id.name,
                    )
                )
            reasons += self._retail_promotion_rule_problems(order, line, sold)
        return reasons

    @api.model
    def _retail_promotion_rule_problems(self, order, line, sold):
        """The reward line's rule reached by the order's own lines, and its amount."""
        reward = line.reward_id.sudo()
        program = reward.program_id
        name = reward.description or program.name
        currency = order.currency_id
        reasons = []
        # a coupon given with an earlier order: its rule gave it; where it is used its
        # own threshold counts (``retail.promotion._retail_skipped``)
        rules = program.rule_ids[:1] if program.applies_on != "future" else []
        for rule in rules:
            # the order's products the rule is on (never a search of the catalogue)
            products = sold.product_id.filtered_domain(rule._get_valid_product_domain())
            lines = sold.filtered(
                lambda sold_line, on=products: sold_line.product_id in on
            )
            amount = sum(
                lines.mapped(
                    "price_subtotal_incl"
                    if rule.minimum_amount_tax_mode == "incl"
                    else "price_subtotal"
                )
            )
            if currency.compare_amounts(amount, rule.minimum_amount) < 0:
                reasons.append(
                    _(
                        "Promotion %(promotion)s: the order has %(amount)s of its "
                        "products, it needs %(threshold)s.",
                        promotion=name,
                        amount=currency.round(amount),
                        threshold=rule.minimum_amount,
                    )
                )
            qty = sum(lines.mapped("qty"))
            if qty < rule.minimum_qty:
                reasons.append(
                    _(
                        "Promotion %(promotion)s: %(qty)s of its products bought, it "
                        "needs %(minimum)s.",
                        promotion=name,
                        qty=qty,
                        minimum=rule.minimum_qty,
                    )
                )
        if (
            reward.reward_type == "discount"
            and reward.discount_mode == "per_order"
            and currency.compare_amounts(-line.price_subtotal_incl, reward.discount) > 0
        ):
            reasons.append(
                _(
                    "Promotion %(promotion)s took %(taken)s off, it gives %(amount)s.",
                    promotion=name,
                    taken=currency.round(-line.price_subtotal_incl),
                    amount=reward.discount,
                )
            )
        return reasons
