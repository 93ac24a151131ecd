from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..tools import isbn, pack_qty


@tagged("post_install", "-at_install")
class TestIsbn(BaseCase):
    def test_normalize_table(self):
        table = [
            # published examples: 978-0-306-40615-7 is 0-306-40615-2
            ("978-0-306-40615-7", "9780306406157"),
            ("9780306406157", "9780306406157"),
            ("0-306-40615-2", "9780306406157"),
            ("0306406152", "9780306406157"),
            (" 0 306 40615 2 ", "9780306406157"),
            ("0-8044-2957-X", "9780804429573"),
            ("0-8044-2957-x", "9780804429573"),
            ("978–7–5321–0001–9", "9787532100019"),
            ("7-5321-0001-4", "9787532100019"),
            ("979-10-00000-01-5", "9791000000015"),
        ]
        for value, expected in table:
            with self.subTest(value=value):
                self.assertEqual(isbn.normalize(value), expected)
                self.assertTrue(isbn.is_valid(value))

    def test_invalid_table(self):
        table = [
            ("", "empty"),
            (None, "empty"),
            (" - ", "empty"),
            ("978-0-306-40615-8", "checksum"),
            ("0-306-40615-3", "checksum"),
            ("0-8044-2957-5", "checksum"),
            ("977-0-306-40615-2", "prefix"),
            ("97803064061X7", "characters"),
            ("0-306-4061X-2", "characters"),
            ("ISBN 0306406152", "characters"),
            ("978030640615", "length"),
            ("03064061521", "length"),
        ]
        for value, code in table:
            with self.subTest(value=value):
                with self.assertRaises(isbn.IsbnError) as caught:
                    isbn.normalize(value)
                self.assertEqual(caught.exception.code, code)
                self.assertFalse(isbn.is_valid(value))


@tagged("post_install", "-at_install")
class TestPackQty(BaseCase):
    # 1件 = 4包, 1包 = 10本: a case holds 40 copies
    def test_parse_table(self):
        table = [
            ("3件2包5本", 145.0),
            ("3件", 120.0),
            ("2包5本", 25.0),
            ("3件5本", 125.0),
            ("12", 12.0),
            ("12本", 12.0),
            (" 3 件 2 包 5 本 ", 145.0),
            ("３件２包", 140.0),
            ("0", 0.0),
            ("2.5", 2.5),
            ("1件15包", 190.0),
        ]
        for text, expected in table:
            with self.subTest(text=text):
                self.assertEqual(pack_qty.parse_pack_qty(text, 10, 4), expected)

    def test_parse_errors(self):
        table = [
            ("", 10, 4, "syntax"),
            (None, 10, 4, "syntax"),
            ("三件", 10, 4, "syntax"),
            ("2包3件", 10, 4, "syntax"),
            ("3箱", 10, 4, "syntax"),
            ("-3件", 10, 4, "syntax"),
            ("3件2", 10, 4, "syntax"),
            ("1.5件", 10, 4, "syntax"),
            ("3件", 10, 0, "no_case"),
            ("3件", 0, 4, "no_case"),
            ("2包", 0, 0, "no_bundle"),
        ]
        for text, bundle, case, code in table:
            with self.subTest(text=text):
                with self.assertRaises(pack_qty.PackQtyError) as caught:
                    pack_qty.parse_pack_qty(text, bundle, case)
                self.assertEqual(caught.exception.code, code)

    def test_format_table(self):
        table = [
            (145, 10, 4, "3件2包5本"),
            (120, 10, 4, "3件"),
            (25, 10, 4, "2包5本"),
            (125, 10, 4, "3件5本"),
            (5, 10, 4, "5本"),
            (0, 10, 4, "0本"),
            (-25, 10, 4, "-2包5本"),
            (25, 10, 0, "2包5本"),
            (25, 0, 0, "25本"),
            (2.5, 10, 4, "2.5本"),
        ]
        for qty, bundle, case, expected in table:
            with self.subTest(qty=qty):
                self.assertEqual(pack_qty.format_pack_qty(qty, bundle, case), expected)
                if qty == int(qty):
                    self.assertEqual(
                        pack_qty.parse_pack_qty(expected.lstrip("-"), bundle, case),
                        abs(qty),
                    )
