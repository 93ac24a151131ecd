from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestRetailBrand(RetailCommon):
    def test_brand_counts_its_products(self):
        brand = self.env["retail.brand"].create({"name": "康师傅"})
        self.env["product.template"].create(
            [{"name": f"方便面 {i}", "retail_brand_id": brand.id} for i in range(3)]
        )
        self.assertEqual(brand.product_count, 3)
        self.assertEqual(
            self.env["product.template"].search_count(
                [("retail_brand_id", "=", brand.id)]
            ),
            3,
        )

    def test_brand_names_are_unique(self):
        self.env["retail.brand"].create({"name": "伊利"})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["retail.brand"].create({"name": "伊利"})

    def test_buyers_manage_brands_cashiers_only_read_them(self):
        brand = (
            self.env["retail.brand"]
            .with_user(self.role_users["buyer"])
            .create({"name": "蒙牛"})
        )
        cashier_brands = self.env["retail.brand"].with_user(self.role_users["cashier"])
        self.assertEqual(cashier_brands.browse(brand.id).name, "蒙牛")
        with self.assertRaises(AccessError):
            cashier_brands.create({"name": "光明"})
        with self.assertRaises(AccessError):
            cashier_brands.browse(brand.id).write({"name": "光明"})
