from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from .master_import_common import PRODUCT_HEADER, MasterImportCommon, xlsx


@tagged("post_install", "-at_install")
class TestMasterImport(MasterImportCommon):
    def _product_row(self, values=None):
        row = dict(
            zip(
                PRODUCT_HEADER,
                [
                    "MI-WATER",
                    "矿泉水 550ml",
                    "导入食品 / 导入水",
                    "导入清泉",
                    "6900000012345",
                    self.dozen.name,
                    24,
                    2.5,
                    1.2,
                    2.2,
                    "2.0",
                    "测试饮品厂",
                    "是",
                    365,
                ],
                strict=True,
            )
        )
        row.update(values or {})
        return [row[header] for header in PRODUCT_HEADER]

    def test_products_import_creates_and_updates(self):
        juice_row = self._product_row(
            {
                "商品编码": "MI-JUICE",
                "商品名称": "橙汁 1L",
                "商品分类": "导入饮料",
                "品牌": "",
                "条码": "",
                "单位": "",
                "箱规": "",
                "零售价": 6,
                "成本价": "",
                "等级价:MI1": 5.5,
                "等级价:批发二级": "",
                "主供应商": "",
                "保质期管理": "",
                "保质期天数": "",
            }
        )
        wizard = self._import(
            "products", xlsx(PRODUCT_HEADER, self._product_row(), juice_row)
        )
        self.assertEqual(wizard.state, "done", wizard.report)
        self.assertEqual(wizard.report, "2 products imported: 1 created, 1 updated.")
        water = self.env["product.template"].search([("default_code", "=", "MI-WATER")])
        self.assertEqual(water.name, "矿泉水 550ml")
        self.assertEqual(water.categ_id.complete_name, "导入食品 / 导入水")
        self.assertEqual(water.retail_brand_id.name, "导入清泉")
        self.assertEqual(water.barcode, "6900000012345")
        self.assertEqual((water.uom_id, water.uom_po_id), (self.dozen, self.dozen))
        self.assertEqual(water.retail_pack_qty, 24.0)
        self.assertEqual((water.list_price, water.standard_price), (2.5, 1.2))
        self.assertEqual((water.type, water.is_storable), ("consu", True))
        self.assertEqual(
            (water.tracking, water.use_expiration_date, water.expiration_time),
            ("lot", True, 365),
        )
        self.assertEqual(water.seller_ids.partner_id, self.supplier)
        self.assertEqual(water.seller_ids.price, 1.2)
        variant = water.product_variant_id
        self.assertEqual(self.w1_pricelist._get_product_price(variant, 1.0), 2.2)
        self.assertEqual(self.w2_pricelist._get_product_price(variant, 1.0), 2.0)
        self.assertEqual(self.juice.name, "橙汁 1L")
        self.assertEqual(self.juice.list_price, 6.0)
        self.assertEqual(self.juice.categ_id, self.drinks)
        self.assertEqual(
            self.w1_pricelist._get_product_price(self.juice.product_variant_id, 1.0),
            5.5,
        )
        # no price for the grade whose cell is empty: the pricelist gives the list price
        self.assertEqual(
            self.w2_pricelist._get_product_price(self.juice.product_variant_id, 1.0),
            6.0,
        )
        # imported again with another grade price: that price changes, no new product
        wizard = self._import(
            "products",
            xlsx(PRODUCT_HEADER, self._product_row({"等级价:MI1": 2.1})),
        )
        self.assertEqual(wizard.report, "1 products imported: 0 created, 1 updated.")
        self.assertEqual(self.w1_pricelist._get_product_price(variant, 1.0), 2.1)
        self.assertEqual(len(water.seller_ids), 1)

    def test_bad_product_row_imports_nothing(self):
        wizard = self._import(
            "products",
            xlsx(
                PRODUCT_HEADER,
                self._product_row(),
                self._product_row(
                    {
                        "商品编码": "MI-COLA",
                        "商品分类": "不存在的分类",
                        "条码": "6900000012345",
                        "单位": "盒子",
                        "零售价": "两元",
                        "等级价:MI1": -1,
                        "主供应商": "没有这家",
                        "保质期管理": "也许",
                    }
                ),
                self._product_row({"商品名称": "重复"}),
            ),
        )
        self.assertEqual(wizard.state, "error")
        report = wizard.report
        for line in (
            "Row 3, column 商品分类: Unknown product category 不存在的分类",
            "Row 3, column 条码: Barcode 6900000012345 is already on row 2.",
            "Row 3, column 单位: Unknown unit 盒子.",
            "Row 3, column 零售价: The value must be a number, zero or more, not 两元.",
            (
                "Row 3, column 等级价:MI1: The price must be a number greater than "
                "zero, not -1."
            ),
            "Row 3, column 主供应商: Unknown supplier 没有这家",
            "Row 3, column 保质期管理: Write 是 or 否, not 也许.",
            "Row 4, column 商品编码: Product code MI-WATER is already on row 2.",
        ):
            self.assertIn(line, report)
        self.assertNotIn("Row 2", report)
        self.assertFalse(
            self.env["product.template"].search(
                [("default_code", "in", ["MI-WATER", "MI-COLA"])]
            )
        )
        self.assertFalse(self.env["retail.brand"].search([("name", "=", "导入清泉")]))
        self.assertFalse(
            self.env["product.category"].search([("name", "=", "导入食品")])
        )

    def test_barcode_of_another_product_is_refused(self):
        self.juice.barcode = "6900000012345"
        wizard = self._import("products", xlsx(PRODUCT_HEADER, self._product_row()))
        self.assertEqual(wizard.state, "error")
        self.assertIn(
            "Row 2, column 条码: Barcode 6900000012345 is already used by",
            wizard.report,
        )

    def test_unknown_grade_column_imports_nothing(self):
        header = PRODUCT_HEADER[:-1] + ["等级价:VIP9"]
        wizard = self._import("products", xlsx(header, self._product_row()))
        self.assertEqual(wizard.state, "error")
        self.assertIn(
            "Row 1, column 等级价:VIP9: Unknown customer grade VIP9.", wizard.report
        )

    def test_a_row_refused_when_written_is_named_and_nothing_kept(self):
        """Rows are written in batches; a row that only the database refuses (a
        constraint) is found and named, and no row of the file is kept."""
        Import = type(self.env["retail.master.import"])
        write = Import._retail_write_products

        refused = "refused by a constraint"

        def refuse_one(wizard, entries):
            if any(e["vals"]["default_code"] == "MI-BAD" for e in entries):
                raise UserError(refused)
            return write(wizard, entries)

        rows = [
            self._product_row({"商品编码": code, "条码": barcode})
            for code, barcode in (
                ("MI-GOOD", "6900000012345"),
                ("MI-BAD", "6900000012352"),
                ("MI-ALSO", ""),
            )
        ]
        with patch.object(Import, "_retail_write_products", refuse_one):
            wizard = self._import("products", xlsx(PRODUCT_HEADER, *rows))
        self.assertEqual(wizard.state, "error")
        self.assertIn("Row 3, column 商品编码: refused by a constraint", wizard.report)
        self.assertFalse(
            self.env["product.template"].search(
                [("default_code", "in", ["MI-GOOD", "MI-BAD", "MI-ALSO"])]
            )
        )
