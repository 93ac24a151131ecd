from odoo.tests import HttpCase, tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestWholesaleOrderTour(RetailCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Tour Wholesale Buyer"})
        cls.product = cls.env["product.product"].create(
            {"name": "Tour Green Tea 250g", "list_price": 38.0, "is_storable": True}
        )

    def test_store_manager_creates_and_confirms_wholesale_order(self):
        manager = self.role_users["store_manager"]
        manager.password = "rw_store_manager"  # noqa: S105
        self.start_tour("/odoo", "retail_wholesale_order_tour", login=manager.login)
        order = self.env["sale.order"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.user_id, manager)
        self.assertEqual(order.order_line.product_id, self.product)
        self.assertEqual(order.order_line.product_uom_qty, 12)
        self.assertEqual(order.amount_untaxed, 456.0)
        self.assertEqual(order.picking_ids.state, "confirmed")
