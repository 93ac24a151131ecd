import logging
from collections import defaultdict

from psycopg2 import errors as pg_errors

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from .pos_payment import TILL_SYNC

_logger = logging.getLogger(__name__)

# the states of a till order that count as sold (stock velocity, flash-sale counts,
# return rates, handovers, reports)
POS_SOLD_STATES = ("paid", "done", "invoiced")
UUID_INDEX = "pos_order_retail_uuid_uniq"
# advisory lock class of the orders being saved (the second key is their uuid's hash)
UUID_LOCK = 7_042_002
REVIEW_FIELDS = {"retail_review_state", "retail_review_note", "retail_reviewed_by_id"}


class ExpectedDuplicateOrder(logging.Filter):
    """The failed insert of an order that another request has just saved (the lock on
    the uuid misses it when that request committed after this one's snapshot) is
    expected contention, answered by a retry: logged as information, not as an error
    an operator is paged for."""

    def filter(self, record):
        if record.levelno >= logging.ERROR and UUID_INDEX in record.getMessage():
            record.levelno, record.levelname = (
                logging.INFO,
                logging.getLevelName(logging.INFO),
            )
        return True


logging.getLogger("odoo.sql_db").addFilter(ExpectedDuplicateOrder())


class ConcurrentOrderSync(pg_errors.SerializationFailure):
    """The same order is being saved by another request right now.

    A serialization failure makes Odoo roll the request back and run it again after a
    short wait; by then the other request has committed, and this one finds the order.
    """

    pgcode = "40001"


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_channel_id = fields.Many2one(
        comodel_name="retail.channel",
        string="Channel",
        compute="_compute_retail_channel_id",
        store=True,
        index="btree_not_null",
        help="Sales channel of the till when the order was made.",
    )
    retail_review_state = fields.Selection(
        selection=[("to_review", "To Review"), ("reviewed", "Reviewed")],
        string="Review",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Orders whose prices, totals or payments differ from what the server "
        "computes are kept as the till sent them and flagged for a manager's review.",
    )
    retail_review_note = fields.Text(
        string="Review Reasons",
        readonly=True,
        copy=False,
    )
    retail_reviewed_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Reviewed By",
        readonly=True,
        copy=False,
    )

    @api.depends("session_id")
    def _compute_retail_channel_id(self):
        for order in self:
            order.retail_channel_id = order.session_id.config_id.retail_channel_id

    def init(self):
        """One order per uuid: the point of sale resends an order until it gets an
        answer, so a repeated or concurrent send must find the order, not make another.
        Databases that already hold duplicates get a plain index and a warning."""
        super().init()
        cr = self.env.cr
        cr.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [UUID_INDEX])
        if cr.fetchone():
            return
        cr.execute(
            "SELECT count(*) FROM (SELECT uuid FROM pos_order WHERE uuid IS NOT NULL "
            "GROUP BY uuid HAVING count(*) > 1) dup"
        )
        duplicates = cr.fetchone()[0]
        if duplicates:
            _logger.warning(
                "%s POS order references (uuid) are used by several orders: they are not "
                "made unique; merge or rename them, then update retail_pos_ext.",
                duplicates,
            )
            cr.execute(
                "CREATE INDEX IF NOT EXISTS pos_order_retail_uuid_idx ON pos_order (uuid)"
            )
            return
        cr.execute(
            SQL(
                "CREATE UNIQUE INDEX %s ON pos_order (uuid) WHERE uuid IS NOT NULL",
                SQL.identifier(UUID_INDEX),
            )
        )

    # ----------------------------------------------------------------- sync
    @api.model
    def sync_from_ui(self, orders):
        orders, refused = self.env["retail.pos.payload"]._retail_check_payload(orders)
        if refused and not orders:
            raise ValidationError(self._retail_refused_message(refused))
        self._retail_lock_uuids(orders)
        # the orders' payments are made by the synchronisation (see pos.payment)
        self.env.cr.cache[TILL_SYNC] = True
        try:
            result = super().sync_from_ui(orders)
        except pg_errors.UniqueViolation as error:
            if error.diag.constraint_name == UUID_INDEX:
                _logger.info("POS order sent twice at the same time: saving it once")
                raise ConcurrentOrderSync(str(error)) from error
            raise
        except (KeyError, TypeError, AttributeError, IndexError) as error:
            _logger.warning("POS order payload the server cannot read", exc_info=True)
            raise ValidationError(
                _(
                    "The point of sale sent an order the server cannot read (%(error)s). "
                    "The order is kept on the till: reload the point of sale and try again.",
                    error=repr(error),
                )
            ) from error
        finally:
            self.env.cr.cache.pop(TILL_SYNC, None)
        if refused:
            # the valid orders of the batch are saved; the refused ones are named
            _logger.warning(
                "POS orders refused: %s", self._retail_refused_message(refused)
            )
            result["retail_refused"] = [
                {"uuid": uuid, "name": name, "problems": problems}
                for uuid, name, problems in refused
            ]
        self._retail_add_store_quantities(result)
        return result

    @api.model
    def _retail_lock_uuids(self, orders):
        """Take the orders' uuids for this transaction. When another request is saving
        one of them right now (the till sent it twice at once), this one is run again
        once that one is done, and then finds the order: a serialization failure,
        which Odoo retries, instead of a failed insert logged as an error."""
        uuids = sorted({order["uuid"] for order in orders})
        if not uuids:
            return
        self.env.cr.execute(
            SQL(
                "SELECT bool_and(pg_try_advisory_xact_lock(%s, hashtext(uuid))) "
                "FROM unnest(%s::text[]) AS uuid",
                UUID_LOCK,
                uuids,
            )
        )
        if not self.env.cr.fetchone()[0]:
            _logger.info("POS order being saved by another request: saving it once")
            raise ConcurrentOrderSync("POS order being saved by another request")

    @api.model
    def _retail_refused_message(self, refused):
        return _(
            "The point of sale sent orders the server refuses (nothing of them was "
            "saved):\n%s",
            "\n".join(
                problem for _uuid, _name, problems in refused for problem in problems
            ),
        )

    @api.model
    def _retail_add_store_quantities(self, result):
        """The store quantities of the products the synchronised orders sold, in the
        answer (``retail_store_qty``: {product id: on hand}) so that the till's stock
        badges follow the other tills too: one grouped query per store, and only where
        the orders' stock moved as they were saved (not at the session's closing)."""
        orders = self.browse(
            [order["id"] for order in result.get("pos.order", []) if "id" in order]
        )
        product_ids = defaultdict(set)
        for order in orders:
            session = order.session_id
            warehouse = session.config_id.retail_warehouse_id
            if warehouse and not session.update_stock_at_closing:
                product_ids[warehouse] |= set(
                    order.lines.product_id.filtered("is_storable").ids
                )
        if not product_ids:
            return result
        quantities = {}
        Product = self.env["product.product"]
        for warehouse, ids in product_ids.items():
            found = Product._retail_store_quantities(warehouse, list(ids))
            quantities.update({pid: found.get(pid, 0.0) for pid in ids})
        result["retail_store_qty"] = quantities
        return result

    def _process_saved_order(self, draft):
        order_id = super()._process_saved_order(draft)
        if not draft and self.state in POS_SOLD_STATES:
            self.env["retail.pos.order.review"]._retail_review(self)
        return order_id

    def _create_order_picking(self):
        """A cashier has no stock rights (no lots, quants or transfers of their own):
        the picking of their order, with its lots and quants, is made with the rights
        the order needs, as core reads the till's lots (``get_existing_lots``). Only
        this order's goods move: the order itself was checked with the cashier's rights
        (their store's session, record rules)."""
        if not self.env.su:
            self.check_access("write")
            return self.sudo()._create_order_picking()
        # the goods were handed over at the till: no turn at the reservations
        return super(
            PosOrder, self.with_context(retail_handed_over=True)
        )._create_order_picking()

    # ---------------------------------------------------------- order facts
    def _retail_priced_lines(self):
        """Lines sold at a catalogue price: not rewards, combos or refunds."""
        return self.lines.filtered(
            lambda line: (
                line.qty > 0
                and not line.combo_parent_id
                and not line.combo_line_ids
                and not line.refunded_orderline_id
                and not line._retail_is_reward_line()
            )
        )

    def _retail_timezone(self):
        """The time zone dates of the order are written in: its cashier's, else the
        company's, else UTC (whoever synchronises or reads the order)."""
        return self.user_id.tz or self.company_id.partner_id.tz or "UTC"

    # -------------------------------------------------------------- actions
    def write(self, vals):
        if REVIEW_FIELDS.intersection(vals):
            self._retail_check_reviewer()
        return super().write(vals)

    def _retail_check_reviewer(self):
        if not (
            self.env.su or self.env.user.has_group("point_of_sale.group_pos_manager")
        ):
            raise AccessError(_("Only point of sale managers review flagged orders."))

    def action_retail_mark_reviewed(self):
        self._retail_check_reviewer()
        self.filtered(lambda order: order.retail_review_state == "to_review").write(
            {"retail_review_state": "reviewed", "retail_reviewed_by_id": self.env.uid}
        )
        return True
