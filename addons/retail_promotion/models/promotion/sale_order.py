from collections import defaultdict

from odoo import _, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    retail_promotion_note = fields.Text(
        string="Promotions Left Out",
        readonly=True,
        copy=False,
        help="The promotions the order reaches but does not get, and why (互斥/叠加).",
    )

    def _update_programs_and_rewards(self):
        """Core updates the programs of an order when it is confirmed and from its
        Promotions button; the promotions' rewards are then claimed by themselves."""
        result = super()._update_programs_and_rewards()
        if self.env.context.get("retail_promotion_applying"):
            return result
        if self.coupon_point_ids.coupon_id.program_id.retail_promotion_id:
            self.with_context(retail_promotion_applying=True)._retail_apply_promotions()
        elif self.retail_promotion_note:
            self.retail_promotion_note = False
        return result

    def _try_apply_code(self, code):
        result = super()._try_apply_code(code)
        if result.get("not_found"):
            error = self.env["loyalty.card"]._retail_other_company_error(
                code, self.company_id
            )
            if error:
                result["error"] = error
        return result

    def _get_program_domain(self):
        """A promotion for some sales channels reaches their orders only."""
        return [
            *super()._get_program_domain(),
            *self._retail_channel_domain("retail_channel_ids"),
        ]

    def _get_trigger_domain(self):
        return [
            *super()._get_trigger_domain(),
            *self._retail_channel_domain("program_id.retail_channel_ids"),
        ]

    def _retail_channel_domain(self, field):
        return ["|", (field, "=", False), (field, "in", self.retail_channel_id.ids)]

    def _get_claimable_rewards(self, forced_coupons=None):
        """The promotions left out by their stacking (``_retail_skipped``) give no
        reward: neither claimed by themselves nor offered by the Promotions button."""
        result = super()._get_claimable_rewards(forced_coupons=forced_coupons)
        if self.env.context.get("retail_promotion_all"):
            return result
        skipped = self._retail_promotion_skipped(result)
        if not skipped:
            return result
        kept = defaultdict(lambda: self.env["loyalty.reward"])
        for coupon, rewards in result.items():
            if coupon.program_id.sudo().retail_promotion_id not in skipped:
                kept[coupon] = rewards
        return kept

    def _retail_promotion_skipped(self, claimable=None):
        """{promotion: why} of the promotions the order reaches (their rewards
        claimable or on the order) that it does not get."""
        self.ensure_one()
        if claimable is None:
            claimable = self.with_context(
                retail_promotion_all=True
            )._get_claimable_rewards()
        programs = self.order_line.reward_id.program_id
        for coupon in claimable:
            programs |= coupon.program_id
        promotions = programs.sudo().retail_promotion_id
        if not promotions:
            return {}
        return promotions._retail_skipped(
            member_price=self.pricelist_id.retail_member_price,
            flash_sale=bool(self.order_line.retail_flash_sale_id),
            amount=sum(
                self.order_line.filtered(lambda line: not line.is_reward_line).mapped(
                    "price_total"
                )
            ),
        )

    def _retail_apply_promotions(self):
        """Claim the rewards of the promotions the order reaches, as the tills do (core
        leaves rewards on orders to the Promotions button): each program of a promotion
        has one reward. A reward already on the order is not claimed twice. Each
        reward's lines are computed from the order as the rewards before left it, as
        core's Promotions button does (no second update of the whole order: on a
        500-line order that update is most of the price's cost). The promotions left
        out by their stacking lose their lines, and the order says why."""
        self.ensure_one()
        claimable = self.with_context(
            retail_promotion_all=True
        )._get_claimable_rewards()
        skipped = self._retail_promotion_skipped(claimable)
        note = self.env["retail.promotion"]._retail_skipped_text(skipped) or False
        if note != self.retail_promotion_note:
            self.retail_promotion_note = note
        if skipped:
            self.order_line.filtered(
                lambda line: (
                    line.reward_id
                    and line.reward_id.program_id.sudo().retail_promotion_id in skipped
                )
            ).unlink()
        applied = False
        for coupon, rewards in claimable.items():
            program = coupon.program_id
            if (
                not program.retail_promotion_id
                or program.sudo().retail_promotion_id in skipped
                or program.trigger != "auto"
                or len(rewards) != 1
                or rewards in self.order_line.reward_id
                or (rewards.reward_type == "product" and rewards.multi_product)
            ):
                continue
            try:
                result = self._apply_program_reward(rewards, coupon)
            except UserError:
                # nothing left to discount on this order
                continue
            applied = applied or "error" not in result
        return applied

    def action_confirm(self):
        result = super().action_confirm()
        self._retail_check_promotion_limits()
        return result

    def _retail_promotion_uses(self):
        """{(promotion, commercial partner): (orders, amount given)} of these orders'
        promotion rewards (discounts, and gifts at their price, taxes included)."""
        uses = defaultdict(lambda: [set(), 0.0])
        for line in self.order_line.filtered("reward_id"):
            promotion = line.reward_id.program_id.sudo().retail_promotion_id
            if not promotion:
                continue
            key = (promotion, line.order_id.partner_id.commercial_partner_id)
            uses[key][0].add(line.order_id.id)
            uses[key][1] += (
                -line.price_total
                if line.reward_id.reward_type == "discount"
                else line.price_unit * line.product_uom_qty
            )
        return {key: (len(orders), amount) for key, (orders, amount) in uses.items()}

    def _retail_check_promotion_limits(self):
        """Refuse confirmed orders that take a promotion beyond its orders per
        customer or its budget (the promotion counts, under its lock)."""
        uses = self._retail_promotion_uses()
        if not uses:
            return
        promotions = self.env["retail.promotion"].sudo()
        for promotion, _customer in uses:
            promotions |= promotion
        excess = promotions._retail_limit_excess(uses, counted=True)
        if excess:
            raise UserError(
                _("This order cannot be confirmed:")
                + "\n"
                + "\n".join(promotions._retail_excess_message(item) for item in excess)
            )
        promotions._retail_count_order()
