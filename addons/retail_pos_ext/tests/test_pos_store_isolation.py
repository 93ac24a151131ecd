from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

MODELS = (
    "pos.config",
    "pos.session",
    "pos.order",
    "pos.order.line",
    "pos.payment",
    "report.pos.order",
)


@tagged("post_install", "-at_install")
class TestPosStoreIsolation(TestPoSCommon):
    """Cashiers and store managers reach only their stores' tills, sessions, orders,
    lines, payments and analysis: never another store's, whatever the operation;
    head office reaches every store."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.product = cls.create_product("Soap", cls.categ_basic, 5.0, 2.0)
        cls.store_a = cls.basic_config.picking_type_id.warehouse_id
        cls.store_b = cls.env["stock.warehouse"].create(
            {"name": "Store B", "code": "STB"}
        )
        cls.config_a = cls.basic_config
        cls.config_b = cls.env["pos.config"].create(
            {
                "name": "Till B",
                "picking_type_id": cls.store_b.pos_type_id.id,
                "payment_method_ids": [Command.set(cls.bank_pm1.ids)],
                "pricelist_id": cls.currency_pricelist.id,
                "available_pricelist_ids": [Command.set(cls.currency_pricelist.ids)],
            }
        )
        company = cls.env.company

        def user(login, group, stores):
            return new_test_user(
                cls.env,
                login=login,
                groups=f"retail_wholesale.{group},base.group_user",
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
                retail_warehouse_ids=[Command.set(stores.ids)],
                lang="en_US",
            )

        cls.cashier_a = user(
            "iso_cashier_a", "retail_wholesale_group_cashier", cls.store_a
        )
        cls.manager_a = user(
            "iso_manager_a", "retail_wholesale_group_store_manager", cls.store_a
        )
        cls.head_office = user(
            "iso_hq", "retail_wholesale_group_hq_admin", cls.env["stock.warehouse"]
        )

    def setUp(self):
        super().setUp()
        self.records = {}
        for store, config in (("a", self.config_a), ("b", self.config_b)):
            self.config = config
            self.open_new_session()
            result = self.env["pos.order"].sync_from_ui(
                [
                    self.create_ui_order_data(
                        [(self.product, 2)],
                        payments=None if store == "a" else [(self.bank_pm1, 10.0)],
                    )
                ]
            )
            order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
            self.env.flush_all()
            self.records[store] = {
                "pos.config": config,
                "pos.session": order.session_id,
                "pos.order": order,
                "pos.order.line": order.lines,
                "pos.payment": order.payment_ids,
                "report.pos.order": self.env["report.pos.order"].search(
                    [("order_id", "=", order.id)]
                ),
            }
        for records in self.records.values():
            for model, record in records.items():
                self.assertTrue(record, f"{model} was not made")

    def test_store_roles_reach_only_their_store(self):
        for user in (self.cashier_a, self.manager_a):
            for model in MODELS:
                own, other = self.records["a"][model], self.records["b"][model]
                Model = self.env[model].with_user(user)
                with self.subTest(user=user.login, model=model, op="search"):
                    found = Model.search([("id", "in", (own | other).ids)])
                    self.assertEqual(found.ids, own.ids)
                with self.subTest(user=user.login, model=model, op="read"):
                    own.with_user(user).read(["display_name"])
                    with self.assertRaises(AccessError):
                        other.with_user(user).read(["display_name"])
                if model == "report.pos.order":
                    continue
                for operation in ("write", "unlink"):
                    with (
                        self.subTest(user=user.login, model=model, op=operation),
                        self.assertRaises(AccessError),
                    ):
                        other.with_user(user).check_access(operation)

    def test_store_roles_cannot_create_in_another_store(self):
        session_b = self.records["b"]["pos.session"]
        for user in (self.cashier_a, self.manager_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["pos.order"].with_user(user).create(
                    {
                        "session_id": session_b.id,
                        "amount_total": 0.0,
                        "amount_tax": 0.0,
                        "amount_paid": 0.0,
                        "amount_return": 0.0,
                    }
                )

    def test_cashier_syncs_orders_of_their_own_till(self):
        self.config = self.config_a
        self.pos_session = self.records["a"]["pos.session"]
        data = self.create_ui_order_data([(self.product, 1)])
        result = self.env["pos.order"].with_user(self.cashier_a).sync_from_ui([data])
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.config_id, self.config_a)

    def test_head_office_reaches_every_store(self):
        for model in MODELS:
            both = self.records["a"][model] | self.records["b"][model]
            with self.subTest(model=model):
                found = (
                    self.env[model]
                    .with_user(self.head_office)
                    .search([("id", "in", both.ids)])
                )
                self.assertEqual(found, both.with_user(self.head_office))
                both.with_user(self.head_office).read(["display_name"])
