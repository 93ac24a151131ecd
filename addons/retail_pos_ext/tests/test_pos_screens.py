from odoo import Command
from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosScreens(RetailPosHttpCommon):
    """What the cashier sees on a 1400x900 screen: product cards, the customer
    button and the receipt's lines."""

    browser_size = "1400x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        store = cls.main_pos_config.retail_warehouse_id
        cls.album = cls._create_retail_product("城市的记忆：上海老建筑图册", 58.0)
        cls.env["stock.quant"]._update_available_quantity(
            cls.album, store.lot_stock_id, 12
        )
        vat = cls.env["account.tax"].create(
            {
                "name": "Retail VAT 13% included",
                "amount": 13,
                "price_include_override": "tax_included",
            }
        )
        cls.tea = cls._create_retail_product(
            "Retail Taxed Tea", 19.10, taxes_id=[Command.set(vat.ids)]
        )

    def test_till_cards_and_buttons_are_readable_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.pos_user.lang = "zh_CN"
        self._open_session()
        self.start_pos_tour("retail_pos_ext_till_layout_tour", login="pos_user")

    def test_receipt_discount_refund_signs_and_no_placeholder_logo(self):
        self.assertTrue(self.main_pos_config.company_id.uses_default_logo)
        session = self._open_session()
        self.start_pos_tour("retail_pos_ext_receipt_lines_tour", login="pos_user")
        orders = self._session_orders(session).sorted("id")
        self.assertEqual(
            [round(a, 2) for a in orders.mapped("amount_total")], [17.19, -19.1]
        )
        self.assertEqual(orders.mapped("state"), ["paid", "paid"])
