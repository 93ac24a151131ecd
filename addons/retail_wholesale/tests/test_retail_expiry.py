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

from .common import RetailCommon

MAX_TRIES = 5


def _deliver(env, product, lot, qty, location, picked=True):
    """A delivery to a customer of ``qty`` of ``lot``, set by hand (not reserved)."""
    picking_type = (
        env["stock.warehouse"]
        .search([("lot_stock_id", "=", location.id)], limit=1)
        .out_type_id
    )
    customers = env.ref("stock.stock_location_customers")
    picking = env["stock.picking"].create(
        {
            "picking_type_id": picking_type.id,
            "location_id": location.id,
            "location_dest_id": customers.id,
            "move_ids": [
                Command.create(
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom_qty": qty,
                        "location_id": location.id,
                        "location_dest_id": customers.id,
                    }
                )
            ],
        }
    )
    picking.action_confirm()
    picking.move_ids.move_line_ids.unlink()
    picking.move_ids.write(
        {
            "move_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "lot_id": lot.id,
                        "quantity": qty,
                        "location_id": location.id,
                        "location_dest_id": customers.id,
                        "picking_id": picking.id,
                    }
                )
            ],
            "picked": picked,
        }
    )
    return picking


@tagged("post_install", "-at_install")
class TestRetailExpiry(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock = cls.hq_warehouse.lot_stock_id
        cls.milk = cls.env["product.product"].create(
            {
                "name": "Fresh Milk",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "standard_price": 4.0,
                "list_price": 10.0,
            }
        )
        now = fields.Datetime.now()
        cls.lots = {}
        for name, days in (
            ("EXPIRED", -2),
            ("D5", 5),
            ("D20", 20),
            ("D60", 60),
            ("D200", 200),
        ):
            cls.lots[name] = cls.env["stock.lot"].create(
                {
                    "name": name,
                    "product_id": cls.milk.id,
                    "expiration_date": now + timedelta(days=days),
                }
            )

    def _stock(self, lot, qty, in_date=None):
        self.env["stock.quant"]._update_available_quantity(
            self.milk, self.stock, qty, lot_id=self.lots[lot], in_date=in_date
        )

    def test_expired_lot_cannot_be_delivered(self):
        self._stock("EXPIRED", 5)
        picking = _deliver(self.env, self.milk, self.lots["EXPIRED"], 1, self.stock)
        with self.assertRaisesRegex(
            UserError, r"Fresh Milk: lot EXPIRED expired on .* cannot be delivered"
        ):
            picking.button_validate()
        self.assertNotEqual(picking.state, "done")
        self.assertEqual(self.lots["EXPIRED"].product_qty, 5)

    def test_lot_goes_negative_by_default_as_in_core(self):
        self.assertTrue(self.env.company.retail_lot_negative_allowed)
        self._stock("D60", 1)
        picking = _deliver(self.env, self.milk, self.lots["D60"], 3, self.stock)
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(self.lots["D60"].product_qty, -2)

    def test_lot_cannot_go_negative(self):
        self.env.company.retail_lot_negative_allowed = False
        self._stock("D60", 1)
        first = _deliver(self.env, self.milk, self.lots["D60"], 1, self.stock)
        second = _deliver(self.env, self.milk, self.lots["D60"], 1, self.stock)
        first.button_validate()
        self.assertEqual(first.state, "done")
        with self.assertRaisesRegex(UserError, "only 0.0 of lot D60 are left"):
            second.button_validate()
        self.assertEqual(self.lots["D60"].product_qty, 0)

    def test_counting_a_lot_that_is_not_in_stock(self):
        self.env.company.retail_lot_negative_allowed = False
        picking = _deliver(self.env, self.milk, self.lots["D200"], 3, self.stock)
        with self.assertRaisesRegex(UserError, "only 0.0 of lot D200 are left"):
            picking.button_validate()

    def test_fefo_is_the_default_for_expiry_tracked_products(self):
        self._stock("D60", 5, in_date=fields.Datetime.now() - timedelta(days=10))
        self._stock("D20", 5)
        self.assertFalse(self.milk.categ_id.removal_strategy_id)
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": self.hq_warehouse.out_type_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "milk",
                            "product_id": self.milk.id,
                            "product_uom_qty": 3,
                            "location_id": self.stock.id,
                            "location_dest_id": self.env.ref(
                                "stock.stock_location_customers"
                            ).id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        # first expired first out, although D60 came in earlier
        self.assertEqual(picking.move_line_ids.lot_id, self.lots["D20"])

    def test_expired_stock_is_not_for_sale(self):
        """A quotation counts only unexpired stock, warns naming the expired lot, and the
        delivery of the confirmed order never reserves it."""
        self._stock("EXPIRED", 5)
        self._stock("D20", 2)
        customer = self.env["res.partner"].create({"name": "Expiry Customer"})
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "warehouse_id": self.hq_warehouse.id,
                "order_line": [
                    Command.create({"product_id": self.milk.id, "product_uom_qty": 4})
                ],
            }
        )
        line = order.order_line
        self.assertEqual(line.qty_available_today, 2)
        self.assertEqual(line.free_qty_today, 2)
        self.assertRegex(
            order.retail_expiry_warning,
            r"Fresh Milk: only 2\.00 of the stock in .* can be sold; expired lots "
            r"are never delivered: EXPIRED \(5\.00, expired on .*\)",
        )
        line.product_uom_qty = 2
        self.assertFalse(order.retail_expiry_warning)
        line.product_uom_qty = 4
        order.action_confirm()
        move = order.picking_ids.move_ids
        self.assertEqual(move.quantity, 2)
        self.assertEqual(move.move_line_ids.lot_id, self.lots["D20"])

    def test_near_expiry_board(self):
        self.env.company.write(
            {"retail_markdown_days": 10, "retail_markdown_percent": 40.0}
        )
        for lot, qty in (
            ("EXPIRED", 3),
            ("D5", 4),
            ("D20", 5),
            ("D60", 6),
            ("D200", 7),
        ):
            self._stock(lot, qty)
        buckets = self.env["retail.expiry.report"]._read_group(
            [("warehouse_id", "=", self.hq_warehouse.id)],
            ["bucket"],
            ["quantity:sum", "value:sum"],
        )
        self.assertEqual(
            sorted(buckets),
            [
                ("30", 5.0, 20.0),
                ("7", 4.0, 16.0),
                ("90", 6.0, 24.0),
                ("expired", 3.0, 12.0),
            ],
        )
        rows = self.env["retail.expiry.report"].search(
            [("product_id", "=", self.milk.id)]
        )
        by_lot = {row.lot_id.name: row for row in rows}
        self.assertEqual(set(by_lot), {"EXPIRED", "D5", "D20", "D60"})
        self.assertEqual(by_lot["D5"].days_left, 5)
        self.assertEqual(by_lot["D5"].markdown_price, 6.0)  # 10 less 40 %
        self.assertFalse(by_lot["D20"].markdown_price)  # beyond the 10 days
        self.assertFalse(by_lot["EXPIRED"].markdown_price)  # not for sale at all
        self.assertEqual(by_lot["EXPIRED"].bucket, "expired")
        self.assertEqual(by_lot["D5"].bucket, "7")

    def test_cashiers_do_not_see_the_board_or_its_cost(self):
        self._stock("D5", 4)
        cashier = self.role_users["cashier"]
        with self.assertRaises(Exception):  # noqa: B017 (AccessError)
            self.env["retail.expiry.report"].with_user(cashier).search([])
        keeper = self.role_users["keeper"]
        row = (
            self.env["retail.expiry.report"]
            .with_user(keeper)
            .search([("product_id", "=", self.milk.id)])
        )
        self.assertEqual(row.value, 16.0)


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
                _deliver(env, product, lot, 2, wh.lot_stock_id) for _user in range(2)
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
