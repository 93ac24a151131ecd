from psycopg2 import IntegrityError

from odoo import Command
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestCustomerGrade(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Pricelist = cls.env["product.pricelist"]
        cls.retail_pl = Pricelist.create({"name": "零售价"})
        cls.wholesale_pl = Pricelist.create(
            {
                "name": "批发一级价",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 10,
                        }
                    )
                ],
            }
        )
        cls.vip_pl = Pricelist.create({"name": "VIP价"})
        cls.grade = cls.env["retail.customer.grade"].create(
            {"name": "批发一级", "code": "W1", "pricelist_id": cls.wholesale_pl.id}
        )
        cls.shop = cls.env["res.partner"].create(
            {"name": "好邻居便利店", "is_company": True}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "绿茶 500ml", "list_price": 100.0}
        )

    def test_setting_a_grade_sets_the_pricelist(self):
        self.assertNotEqual(self.shop.property_product_pricelist, self.wholesale_pl)
        self.shop.retail_grade_id = self.grade
        self.assertEqual(self.shop.property_product_pricelist, self.wholesale_pl)
        self.assertEqual(self.grade.partner_count, 1)

    def test_contacts_follow_their_company_grade(self):
        buyer = self.env["res.partner"].create(
            {"name": "采购 小王", "parent_id": self.shop.id}
        )
        self.shop.retail_grade_id = self.grade
        self.assertEqual(buyer.retail_grade_id, self.grade)
        self.assertEqual(buyer.property_product_pricelist, self.wholesale_pl)

    def test_changing_the_grade_pricelist_reprices_its_customers(self):
        other = self.env["res.partner"].create(
            {"name": "快客便利店", "is_company": True}
        )
        (self.shop | other).retail_grade_id = self.grade
        self.grade.pricelist_id = self.vip_pl
        (self.shop | other).invalidate_recordset(["property_product_pricelist"])
        self.assertEqual(self.shop.property_product_pricelist, self.vip_pl)
        self.assertEqual(other.property_product_pricelist, self.vip_pl)

    def test_sale_order_of_a_graded_customer_uses_grade_price(self):
        self.shop.retail_grade_id = self.grade
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.shop
            with form.order_line.new() as line:
                line.product_id = self.product
                line.product_uom_qty = 10
        order = form.save()
        self.assertEqual(order.pricelist_id, self.wholesale_pl)
        self.assertEqual(order.retail_grade_id, self.grade)
        self.assertEqual(order.order_line.price_unit, 90.0)

    def test_grade_is_per_company(self):
        other_company = self.env["res.company"].create({"name": "分公司"})
        self.shop.retail_grade_id = self.grade
        self.assertFalse(self.shop.with_company(other_company).retail_grade_id)
        self.assertNotEqual(
            self.shop.with_company(other_company).property_product_pricelist,
            self.wholesale_pl,
        )

    def test_grade_codes_are_unique_per_company(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["retail.customer.grade"].create(
                {
                    "name": "批发一级 (重复)",
                    "code": "W1",
                    "pricelist_id": self.vip_pl.id,
                }
            )
