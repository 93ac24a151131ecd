from odoo.tests import tagged

from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosHeldAccessories(RetailPosHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.HeldOrder = cls.env["retail.pos.held.order"]
        cls.tea = cls._create_retail_product("Retail Held Tea", 10.0)
        cls.cake = cls._create_retail_product("Retail Held Cake", 5.5)

    def test_held_accessory_lines_keep_their_book_line(self):
        """配件: an accessory line is held with its book line's uuid, so the till
        links it again on resume (the till's side: the books tour)."""
        values = {
            "name": "Zhang table 3",
            "amount_total": 25.5,
            "lines": [
                {"product_id": self.tea.id, "qty": 2, "price_unit": 10.0},
                {
                    "product_id": self.cake.id,
                    "qty": 1,
                    "price_unit": 5.5,
                    "discount": 0,
                    "customer_note": "no sugar",
                },
            ],
        }
        values["lines"][0]["uuid"] = "book-line"
        values["lines"][1].update(
            uuid="cd-line", retail_accessory_parent_uuid="book-line"
        )
        held_id = self.HeldOrder.retail_hold(self.main_pos_config.id, values)
        data = self.HeldOrder.browse(held_id).retail_resume(self.main_pos_config.id)
        self.assertEqual(
            [
                (line["uuid"], line["retail_accessory_parent_uuid"])
                for line in data["lines"]
            ],
            [("book-line", ""), ("cd-line", "book-line")],
        )
