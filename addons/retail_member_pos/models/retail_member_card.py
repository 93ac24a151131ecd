from odoo import api, models

from odoo.addons.retail_pos_ext.models.pos_order import POS_SOLD_STATES


class RetailMemberCard(models.AbstractModel):
    _inherit = "retail.member.card"

    @api.model
    def _purchases(self, partner, limit=10):
        """The tills' orders too (the store's name, refunds negative)."""
        orders = (
            self.env["pos.order"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", partner.commercial_partner_id.id),
                    ("state", "in", POS_SOLD_STATES),
                ],
                order="date_order desc, id desc",
                limit=limit,
            )
        )
        return super()._purchases(partner, limit=limit) + [
            {
                "date": order.date_order,
                "reference": order.pos_reference or order.name,
                "amount": order.amount_total,
                "currency": order.currency_id,
                "where": order.config_id.picking_type_id.warehouse_id.name
                or order.config_id.name,
            }
            for order in orders
        ]
