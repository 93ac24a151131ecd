from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare, format_date


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _pre_action_done_hook(self):
        # before core's own checks: an expired lot is never delivered, whatever the
        # wizards would let through (product_expiry only warns)
        self._retail_check_lots_deliverable()
        return super()._pre_action_done_hook()

    def _retail_check_lots_deliverable(self):
        """Refuse to deliver to customers an expired lot or more of a lot than its stock.

        The quants of the delivered lots are locked (``FOR UPDATE``) until the
        transaction ends, so two users delivering the last units of a lot at the same
        time are serialised: the second one sees the first one's delivery and is
        refused instead of driving the lot negative."""
        lines = self.move_line_ids.filtered(
            lambda ml: (
                ml.lot_id
                and ml.location_dest_id.usage == "customer"
                and ml.quantity > 0
                and ml.move_id.state != "done"
            )
        )
        if not lines:
            return
        now = fields.Datetime.now()
        for line in lines:
            lot = line.lot_id
            if lot.expiration_date and lot.expiration_date <= now:
                raise UserError(
                    self.env._(
                        "%(product)s: lot %(lot)s expired on %(date)s and cannot be "
                        "delivered (%(picking)s).",
                        product=line.product_id.display_name,
                        lot=lot.name,
                        date=format_date(self.env, lot.expiration_date),
                        picking=line.picking_id.name,
                    )
                )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT id, lot_id, location_id, COALESCE(quantity, 0)
                  FROM stock_quant
                 WHERE lot_id = ANY(%s)
                 ORDER BY id
                   FOR UPDATE
                """,
                lines.lot_id.ids,
            )
        )
        on_hand = defaultdict(float)
        for _quant_id, lot_id, location_id, quantity in self.env.cr.fetchall():
            on_hand[lot_id, location_id] += quantity
        needed = defaultdict(float)
        for line in lines:
            needed[line.lot_id, line.location_id] += line.quantity_product_uom
        for (lot, location), qty in needed.items():
            available = on_hand[lot.id, location.id]
            if (
                float_compare(
                    qty, available, precision_rounding=lot.product_id.uom_id.rounding
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(product)s: only %(available)s of lot %(lot)s are left in "
                        "%(location)s, %(qty)s cannot be delivered. Another delivery "
                        "may have taken them: refresh and check the lots.",
                        product=lot.product_id.display_name,
                        lot=lot.name,
                        location=location.display_name,
                        available=max(available, 0.0),
                        qty=qty,
                    )
                )
