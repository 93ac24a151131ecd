from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosOfflineSync(RetailPosHttpCommon):
    def test_orders_made_offline_are_synced_exactly_once(self):
        session = self._open_session()
        self.start_pos_tour("retail_pos_ext_offline_sync_tour", login="pos_user")
        orders = self._session_orders(session)
        # two sales: the first made while the server was down, the second sent while
        # answers were lost, both sent again when the till was back online
        self.assertEqual(len(orders), 2)
        self.assertEqual(len(set(orders.mapped("uuid"))), 2)
        self.assertEqual(set(orders.mapped("state")), {"paid"})
        self.assertEqual(orders.lines.product_id, self.desk_pad)
        self.assertEqual(sum(orders.lines.mapped("qty")), 2)
        self.assertEqual(len(orders.payment_ids), 2)
