from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PromotionCommon


@tagged("post_install", "-at_install")
class TestPromotionLottery(PromotionCommon):
    """抽奖 among a store's orders of a period, from an amount, as its store manager."""

    def setUp(self):
        super().setUp()
        Partner = self.env["res.partner"]
        self.winners_pool = Partner.create([{"name": f"Lucky {i}"} for i in range(3)])
        self.orders = self.env["sale.order"]
        for partner in self.winners_pool:
            self.customer = partner
            # two orders each of 100; the customer wins once
            self.orders |= self._order((self.tea, 2)) | self._order((self.tea, 2))
        self.customer = Partner.create({"name": "Small Spender"})
        self.small = self._order((self.cup, 1))
        # another store's order
        self.customer = Partner.create({"name": "West Customer"})
        self.west = self._order((self.tea, 4), confirm=False)
        self.west.warehouse_id = self.other_store
        self.west.action_confirm()
        self.orders.warehouse_id = self.store
        self.small.warehouse_id = self.store

    def _lottery(self, **values):
        return (
            self.env["retail.promotion.lottery"]
            .with_user(self.manager)
            .create(
                {
                    "name": "国庆购物抽奖",
                    "date_from": self.today,
                    "date_to": self.today,
                    "warehouse_ids": [Command.set(self.store.ids)],
                    "min_amount": 50.0,
                    "winner_count": 2,
                    "prize": "500元购物卡",
                    **values,
                }
            )
        )

    def test_the_draw(self):
        lottery = self._lottery()
        lottery.action_draw()
        self.assertEqual(lottery.state, "drawn")
        # the six orders of 100 at the store take part; 20 and the other store not
        self.assertEqual(lottery.ticket_count, 6)
        winners = lottery.winner_ids
        self.assertEqual(len(winners), 2)
        self.assertEqual(len(winners.partner_id), 2)
        self.assertLessEqual(winners.partner_id, self.winners_pool)
        self.assertTrue(
            set(winners.mapped("order_reference")) <= set(self.orders.mapped("name"))
        )
        self.assertEqual(lottery.drawn_by_id, self.manager)
        # drawn once, then fixed
        with self.assertRaisesRegex(UserError, "was drawn already"):
            lottery.action_draw()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            lottery.winner_count = 3
        # more winners than customers: each customer once
        lottery = self._lottery(winner_count=5)
        lottery.action_draw()
        self.assertEqual(lottery.winner_ids.partner_id, self.winners_pool)

    def test_refused(self):
        with self.assertRaisesRegex(UserError, "no order takes part"):
            self._lottery(min_amount=1000.0).action_draw()
        with self.assertRaisesRegex(ValidationError, "before the start"):
            self._lottery(date_from=self.today, date_to=self.today.replace(year=2000))
        with self.assertRaisesRegex(ValidationError, "at least one winner"):
            self._lottery(winner_count=0)
        with self.assertRaises(AccessError):
            self._lottery(warehouse_ids=[Command.set(self.other_store.ids)])
        with self.assertRaises(AccessError):
            self._lottery(warehouse_ids=[Command.clear()])
