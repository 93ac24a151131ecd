from odoo import models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _update_programs_and_rewards(self):
        """Core updates the programs of an order when it is confirmed and from its
        Promotions button; the promotions' rewards are then claimed by themselves."""
        result = super()._update_programs_and_rewards()
        if (
            not self.env.context.get("retail_promotion_applying")
            and self.coupon_point_ids.coupon_id.program_id.retail_promotion_id
        ):
            self.with_context(retail_promotion_applying=True)._retail_apply_promotions()
        return result

    def _retail_apply_promotions(self):
        """Claim the rewards of the promotions the order reaches, as the tills do (core
        leaves rewards on orders to the Promotions button): each program of a promotion
        has one reward. A reward already on the order is not claimed twice."""
        self.ensure_one()
        applied = False
        for coupon, rewards in self._get_claimable_rewards().items():
            program = coupon.program_id
            if (
                not program.retail_promotion_id
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
        if applied:
            self._update_programs_and_rewards()
        return applied
