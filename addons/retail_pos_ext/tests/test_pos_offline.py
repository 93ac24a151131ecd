from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.point_of_sale.models.pos_order import PosOrder
from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon

from .common import make_cashier


@tagged("post_install", "-at_install")
class TestPosOffline(TestPointOfSaleHttpCommon):
    """Orders made while the server is unreachable are sent in chunks when it is back,
    and each is saved exactly once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        make_cashier(cls.pos_user, cls.main_pos_config.picking_type_id.warehouse_id)

    def test_offline_backlog_drains_in_chunks_exactly_once(self):
        batches = []
        sync_from_ui = PosOrder.sync_from_ui

        def counting_sync(self, orders):
            batches.append([order["uuid"] for order in orders])
            return sync_from_ui(self, orders)

        self.main_pos_config.with_user(self.pos_user).open_ui()
        with patch.object(PosOrder, "sync_from_ui", counting_sync):
            self.start_pos_tour("retail_pos_ext_offline_backlog_tour", login="pos_user")
        orders = self.env["pos.order"].search(
            [("session_id", "=", self.main_pos_config.current_session_id.id)]
        )
        self.assertEqual(len(orders), 5)
        self.assertEqual(set(orders.mapped("state")), {"paid"})
        self.assertEqual(len(set(orders.mapped("uuid"))), 5)
        self.assertEqual(sorted(len(batch) for batch in batches), [1, 2, 2])
        sent = [ref for batch in batches for ref in batch]
        self.assertEqual(sorted(sent), sorted(orders.mapped("uuid")))
