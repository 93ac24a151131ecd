from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosStoreStock(RetailPosHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.main_pos_config.retail_warehouse_id
        cls.other_store = cls.env["stock.warehouse"].create(
            {"name": "Retail Other Store", "code": "ROS"}
        )
        cls.soap = cls._create_retail_product("Retail Stock Soap", 3.0)
        cls.towel = cls._create_retail_product("Retail Stock Towel", 8.0)
        cls.service = cls._create_retail_product(
            "Retail Stock Service", 5.0, is_storable=False
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.soap, cls.store.lot_stock_id, 12)
        Quant._update_available_quantity(cls.soap, cls.other_store.lot_stock_id, 5)
        Quant._update_available_quantity(cls.towel, cls.other_store.lot_stock_id, 7)

    def test_store_quantity_counts_only_the_store_warehouse(self):
        products = (self.soap | self.towel).with_context(
            retail_warehouse_id=self.store.id
        )
        self.assertEqual(products.mapped("retail_store_qty"), [12.0, 0.0])
        other = (self.soap | self.towel).with_context(
            retail_warehouse_id=self.other_store.id
        )
        self.assertEqual(other.mapped("retail_store_qty"), [5.0, 7.0])
        # without a store there is nothing to count
        self.assertEqual(self.soap.retail_store_qty, 0.0)

    def test_till_loads_the_store_quantity_with_the_products(self):
        session = self._open_session()
        data = session.load_data([])
        quantities = {
            row["id"]: row["retail_store_qty"]
            for row in data["product.product"]["data"]
        }
        self.assertEqual(quantities[self.soap.id], 12.0)
        self.assertEqual(quantities[self.towel.id], 0.0)
        self.assertIn("retail_store_qty", data["product.product"]["fields"])

    def test_products_loaded_after_start_up_carry_the_store_quantity(self):
        Quant = self.env["stock.quant"]
        late_soap = self._create_retail_product(
            "Retail Late Soap", 4.0, barcode="0100999"
        )
        late_towel = self._create_retail_product("Retail Late Towel", 9.0)
        Quant._update_available_quantity(late_soap, self.store.lot_stock_id, 7)
        Quant._update_available_quantity(late_soap, self.other_store.lot_stock_id, 5)
        Quant._update_available_quantity(late_towel, self.store.lot_stock_id, 4)
        # the till loads one product at start-up: the others come later, by barcode
        # or from a search on the server
        # (the most recently written first: the late products were written long ago)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE product_product SET write_date = now() - interval '30 days' "
            "WHERE id IN %s",
            [(late_soap.id, late_towel.id)],
        )
        # core's start-up limit, set where the administrator sets it (POS settings)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.retail_pos_startup_product_count, 20000)
        settings.retail_pos_startup_product_count = 1
        settings.execute()
        self.assertEqual(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("point_of_sale.limited_product_count"),
            "1",
        )
        session = self._open_session()
        data = session.with_user(self.pos_user).load_data([])
        loaded = {row["id"] for row in data["product.product"]["data"]}
        self.assertFalse({late_soap.id, late_towel.id} & loaded)
        found = session.with_user(self.pos_user).find_product_by_barcode(
            "0100999", self.main_pos_config.id
        )
        self.assertEqual(
            [(row["id"], row["retail_store_qty"]) for row in found["product.product"]],
            [(late_soap.id, 7.0)],
        )
        self.start_pos_tour("retail_pos_ext_late_product_stock_tour", login="pos_user")

    def test_sync_answer_carries_the_store_quantities_of_the_products_sold(self):
        session = self._open_session()
        # another till of the store sold 2 soaps since this one loaded its products
        self.env["stock.quant"]._update_available_quantity(
            self.soap, self.store.lot_stock_id, -2
        )
        self._sync_order(
            session,
            [(self.soap, 3, 3.0), (self.service, 1, 5.0)],
            [(self.bank_payment_method, 14.0)],
        )
        # 12 - 2 - 3; the consumable has no stock badge
        self.assertEqual(self.last_sync_result["retail_store_qty"], {self.soap.id: 7.0})
        # stock moved at the session's closing: nothing to tell the till yet
        session.update_stock_at_closing = True
        self._sync_order(
            session, [(self.soap, 1, 3.0)], [(self.bank_payment_method, 3.0)]
        )
        self.assertNotIn("retail_store_qty", self.last_sync_result)

    def test_store_quantities_take_as_many_queries_for_one_product_as_for_fifty(self):
        Product = self.env["product.product"]
        products = Product.create(
            [
                {"name": f"Retail Bulk {index}", "is_storable": True}
                for index in range(50)
            ]
        )
        for product in products:
            self.env["stock.quant"]._update_available_quantity(
                product, self.store.lot_stock_id, 2
            )

        def queries(product_ids):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Product._retail_store_quantities(self.store, product_ids)
            return self.env.cr.sql_log_count - before

        queries(products.ids)  # warm the ormcache
        self.assertEqual(queries(products[:1].ids), queries(products.ids))
        quantities = Product._retail_store_quantities(self.store, products.ids)
        self.assertEqual(set(quantities.values()), {2.0})
        self.assertEqual(len(quantities), 50)

    def test_stock_badge_follows_the_sales_of_the_till(self):
        session = self._open_session()
        self.start_pos_tour("retail_pos_ext_store_stock_tour", login="pos_user")
        order = self._session_orders(session)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.lines.qty, 3)
        self.assertEqual(
            self.soap.with_context(retail_warehouse_id=self.store.id).retail_store_qty,
            9.0,
        )
