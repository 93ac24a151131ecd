from odoo import models
from odoo.tools import float_round


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        result = super().action_confirm()
        # 会员等级: what a member just bought may take them to a higher level
        for company, orders in self.grouped("company_id").items():
            orders.partner_id._retail_upgrade_members(company)
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
