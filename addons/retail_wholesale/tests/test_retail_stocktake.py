from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestRetailStocktake(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock = cls.hq_warehouse.lot_stock_id
        cls.rice = cls.env["product.product"].create(
            {"name": "Rice Bag", "is_storable": True, "standard_price": 20.0}
        )
        cls.juice = cls.env["product.product"].create(
            {
                "name": "Orange Juice",
                "is_storable": True,
                "tracking": "lot",
                "standard_price": 3.0,
            }
        )
        cls.lot1, cls.lot2 = cls.env["stock.lot"].create(
            [{"name": name, "product_id": cls.juice.id} for name in ("OJ-1", "OJ-2")]
        )
        cls.other_lot = cls.env["stock.lot"].create(
            {"name": "RICE-LOT", "product_id": cls.rice.id}
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.rice, cls.stock, 10)
        Quant._update_available_quantity(cls.juice, cls.stock, 5, lot_id=cls.lot1)
        cls.keeper = cls.role_users["keeper"]
        cls.manager = cls.role_users["store_manager"]
        cls.manager.retail_warehouse_ids = cls.hq_warehouse

    def _sheet(self, blind=True):
        sheet = (
            self.env["retail.stocktake"]
            .with_user(self.keeper)
            .create({"location_id": self.stock.id, "blind": blind})
        )
        sheet.action_start()
        return sheet

    def _line(self, sheet, product, lot=None):
        return sheet.line_ids.filtered(
            lambda line: (
                line.product_id == product and line.lot_id == (lot or line.lot_id)
            )
        )

    def test_blind_count_approved_and_applied(self):
        sheet = self._sheet()
        self.assertEqual(sheet.state, "counting")
        self.assertTrue(sheet.name.startswith("PD/"))
        rice = self._line(sheet, self.rice)
        juice = self._line(sheet, self.juice, self.lot1)
        # the counters do not see the books
        self.assertEqual(rice.shown_theoretical_qty, 0)
        with self.assertRaises(AccessError):
            rice.read(["theoretical_qty"])
        rice.counted_qty = 8
        juice.counted = True
        juice.counted_qty = 5
        sheet.line_ids = [
            Command.create(
                {"product_id": self.juice.id, "lot_id": self.lot2.id, "counted_qty": 2}
            )
        ]
        sheet.action_submit()
        self.assertEqual(sheet.state, "to_approve")
        # the books show once submitted
        self.assertEqual(rice.shown_theoretical_qty, 10)
        self.assertEqual(rice.difference_qty, -2)
        self.assertEqual(rice.difference_value, -40)
        self.assertEqual(sheet.difference_value, -40 + 2 * 3.0)
        with self.assertRaises(UserError):
            rice.counted_qty = 9
        with self.assertRaises(AccessError):
            sheet.action_approve()
        sheet.with_user(self.manager).action_approve()
        self.assertEqual(sheet.state, "done")
        self.assertEqual(sheet.approved_by_id, self.manager)
        self.assertEqual(
            self.rice.with_context(location=self.stock.id).qty_available, 8
        )
        self.assertEqual(self.lot1.product_qty, 5)
        self.assertEqual(self.lot2.product_qty, 2)
        move = self.env["stock.move"].search(
            [("product_id", "=", self.rice.id), ("reference", "=", sheet.name)]
        )
        self.assertEqual(move.quantity, 2)
        self.assertEqual(move.state, "done")
        with self.assertRaises(UserError) as caught:
            sheet.with_user(self.manager).action_approve()
        self.assertIn("already approved", str(caught.exception))
        self.assertEqual(
            self.rice.with_context(location=self.stock.id).qty_available, 8
        )

    def test_bad_counts(self):
        sheet = self._sheet(blind=False)
        rice = self._line(sheet, self.rice)
        self.assertEqual(rice.shown_theoretical_qty, 10)
        with self.assertRaises(UserError) as caught:
            sheet.action_submit()
        self.assertIn("has nothing counted", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            rice.counted_qty = -3
        self.assertIn("cannot be negative", str(caught.exception))
        # a lot of another product
        with self.assertRaises(ValidationError) as caught:
            sheet.line_ids = [
                Command.create(
                    {
                        "product_id": self.juice.id,
                        "lot_id": self.other_lot.id,
                        "counted_qty": 1,
                    }
                )
            ]
        self.assertIn("RICE-LOT is not a lot of Orange Juice", str(caught.exception))
        # a tracked product counted without its lot
        with self.assertRaises(ValidationError) as caught:
            sheet.line_ids = [
                Command.create({"product_id": self.juice.id, "counted_qty": 1})
            ]
        self.assertIn("say which lot", str(caught.exception))
        self.assertEqual(len(sheet.line_ids), 2)
        self.assertEqual(sheet.state, "counting")
        with self.assertRaises(UserError):
            sheet.with_user(self.manager).action_approve()
        self.assertEqual(
            self.rice.with_context(location=self.stock.id).qty_available, 10
        )


@tagged("post_install", "-at_install")
class TestRetailPartialStocktake(RetailCommon):
    """部分盘点: a count of part of a location applies what was counted only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a new store's stock: nothing else on its shelves
        cls.stock = cls.store_warehouse.lot_stock_id
        cls.keeper = cls.role_users["keeper"]
        cls.manager = cls.role_users["store_manager"]
        cls.manager.retail_warehouse_ids = cls.store_warehouse
        Category = cls.env["product.category"]
        cls.grocery = Category.create({"name": "粮油"})
        cls.rice_category = Category.create(
            {"name": "大米", "parent_id": cls.grocery.id}
        )
        cls.household = Category.create({"name": "日化"})
        cls.brand = cls.env["retail.brand"].create({"name": "盘点测试 金龙鱼"})
        Product = cls.env["product.product"]
        cls.rice = Product.create(
            {
                "name": "东北大米 5kg",
                "is_storable": True,
                "categ_id": cls.rice_category.id,
                "standard_price": 30.0,
                "barcode": "6901234500011",
                "retail_brand_id": cls.brand.id,
            }
        )
        cls.oil = Product.create(
            {
                "name": "花生油 5L",
                "is_storable": True,
                "categ_id": cls.grocery.id,
                "standard_price": 80.0,
                "barcode": "6901234500028",
            }
        )
        cls.soap = Product.create(
            {
                "name": "香皂",
                "is_storable": True,
                "categ_id": cls.household.id,
                "standard_price": 4.0,
                "barcode": "6901234500035",
            }
        )
        cls.env["product.packaging"].create(
            {
                "name": "整箱",
                "product_id": cls.soap.id,
                "qty": 12,
                "barcode": "16901234500032",
            }
        )
        Quant = cls.env["stock.quant"]
        for product, qty in ((cls.rice, 10), (cls.oil, 6), (cls.soap, 50)):
            Quant._update_available_quantity(product, cls.stock, qty)

    def _sheet(self, **vals):
        sheet = (
            self.env["retail.stocktake"]
            .with_user(self.keeper)
            .create({"location_id": self.stock.id, **vals})
        )
        sheet.action_start()
        return sheet

    def _on_hand(self, product):
        return product.with_context(location=self.stock.id).qty_available

    def _line(self, sheet, product):
        return sheet.line_ids.filtered(lambda line: line.product_id == product)

    def _approve(self, sheet):
        sheet.action_submit()
        sheet.with_user(self.manager).action_approve()
        self.assertEqual(sheet.state, "done")

    def test_variance_is_zero_before_anything_is_counted(self):
        sheet = self._sheet(blind=False)
        self.assertEqual(sheet.line_ids.product_id, self.rice | self.oil | self.soap)
        self.assertEqual((sheet.counted_count, sheet.line_count), (0, 3))
        self.assertFalse(any(sheet.line_ids.mapped("counted")))
        self.assertEqual(sheet.line_ids.mapped("difference_qty"), [0.0] * 3)
        self.assertEqual(sheet.line_ids.mapped("difference_value"), [0.0] * 3)
        self.assertEqual(sheet.difference_value, 0.0)
        # the books show, the variance waits for a count
        self.assertEqual(self._line(sheet, self.oil).shown_theoretical_qty, 6)
        self._line(sheet, self.oil).counted_qty = 5
        self.assertEqual(self._line(sheet, self.oil).difference_qty, -1)
        self.assertEqual(sheet.difference_value, -80.0)
        self.assertEqual(sheet.counted_count, 1)

    def test_partial_count_by_category_changes_only_that_category(self):
        sheet = self._sheet(scope="category", categ_ids=[Command.set(self.grocery.ids)])
        # sub-categories included, other categories left out
        self.assertEqual(sheet.line_ids.product_id, self.rice | self.oil)
        self._line(sheet, self.rice).counted_qty = 8
        self._line(sheet, self.oil).counted_qty = 7
        self._approve(sheet)
        self.assertEqual(self._on_hand(self.rice), 8)
        self.assertEqual(self._on_hand(self.oil), 7)
        self.assertEqual(self._on_hand(self.soap), 50)
        moves = self.env["stock.move"].search([("reference", "=", sheet.name)])
        self.assertEqual(moves.product_id, self.rice | self.oil)

    def test_uncounted_line_changes_nothing(self):
        sheet = self._sheet()
        with self.assertRaises(UserError) as caught:
            sheet.action_submit()
        self.assertIn("has nothing counted", str(caught.exception))
        # a count of zero is a count
        soap = self._line(sheet, self.soap)
        soap.counted_qty = 0
        self.assertTrue(soap.counted)
        self.assertEqual(sheet.difference_value, -200.0)
        self._approve(sheet)
        self.assertEqual(self._on_hand(self.soap), 0)
        self.assertEqual(self._on_hand(self.rice), 10)
        self.assertEqual(self._on_hand(self.oil), 6)
        moves = self.env["stock.move"].search([("reference", "=", sheet.name)])
        self.assertEqual(moves.product_id, self.soap)

    def test_count_by_brand_or_product_list(self):
        by_brand = self._sheet(scope="brand", brand_ids=[Command.set(self.brand.ids)])
        self.assertEqual(by_brand.line_ids.product_id, self.rice)
        by_list = self._sheet(
            scope="product", product_ids=[Command.set((self.oil | self.soap).ids)]
        )
        self.assertEqual(by_list.line_ids.product_id, self.oil | self.soap)
        with self.assertRaises(UserError) as caught:
            self._sheet(scope="category")
        self.assertIn(
            "choose at least one in Product Categories", str(caught.exception)
        )

    def test_scanned_products_are_counted_and_applied(self):
        shelf = self.env["stock.location"].create(
            {"name": "A-01", "location_id": self.stock.id}
        )
        sauce = self.env["product.product"].create(
            {"name": "酱油", "is_storable": True, "barcode": "6901234500042"}
        )
        self.env["stock.quant"]._update_available_quantity(sauce, shelf, 9)
        sheet = self._sheet(scope="scan")
        self.assertFalse(sheet.line_ids)
        with Form(sheet) as form:
            form.scan_barcode = "6901234500035"
            form.scan_barcode = "6901234500035"
            form.scan_barcode = "16901234500032"  # a case of 12
            form.scan_barcode = "6901234500011"
            form.scan_barcode = "6901234500042"
            form.scan_barcode = "6901234500042"
        # counted on the shelf the books hold it on
        self.assertEqual(self._line(sheet, sauce).location_id, shelf)
        self.assertEqual(self._line(sheet, sauce).counted_qty, 2)
        soap = self._line(sheet, self.soap)
        self.assertEqual((soap.counted_qty, soap.counted), (14, True))
        self.assertEqual(self._line(sheet, self.rice).counted_qty, 1)
        self.assertEqual(sheet.line_ids.product_id, self.soap | self.rice | sauce)
        with self.assertRaises(UserError) as caught:
            sheet._scan("0000000")
        self.assertIn("barcode 0000000", str(caught.exception))
        self._approve(sheet)
        self.assertEqual(self._on_hand(self.soap), 14)
        self.assertEqual(self._on_hand(self.rice), 1)
        self.assertEqual(self._on_hand(self.oil), 6)
        self.assertEqual(self._on_hand(sauce), 2)
