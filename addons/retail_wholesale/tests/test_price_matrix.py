import base64
import io

from openpyxl import Workbook, load_workbook

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import RetailCommon

HEADER = ("商品编码", "商品名称", "条码", "零售价", "客户等级", "起订数量", "价格")


@tagged("post_install", "-at_install")
class TestPriceMatrix(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Pricelist = cls.env["product.pricelist"]
        cls.w1_pricelist = Pricelist.create({"name": "批发一级价"})
        cls.w2_pricelist = Pricelist.create({"name": "批发二级价"})
        cls.other_pricelist = Pricelist.create({"name": "促销价"})
        Grade = cls.env["retail.customer.grade"]
        cls.w1 = Grade.create(
            {
                "name": "批发一级",
                "code": "W1",
                "sequence": 1,
                "pricelist_id": cls.w1_pricelist.id,
            }
        )
        cls.w2 = Grade.create(
            {
                "name": "批发二级",
                "code": "W2",
                "sequence": 2,
                "pricelist_id": cls.w2_pricelist.id,
            }
        )
        cls.shop = cls.env["res.partner"].create(
            {"name": "好邻居便利店", "is_company": True, "retail_grade_id": cls.w1.id}
        )
        cls.tea = cls.env["product.template"].create(
            {
                "name": "绿茶 500ml",
                "default_code": "PM-TEA",
                "barcode": "6900000000017",
                "list_price": 12.0,
            }
        )
        cls.water = cls.env["product.template"].create(
            {"name": "矿泉水 550ml", "default_code": "PM-WATER", "list_price": 2.0}
        )
        cls.hq_admin = cls.role_users["hq_admin"]

    def _set_tiers(self, product, tiers):
        Item = self.env["product.pricelist.item"]
        Item.create(
            [
                Item._retail_matrix_item_vals(product, pricelist, quantity, price)
                for pricelist, quantity, price in tiers
            ]
        )

    def _matrix(self, product):
        product.invalidate_recordset(["retail_price_matrix_ids"])
        return sorted(
            (item.pricelist_id.name, item.min_quantity, item.fixed_price)
            for item in product.retail_price_matrix_ids
        )

    def _export(self, products):
        """Export from the action menu of the product list, as head office."""
        action = (
            self.env.ref("retail_wholesale.product_template_action_export_price_matrix")
            .with_user(self.hq_admin)
            .with_context(active_model=products._name, active_ids=products.ids)
            .run()
        )
        self.assertEqual(action["type"], "ir.actions.act_url")
        prefix = "/web/content/retail.price.matrix.export/"
        self.assertTrue(action["url"].startswith(prefix))
        export_id = int(action["url"][len(prefix) :].split("/")[0])
        export = self.env["retail.price.matrix.export"].browse(export_id)
        return load_workbook(io.BytesIO(base64.b64decode(export.file)))

    def _import(self, workbook):
        output = io.BytesIO()
        workbook.save(output)
        wizard = (
            self.env["retail.price.matrix.import"]
            .with_user(self.hq_admin)
            .create(
                {
                    "file": base64.b64encode(output.getvalue()),
                    "filename": "matrix.xlsx",
                }
            )
        )
        wizard.action_import()
        return wizard

    def _sheet_rows(self, workbook):
        return [list(row) for row in workbook.active.iter_rows(values_only=True)]

    def test_tiers_entered_on_the_product_form_price_sale_orders(self):
        with Form(self.tea.with_user(self.hq_admin)) as form:
            for quantity, price in ((1, 10.0), (10, 9.0), (50, 8.5)):
                with form.retail_price_matrix_ids.new() as line:
                    line.pricelist_id = self.w1_pricelist
                    line.min_quantity = quantity
                    line.fixed_price = price
        self.assertEqual(
            self._matrix(self.tea),
            [
                ("批发一级价", 1.0, 10.0),
                ("批发一级价", 10.0, 9.0),
                ("批发一级价", 50.0, 8.5),
            ],
        )
        self.assertEqual(
            set(self.tea.retail_price_matrix_ids.mapped("applied_on")), {"1_product"}
        )
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.shop
            for quantity in (5, 12, 60):
                with form.order_line.new() as line:
                    line.product_id = self.tea.product_variant_id
                    line.product_uom_qty = quantity
        order = form.save()
        self.assertEqual(order.pricelist_id, self.w1_pricelist)
        self.assertEqual(
            [(line.product_uom_qty, line.price_unit) for line in order.order_line],
            [(5.0, 10.0), (12.0, 9.0), (60.0, 8.5)],
        )

    def test_matrix_shows_only_fixed_prices_of_grade_pricelists(self):
        self._set_tiers(self.tea, [(self.w1_pricelist, 1, 10.0)])
        self._set_tiers(self.tea, [(self.other_pricelist, 1, 7.0)])
        self.assertEqual(self._matrix(self.tea), [("批发一级价", 1.0, 10.0)])
        self.assertEqual(
            self.tea.retail_grade_pricelist_ids, self.w1_pricelist | self.w2_pricelist
        )

    def test_zero_or_negative_price_is_refused(self):
        message = (
            f"The price of {self.tea.display_name} in pricelist "
            f"{self.w1_pricelist.display_name} must be positive."
        )
        with (
            self.assertRaises(ValidationError) as raised,
            Form(self.tea.with_user(self.hq_admin)) as form,
            form.retail_price_matrix_ids.new() as line,
        ):
            line.pricelist_id = self.w1_pricelist
            line.min_quantity = 10
            line.fixed_price = 0.0
        self.assertEqual(raised.exception.args[0], message)
        with self.assertRaises(ValidationError):
            self._set_tiers(self.tea, [(self.w1_pricelist, 10, -1.0)])
        self.assertEqual(self._matrix(self.tea), [])

    def test_negative_minimum_quantity_is_refused(self):
        with self.assertRaises(ValidationError) as raised:
            self._set_tiers(self.tea, [(self.w1_pricelist, -1, 10.0)])
        self.assertEqual(
            raised.exception.args[0],
            f"The minimum quantity of {self.tea.display_name} in pricelist "
            f"{self.w1_pricelist.display_name} cannot be negative.",
        )
        self.assertEqual(self._matrix(self.tea), [])

    def test_overlapping_tier_is_refused(self):
        self._set_tiers(self.tea, [(self.w1_pricelist, 10, 9.0)])
        with self.assertRaises(ValidationError) as raised:
            self._set_tiers(self.tea, [(self.w1_pricelist, 10, 8.0)])
        self.assertEqual(
            raised.exception.args[0],
            f"{self.tea.display_name} already has a price from 10 units in pricelist "
            f"{self.w1_pricelist.display_name}: each quantity break can appear only "
            "once.",
        )
        self.assertEqual(self._matrix(self.tea), [("批发一级价", 10.0, 9.0)])
        # the same break in another grade's pricelist is another tier
        self._set_tiers(self.tea, [(self.w2_pricelist, 10, 8.0)])
        self.assertEqual(
            self._matrix(self.tea),
            [("批发一级价", 10.0, 9.0), ("批发二级价", 10.0, 8.0)],
        )

    def test_export_then_import_round_trip(self):
        self._set_tiers(
            self.tea,
            [
                (self.w1_pricelist, 1, 10.0),
                (self.w1_pricelist, 10, 9.0),
                (self.w1_pricelist, 50, 8.5),
                (self.w2_pricelist, 1, 11.0),
            ],
        )
        workbook = self._export(self.tea | self.water)
        self.assertEqual(
            self._sheet_rows(workbook),
            [
                list(HEADER),
                ["PM-TEA", "绿茶 500ml", "6900000000017", 12, "W1", 1, 10],
                ["PM-TEA", "绿茶 500ml", "6900000000017", 12, "W1", 10, 9],
                ["PM-TEA", "绿茶 500ml", "6900000000017", 12, "W1", 50, 8.5],
                ["PM-TEA", "绿茶 500ml", "6900000000017", 12, "W2", 1, 11],
                ["PM-WATER", "矿泉水 550ml", None, 2, None, None, None],
            ],
        )
        sheet = workbook.active
        for row in (2, 3, 4, 5):
            sheet.cell(row, 4).value = 12.5  # retail price of the tea
        sheet.cell(3, 7).value = 8.8  # W1 from 10 units
        sheet.delete_rows(4)  # W1 from 50 units
        sheet.append(["PM-WATER", "矿泉水 550ml", None, 2, "批发二级", 24, 1.5])
        wizard = self._import(workbook)
        self.assertEqual(wizard.state, "done")
        self.assertEqual(
            wizard.report,
            "2 products imported: 1 prices created, 1 changed, 1 removed.",
        )
        self.assertEqual(self.tea.list_price, 12.5)
        self.assertEqual(self.water.list_price, 2.0)
        self.assertEqual(
            self._matrix(self.tea),
            [
                ("批发一级价", 1.0, 10.0),
                ("批发一级价", 10.0, 8.8),
                ("批发二级价", 1.0, 11.0),
            ],
        )
        self.assertEqual(self._matrix(self.water), [("批发二级价", 24.0, 1.5)])

    def test_import_with_bad_rows_imports_nothing_and_reports_each_row(self):
        w1_name = self.w1_pricelist.display_name
        self._set_tiers(self.tea, [(self.w1_pricelist, 10, 9.0)])
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(HEADER)
        sheet.append(["PM-TEA", "绿茶 500ml", None, 15, "W1", 10, 8.0])  # 2: good
        sheet.append(["NOPE", "?", None, 1, "W1", 1, 1.0])  # 3
        sheet.append(["PM-TEA", "绿茶 500ml", None, 15, "VIP9", 1, 9.0])  # 4
        sheet.append(["PM-TEA", "绿茶 500ml", None, 15, "W2", 1, "九元"])  # 5
        sheet.append(["PM-TEA", "绿茶 500ml", None, 15, "W2", 5, 0])  # 6
        sheet.append(["PM-TEA", "绿茶 500ml", None, 15, "W2", -5, 7.0])  # 7
        sheet.append(["PM-TEA", "绿茶 500ml", None, 15, "批发一级", 10, 7.5])  # 8
        sheet.append(["PM-WATER", "矿泉水 550ml", None, 3, "W1", 1, 1.5])  # 9: good
        wizard = self._import(workbook)
        self.assertEqual(wizard.state, "error")
        self.assertEqual(
            wizard.report.splitlines(),
            [
                "Nothing was imported: correct these rows and import the file again.",
                "Row 3, column 商品编码: Unknown product code NOPE.",
                "Row 4, column 客户等级: Unknown customer grade VIP9.",
                (
                    "Row 5, column 价格: The price must be a number greater than "
                    "zero, not 九元."
                ),
                (
                    "Row 6, column 价格: The price must be a number greater than "
                    "zero, not 0."
                ),
                (
                    "Row 7, column 起订数量: The minimum quantity must be a number, "
                    "zero or more, not -5."
                ),
                (
                    "Row 8, column 起订数量: Duplicate quantity break: row 2 already "
                    f"prices [PM-TEA] 绿茶 500ml from 10 units in {w1_name}."
                ),
            ],
        )
        self.assertEqual(self._matrix(self.tea), [("批发一级价", 10.0, 9.0)])
        self.assertEqual(self._matrix(self.water), [])
        self.assertEqual(self.tea.list_price, 12.0)
        self.assertEqual(self.water.list_price, 2.0)

    def test_import_of_a_file_that_is_not_a_workbook_is_refused(self):
        wizard = self.env["retail.price.matrix.import"].create(
            {
                "file": base64.b64encode("商品编码,价格\nPM-TEA,9\n".encode()),
                "filename": "matrix.csv",
            }
        )
        with self.assertRaisesRegex(
            UserError, r"^matrix\.csv is not an Excel workbook"
        ):
            wizard.action_import()
        self.assertEqual(self._matrix(self.tea), [])

    def test_import_changes_only_the_matrix_of_the_products_in_the_file(self):
        self._set_tiers(self.tea, [(self.w1_pricelist, 50, 8.5)])
        self._set_tiers(self.tea, [(self.other_pricelist, 1, 7.0)])
        self._set_tiers(self.water, [(self.w1_pricelist, 1, 1.8)])
        workbook = Workbook()
        workbook.active.append(HEADER)
        workbook.active.append(["PM-TEA", "绿茶 500ml", None, 12, "W1", 1, 10])
        wizard = self._import(workbook)
        self.assertEqual(wizard.state, "done")
        self.assertEqual(self._matrix(self.tea), [("批发一级价", 1.0, 10.0)])
        self.assertEqual(self._matrix(self.water), [("批发一级价", 1.0, 1.8)])
        promotion = self.env["product.pricelist.item"].search(
            [("pricelist_id", "=", self.other_pricelist.id)]
        )
        self.assertEqual(
            promotion.mapped(lambda i: (i.product_tmpl_id, i.fixed_price)),
            [(self.tea, 7.0)],
        )
