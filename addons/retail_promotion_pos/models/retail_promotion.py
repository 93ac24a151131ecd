from odoo import Command, models
from odoo.tools import SQL


class RetailPromotion(models.Model):
    _inherit = "retail.promotion"

    def _retail_tills(self):
        """The tills of the promotion's stores; none for a promotion of every store."""
        self.ensure_one()
        if not self.warehouse_ids:
            return self.env["pos.config"]
        return (
            self.env["pos.config"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("picking_type_id.warehouse_id", "in", self.warehouse_ids.ids),
                    ("company_id", "=", self.company_id.id),
                ]
            )
        )

    def _retail_program_values(self, label, program_type):
        values = super()._retail_program_values(label, program_type)
        tills = self._retail_tills()
        values["pos_ok"] = self.retail_ok and (not self.warehouse_ids or bool(tills))
        values["pos_config_ids"] = [Command.set(tills.ids)]
        return values

    def _retail_used(self):
        """The tills' paid orders count too: a till's reward line gives what it takes
        off (a gift's line takes its price off)."""
        used = super()._retail_used()
        ids = tuple(self.filtered("id").ids)
        if not ids:
            return used
        self.env.cr.execute(
            SQL(
                """
                SELECT p.retail_promotion_id, partner.commercial_partner_id,
                       COUNT(DISTINCT o.id), SUM(-l.price_subtotal_incl)
                  FROM pos_order_line l
                  JOIN pos_order o ON o.id = l.order_id
             LEFT JOIN res_partner partner ON partner.id = o.partner_id
                  JOIN loyalty_reward r ON r.id = l.reward_id
                  JOIN loyalty_program p ON p.id = r.program_id
                 WHERE p.retail_promotion_id IN %s
                   AND o.state IN ('paid', 'done', 'invoiced')
              GROUP BY 1, 2
                """,
                ids,
            )
        )
        for promotion_id, customer_id, orders, amount in self.env.cr.fetchall():
            before = used[promotion_id, customer_id]
            used[promotion_id, customer_id] = (
                before[0] + orders,
                before[1] + (amount or 0.0),
            )
        return used
