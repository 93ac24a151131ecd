from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosGiftCard(RetailPosHttpCommon):
    def test_cashier_sells_physical_gift_cards(self):
        """Gift cards (what stored value builds on) sold at the till by a cashier are
        made with the codes and amounts the cashier typed: core's own tour, run as our
        cashier with our till."""
        programs = self.env["loyalty.program"]
        programs.search([]).write({"pos_ok": False})
        self.env.ref("loyalty.gift_card_product_50").write({"active": True})
        program = programs.browse(programs.create_from_template("gift_card")["res_id"])
        # the till prints the cards it sells
        program.pos_report_print_id = self.env.ref("loyalty.report_gift_card")
        self.start_tour(
            f"/pos/web?config_id={self.main_pos_config.id}",
            "PhysicalGiftCardProgramSaleTour",
            login="pos_user",
        )
        points = {card.code: card.points for card in program.coupon_ids}
        self.assertEqual(points.pop("test-card-0000"), 125.0)
        self.assertEqual(points.pop("new-card-0001"), 250.0)
        # the third card sold gets a generated code
        self.assertEqual(list(points.values()), [100.0])
