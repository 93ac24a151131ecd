from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import RetailPosHeldCommon


@tagged("post_install", "-at_install")
class TestPosHeldOrder(RetailPosHeldCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.main_pos_config.retail_warehouse_id
        cls.pos_user.retail_warehouse_ids = [Command.set(cls.store.ids)]
        cls.second_till = cls.env["pos.config"].create(
            {
                "name": "Second Till",
                "picking_type_id": cls.main_pos_config.picking_type_id.id,
                "payment_method_ids": [Command.set(cls.bank_payment_method.ids)],
            }
        )
        cls.other_store = cls.env["stock.warehouse"].create(
            {"name": "Other Store", "code": "OTS"}
        )
        cls.other_till = cls.env["pos.config"].create(
            {
                "name": "Other Store Till",
                "picking_type_id": cls.other_store.pos_type_id.id,
                "payment_method_ids": [Command.set(cls.bank_payment_method.ids)],
            }
        )

    def test_held_order_is_resumed_once_at_any_till_of_the_store(self):
        held_model = self.HeldOrder.with_user(self.pos_user)
        held_id = held_model.retail_hold(self.main_pos_config.id, self._held_values())
        held = self.HeldOrder.browse(held_id)
        self.assertEqual(held.warehouse_id, self.store)
        self.assertEqual(held.user_id, self.pos_user)
        self.assertEqual((held.line_count, held.amount_total), (2, 25.5))
        listed = held_model.retail_list(self.second_till.id)
        self.assertEqual([row["id"] for row in listed], [held_id])
        self.assertEqual(listed[0]["name"], "Zhang table 3")
        # another store's till is out of this cashier's reach altogether
        with self.assertRaises(AccessError):
            held_model.retail_list(self.other_till.id)
        self.assertEqual(self.HeldOrder.retail_list(self.other_till.id), [])
        data = held_model.browse(held_id).retail_resume(self.second_till.id)
        self.assertEqual(
            [
                (line["product_id"], line["qty"], line["price_unit"])
                for line in data["lines"]
            ],
            [(self.tea.id, 2.0, 10.0), (self.cake.id, 1.0, 5.5)],
        )
        self.assertEqual(data["lines"][1]["customer_note"], "no sugar")
        self.assertEqual(held.state, "resumed")
        self.assertEqual(held.resumed_config_id, self.second_till)
        self.assertEqual(held.resumed_user_id, self.pos_user)
        self.assertEqual(held_model.retail_list(self.main_pos_config.id), [])
        with self.assertRaisesRegex(UserError, "already resumed by"):
            held_model.browse(held_id).retail_resume(self.main_pos_config.id)

    def test_held_lines_keep_whether_the_pricelist_gave_their_price(self):
        """A pricelist's price ("original") follows the pricelist again on resume; a
        price typed at the till, or sent without saying, stays as it was."""
        values = self._held_values()
        values["lines"][0]["price_type"] = "original"
        values["lines"][1]["price_type"] = "manual"
        values["lines"].append(
            {"product_id": self.tea.id, "qty": 1, "price_unit": 8.0, "price_type": "x"}
        )
        held_id = self.HeldOrder.retail_hold(self.main_pos_config.id, values)
        data = self.HeldOrder.browse(held_id).retail_resume(self.main_pos_config.id)
        self.assertEqual(
            [line["price_type"] for line in data["lines"]],
            ["original", "manual", "manual"],
        )

    def test_held_order_of_another_store_cannot_be_resumed(self):
        held_id = self.HeldOrder.retail_hold(self.other_till.id, self._held_values())
        with self.assertRaisesRegex(UserError, "held in another store"):
            self.HeldOrder.browse(held_id).retail_resume(self.main_pos_config.id)
        self.assertEqual(self.HeldOrder.browse(held_id).state, "held")

    def test_cashier_sees_only_the_held_orders_of_their_stores(self):
        own = self.HeldOrder.retail_hold(
            self.main_pos_config.id, self._held_values("Own")
        )
        self.HeldOrder.retail_hold(self.other_till.id, self._held_values("Theirs"))
        visible = self.HeldOrder.with_user(self.pos_user).search([])
        self.assertEqual(visible.ids, [own])

    def test_bad_held_orders_are_refused_and_nothing_is_written(self):
        held_model = self.HeldOrder.with_user(self.pos_user)
        config_id = self.main_pos_config.id
        with self.assertRaisesRegex(UserError, "Give the held order a name"):
            held_model.retail_hold(config_id, self._held_values(name="  "))
        with self.assertRaisesRegex(UserError, "nothing to hold"):
            held_model.retail_hold(config_id, self._held_values(lines=[]))
        with self.assertRaisesRegex(UserError, "nothing to hold"):
            held_model.retail_hold(
                config_id,
                self._held_values(lines=[{"product_id": self.tea.id, "qty": 0}]),
            )
        with self.assertRaisesRegex(UserError, "no longer exists"):
            held_model.retail_hold(
                config_id,
                self._held_values(lines=[{"product_id": 999999999, "qty": 1}]),
            )
        with self.assertRaisesRegex(UserError, "must be a list of names"):
            held_model.retail_hold(
                config_id,
                self._held_values(
                    lines=[{"product_id": self.tea.id, "qty": 1, "lot_names": "L1"}]
                ),
            )
        self.assertEqual(self.HeldOrder.search_count([]), 0)

    def test_held_order_survives_a_reload_and_never_counts_as_a_sale(self):
        self.HeldOrder.retail_hold(
            self.other_till.id, self._held_values("Other Store Order")
        )
        session = self._open_session()
        self.start_pos_tour("retail_pos_ext_held_order_tour", login="pos_user")
        held = self.HeldOrder.search([("name", "=", "Zhang table 3")])
        self.assertEqual(len(held), 1)
        self.assertEqual(held.state, "resumed")
        self.assertEqual(held.config_id, self.main_pos_config)
        self.assertEqual(held.resumed_config_id, self.main_pos_config)
        self.assertEqual(held.amount_total, 25.5)
        # one sale only: the resumed order, paid; holding it made no POS order
        order = self._session_orders(session)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.amount_total, 25.5)
        self.assertEqual(
            sorted((line.product_id.name, line.qty) for line in order.lines),
            [("Retail Held Cake", 1.0), ("Retail Held Tea", 2.0)],
        )
        sold = self.env["report.pos.order"]._read_group(
            [("session_id", "=", session.id)],
            [],
            ["product_qty:sum", "order_id:count_distinct"],
        )
        self.assertEqual(sold, [(3.0, 1)])
