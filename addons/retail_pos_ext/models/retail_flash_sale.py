from odoo import models
from odoo.tools import SQL

from .pos_order import POS_SOLD_STATES


class RetailFlashSale(models.Model):
    _inherit = "retail.flash.sale"

    def _sold_by_customer(self):
        """Units sold at the tills count towards the limits too (anonymous sales under
        no customer)."""
        sold = super()._sold_by_customer()
        flash_sales = self.filtered("id")
        if not flash_sales:
            return sold
        self.env["pos.order.line"].flush_model(
            ["retail_flash_sale_id", "qty", "order_id"]
        )
        self.env["pos.order"].flush_model(["state", "partner_id"])
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT line.retail_flash_sale_id, partner.commercial_partner_id,
                       SUM(line.qty)
                  FROM pos_order_line line
                  JOIN pos_order pos_order ON pos_order.id = line.order_id
             LEFT JOIN res_partner partner ON partner.id = pos_order.partner_id
                 WHERE line.retail_flash_sale_id IN %s
                   AND pos_order.state IN %s
              GROUP BY 1, 2
                """,
                tuple(flash_sales.ids),
                POS_SOLD_STATES,
            )
        )
        by_id = {flash_sale.id: flash_sale for flash_sale in flash_sales}
        for flash_sale_id, partner_id, qty in self.env.cr.fetchall():
            sold[by_id[flash_sale_id]][partner_id or False] += qty
        return sold
