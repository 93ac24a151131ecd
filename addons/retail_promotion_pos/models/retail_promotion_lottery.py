from odoo import models
from odoo.tools import SQL


class RetailPromotionLottery(models.Model):
    _inherit = "retail.promotion.lottery"

    def _retail_tickets(self):
        """The tills' paid orders of the stores take part too (refunds never)."""
        tickets = super()._retail_tickets()
        start, end = self._retail_window()
        self.env["pos.order"].flush_model()
        self.env["pos.config"].flush_model(["retail_warehouse_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT o.name, partner.commercial_partner_id, o.amount_total,
                       'pos.order', o.id
                  FROM pos_order o
                  JOIN pos_config c ON c.id = o.config_id
             LEFT JOIN res_partner partner ON partner.id = o.partner_id
                 WHERE o.state IN ('paid', 'done', 'invoiced')
                   AND o.company_id = %(company)s
                   AND o.date_order >= %(start)s AND o.date_order < %(end)s
                   AND o.amount_total > 0
                   AND o.amount_total >= %(amount)s
                   %(stores)s
                """,
                company=self.company_id.id,
                start=start,
                end=end,
                amount=self.min_amount,
                stores=(
                    SQL(
                        "AND c.retail_warehouse_id IN %s", tuple(self.warehouse_ids.ids)
                    )
                    if self.warehouse_ids
                    else SQL()
                ),
            )
        )
        return tickets + self.env.cr.fetchall()
