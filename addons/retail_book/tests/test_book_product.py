from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .book_common import BookCommon


@tagged("post_install", "-at_install")
class TestBookProduct(BookCommon):
    def test_isbn_is_normalised_and_becomes_the_barcode(self):
        self.assertEqual(self.book.retail_isbn, "9787532100019")
        self.assertEqual(self.book.barcode, "9787532100019")
        self.assertTrue(self.book.retail_is_book)
        book = self.env["product.template"].create(
            {"name": "远方的故事", "retail_isbn": "0-8044-2957-x"}
        )
        self.assertEqual(book.retail_isbn, "9780804429573")
        self.assertEqual(book.barcode, "9780804429573")
        book.retail_isbn = "7 5390 0012 0"
        self.assertEqual(book.barcode, "9787539000121")
        self.assertEqual(
            self.env["product.product"].search([("barcode", "=", "9787539000121")]),
            book.product_variant_id,
        )

    def test_invalid_isbn_refused(self):
        with self.assertRaisesRegex(ValidationError, "check digit is wrong"):
            self.env["product.template"].create(
                {"name": "坏书号", "retail_isbn": "978-7-5321-0001-8"}
            )
        template = self.book.product_tmpl_id
        with self.assertRaisesRegex(ValidationError, "10 or 13 digits"):
            template.retail_isbn = "97875321000"
        self.env.invalidate_all()
        self.assertEqual(template.retail_isbn, "9787532100019")
        self.assertEqual(self.book.barcode, "9787532100019")

    def test_duplicate_isbn_names_both_products(self):
        message = "ISBN 9787532100019 of 另一本书 is already used by 春天的来信"
        with self.assertRaisesRegex(ValidationError, message):
            self.env["product.template"].create(
                {"name": "另一本书", "retail_isbn": "7-5321-0001-4"}
            )
        other = self.env["product.template"].create(
            {"name": "另一本书", "retail_isbn": "9787539000121"}
        )
        with self.assertRaisesRegex(ValidationError, message):
            other.write({"retail_isbn": "9787532100019"})
        with self.assertRaisesRegex(ValidationError, "already used by 甲"):
            self.env["product.template"].create(
                [
                    {"name": "甲", "retail_isbn": "9787544400237"},
                    {"name": "乙", "retail_isbn": "7544400239"},
                ]
            )
        self.assertEqual(other.retail_isbn, "9787539000121")

    def test_sale_price_follows_cover_price(self):
        template = self.book.product_tmpl_id
        self.assertEqual(template.list_price, 40.0)
        template.retail_cover_price = 45.0
        self.assertEqual(template.list_price, 45.0)
        self.assertEqual(self.book.lst_price, 45.0)
        template.list_price = 48.0
        self.assertEqual(template.retail_cover_price, 48.0)
        # the grade's discount applies to the new cover price
        self.assertAlmostEqual(
            self.wholesale_pl._get_product_price(self.book, 1.0), 31.2, places=2
        )

    def test_pack_structure_checks(self):
        self.assertEqual(
            self.book.retail_pack_structure, "1件 = 4包 = 40本, 1包 = 10本"
        )
        with self.assertRaisesRegex(ValidationError, "copies per bundle"):
            self.book.product_tmpl_id.write({"retail_bundle_qty": 0})
        with self.assertRaises(ValidationError):
            self.book.product_tmpl_id.write({"retail_case_bundles": -1})

    def test_pack_parser_on_product(self):
        self.assertEqual(self.book.retail_parse_pack_qty("3件2包5本"), 145.0)
        self.assertEqual(self.book.retail_format_pack_qty(145), "3件2包5本")
        with self.assertRaisesRegex(UserError, "is not a quantity"):
            self.book.retail_parse_pack_qty("三件")
        with self.assertRaisesRegex(UserError, "is not packed in cases"):
            self.cd.retail_parse_pack_qty("3件")

    def test_accessories_for_pos(self):
        self.assertEqual(self.book._retail_accessory_quantities(3), [(self.cd, 3.0)])
        self.assertEqual(self.cd._retail_accessory_quantities(3), [])
        with self.assertRaisesRegex(ValidationError, "cannot be its own accessory"):
            self.book.product_tmpl_id.retail_accessory_ids = [
                Command.create({"product_id": self.book.id})
            ]
        with self.assertRaisesRegex(ValidationError, "must be positive"):
            self.book.product_tmpl_id.retail_accessory_ids.quantity = 0

    def test_accessory_access_rights(self):
        Accessory = self.env["retail.book.accessory"]
        accessory = self.book.product_tmpl_id.retail_accessory_ids
        for role in ("buyer", "store_manager", "hq_admin"):
            accessory.with_user(self.role_users[role]).quantity = 2.0
        for role in ("cashier", "keeper", "accountant"):
            user = self.role_users[role]
            self.assertEqual(Accessory.with_user(user).search_count([]), 1)
            with self.assertRaises(AccessError):
                accessory.with_user(user).quantity = 3.0
        self.assertEqual(accessory.quantity, 2.0)
