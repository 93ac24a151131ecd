from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, float_compare

# advisory lock class of the reservations of a product (the second key is its id)
RESERVATION_LOCK = 7_042_001
# cursor cache key: (transaction start, ids of the products whose quants it changed)
QUANTS_TOUCHED = "retail_wholesale.quants_touched"


def touched_products(env):
    """Ids of the products whose quants the current transaction changed (kept on the
    cursor for the whole transaction, flushes included; a new transaction starts empty)."""
    now = env.cr.now()
    started, products = env.cr.cache.get(QUANTS_TOUCHED, (None, None))
    if started != now:
        products = set()
        env.cr.cache[QUANTS_TOUCHED] = (now, products)
    return products


class StockMove(models.Model):
    _inherit = "stock.move"

    retail_store_order_line_id = fields.Many2one(
        comodel_name="retail.store.order.line",
        string="Store Order Line",
        readonly=True,
        index="btree_not_null",
        help="Line of the store order (门店要货单) this move ships or receives.",
    )

    def _prepare_procurement_values(self):
        values = super()._prepare_procurement_values()
        # the head office delivery pulled by the store's receipt belongs to the same line
        values["retail_store_order_line_id"] = self.retail_store_order_line_id.id
        return values

    def _action_done(self, cancel_backorder=False):
        self._retail_check_stock_rights()
        moves = super()._action_done(cancel_backorder=cancel_backorder)
        moves._retail_close_store_orders()
        return moves

    def _retail_check_stock_rights(self):
        """Goods move by the hands of those with stock rights (warehouse keepers, store
        managers, buyers, head office), or by the system for them (a till's order,
        with sudo). Core gives point of sale users and invoicing users every right on
        transfers and moves, with which a cashier or an accountant could otherwise ship
        goods out of any warehouse over JSON-RPC."""
        if self.env.su or self.env.user.has_group("stock.group_stock_user"):
            return
        raise AccessError(
            self.env._(
                "%(user)s may not move goods: validating a transfer needs the rights "
                "of a warehouse keeper.",
                user=self.env.user.name,
            )
        )

    def _action_cancel(self):
        result = super()._action_cancel()
        self._retail_close_store_orders()
        return result

    def _retail_close_store_orders(self):
        """Close the store orders whose goods have all arrived. Only moves of store
        orders are looked at: other moves cost one read of a field already cached."""
        lines = self.retail_store_order_line_id
        if lines:
            lines.sudo().order_id._close_when_received()

    def _action_assign(self, force_qty=False):
        starving = self._retail_serialize_reservations()
        return super(StockMove, self - starving)._action_assign(force_qty=force_qty)

    def _retail_serialize_reservations(self):
        """Reserve the last units once, even when two transactions ask at the same time.

        Core picks the quant to reserve with ``SKIP LOCKED`` and creates another quant
        when it is locked, so two transactions reserving the last unit at the same time
        both succeed (2 reserved for 1 on hand). Here, transactions reserving the same
        products take turns (a transaction-level advisory lock per product, in product
        order). When another transaction held or was waiting for one of these locks,
        the one that waited reads what is left as committed by the other (its own
        snapshot predates that commit): when nothing is left, its moves are not reserved
        at all, so it ends at once without retrying; when some is left, core reserves
        it, and the stale snapshot makes PostgreSQL refuse the write to the quant, so
        Odoo runs the request again. Without such a contender nothing is compared, and
        core reserves as usual (what this transaction changed itself, not committed
        yet, is never mistaken for another's commit). Products whose quants this
        transaction changed itself (a receipt just validated) are left to core.

        Goods already handed over (a till's sale, context ``retail_handed_over``) take
        no turn: they left the store whatever the reservations say, and a till's
        synchronisation must not wait for the back office.

        Returns the moves with nothing left to reserve.
        """
        if self.env.context.get("retail_handed_over"):
            return self.browse()
        moves = self._retail_reserving_moves()
        if not moves or not moves._retail_take_turn():
            return self.browse()
        return moves._retail_starving_moves()

    def _retail_reserving_moves(self):
        """The moves that reserve from stock: storable products, not chained, from a
        location that reserves, whose quants this transaction did not change itself."""
        touched = touched_products(self.env)
        return self.filtered(
            lambda move: (
                move.state in ("confirmed", "waiting", "partially_available")
                and move.product_id.is_storable
                and not move.move_orig_ids
                and not move.location_id.should_bypass_reservation()
                and move.product_id.id not in touched
            )
        )

    def _retail_take_turn(self):
        """Wait for the turn of the moves' products (advisory locks in product order);
        whether another transaction was reserving or waiting for one of them."""
        cr = self.env.cr
        product_ids = sorted(set(self.product_id.ids))
        cr.execute(
            SQL(
                """
                SELECT EXISTS(
                    SELECT 1 FROM pg_locks
                     WHERE locktype = 'advisory' AND classid = %s
                       AND objid = ANY(%s::oid[]) AND objsubid = 2
                       AND pid != pg_backend_pid())
                """,
                RESERVATION_LOCK,
                product_ids,
            )
        )
        contended = cr.fetchone()[0]
        cr.execute(
            SQL(
                "SELECT pg_advisory_xact_lock(%s, product_id) FROM "
                "unnest(%s::int[]) AS product_id",
                RESERVATION_LOCK,
                product_ids,
            )
        )
        return contended

    def _retail_starving_moves(self):
        """The moves whose stock another transaction changed and left empty: what is
        free per product and location in this transaction's snapshot against what is
        committed now (read through a fresh cursor)."""
        keys = sorted({(move.product_id.id, move.location_id.id) for move in self})
        paths = {location.id: location.parent_path for location in self.location_id}
        query = SQL(
            """
            SELECT key.product_id, key.location_id,
                   COALESCE(SUM(quant.quantity - quant.reserved_quantity), 0)
              FROM unnest(%s::int[], %s::int[], %s::text[])
                   AS key(product_id, location_id, path)
         LEFT JOIN stock_location location ON location.parent_path LIKE key.path
         LEFT JOIN stock_quant quant ON quant.location_id = location.id
                                    AND quant.product_id = key.product_id
          GROUP BY key.product_id, key.location_id
            """,
            [product for product, _location in keys],
            [location for _product, location in keys],
            [f"{paths[location]}%" for _product, location in keys],
        )
        self.env["stock.quant"].flush_model()
        self.env.cr.execute(query)
        snapshot = {
            (product, location): qty
            for product, location, qty in self.env.cr.fetchall()
        }
        with self.env.registry.cursor() as fresh_cr:
            fresh_cr.execute(query)
            committed = {
                (product, location): qty
                for product, location, qty in fresh_cr.fetchall()
            }
        starving = self.browse()
        for move in self:
            key = (move.product_id.id, move.location_id.id)
            rounding = move.product_id.uom_id.rounding
            changed = float_compare(
                snapshot.get(key, 0.0),
                committed.get(key, 0.0),
                precision_rounding=rounding,
            )
            left = float_compare(
                committed.get(key, 0.0), 0.0, precision_rounding=rounding
            )
            if changed and left <= 0:
                starving |= move
        return starving
