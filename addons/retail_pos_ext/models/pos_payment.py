from odoo import api, models
from odoo.exceptions import AccessError

# set on the cursor while the till's synchronisation runs: nothing a request can send
TILL_SYNC = "retail_pos_ext.till_sync"


class PosPayment(models.Model):
    _inherit = "pos.payment"

    @api.model_create_multi
    def create(self, vals_list):
        self._retail_check_payment_change(
            self.env["pos.order"].browse(
                [vals["pos_order_id"] for vals in vals_list if vals.get("pos_order_id")]
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        orders = self.pos_order_id
        if vals.get("pos_order_id"):
            orders |= orders.browse(vals["pos_order_id"])
        self._retail_check_payment_change(orders)
        return super().write(vals)

    def unlink(self):
        self._retail_check_payment_change(self.pos_order_id)
        return super().unlink()

    @api.model
    def _retail_check_payment_change(self, orders):
        """The payments of an order that is no longer a draft change only through the
        till's synchronisation or a point of sale manager: a cashier cannot add, edit
        or remove them over RPC, around the review of the order."""
        if (
            self.env.su
            or self.env.cr.cache.get(TILL_SYNC)
            or self.env.user.has_group("point_of_sale.group_pos_manager")
        ):
            return
        orders = orders.sudo().filtered(lambda order: order.state != "draft")
        if orders:
            raise AccessError(
                self.env._(
                    "The payments of %(orders)s are settled: only a point of sale "
                    "manager can change them.",
                    orders=", ".join(orders.mapped("name")),
                )
            )
