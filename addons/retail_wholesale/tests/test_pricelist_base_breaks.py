from odoo import Command
from odoo.tests import tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestPricelistBaseBreaks(RetailCommon):
    """Quantity breaks of a base pricelist apply through derived pricelists
    (odoo/odoo#105505)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "奶粉 800g", "list_price": 60.0}
        )
        cls.other = cls.env["product.product"].create(
            {"name": "米粉 250g", "list_price": 30.0}
        )
        tmpl = cls.product.product_tmpl_id.id

        def fixed(min_qty, price):
            return Command.create(
                {
                    "applied_on": "1_product",
                    "product_tmpl_id": tmpl,
                    "min_quantity": min_qty,
                    "compute_price": "fixed",
                    "fixed_price": price,
                }
            )

        cls.base = cls.env["product.pricelist"].create(
            {"name": "批发一级", "item_ids": [fixed(0, 50.0), fixed(10, 40.0)]}
        )
        cls.derived = cls.env["product.pricelist"].create(
            {
                "name": "加盟店",
                "item_ids": [
                    fixed(0, 45.0),
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "base": "pricelist",
                            "base_pricelist_id": cls.base.id,
                            "percent_price": 0.0,
                        }
                    ),
                ],
            }
        )

    def _price(self, pricelist, product, qty):
        return pricelist._get_product_price(product, qty)

    def test_derived_rule_prices_below_the_base_break(self):
        self.assertEqual(self._price(self.derived, self.product, 5), 45.0)

    def test_base_break_wins_from_its_minimum_quantity(self):
        self.assertEqual(self._price(self.derived, self.product, 10), 40.0)
        self.assertEqual(self._price(self.derived, self.product, 100), 40.0)

    def test_core_behaviour_when_the_option_is_off(self):
        self.derived.retail_keep_base_breaks = False
        self.assertEqual(self._price(self.derived, self.product, 10), 45.0)

    def test_products_without_own_rule_follow_the_base(self):
        self.assertEqual(self._price(self.derived, self.other, 10), 30.0)
        self.assertEqual(self._price(self.derived, self.product, 10), 40.0)

    def test_sale_order_line_gets_the_base_break(self):
        partner = self.env["res.partner"].create(
            {"name": "加盟店 浦东", "property_product_pricelist": self.derived.id}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": qty}
                    )
                    for qty in (5, 12)
                ],
            }
        )
        self.assertEqual(order.order_line.mapped("price_unit"), [45.0, 40.0])
