from odoo import fields, models
from odoo.tools import float_round


class SaleOrder(models.Model):
    _inherit = "sale.order"

    retail_stored_value_bonus = fields.Monetary(
        string="Stored Value Bonus",
        copy=False,
        readonly=True,
        help="The top-up bonus (充值赠送) this order gave on the member's stored value "
        "card: not paid, not on the 预收账款.",
    )
    retail_stored_value_bonus_spent = fields.Monetary(
        string="Stored Value Bonus Spent",
        copy=False,
        readonly=True,
        help="The bonus part of what this order paid with the member's stored value "
        "card, booked as a discount on the sales when the order was confirmed.",
    )

    def action_confirm(self):
        result = super().action_confirm()
        # 充值赠送: core credited the top-ups and took off the payments with the card
        self._retail_stored_value_bonus()
        # 会员等级: what a member just bought may take them to a higher level
        for company, orders in self.grouped("company_id").items():
            orders.partner_id._retail_upgrade_members(company)
        return result

    def _action_cancel(self):
        """A confirmed order cancelled: core gives back its points changes; its top-up
        bonus is taken back and the bonus part it spent given back (its discount
        entry reversed)."""
        confirmed = self.filtered(
            lambda order: (
                order.state == "sale"
                and (
                    order.retail_stored_value_bonus
                    or order.retail_stored_value_bonus_spent
                )
            )
        )
        moves = [
            (
                order,
                order.retail_stored_value_bonus,
                order.retail_stored_value_bonus_spent,
            )
            for order in confirmed
        ]
        result = super()._action_cancel()
        Bonus = self.env["retail.stored.value.bonus"]
        for order, gift, used in moves:
            program = order.company_id.sudo().retail_stored_value_program_id
            member = order.partner_id.commercial_partner_id
            card = self.env["loyalty.card"]._retail_stored_value_cards(
                {(program, member)}
            )[program, member]
            card.sudo()._retail_cancel_bonus(order, gift, used, Bonus)
        return result

    def _program_check_compute_points(self, programs):
        """积分 of a member's order: the points of loyalty programs times their level's
        multiplier (rounded down, as core rounds points of orders)."""
        result = super()._program_check_compute_points(programs)
        factor = self.partner_id.with_company(
            self.company_id
        )._retail_points_multiplier()
        if factor == 1.0:
            return result
        for program, status in result.items():
            if program.program_type == "loyalty" and "points" in status:
                status["points"] = [
                    float_round(points * factor, 2, rounding_method="DOWN")
                    for points in status["points"]
                ]
        return result

    def _retail_stored_value_bonus(self):
        """The top-up bonus of the confirmed orders' stored value top-ups, and the
        bonus part of what they paid with the card (a discount on the sales: one
        entry moves it off the 预收账款)."""
        Bonus = self.env["retail.stored.value.bonus"]
        for order in self:
            program = order.company_id.sudo().retail_stored_value_program_id
            top_up = spent = 0.0
            for line in order.order_line:
                if line.is_reward_line and line.reward_id in program.reward_ids:
                    spent += line.points_cost
                elif (
                    not line.is_reward_line
                    and line.product_id in program.trigger_product_ids
                ):
                    top_up += line.price_total
            if not program or (top_up <= 0 and spent <= 0):
                continue
            member = order.partner_id.commercial_partner_id
            card = self.env["loyalty.card"]._retail_stored_value_cards(
                {(program, member)}
            )[program, member]
            card.sudo()._retail_apply_bonus(order, top_up, spent, Bonus)
