from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        result = super().action_confirm()
        # 会员等级: what a member just bought may take them to a higher level
        for company, orders in self.grouped("company_id").items():
            orders.partner_id._retail_upgrade_members(company)
        return result
