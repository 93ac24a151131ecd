import json

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.misc import file_open

from odoo.addons.retail_book.models.retail_book_line_mixin import discount_label
from odoo.addons.retail_book.tools import pack_qty
from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosBooks(RetailPosHttpCommon):
    """Books at the till: 件/包/本 on a line, accessories (配件) added with the book,
    码洋/实洋 on the receipt and on the synced lines, the return rate limit (退货率) on
    refunds of a book club."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cd = cls._create_retail_product("Retail Till CD", 0.0)
        cls.book = cls._create_retail_product(
            "Retail Till Book",
            0.0,
            retail_isbn="978-7-5321-0001-9",
            retail_cover_price=40.0,
            retail_bundle_qty=10,
            retail_case_bundles=4,
        )
        cls.book.product_tmpl_id.sudo().retail_accessory_ids = [
            Command.create({"product_id": cls.cd.id, "quantity": 1.0})
        ]
        cls.tea = cls._create_retail_product("Retail Till Tea", 10.0)
        cls.club = (
            cls.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": "Retail Book Club",
                    "retail_return_rate_limit": 10.0,
                    "retail_return_rate_action": "block",
                    "retail_return_rate_days": 90,
                }
            )
        )

    def test_pack_quantities_agree_with_the_till(self):
        """The table the till's parser is checked against in the tour."""
        with file_open("retail_book_pos/static/tests/pack_qty_cases.json") as file:
            cases = json.load(file)
        self.assertGreaterEqual(len(cases["parse"]), 20)
        for text, bundle, case, expected in cases["parse"]:
            try:
                result = pack_qty.parse_pack_qty(text, bundle, case)
            except pack_qty.PackQtyError as error:
                result = error.code
            self.assertEqual(result, expected, f"parse {text!r}")
        for qty, bundle, case, expected in cases["format"]:
            self.assertEqual(
                pack_qty.format_pack_qty(qty, bundle, case), expected, f"{qty}"
            )
        for percent, expected in cases["discount"]:
            self.assertEqual(discount_label(percent) or "", expected)

    def test_the_till_loads_books_with_packs_and_accessories(self):
        session = self._open_session()
        data = session.with_user(self.pos_user).load_data([])
        products = {p["id"]: p for p in data["product.product"]["data"]}
        book, tea = products[self.book.id], products[self.tea.id]
        self.assertTrue(book["retail_is_book"])
        self.assertEqual(book["retail_cover_price"], 40.0)
        self.assertEqual(
            (book["retail_bundle_qty"], book["retail_case_bundles"]), (10, 4)
        )
        self.assertEqual(book["retail_pos_accessories"], [[self.cd.id, 1.0]])
        self.assertFalse(tea["retail_is_book"])
        self.assertEqual(tea["retail_pos_accessories"], [])
        # the same through the ORM (products the till loads later)
        self.assertEqual(self.book.retail_pos_accessories, [[self.cd.id, 1.0]])

    def test_synced_book_lines_keep_their_cover_amounts(self):
        session = self._open_session()
        cash = session.payment_method_ids.filtered("is_cash_count")[:1]
        # 65 copies at 6.5折 (26.00 of 40.00) and their CDs, free
        order = self._sync_order(
            session, [(self.book, 65, 26.0), (self.cd, 65, 0.0)], [(cash, 1690.0)]
        )
        book_line = order.lines.filtered(lambda line: line.product_id == self.book)
        self.assertEqual(book_line.retail_cover_price, 40.0)
        self.assertEqual(book_line.retail_cover_amount, 2600.0)
        self.assertEqual(book_line.retail_net_amount, 1690.0)
        self.assertEqual(book_line.retail_discount_label, "6.5折")
        self.assertEqual(book_line.retail_pack_qty_text, "1件2包5本")
        cd_line = order.lines - book_line
        self.assertEqual(cd_line.retail_cover_amount, 0.0)
        # the till priced the quantity it sold: no other quantity is typed on its line
        with self.assertRaisesRegex(UserError, "Retail Till Book cannot be set to 2件"):
            book_line.write({"retail_pack_qty_text": "2件"})
        self.assertEqual(book_line.qty, 65.0)
        # 定价 as when it was sold
        self.book.product_tmpl_id.retail_cover_price = 45.0
        self.assertEqual(book_line.retail_cover_amount, 2600.0)

    def test_books_at_the_till(self):
        self.club.retail_return_rate_limit = 5.0
        session = self._open_session()
        cash = session.payment_method_ids.filtered("is_cash_count")[:1]
        self._sync_order(
            session, [(self.tea, 10, 10.0)], [(cash, 100.0)], partner=self.club
        )
        self.start_pos_tour("retail_book_pos_books_tour", login="pos_user")
        orders = self._session_orders(session).filtered(
            lambda order: self.book in order.lines.product_id
        )
        self.assertEqual(len(orders), 1)
        lines = {line.product_id: line for line in orders.lines}
        self.assertEqual(lines[self.book].qty, 65)
        self.assertEqual(lines[self.cd].qty, 65)
        self.assertEqual(
            lines[self.cd].retail_accessory_parent_uuid, lines[self.book].uuid
        )
        self.assertEqual(lines[self.book].retail_cover_amount, 2600.0)
        self.assertEqual(lines[self.book].retail_discount_label, "6.5折")
        # the refund over the club's limit was refused at the till: never sent
        self.assertFalse(
            self._session_orders(session).filtered(lambda order: order.amount_total < 0)
        )
