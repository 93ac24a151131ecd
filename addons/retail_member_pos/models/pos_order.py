from odoo import api, models

from odoo.addons.retail_pos_ext.models.pos_order import POS_SOLD_STATES


class PosOrder(models.Model):
    _inherit = "pos.order"

    @api.model
    def sync_from_ui(self, orders):
        result = super().sync_from_ui(orders)
        # 会员等级: the members who bought move up at once; the till gets their new
        # level with the answer (the receipt and the customer list show it)
        synced = self.browse([order["id"] for order in result.get("pos.order", [])])
        sold = synced.filtered(lambda order: order.state in POS_SOLD_STATES)
        moved = self.env["res.partner"]
        for company, company_orders in sold.grouped("company_id").items():
            moved |= company_orders.partner_id._retail_upgrade_members(company)
        if moved:
            config = sold.session_id.config_id[:1]
            fields = moved._load_pos_data_fields(config.id)
            result.setdefault("res.partner", []).extend(moved.read(fields, load=False))
        return result
