from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestLotteryAtTheTills(RetailPosHttpCommon):
    """抽奖: the tills' paid orders of the store take part, refunds and walk-ins not."""

    def test_the_tills_orders_take_part(self):
        store = self.main_pos_config.picking_type_id.warehouse_id
        rice = self._create_retail_product("Lottery Rice", 60.0)
        member = self.env["res.partner"].create({"name": "Lottery Member"})
        session = self._open_session()
        cash = self.main_pos_config.payment_method_ids.filtered("is_cash_count")[:1]
        self._sync_order(session, [(rice, 1, 60.0)], [(cash, 60.0)], partner=member)
        self._sync_order(session, [(rice, 1, 60.0)], [(cash, 60.0)])
        today = fields.Date.context_today(self.env["retail.promotion.lottery"])
        lottery = (
            self.env["retail.promotion.lottery"]
            .sudo()
            .create(
                {
                    "name": "门店抽奖",
                    "date_from": today,
                    "date_to": today,
                    "warehouse_ids": [Command.set(store.ids)],
                    "min_amount": 50.0,
                    "winner_count": 1,
                }
            )
        )
        lottery.action_draw()
        # the walk-in's order has no customer to reach: the member's order wins
        self.assertEqual(lottery.ticket_count, 1)
        self.assertEqual(lottery.winner_ids.partner_id, member)
        self.assertEqual(lottery.winner_ids.res_model, "pos.order")
