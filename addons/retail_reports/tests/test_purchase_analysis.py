from datetime import datetime

from odoo import Command
from odoo.tests import tagged

from .purchase_common import PurchaseAnalysisCommon


@tagged("post_install", "-at_install")
class TestPurchaseAnalysis(PurchaseAnalysisCommon):
    def test_supplier_on_time_rate(self):
        analysis = self._analysis()
        self.assertEqual(
            self._ontime(analysis),
            [
                ("江南食品厂", 3, 1, 2, 33.33, 2.0, 40.0, 224.0),
                ("华北粮油", 1, 1, 0, 100.0, 0.0, 15.0, 175.0),
            ],
        )
        self.assertEqual(analysis.receipt_count, 4)
        self.assertAlmostEqual(analysis.on_time_rate, 50.0)

    def test_days_are_local_days(self):
        """In UTC the February receipt is on time and the April order is March's."""
        self.hq_user.tz = "UTC"
        analysis = self._analysis()
        self.assertEqual(
            self._ontime(analysis),
            [
                ("江南食品厂", 3, 2, 1, 66.67, 3.0, 40.0, 224.0),
                ("华北粮油", 2, 2, 0, 100.0, 0.0, 20.0, 325.0),
            ],
        )

    def test_purchase_price_trend(self):
        analysis = self._analysis()
        self.assertEqual(
            self._prices(analysis),
            [
                ("大米", "2025-01-01", 10.0, 5.0, 5.0, 5.0, None),
                ("大米", "2025-02-01", 30.0, 6.5, 6.0, 7.5, 30.0),
                ("大米", "2025-03-01", 10.0, 5.4, 5.4, 5.4, -16.923),
                ("食用油", "2025-02-01", 5.0, 20.0, 20.0, 20.0, None),
            ],
        )

    def test_returns_to_suppliers(self):
        analysis = self._analysis()
        self.assertEqual(
            self._returns(analysis), [("江南食品厂", 4.0, 24.0, 224.0, 10.714)]
        )
        self.assertAlmostEqual(analysis.return_rate, 100 * 24 / 399)

    def test_company_currency_and_product_unit(self):
        """June: 2 dozen rice at 120.00 a dozen in a currency worth half the
        company's is 24 units at 5.00, 120.00 in all."""
        company = self.env.company
        foreign = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("id", "!=", company.currency_id.id)], limit=1)
        )
        foreign.active = True
        self.env["res.currency.rate"].create(
            {
                "currency_id": foreign.id,
                "name": "2025-06-01",
                "rate": 2.0 * company.currency_id.rate,
                "company_id": company.id,
            }
        )
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.jiangnan.id,
                "currency_id": foreign.id,
                "picking_type_id": self.hq_warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.rice.id,
                            "product_qty": 2,
                            "product_uom": self.env.ref("uom.product_uom_dozen").id,
                            "price_unit": 120.0,
                            "taxes_id": [Command.clear()],
                            "date_planned": datetime(2025, 6, 12, 2),
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        order.date_order = datetime(2025, 6, 10, 2)
        self.assertAlmostEqual(order.currency_rate, 2.0)
        self._receive(order, datetime(2025, 6, 11, 2))
        # not flushed yet: the analysis flushes before its queries
        analysis = self._analysis(date_from="2025-06-01", date_to="2025-06-30")
        self.assertEqual(
            self._ontime(analysis),
            [("江南食品厂", 1, 1, 0, 100.0, 0.0, 24.0, 120.0)],
        )
        self.assertEqual(
            self._prices(analysis),
            [("大米", "2025-06-01", 24.0, 5.0, 5.0, 5.0, None)],
        )

    def test_filters_suppliers_and_stores(self):
        jiangnan = self._analysis(partner_ids=[Command.set(self.jiangnan.ids)])
        self.assertEqual([row[0] for row in self._ontime(jiangnan)], ["江南食品厂"])
        self.assertEqual(
            [(row[1], row[3], row[6]) for row in self._prices(jiangnan)],
            [
                ("2025-01-01", 5.0, None),
                ("2025-02-01", 6.0, 20.0),
                ("2025-03-01", 5.4, -10.0),
            ],
        )
        self.assertEqual(len(jiangnan.return_line_ids), 1)
        store = self._analysis(warehouse_ids=[Command.set(self.store_warehouse.ids)])
        self.assertEqual(
            self._ontime(store), [("华北粮油", 1, 1, 0, 100.0, 0.0, 15.0, 175.0)]
        )
        self.assertEqual(
            [(row[0], row[3]) for row in self._prices(store)],
            [("大米", 7.5), ("食用油", 20.0)],
        )
        self.assertFalse(store.return_line_ids, "returned from head office")
