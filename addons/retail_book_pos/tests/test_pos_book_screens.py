from odoo.tests import tagged

from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosBookScreens(RetailPosHttpCommon):
    """The 件/包/本 button on a 1400x900 screen, in Chinese."""

    browser_size = "1400x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        store = cls.main_pos_config.retail_warehouse_id
        cls.book = cls._create_retail_product(
            "城市的记忆：上海老建筑图册",
            58.0,
            retail_isbn="978-7-5321-0001-9",
            retail_cover_price=58.0,
            retail_bundle_qty=10,
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.book, store.lot_stock_id, 12
        )

    def test_pack_quantity_button_joins_the_row_readably(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.pos_user.lang = "zh_CN"
        self._open_session()
        self.start_pos_tour("retail_book_pos_till_layout_tour", login="pos_user")
