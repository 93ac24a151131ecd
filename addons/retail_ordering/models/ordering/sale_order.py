from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

PORTAL_STATES = [
    ("cart", "Cart"),
    ("to_approve", "To Approve"),
    ("changed", "Changed, Waiting for the Dealer"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]


class SaleOrder(models.Model):
    """A dealer's order from the portal (订货单): their cart, then an order head office
    approves (confirming it: the wholesale rules apply as to any order), changes
    (the dealer accepts the changes) or rejects with a reason."""

    _name = "sale.order"
    _inherit = ["sale.order", "retail.portal.order.mixin"]

    retail_portal_state = fields.Selection(
        selection=PORTAL_STATES,
        string="Portal Order",
        copy=False,
        index=True,
        tracking=True,
        readonly=True,
    )
    retail_portal_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Ordered by",
        copy=False,
        readonly=True,
        help="The dealer's user who placed the order on the portal.",
    )
    retail_portal_reject_reason = fields.Text(
        string="Rejection Reason", copy=False, readonly=True
    )
    retail_portal_changed = fields.Boolean(
        string="Quantities Changed",
        compute="_compute_retail_portal_changed",
        help="Head office changed quantities the dealer asked for.",
    )

    def _compute_retail_portal_changed(self):
        for order in self:
            order.retail_portal_changed = bool(order._retail_portal_changes())

    def _retail_portal_check_state(self, *states):
        for order in self:
            if order.retail_portal_state not in states:
                raise UserError(
                    self.env._(
                        "%(order)s is %(state)s: this cannot be done now.",
                        order=order.name,
                        state=dict(PORTAL_STATES).get(
                            order.retail_portal_state, order.state
                        ),
                    )
                )

    def action_retail_portal_approve(self):
        """Head office approves: unchanged orders are confirmed (the wholesale rules
        apply), changed ones wait for the dealer to accept the new quantities."""
        self._retail_portal_check_state("to_approve")
        for order in self:
            if order.retail_portal_changed:
                order.retail_portal_state = "changed"
                order._retail_portal_notify(
                    self.env._(
                        "Head office changed your order: please check the quantities "
                        "and accept them."
                    )
                )
            else:
                order.action_confirm()
                order.retail_portal_state = "approved"
                order._retail_portal_notify(self.env._("Your order is approved."))
        return True

    def action_retail_portal_reject(self, reason):
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the dealer a reason for the rejection."))
        self._retail_portal_check_state("to_approve", "changed")
        self.write(
            {"retail_portal_state": "rejected", "retail_portal_reject_reason": reason}
        )
        self._action_cancel()
        for order in self:
            order._retail_portal_notify(
                self.env._("Your order is rejected: %(reason)s", reason=reason)
            )
        return True

    def _retail_portal_notify(self, text):
        """Tell the dealer's user who ordered (on the order's chatter, which core's
        portal page shows, and by e-mail)."""
        self.ensure_one()
        partners = self.retail_portal_user_id.partner_id | self.partner_id
        self.message_post(
            body=Markup("<p>%s</p>") % text,
            partner_ids=partners.ids,
            subtype_xmlid="mail.mt_comment",
        )

    def action_retail_portal_reject_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject the Order"),
            "res_model": "retail.portal.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_ids": self.ids},
        }
