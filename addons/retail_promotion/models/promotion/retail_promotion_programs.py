from odoo import Command, _, models
from odoo.exceptions import ValidationError


class RetailPromotionPrograms(models.AbstractModel):
    """The core loyalty programs a promotion is made of, and their writing: the part
    of ``retail.promotion`` that turns the form into programs."""

    _name = "retail.promotion.programs"
    _description = "Promotion Programs"

    # ------------------------------------------------------------ programs
    def _retail_scope_products(self):
        """The products the promotion is on, None for all of them.

        Written on the programs as products (rules and rewards), which the tills match
        by id: the products of the chosen categories (with their children) and brands
        as they are when the promotion is saved."""
        if not self._retail_has_scope():
            return None
        domain = [("sale_ok", "=", True)]
        parts = []
        if self.categ_ids:
            parts.append([("categ_id", "child_of", self.categ_ids.ids)])
        if self.brand_ids:
            parts.append([("retail_brand_id", "in", self.brand_ids.ids)])
        products = self.product_ids
        if parts:
            products |= self.env["product.product"].search(
                domain
                + ["|"] * (len(parts) - 1)
                + [leaf for part in parts for leaf in part]
                + self.env["product.product"]._check_company_domain(self.company_id)
            )
        if not products:
            raise ValidationError(
                _(
                    "Promotion “%(name)s”: no product for sale is in its categories "
                    "or brands.",
                    name=self.name,
                )
            )
        return products

    def _retail_program_specs(self):
        """[(label, program type, rule values, reward values)]: the loyalty programs the
        promotion is made of, in order."""
        self.ensure_one()
        scope = self._retail_scope_products()
        specs = getattr(self, f"_retail_specs_{self.promotion_type}")(scope)
        return specs

    def _retail_threshold_rule(self, threshold, scope):
        return {
            "mode": "auto",
            "minimum_amount": threshold,
            "minimum_amount_tax_mode": "incl",
            "minimum_qty": 0,
            "reward_point_mode": "order",
            "reward_point_amount": 1,
            "product_ids": [Command.set(scope.ids if scope is not None else [])],
            "product_domain": "[]",
        }

    def _retail_amount_off_reward(self, amount, description, scope):
        specific = scope is not None
        return {
            "reward_type": "discount",
            "discount_mode": "per_order",
            "discount": amount,
            "discount_applicability": "specific" if specific else "order",
            "discount_product_ids": [Command.set(scope.ids if specific else [])],
            "discount_product_domain": "[]",
            "required_points": 1,
            "description": description,
        }

    def _retail_specs_amount_off(self, scope):
        """On the whole order each tier (or step) takes off its full amount as a
        discount on the order: core keeps one such discount per order, the best, so
        the order gets the highest tier it reaches. On chosen products the discounts
        add up, so each tier takes off what it adds to the tier below."""
        tiers = self.tier_ids.sorted("threshold")
        if self.repeat:
            tier = tiers[:1]
            tiers = [
                (tier.threshold * step, tier.discount * step)
                for step in range(1, self.max_steps + 1)
            ]
        else:
            tiers = [(tier.threshold, tier.discount) for tier in tiers]
        specs = []
        given = 0.0
        for threshold, discount in tiers:
            label = self._retail_amount_off_label(threshold, discount)
            amount, description = discount, label
            if scope is not None:
                amount = discount - given
                if given:
                    description = _(
                        "%(label)s (%(more)s more)",
                        label=label,
                        more=self._retail_number(amount),
                    )
            specs.append(
                (
                    label,
                    "promotion",
                    self._retail_threshold_rule(threshold, scope),
                    self._retail_amount_off_reward(amount, description, scope),
                )
            )
            given = discount
        return specs

    def _retail_specs_gift(self, scope):
        specs = []
        for tier in self.tier_ids.sorted("threshold"):
            gift = tier.gift_product_id
            rule = self._retail_threshold_rule(tier.threshold, scope)
            # the gift does not count towards the threshold: the till then gives it
            # by itself instead of waiting for it to be scanned
            if scope is None:
                rule["product_domain"] = repr([("id", "!=", gift.id)])
            else:
                rule["product_ids"] = [Command.set((scope - gift).ids)]
            specs.append(
                (
                    self._retail_tier_label(tier),
                    "promotion",
                    rule,
                    {
                        "reward_type": "product",
                        "reward_product_id": gift.id,
                        "reward_product_qty": tier.gift_qty,
                        "required_points": 1,
                        "description": self._retail_tier_label(tier),
                    },
                )
            )
        return specs

    def _retail_specs_buy_get(self, scope):
        label = _("Buy %(buy)s get %(free)s free", buy=self.buy_qty, free=self.free_qty)
        return [
            (
                label,
                "buy_x_get_y",
                {
                    "mode": "auto",
                    "minimum_amount": 0,
                    "minimum_qty": self.buy_qty,
                    "reward_point_mode": "unit",
                    "reward_point_amount": 1,
                    "product_ids": [Command.set(scope.ids)],
                    "product_domain": "[]",
                },
                {
                    "reward_type": "product",
                    "reward_product_id": self._retail_free_product().id,
                    "reward_product_qty": self.free_qty,
                    "required_points": self.buy_qty,
                    "description": label,
                },
            )
        ]

    def _retail_specs_nth_discount(self, scope):
        """第N件X折 on one product: a program per Nth unit, up to the steps allowed,
        each taking X % of the product's price off (the programs add up: 5 units of
        第二件半价 take two half prices off)."""
        product = self.product_ids
        amount = product.currency_id.round(
            product.lst_price * self.discount_percent / 100
        )
        label = _(
            "Item %(nth)s at %(percent)s%% off",
            nth=self.buy_qty,
            percent=self._retail_number(self.discount_percent),
        )
        specs = []
        for step in range(1, self.max_steps + 1):
            description = (
                _("%(label)s (×%(step)s)", label=label, step=step)
                if step > 1
                else label
            )
            specs.append(
                (
                    description,
                    "promotion",
                    {
                        **self._retail_threshold_rule(0.0, scope),
                        "minimum_qty": self.buy_qty * step,
                    },
                    self._retail_amount_off_reward(amount, description, scope),
                )
            )
        return specs

    def _retail_specs_discount(self, scope):
        label = _(
            "%(percent)s%% off", percent=self._retail_number(self.discount_percent)
        )
        return [
            (
                label,
                "promotion",
                {
                    "mode": "auto",
                    "minimum_amount": 0,
                    "minimum_qty": 1,
                    "reward_point_mode": "order",
                    "reward_point_amount": 1,
                    "product_ids": [Command.set(scope.ids)],
                    "product_domain": "[]",
                },
                {
                    "reward_type": "discount",
                    "discount_mode": "percent",
                    "discount": self.discount_percent,
                    "discount_applicability": "specific",
                    "discount_product_ids": [Command.set(scope.ids)],
                    "discount_product_domain": "[]",
                    "required_points": 1,
                    "description": label,
                },
            )
        ]

    def _retail_specs_coupon(self, scope):
        label = (
            _(
                "Coupon: %(value)s off from %(threshold)s",
                value=self._retail_number(self.coupon_discount),
                threshold=self._retail_number(self.coupon_threshold),
            )
            if self.coupon_threshold
            else _(
                "Coupon: %(value)s off", value=self._retail_number(self.coupon_discount)
            )
        )
        reward = self._retail_amount_off_reward(self.coupon_discount, label, scope)
        if self.coupon_issue == "till":
            # 满额送券: the rule gives the coupon to orders from the amount; the coupon's
            # own threshold is checked where it is used (``_retail_coupon_short``)
            rule = self._retail_threshold_rule(self.coupon_given_from, None)
            return [(label, "next_order_coupons", rule, reward)]
        # for a coupon the rule is the condition: its points come from the coupon
        rule = self._retail_threshold_rule(self.coupon_threshold, scope)
        return [(label, "coupons", rule, reward)]

    def _retail_program_values(self, label, program_type):
        """The loyalty program's own fields for one of the promotion's programs; the
        till addon adds the stores' tills."""
        self.ensure_one()
        values = {
            "name": f"{self.name}: {label}" if label != self.name else label,
            "active": self.active,
            "program_type": program_type,
            "trigger": "with_code" if program_type == "coupons" else "auto",
            "applies_on": "future"
            if program_type == "next_order_coupons"
            else "current",
            "company_id": self.company_id.id,
            "currency_id": self.currency_id.id,
            "date_from": self.date_start,
            "date_to": self.date_end,
            "sale_ok": self.wholesale_ok,
            "retail_channel_ids": [Command.set(self.channel_ids.ids)],
            "portal_visible": False,
            "pricelist_ids": [Command.set(self.grade_ids.pricelist_id.ids)],
            "retail_promotion_id": self.id,
        }
        return values

    def _retail_write_programs(self):
        """Write the promotion's loyalty programs to match it: the same programs are
        kept and written while their type holds (their history stays), new ones
        created, the rest archived (orders may point at them)."""
        Program = self.env["loyalty.program"].sudo().with_context(active_test=False)
        for promotion in self:
            existing = Program.search(
                [("retail_promotion_id", "=", promotion.id)], order="id"
            )
            kept = Program
            for label, program_type, rule, reward in promotion._retail_program_specs():
                values = promotion._retail_program_values(label, program_type)
                program = next(
                    (p for p in existing - kept if p.program_type == program_type),
                    None,
                )
                if program:
                    program.write(values)
                    program._retail_set_rule_reward(rule, reward)
                else:
                    values.update(
                        rule_ids=[Command.create(rule)],
                        reward_ids=[Command.create(reward)],
                        communication_plan_ids=[Command.clear()],
                    )
                    program = Program.create(values)
                kept |= program
            (existing - kept).write({"active": False})
