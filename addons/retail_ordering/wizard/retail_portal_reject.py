from odoo import fields, models


class RetailPortalReject(models.TransientModel):
    _name = "retail.portal.reject"
    _description = "Reject a Dealer's Order"

    order_ids = fields.Many2many(comodel_name="sale.order", string="Orders")
    reason = fields.Text(required=True)

    def action_reject(self):
        self.order_ids.action_retail_portal_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
