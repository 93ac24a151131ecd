from odoo import models


class RetailCustomerAnalysisRfm(models.TransientModel):
    _inherit = "retail.customer.analysis.rfm"

    def action_retail_issue_coupons(self):
        """发券 to a segment of the customer analysis (e.g. the 流失 customers of a
        store): the coupon issuing form with the chosen lines' customers."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Issue Coupons"),
            "res_model": "retail.promotion.coupon.issue",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_ids": self.partner_id.commercial_partner_id.ids,
            },
        }
