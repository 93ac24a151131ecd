from odoo.tests import tagged

from odoo.addons.retail_pos_ext.tests.common import RetailPosHeldCommon


@tagged("post_install", "-at_install")
class TestPosHeldAccessories(RetailPosHeldCommon):
    def test_held_accessory_lines_keep_their_book_line(self):
        """配件: an accessory line is held with its book line's uuid, so the till
        links it again on resume (the till's side: the books tour)."""
        values = self._held_values()
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
