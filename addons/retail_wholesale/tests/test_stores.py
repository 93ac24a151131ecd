from odoo.tests import Form, tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestStores(RetailCommon):
    def test_first_warehouse_is_head_office_new_ones_are_stores(self):
        self.assertEqual(self.hq_warehouse.retail_role, "hq")
        self.assertEqual(self.store_warehouse.retail_role, "store")

    def test_store_staff_and_user_stores_are_one_relation(self):
        cashier = self.role_users["cashier"]
        with Form(self.store_warehouse) as form:
            form.retail_user_ids.add(cashier)
        self.assertEqual(cashier.retail_warehouse_ids, self.store_warehouse)
        cashier.retail_warehouse_ids = False
        self.assertFalse(self.store_warehouse.retail_user_ids)

    def test_user_can_read_own_stores(self):
        cashier = self.role_users["cashier"]
        cashier.retail_warehouse_ids = self.store_warehouse
        values = cashier.with_user(cashier).read(["retail_warehouse_ids"])
        self.assertEqual(values[0]["retail_warehouse_ids"], self.store_warehouse.ids)
