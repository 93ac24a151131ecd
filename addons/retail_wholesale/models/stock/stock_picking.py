from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare, format_date


class StockPicking(models.Model):
    _inherit = "stock.picking"

    retail_return_reason_id = fields.Many2one(
        comodel_name="retail.return.reason",
        string="Return Reason",
        ondelete="restrict",
        copy=False,
        help="退货原因 of a return from a customer or to a supplier.",
    )
    retail_return_rate_warning = fields.Char(
        string="Return Rate Warning", compute="_compute_retail_return_rate_warning"
    )

    @api.depends("move_ids.quantity", "move_ids.product_uom_qty", "partner_id", "state")
    def _compute_retail_return_rate_warning(self):
        for picking in self:
            check = picking._retail_return_rate_check()
            picking.retail_return_rate_warning = check and check["message"]

    def _retail_return_rate_check(self):
        """For a customer return not done yet whose customer would go over their
        return rate limit (退货率): {"message", "action"}; else None.

        退货率 = value of the goods returned / value of the goods delivered to the
        customer over the period of the limit, both at the prices of the sale lines,
        counting this return."""
        self.ensure_one()
        # warehouse keepers validate returns without reading sale prices themselves
        picking = self.sudo()
        returns = picking.move_ids.filtered(
            lambda m: (
                m.sale_line_id
                and m.origin_returned_move_id
                and m.state not in ("done", "cancel")
            )
        )
        if (
            picking.picking_type_code != "incoming"
            or not returns
            or not picking.partner_id
        ):
            return None
        more = sum(
            move.sale_line_id.price_reduce_taxexcl
            * (move.quantity or move.product_uom_qty)
            for move in returns
        )
        values = picking.partner_id._retail_return_rate_excess(more)
        if not values:
            return None
        action = values.pop("action")
        if action == "block":
            message = _(
                "With this return, %(partner)s has returned %(rate)s %% of what was "
                "delivered to them in the last %(days)s days, above their limit of "
                "%(limit)s %%: the return cannot be validated.",
                **values,
            )
        else:
            message = _(
                "With this return, %(partner)s has returned %(rate)s %% of what was "
                "delivered to them in the last %(days)s days, above their limit of "
                "%(limit)s %%.",
                **values,
            )
        return {"message": message, "action": action}

    def _pre_action_done_hook(self):
        # before core's own checks: an expired lot is never delivered, whatever the
        # wizards would let through (product_expiry only warns)
        self._retail_check_lots_deliverable()
        result = super()._pre_action_done_hook()
        if result is not True:
            return result
        for picking in self:
            check = picking._retail_return_rate_check()
            if not check:
                continue
            if check["action"] == "block":
                raise UserError(check["message"])
            picking.message_post(body=check["message"])
        return result

    def _retail_check_lots_deliverable(self):
        """Refuse to deliver to customers an expired lot, or more of a lot than its
        stock where the company does not let lots go negative.

        The quants of the delivered lots are then locked (``FOR UPDATE``) until the
        transaction ends, so two users delivering the last units of a lot at the same
        time are serialised: the second one sees the first one's delivery and is
        refused instead of driving the lot negative. (The tills' pickings are done
        without this hook: a sale made at a till is never refused here.)"""
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
        lines = lines.filtered(lambda ml: not ml.company_id.retail_lot_negative_allowed)
        if not lines:
            return
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
