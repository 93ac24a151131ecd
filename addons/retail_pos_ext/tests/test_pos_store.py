from odoo import Command
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon

from .common import make_cashier


@tagged("post_install", "-at_install")
class TestPosStore(TestPointOfSaleHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.main_pos_config.picking_type_id.warehouse_id
        cls.store.name = "Retail Tour Store"
        make_cashier(cls.pos_user, cls.store)

    def test_pos_config_knows_its_store(self):
        self.assertEqual(self.main_pos_config.retail_warehouse_id, self.store)
        self.assertEqual(self.main_pos_config.retail_store_name, "Retail Tour Store")
        configs = self.env["pos.config"].search(
            [("retail_warehouse_id", "=", self.store.id)]
        )
        self.assertIn(self.main_pos_config, configs)

    def test_cashier_role_can_sell_at_the_pos(self):
        cashier = self.env["res.users"].create(
            {
                "name": "Role Cashier",
                "login": "role_cashier",
                "groups_id": [
                    Command.set(
                        self.env.ref(
                            "retail_wholesale.retail_wholesale_group_cashier"
                        ).ids
                    )
                ],
            }
        )
        self.assertTrue(cashier.has_group("point_of_sale.group_pos_user"))
        self.assertFalse(cashier.has_group("point_of_sale.group_pos_manager"))
        manager_group = self.env.ref(
            "retail_wholesale.retail_wholesale_group_store_manager"
        )
        self.assertIn(
            self.env.ref("point_of_sale.group_pos_manager"), manager_group.implied_ids
        )

    def test_cashier_sells_and_receipt_names_the_store(self):
        channel = self.env["retail.channel"].create(
            {
                "name": "门店零售",
                "code": "STORE_RETAIL",
                "company_id": self.env.company.id,
            }
        )
        self.main_pos_config.retail_channel_id = channel
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("retail_pos_ext_store_receipt_tour", login="pos_user")
        order = self.env["pos.order"].search(
            [("session_id", "=", self.main_pos_config.current_session_id.id)]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.lines.product_id.name, "Desk Pad")
        self.assertEqual(order.lines.qty, 3)
        self.assertEqual(order.config_id.retail_warehouse_id, self.store)
        # the order counts in the till's sales channel, in the POS analysis too
        self.assertEqual(order.retail_channel_id, channel)
        groups = self.env["report.pos.order"]._read_group(
            [("order_id", "=", order.id)], ["retail_channel_id"], ["product_qty:sum"]
        )
        self.assertEqual(groups, [(channel, 3.0)])
