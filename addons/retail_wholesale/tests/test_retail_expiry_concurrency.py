import threading
import time
import uuid
from datetime import timedelta

from odoo import Command, api, fields
from odoo.api import Transaction
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import TransactionCase, get_db_name, tagged
from odoo.tools import mute_logger

from .common import deliver_lot

MAX_TRIES = 5


def _validate_with_retries(registry, picking_id, user_id, barrier):
    """Validate a picking in a transaction of its own and commit it, retrying on
    serialisation failures as the RPC layer does (``odoo.service.model.retrying``, which
    cannot be used here: the test runner holds the registry lock that it takes)."""
    for attempt in range(MAX_TRIES):
        try:
            with registry.cursor() as cr:
                cr.transaction = Transaction(registry)
                env = api.Environment(cr, user_id, {})
                picking = env["stock.picking"].browse(picking_id)
                if attempt == 0:
                    barrier.wait()
                picking.button_validate()
                env.flush_all()
            return "done"
        except UserError as error:
            return f"refused: {error}"
        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
            time.sleep(0.1 * (attempt + 1))
        except Exception as error:  # noqa: BLE001 (reported by the assertions)
            return repr(error)
    return "too many serialisation failures"


@tagged("post_install", "-at_install")
class TestRetailExpiryConcurrency(TransactionCase):
    """Two users deliver the last units of a lot at the same time, each in their own
    committed transaction: one delivery goes through, the other is refused."""

    def setUp(self):
        super().setUp()
        self.registry_ = Registry(get_db_name())
        with self.registry_.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            wh = env["stock.warehouse"].search(
                [("company_id", "=", env.company.id)], order="id", limit=1
            )
            # this company refuses to drive a lot negative
            self.company_id = env.company.id
            self.negative_allowed = env.company.retail_lot_negative_allowed
            env.company.retail_lot_negative_allowed = False
            product = env["product.product"].create(
                {
                    "name": "Concurrency Yoghurt",
                    "is_storable": True,
                    "tracking": "lot",
                    "use_expiration_date": True,
                }
            )
            lot = env["stock.lot"].create(
                {
                    "name": "LAST-UNITS",
                    "product_id": product.id,
                    "expiration_date": fields.Datetime.now() + timedelta(days=30),
                }
            )
            env["stock.quant"]._update_available_quantity(
                product, wh.lot_stock_id, 2, lot_id=lot
            )
            pickings = [
                deliver_lot(env, product, lot, 2, wh.lot_stock_id) for _user in range(2)
            ]
            suffix = uuid.uuid4().hex[:8]
            users = env["res.users"].create(
                [
                    {
                        "name": f"Concurrent keeper {i}",
                        "login": f"rw_concurrent_keeper_{i}_{suffix}",
                        "groups_id": [
                            Command.set(
                                [
                                    env.ref(
                                        "retail_wholesale.retail_wholesale_group_warehouse_keeper"
                                    ).id
                                ]
                            )
                        ],
                    }
                    for i in range(2)
                ]
            )
            self.product_id, self.lot_id = product.id, lot.id
            self.picking_ids = [p.id for p in pickings]
            self.user_ids = users.ids
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry_.cursor() as cr:
            cr.execute(
                "UPDATE res_company SET retail_lot_negative_allowed = %s WHERE id = %s",
                [self.negative_allowed, self.company_id],
            )
            product = (self.product_id,)
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'stock.picking' AND res_id IN %s",
                [tuple(self.picking_ids)],
            )
            cr.execute(
                "DELETE FROM mail_followers WHERE res_model = 'stock.picking' "
                "AND res_id IN %s",
                [tuple(self.picking_ids)],
            )
            for table in ("stock_valuation_layer", "stock_move_line", "stock_move"):
                cr.execute(f"DELETE FROM {table} WHERE product_id IN %s", [product])  # noqa: S608
            cr.execute(
                "DELETE FROM stock_picking WHERE id IN %s", [tuple(self.picking_ids)]
            )
            cr.execute("DELETE FROM stock_quant WHERE product_id IN %s", [product])
            cr.execute("DELETE FROM stock_lot WHERE product_id IN %s", [product])
            cr.execute(
                "SELECT product_tmpl_id FROM product_product WHERE id IN %s", [product]
            )
            template = cr.fetchone()[0]
            cr.execute("DELETE FROM product_product WHERE id IN %s", [product])
            cr.execute("DELETE FROM product_template WHERE id = %s", [template])
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            users = env["res.users"].browse(self.user_ids)
            partners = users.partner_id
            cr.execute("DELETE FROM res_users WHERE id IN %s", [tuple(self.user_ids)])
            cr.execute(
                "DELETE FROM mail_followers WHERE partner_id IN %s",
                [tuple(partners.ids)],
            )
            cr.execute("DELETE FROM res_partner WHERE id IN %s", [tuple(partners.ids)])

    def test_two_users_deliver_the_last_units_of_a_lot_at_once(self):
        barrier = threading.Barrier(2, timeout=30)
        outcome = {}

        def validate(picking_id, user_id):
            outcome[picking_id] = _validate_with_retries(
                self.registry_, picking_id, user_id, barrier
            )

        threads = [
            threading.Thread(target=validate, args=(picking_id, user_id))
            for picking_id, user_id in zip(self.picking_ids, self.user_ids, strict=True)
        ]
        # the refused transaction's serialisation failure is logged by the cursor
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        self.assertFalse(any(thread.is_alive() for thread in threads))
        results = sorted(outcome.values())
        self.assertEqual(len(results), 2, outcome)
        self.assertEqual(results.count("done"), 1, outcome)
        refused = next(result for result in results if result != "done")
        # the users' language may be Chinese: the lot's name is in both
        self.assertTrue(refused.startswith("refused: "), outcome)
        self.assertIn("LAST-UNITS", refused)
        with self.registry_.cursor() as cr:
            cr.execute(
                "SELECT COALESCE(SUM(q.quantity), 0) FROM stock_quant q "
                "JOIN stock_location l ON l.id = q.location_id "
                "WHERE q.lot_id = %s AND l.usage = 'internal'",
                [self.lot_id],
            )
            self.assertEqual(cr.fetchone()[0], 0)
            cr.execute(
                "SELECT state FROM stock_picking WHERE id IN %s ORDER BY state",
                [tuple(self.picking_ids)],
            )
            states = [state for (state,) in cr.fetchall()]
            self.assertEqual(states.count("done"), 1, states)
