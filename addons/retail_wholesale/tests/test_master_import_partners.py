import base64
import io

from openpyxl import load_workbook

from odoo.tests import tagged

from .master_import_common import (
    CUSTOMER_HEADER,
    PRODUCT_HEADER,
    SUPPLIER_HEADER,
    MasterImportCommon,
    xlsx,
)


@tagged("post_install", "-at_install")
class TestMasterImportPartners(MasterImportCommon):
    def _customer_row(self, values=None):
        row = dict(
            zip(
                CUSTOMER_HEADER,
                [
                    "导入便利店",
                    "MI-KH1",
                    "MI1",
                    50000,
                    "王经理",
                    "0571-88880000",
                    13800000000,
                    "杭州市文三路 1 号",
                    "91330100MA2XXXXX0X",
                    "shop@example.com",
                ],
                strict=True,
            )
        )
        row.update(values or {})
        return [row[header] for header in CUSTOMER_HEADER]

    def test_customers_import(self):
        wizard = self._import(
            "customers",
            xlsx(
                CUSTOMER_HEADER,
                self._customer_row(),
                self._customer_row(
                    {
                        "客户名称": "导入超市",
                        "客户编码": "",
                        "客户等级": "批发二级",
                        "信用额度": "",
                        "联系人": "",
                    }
                ),
            ),
        )
        self.assertEqual(wizard.state, "done", wizard.report)
        self.assertEqual(wizard.report, "2 customers imported.")
        shop = self.env["res.partner"].search([("ref", "=", "MI-KH1")])
        self.assertEqual(
            (shop.name, shop.is_company, shop.customer_rank), ("导入便利店", True, 1)
        )
        self.assertEqual(shop.retail_grade_id, self.w1)
        self.assertEqual(shop.property_product_pricelist, self.w1_pricelist)
        self.assertEqual(shop.credit_limit, 50000.0)
        self.assertTrue(shop.use_partner_credit_limit)
        self.assertEqual(shop.child_ids.mapped("name"), ["王经理"])
        self.assertEqual(
            (shop.phone, shop.mobile, shop.street, shop.vat, shop.email),
            (
                "0571-88880000",
                "13800000000",
                "杭州市文三路 1 号",
                "91330100MA2XXXXX0X",
                "shop@example.com",
            ),
        )
        market = self.env["res.partner"].search([("name", "=", "导入超市")])
        self.assertEqual(market.retail_grade_id, self.w2)
        self.assertFalse(market.child_ids)

    def test_bad_customer_row_imports_nothing(self):
        wizard = self._import(
            "customers",
            xlsx(
                CUSTOMER_HEADER,
                self._customer_row(),
                self._customer_row(
                    {
                        "客户名称": "导入超市",
                        "客户等级": "金牌",
                        "信用额度": -5,
                        "客户编码": "MI-KH1",
                    }
                ),
            ),
        )
        self.assertEqual(wizard.state, "error")
        report = wizard.report
        for line in (
            "Row 3, column 客户等级: Unknown customer grade 金牌.",
            (
                "Row 3, column 信用额度: The credit limit must be a number, zero or "
                "more, not -5."
            ),
            "Row 3, column 客户编码: Code MI-KH1 is already on row 2.",
        ):
            self.assertIn(line, report)
        self.assertNotIn("Row 2", report)
        self.assertFalse(
            self.env["res.partner"].search([("name", "in", ["导入便利店", "导入超市"])])
        )

    def _supplier_row(self, values=None):
        row = dict(
            zip(
                SUPPLIER_HEADER,
                [
                    "导入饮品有限公司",
                    "MI-GYS1",
                    "李会计",
                    "0571-86660000",
                    "杭州市余杭区 8 号",
                    "91330110MA2YYYYY0Y",
                    "导入工商银行杭州分行",
                    "6222021202000000001",
                    self.term.name,
                ],
                strict=True,
            )
        )
        row.update(values or {})
        return [row[header] for header in SUPPLIER_HEADER]

    def test_suppliers_import(self):
        wizard = self._import("suppliers", xlsx(SUPPLIER_HEADER, self._supplier_row()))
        self.assertEqual(wizard.state, "done", wizard.report)
        self.assertEqual(wizard.report, "1 suppliers imported.")
        supplier = self.env["res.partner"].search([("ref", "=", "MI-GYS1")])
        self.assertEqual(
            (supplier.name, supplier.is_company, supplier.supplier_rank),
            ("导入饮品有限公司", True, 1),
        )
        self.assertEqual(supplier.customer_rank, 0)
        self.assertEqual(supplier.bank_ids.acc_number, "6222021202000000001")
        self.assertEqual(supplier.bank_ids.bank_id.name, "导入工商银行杭州分行")
        self.assertEqual(supplier.property_supplier_payment_term_id, self.term)
        self.assertEqual(supplier.child_ids.name, "李会计")
        self.assertEqual(supplier.vat, "91330110MA2YYYYY0Y")

    def test_bad_supplier_row_imports_nothing(self):
        wizard = self._import(
            "suppliers",
            xlsx(
                SUPPLIER_HEADER,
                self._supplier_row(),
                self._supplier_row(
                    {
                        "供应商名称": "导入纸品厂",
                        "供应商编码": "MI-GYS2",
                        "付款条件": "月结九十九天",
                    }
                ),
                self._supplier_row(
                    {"供应商名称": "", "供应商编码": "", "银行账号": ""}
                ),
            ),
        )
        self.assertEqual(wizard.state, "error")
        report = wizard.report
        # core's message, from base_import, on the row and column of the file
        self.assertIn("Row 3, column 付款条件:", report)
        self.assertIn("月结九十九天", report)
        self.assertIn("Row 4, column 供应商名称: The name is missing.", report)
        self.assertIn(
            "Row 4, column 银行账号: The bank account number is missing.", report
        )
        self.assertNotIn("Row 2", report)
        self.assertFalse(
            self.env["res.partner"].search([("ref", "in", ["MI-GYS1", "MI-GYS2"])])
        )
        self.assertFalse(
            self.env["res.bank"].search([("name", "=", "导入工商银行杭州分行")])
        )

    def test_downloaded_templates_import_as_they_are(self):
        supplier_file = self._download("suppliers")
        workbook = load_workbook(io.BytesIO(supplier_file))
        self.assertEqual(workbook.sheetnames, ["导入模板", "说明"])
        header = [cell.value for cell in workbook.worksheets[0][1]]
        self.assertEqual(header, SUPPLIER_HEADER)
        notes = [
            row[0] for row in workbook["说明"].iter_rows(min_row=2, values_only=True)
        ]
        self.assertEqual(notes, SUPPLIER_HEADER)
        # the bank account stays text, all its digits kept
        self.assertEqual(workbook.worksheets[0]["H2"].value, "6222021202000000001")
        wizard = self._import("suppliers", base64.b64encode(supplier_file))
        self.assertEqual(wizard.report, "1 suppliers imported.")

        customer_file = self._download("customers")
        header = [
            cell.value for cell in load_workbook(io.BytesIO(customer_file)).active[1]
        ]
        self.assertEqual(header, CUSTOMER_HEADER)
        wizard = self._import("customers", base64.b64encode(customer_file))
        self.assertEqual(wizard.report, "1 customers imported.")
        customer = self.env["res.partner"].search([("ref", "=", "KH0001")])
        self.assertTrue(customer.retail_grade_id)

        product_file = self._download("products")
        header = [
            cell.value for cell in load_workbook(io.BytesIO(product_file)).active[1]
        ]
        self.assertEqual(header[:9], PRODUCT_HEADER[:9])
        self.assertIn("等级价:MI1", header)
        self.assertIn("等级价:MI2", header)
        wizard = self._import("products", base64.b64encode(product_file))
        self.assertEqual(wizard.state, "done", wizard.report)
        product = self.env["product.template"].search([("default_code", "=", "SP0001")])
        self.assertEqual(product.categ_id.complete_name, "食品 / 饮料")
        self.assertEqual(product.uom_id, self.unit)
        self.assertEqual(product.tracking, "lot")
        self.assertEqual(len(product.seller_ids), 1)
