from odoo.tests import tagged

from odoo.addons.retail_reports.tests import test_retail_sales_cost as base

from .common import PosTillCommon


class PosSalesCostCommon(PosTillCommon, base.SalesCostCommon):
    """The sales cost fixture with P1 and P2 sold at the store's till, the stock
    updated in real time: core records each line's cost when its goods leave. The
    test classes built on it run the tests of ``retail_reports`` they extend."""

    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        cls.session = None
        super().setUpClass()

    @classmethod
    def _retail_sale(cls, quantity, price):
        if not cls.session:
            cls.env.company.point_of_sale_update_stock_quantities = "real"
            cls.session = cls._open_session("东店收银台", "MCE")
        return cls._pos_order(cls.session, quantity, price)


@tagged("post_install", "-at_install")
class TestPosSalesCost(PosSalesCostCommon, base.TestRetailSalesCost):
    def test_pos_refund_keeps_the_cost_it_came_back_at(self):
        self._receive(20, 9.0)  # average 8.50
        refund = self.env["pos.order"].browse(self.p1.refund()["res_id"])
        self._pay(refund)
        self.assertEqual(refund.state, "paid")
        # the 2 came back at today's average, 8.50 (the till's refund names no
        # delivery to take the cost from)
        self.assertEqual(self._figures(self.manager, refund), (-2, -24, -17, -7))
        # the average moves again: (26 × 8.50 + 5 × 12.00) / 31
        self._receive(5, 12.0)
        self.assertNotEqual(self.product.standard_price, 8.5)
        self._refresh()
        self.assertEqual(self._history_names(), {self.w1.name, self.p1.name})
        self.assertEqual(self._figures(self.manager, refund), (-2, -24, -17, -7))
        self.assertEqual(self._figures(self.manager, self.p1), (2, 24, 12, 12))

    def test_pos_cost_not_computed_yet_is_the_current_cost(self):
        # stock updated when the session closes: core computes the cost then
        self.env.company.point_of_sale_update_stock_quantities = "closing"
        session = self._open_session("西店收银台", "MCW")
        order = self._pos_order(session, 1, 12.0)
        self.assertFalse(order.lines.is_total_cost_computed)
        self.assertEqual(self._figures(self.manager, order), (1, 12, 6, 6))
        self._receive(20, 9.0)  # average 8.50
        self.assertEqual(self._figures(self.manager, order), (1, 12, 8.5, 3.5))
