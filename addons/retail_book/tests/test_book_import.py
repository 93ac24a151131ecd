import base64
import io

from openpyxl import Workbook

from odoo.exceptions import UserError
from odoo.tests import tagged

from .book_common import BookCommon

HEADER = "ISBN,书名,定价,作者,出版社,版次,出版日期,每包本数,每件包数\n"


@tagged("post_install", "-at_install")
class TestBookImport(BookCommon):
    def _import(self, data, filename="books.csv"):
        wizard = self.env["retail.book.import"].create(
            {"file": base64.b64encode(data), "filename": filename}
        )
        wizard.action_import()
        return wizard

    def test_import_csv_creates_and_updates(self):
        data = (
            HEADER
            + "7-5390-0012-0,小熊历险记,28,王芳,华夏少年儿童出版社,第2版,2023-05-01,20,5\n"
            + "978-7-5321-0001-9,春天的来信,42,林晓,东方文艺出版社,,2024年3月,10,4\n"
        ).encode("gb18030")
        wizard = self._import(data)
        self.assertEqual(wizard.state, "done", wizard.report)
        self.assertIn("1 created, 1 updated", wizard.report)
        bear = self.env["product.template"].search(
            [("retail_isbn", "=", "9787539000121")]
        )
        self.assertEqual(bear.name, "小熊历险记")
        self.assertEqual(bear.barcode, "9787539000121")
        self.assertEqual(bear.list_price, 28.0)
        self.assertEqual(bear.retail_edition, "第2版")
        self.assertEqual(str(bear.retail_publication_date), "2023-05-01")
        self.assertEqual(bear.retail_pack_structure, "1件 = 5包 = 100本, 1包 = 20本")
        self.assertEqual(self.book.list_price, 42.0)
        self.assertEqual(str(self.book.retail_publication_date), "2024-03-01")

    def test_import_xlsx(self):
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["ISBN", "Title", "Cover Price", "Author"])
        sheet.append(["9787544400237", "初中英语同步练习", 19.8, "张老师"])
        stream = io.BytesIO()
        workbook.save(stream)
        wizard = self._import(stream.getvalue(), "books.xlsx")
        self.assertEqual(wizard.state, "done", wizard.report)
        book = self.env["product.template"].search(
            [("retail_isbn", "=", "9787544400237")]
        )
        self.assertEqual(
            (book.name, book.retail_cover_price), ("初中英语同步练习", 19.8)
        )

    def test_bad_rows_import_nothing(self):
        data = (
            HEADER
            + "7-5390-0012-0,小熊历险记,28,,,,,,\n"
            + "978-7-5321-0001-8,坏书号,30,,,,,,\n"
            + "9787539000121,重复,30,,,,,,\n"
            + "9787544400237,,abc,,,,2023-13-45,2.5,3\n"
        ).encode()
        wizard = self._import(data)
        self.assertEqual(wizard.state, "error")
        report = wizard.report
        self.assertIn(
            "Row 3, column ISBN: 978-7-5321-0001-8 is not a valid ISBN", report
        )
        self.assertIn(
            "Row 4, column ISBN: ISBN 9787539000121 is already on row 2", report
        )
        self.assertIn("Row 5, column Title: The title is missing.", report)
        self.assertIn("Row 5, column Cover Price", report)
        self.assertIn("Row 5, column Publication Date", report)
        self.assertIn("Row 5, column Copies per Bundle", report)
        self.assertNotIn("Row 2", report)
        self.assertFalse(
            self.env["product.template"].search(
                [("retail_isbn", "in", ["9787539000121", "9787544400237"])]
            )
        )
        self.assertEqual(self.book.list_price, 40.0)

    def test_not_a_book_list(self):
        with self.assertRaisesRegex(UserError, "lacks the columns"):
            self._import(b"code,price\nA,1\n")
        with self.assertRaisesRegex(UserError, "neither a CSV file nor"):
            self._import(b"\x00\x01\x02garbage", "books.xlsx")
