from odoo import api, models


class RetailPosHeldOrder(models.Model):
    _inherit = "retail.pos.held.order"

    @api.model
    def _retail_held_line(self, line):
        # 配件: the accessory line of a book line, linked again on resume
        return {
            **super()._retail_held_line(line),
            "retail_accessory_parent_uuid": str(
                line.get("retail_accessory_parent_uuid") or ""
            ),
        }
