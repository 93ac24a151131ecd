from odoo.tests import HttpCase, tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon


@tagged("post_install", "-at_install")
class TestMemberBackOfficeTour(RetailCommon, HttpCase):
    """储值卡充值 in the back office, in Chromium, as a store manager: a sale order of
    the top-up product credits the member's card with its top-up bonus."""

    def test_store_manager_tops_up_a_members_card_with_a_bonus(self):
        company = self.env.company
        program = company._retail_ensure_stored_value_program()
        program.trigger_product_ids.action_unarchive()
        self.env["retail.stored.value.bonus"].create(
            {"name": "充1000送100", "amount_min": 1000.0, "bonus": 100.0}
        )
        member = self.env["res.partner"].create({"name": "Tour Member Sun"})
        manager = self.role_users["store_manager"]
        manager.password = "rw_store_manager"  # noqa: S105
        self.start_tour("/odoo", "retail_member_top_up_tour", login=manager.login)
        order = self.env["sale.order"].search([("partner_id", "=", member.id)])
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.amount_total, 1000.0)
        self.assertEqual(order.retail_stored_value_bonus, 100.0)
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", member.id), ("program_id", "=", program.id)]
        )
        self.assertEqual(card.points, 1100.0)
        self.assertEqual(card.retail_stored_value_bonus, 100.0)
