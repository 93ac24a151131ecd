import base64
import io

from openpyxl import Workbook, load_workbook

from odoo.tests import tagged

from .book_common import BookCommon

HEADER = [
    "商品编码",
    "商品名称",
    "零售价",
    "等级价:W1",
    "ISBN",
    "定价",
    "作者",
    "出版社",
    "出版日期",
    "每包本数",
    "每件包数",
]


def xlsx(*rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    stream = io.BytesIO()
    workbook.save(stream)
    return base64.b64encode(stream.getvalue())


@tagged("post_install", "-at_install")
class TestBookMasterImport(BookCommon):
    def _import(self, data):
        wizard = (
            self.env["retail.master.import"]
            .with_user(self.role_users["hq_admin"])
            .create({"kind": "products", "file": data, "filename": "products.xlsx"})
        )
        wizard.action_import()
        return wizard

    def test_isbn_column_makes_a_book(self):
        wizard = self._import(
            xlsx(
                HEADER,
                [
                    "BK-BEAR",
                    "小熊历险记",
                    "",
                    20,
                    "7-5390-0012-0",
                    28,
                    "王芳",
                    "华夏少年儿童出版社",
                    "2023-05-01",
                    20,
                    5,
                ],
                ["BK-PEN", "圆珠笔", 3, "", "", "", "", "", "", "", ""],
            )
        )
        self.assertEqual(wizard.state, "done", wizard.report)
        bear = self.env["product.template"].search([("default_code", "=", "BK-BEAR")])
        self.assertEqual(
            (bear.retail_is_book, bear.retail_isbn, bear.barcode),
            (True, "9787539000121", "9787539000121"),
        )
        self.assertEqual((bear.retail_cover_price, bear.list_price), (28.0, 28.0))
        self.assertEqual(bear.retail_author, "王芳")
        self.assertEqual(str(bear.retail_publication_date), "2023-05-01")
        self.assertEqual(bear.retail_pack_structure, "1件 = 5包 = 100本, 1包 = 20本")
        self.assertEqual(
            self.wholesale_pl._get_product_price(bear.product_variant_id, 1.0), 20.0
        )
        pen = self.env["product.template"].search([("default_code", "=", "BK-PEN")])
        self.assertEqual((pen.retail_is_book, pen.retail_isbn), (False, False))

    def test_bad_isbn_imports_nothing(self):
        wizard = self._import(
            xlsx(
                HEADER,
                ["BK-A", "甲", "", "", "9787539000121", 28, "", "", "", "", ""],
                ["BK-B", "乙", "", "", "978-7-5321-0001-8", 30, "", "", "", "", ""],
                ["BK-C", "丙", "", "", "9787539000121", 30, "", "", "", 2.5, ""],
                ["BK-D", "丁", "", "", "", 30, "", "", "", "", ""],
            )
        )
        self.assertEqual(wizard.state, "error")
        report = wizard.report
        self.assertIn(
            "Row 3, column ISBN: 978-7-5321-0001-8 is not a valid ISBN", report
        )
        self.assertIn(
            "Row 4, column ISBN: ISBN 9787539000121 is already on row 2.", report
        )
        self.assertIn("Row 4, column 每包本数", report)
        self.assertIn("Row 5, column ISBN: A book needs its ISBN.", report)
        self.assertFalse(
            self.env["product.template"].search([("default_code", "like", "BK-")])
        )

    def test_template_has_the_book_columns(self):
        wizard = (
            self.env["retail.master.import"]
            .with_user(self.role_users["hq_admin"])
            .create({"kind": "products"})
        )
        action = wizard.action_download_template()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[-1].split("?")[0])
        )
        header = [
            cell.value for cell in load_workbook(io.BytesIO(attachment.raw)).active[1]
        ]
        for column in ("ISBN", "定价", "作者", "出版社", "每包本数", "每件包数"):
            self.assertIn(column, header)
        wizard = self._import(base64.b64encode(attachment.raw))
        self.assertEqual(wizard.state, "done", wizard.report)
