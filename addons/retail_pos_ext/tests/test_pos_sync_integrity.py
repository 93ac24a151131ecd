from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosSyncIntegrity(RetailPosHttpCommon):
    """What a till sends changes only the order it sends: commands on records of
    other orders and references to unknown or foreign records are refused, named, and
    nothing of the refused order is written; valid orders of the same batch are saved.
    Sent as the store's cashier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tea = cls._create_retail_product("Retail Tea", 10.0)
        cls.milk = cls._create_retail_product(
            "Retail Lot Milk", 6.0, tracking="lot", use_expiration_date=True
        )

    def setUp(self):
        super().setUp()
        self.session = self._open_session()
        self.cash = self.bank_payment_method
        # a paid order of the store, with a line, a payment and a lot
        self.paid = self._sync_order(
            self.session,
            [(self.tea, 2, 10.0), (self.milk, 1, 6.0)],
            [(self.cash, 26.0)],
            lots={self.milk: "LOT-A"},
        )
        self.paid_line = self.paid.lines.filtered(
            lambda line: line.product_id == self.tea
        )
        self.paid_lot = self.paid.lines.pack_lot_ids

    def _payload(self, lines=((None, 1, 10.0),), payments=None):
        lines = [(product or self.tea, qty, price) for product, qty, price in lines]
        total = sum(qty * price for _product, qty, price in lines)
        return self._order_payload(
            self.session, lines, payments or [(self.cash, total)]
        )

    def _send(self, *payloads):
        return (
            self.env["pos.order"].with_user(self.pos_user).sync_from_ui(list(payloads))
        )

    def _assert_refused(self, payload, *fragments):
        orders = self.env["pos.order"].search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._send(payload)
        for fragment in (payload["name"], *fragments):
            self.assertIn(fragment, str(caught.exception))
        self.assertEqual(self.env["pos.order"].search_count([]), orders)
        # the other order is untouched
        self.assertEqual(self.paid_line.order_id, self.paid)
        self.assertEqual((self.paid_line.qty, self.paid_line.price_unit), (2, 10.0))
        self.assertEqual(self.paid.payment_ids.mapped("amount"), [26.0])
        self.assertEqual(self.paid.amount_paid, 26.0)

    def test_commands_on_another_orders_records_are_refused(self):
        cases = {
            "update another order's line": (
                "lines",
                [1, self.paid_line.id, {"price_unit": 0.02, "qty": 99}],
            ),
            "take another order's line": ("lines", [4, self.paid_line.id]),
            "delete another order's line": ("lines", [2, self.paid_line.id]),
            "set lines of another order": ("lines", [6, 0, [self.paid_line.id]]),
            "take another order's payment": (
                "payment_ids",
                [4, self.paid.payment_ids.id],
            ),
            "update another order's payment": (
                "payment_ids",
                [1, self.paid.payment_ids.id, {"amount": 0.01}],
            ),
        }
        for case, (field, command) in cases.items():
            with self.subTest(case):
                payload = self._payload()
                payload[field].append(command)
                self._assert_refused(
                    payload, f"of {field} names {command[1] or command[2][0]}"
                )
        # nested: a new line taking another order's lot
        payload = self._payload()
        payload["lines"][0][2]["pack_lot_ids"] = [[4, self.paid_lot.id]]
        self._assert_refused(payload, f"of pack_lot_ids names {self.paid_lot.id}")
        self.assertEqual(self.paid_lot.pos_order_line_id.order_id, self.paid)

    def test_draft_order_sent_again_updates_its_own_records(self):
        payload = self._payload([(None, 1, 10.0), (self.milk, 1, 6.0)])
        payload["state"] = "draft"
        draft = self.env["pos.order"].browse(
            self._send(dict(payload))["pos.order"][0]["id"]
        )
        tea = draft.lines.filtered(lambda line: line.product_id == self.tea)
        milk = draft.lines - tea
        payload.update(
            lines=[[1, tea.id, {"qty": 3, "price_subtotal": 30.0}], [2, milk.id]],
            payment_ids=[[1, draft.payment_ids.id, {"amount": 30.0}]],
            amount_total=30.0,
            amount_paid=30.0,
            state="paid",
            access_token=draft.access_token,
        )
        self._send(payload)
        self.assertEqual(draft.state, "paid")
        self.assertEqual(draft.lines, tea)
        self.assertEqual(tea.qty, 3)
        self.assertEqual(draft.payment_ids.mapped("amount"), [30.0])

    def test_valid_orders_of_a_batch_are_saved_when_one_is_refused(self):
        good = self._payload()
        bad = self._payload()
        bad["lines"].append([1, self.paid_line.id, {"price_unit": 0.02, "qty": 99}])
        result = self._send(good, bad)
        saved = self.env["pos.order"].search([("uuid", "=", good["uuid"])])
        self.assertEqual(saved.state, "paid")
        self.assertEqual([order["id"] for order in result["pos.order"]], saved.ids)
        self.assertFalse(self.env["pos.order"].search([("uuid", "=", bad["uuid"])]))
        [refused] = result["retail_refused"]
        self.assertEqual((refused["uuid"], refused["name"]), (bad["uuid"], bad["name"]))
        self.assertIn(f"of lines names {self.paid_line.id}", refused["problems"][0])
        self.assertEqual((self.paid_line.qty, self.paid_line.price_unit), (2, 10.0))

    def test_unknown_or_foreign_references_are_named(self):
        other_company = self.env["res.company"].create({"name": "Other Retail Co"})
        foreign_pricelist = self.env["product.pricelist"].create(
            {"name": "Other list", "company_id": other_company.id}
        )
        foreign_method = self.env["pos.payment.method"].create(
            {"name": "Not this till's", "company_id": self.env.company.id}
        )
        missing = (
            self.env["product.product"].search([], order="id desc", limit=1).id + 1000
        )

        def with_line_product(product_id):
            payload = self._payload()
            payload["lines"][0][2]["product_id"] = product_id
            return payload

        def with_payment_method(method_id):
            payload = self._payload()
            payload["payment_ids"][0][2]["payment_method_id"] = method_id
            return payload

        def with_order_value(key, value):
            payload = self._payload()
            payload[key] = value
            return payload

        cases = [
            (with_line_product(missing), f"product_id {missing} is unknown"),
            (with_payment_method(missing), f"payment_method_id {missing} is unknown"),
            (
                with_payment_method(foreign_method.id),
                f"payment_method_id {foreign_method.id} is unknown",
            ),
            (
                with_order_value("pricelist_id", foreign_pricelist.id),
                f"pricelist_id {foreign_pricelist.id} is unknown",
            ),
            (
                with_order_value("partner_id", missing),
                f"partner_id {missing} is unknown",
            ),
            (
                with_order_value("fiscal_position_id", missing),
                f"fiscal_position_id {missing} is unknown",
            ),
            (
                with_order_value("session_id", missing),
                f"session_id {missing} is unknown",
            ),
        ]
        for payload, message in cases:
            with self.subTest(message):
                self._assert_refused(payload, message)

    def test_lots_the_till_cannot_use_are_named(self):
        other_company = self.env["res.company"].create({"name": "Other Retail Co"})
        bread = self._create_retail_product("Retail Lot Bread", 4.0, tracking="lot")
        self.env["stock.lot"].create(
            [
                {
                    "name": "FOREIGN-1",
                    "product_id": self.milk.id,
                    "company_id": other_company.id,
                },
                {
                    "name": "BREAD-1",
                    "product_id": bread.id,
                    "company_id": self.env.company.id,
                },
                {
                    "name": "MILK-1",
                    "product_id": self.milk.id,
                    "company_id": self.env.company.id,
                },
            ]
        )
        picking_type = self.session.config_id.picking_type_id

        def with_lot(lot_name):
            payload = self._payload([(self.milk, 1, 6.0)])
            payload["lines"][0][2]["pack_lot_ids"] = [[0, 0, {"lot_name": lot_name}]]
            return payload

        # a lot of another company is never the till's, even where new lots are made
        picking_type.use_create_lots = True
        self._assert_refused(
            with_lot("FOREIGN-1"), "lot_name FOREIGN-1 (Retail Lot Milk)"
        )
        # where the till's operation makes no lots, a lot must exist for the product
        picking_type.use_create_lots = False
        self._assert_refused(with_lot("NO-SUCH-LOT"), "lot_name NO-SUCH-LOT")
        self._assert_refused(with_lot("BREAD-1"), "lot_name BREAD-1 (Retail Lot Milk)")
        self._send(with_lot("MILK-1"))
        sold = self.env["pos.order.line"].search(
            [("pack_lot_ids.lot_name", "=", "MILK-1")]
        )
        self.assertEqual(sold.order_id.state, "paid")

    def test_refusal_is_translated(self):
        self.pos_user.lang = "zh_CN"
        self.env["res.lang"]._activate_lang("zh_CN")
        payload = self._payload()
        payload["lines"].append([4, self.paid_line.id])
        cashier = self.env["pos.order"].with_user(self.pos_user)
        with self.assertRaises(ValidationError) as caught:
            cashier.with_context(lang="zh_CN").sync_from_ui([payload])
        self.assertNotIn("which is not part of this order", str(caught.exception))
        self.assertIn(
            f"lines 的命令 4 指向 {self.paid_line.id}，该记录不属于本订单",
            str(caught.exception),
        )

    def test_settled_payments_and_till_settings_are_not_the_cashiers(self):
        Payment = self.env["pos.payment"].with_user(self.pos_user)
        values = {
            "pos_order_id": self.paid.id,
            "payment_method_id": self.cash.id,
            "amount": 313.64,
        }
        with self.assertRaisesRegex(AccessError, "only a point of sale manager"):
            Payment.create(values)
        payment = self.paid.payment_ids.with_user(self.pos_user)
        with self.assertRaises(AccessError):
            payment.write({"amount": 0.01})
        with self.assertRaises(AccessError):
            payment.unlink()
        self.assertEqual(self.paid.payment_ids.mapped("amount"), [26.0])
        config = self.main_pos_config.with_user(self.pos_user)
        with self.assertRaisesRegex(AccessError, "Only point of sale managers"):
            config.write({"iface_print_auto": True})
        self.assertFalse(self.main_pos_config.iface_print_auto)
        # a store manager may do both
        manager = self.env["res.users"].create(
            {
                "name": "Retail Store Manager",
                "login": "retail_sync_manager",
                "groups_id": [
                    Command.set(
                        [
                            self.env.ref(
                                "retail_wholesale.retail_wholesale_group_store_manager"
                            ).id
                        ]
                    )
                ],
                "retail_warehouse_ids": [
                    Command.set(self.main_pos_config.retail_warehouse_id.ids)
                ],
            }
        )
        self.main_pos_config.with_user(manager).write({"iface_print_auto": True})
        self.assertTrue(self.main_pos_config.iface_print_auto)
        self.env["pos.payment"].with_user(manager).create(values)
        self.assertEqual(sorted(self.paid.payment_ids.mapped("amount")), [26.0, 313.64])
