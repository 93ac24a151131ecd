from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestTierPriceTour(RetailCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Tier Biscuits", "list_price": 12.0, "taxes_id": [Command.clear()]}
        )
        tmpl = cls.product.product_tmpl_id.id
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Wholesale Tier 1 prices",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "1_product",
                            "product_tmpl_id": tmpl,
                            "min_quantity": qty,
                            "compute_price": "fixed",
                            "fixed_price": price,
                        }
                    )
                    for qty, price in ((1, 10.0), (10, 9.0), (50, 8.5))
                ],
            }
        )
        grade = cls.env["retail.customer.grade"].create(
            {"name": "Wholesale Tier 1", "pricelist_id": cls.pricelist.id}
        )
        cls.shop = cls.env["res.partner"].create(
            {"name": "Tier Test Shop", "is_company": True, "retail_grade_id": grade.id}
        )

    def test_tier_price_changes_with_quantity_in_the_browser(self):
        manager = self.role_users["store_manager"]
        manager.password = "rw_store_manager"  # noqa: S105
        self.start_tour(
            "/odoo", "retail_wholesale_tier_price_tour", login=manager.login
        )
        order = self.env["sale.order"].search([("partner_id", "=", self.shop.id)])
        self.assertEqual(order.pricelist_id, self.pricelist)
        self.assertEqual(order.order_line.product_uom_qty, 60)
        self.assertEqual(order.order_line.price_unit, 8.5)
        self.assertEqual(order.amount_untaxed, 510.0)
