from odoo import fields, models


class RetailStoreOrderReject(models.TransientModel):
    _name = "retail.store.order.reject"
    _description = "Reject Store Orders"

    order_ids = fields.Many2many(
        comodel_name="retail.store.order", string="Store Orders", required=True
    )
    reason = fields.Text(
        required=True, help="Tell the store why head office does not supply its order."
    )

    def action_reject(self):
        self.ensure_one()
        self.order_ids._action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
