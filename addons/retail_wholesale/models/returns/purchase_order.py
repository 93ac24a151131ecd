from odoo import models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def action_create_invoice(self):
        # 退货原因: refunds of returned goods take the reason of their latest return
        action = super().action_create_invoice()
        self.invoice_ids.filtered(
            lambda m: m.state == "draft"
        )._retail_set_return_reason()
        return action
