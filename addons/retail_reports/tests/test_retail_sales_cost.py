from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.common import RetailCommon


class SalesCostCommon(RetailCommon):
    """Margins at the cost of the day, on a product at average cost (AVCO) sold from
    the store.

    Received 10 at 6.00 (average 6.00); ten days ago the wholesale order W1 sold 4 at
    10.00 and the order P1 sold 2 at 12.00, both delivered at 6.00: 4 left at 6.00.
    The tests receive more at other prices, sell, return and refund from there. P1
    and the later P2 are retail sales (``_retail_sale``): here wholesale orders of the
    store delivered in full; ``retail_reports_pos`` runs the same tests with the
    till's orders.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env["product.category"].create(
            {"name": "移动平均", "property_cost_method": "average"}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "五常大米 5kg",
                "is_storable": True,
                "list_price": 10.0,
                "categ_id": category.id,
                "taxes_id": [Command.clear()],
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "批发客户"})
        cls.manager = cls.role_users["store_manager"]
        cls.manager.retail_warehouse_ids = cls.store_warehouse
        cls.accountant = cls.role_users["accountant"]

        cls._receive(10, 6.0)
        cls.w1 = cls._sale(4, 10.0)
        cls.p1 = cls._retail_sale(2, 12.0)
        ten_days_ago = fields.Datetime.now() - timedelta(days=10)
        cls.w1.date_order = ten_days_ago
        cls.p1.date_order = ten_days_ago

    @classmethod
    def _move_done(cls, picking, quantity):
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.write({"quantity": quantity, "picked": True})
        picking._action_done()

    @classmethod
    def _receive(cls, quantity, price, sale_line=None):
        """A receipt from a supplier into the store at ``price`` a unit, bought for
        ``sale_line`` when given (as core links a make-to-order purchase's receipt
        to the sale line)."""
        stock = cls.store_warehouse.lot_stock_id
        supplier = cls.env.ref("stock.stock_location_suppliers")
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": cls.store_warehouse.in_type_id.id,
                "location_id": supplier.id,
                "location_dest_id": stock.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": cls.product.name,
                            "product_id": cls.product.id,
                            "product_uom_qty": quantity,
                            "price_unit": price,
                            "sale_line_id": sale_line.id if sale_line else False,
                            "location_id": supplier.id,
                            "location_dest_id": stock.id,
                        }
                    )
                ],
            }
        )
        cls._move_done(picking, quantity)

    @classmethod
    def _sale(cls, quantity, price, delivered=None):
        """A confirmed wholesale order of the store, ``delivered`` (by default all
        of it) sent to the customer."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "warehouse_id": cls.store_warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": quantity,
                            "price_unit": price,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        cls._move_done(order.picking_ids, quantity if delivered is None else delivered)
        return order

    @classmethod
    def _retail_sale(cls, quantity, price):
        """A retail sale of the store, its goods gone at the cost of the day."""
        return cls._sale(quantity, price)

    def _figures(self, user, order):
        """(quantity, revenue, cost, margin) of ``order``'s row, read as ``user``."""
        Report = self.env["retail.sales.report"]
        Report.invalidate_model()  # the rows are read again, not from the cache
        [row] = Report.with_user(user).search(
            [("product_id", "=", self.product.id), ("order_name", "=", order.name)]
        )
        return tuple(
            round(value, 2)
            for value in (row.quantity, row.revenue, row.cost, row.margin)
        )

    def _history_names(self):
        """Orders of the product read from the materialized history."""
        self.env.cr.execute(
            "SELECT order_name FROM retail_sales_fact WHERE product_id = %s"
            " AND date < %s",
            [self.product.id, self.env["retail.sales.report"]._fact_cutoff()],
        )
        return {name for (name,) in self.env.cr.fetchall()}

    def _refresh(self):
        self.env["retail.sales.report"].with_user(self.accountant).action_refresh_fact()


@tagged("post_install", "-at_install")
class TestRetailSalesCost(SalesCostCommon):
    def test_past_margins_keep_the_cost_of_the_day_they_sold(self):
        self.assertEqual(self.product.standard_price, 6.0)
        self.assertEqual(self._figures(self.manager, self.w1), (4, 40, 24, 16))
        self.assertEqual(self._figures(self.manager, self.p1), (2, 24, 12, 12))
        # 20 more at 9.00: (4 × 6.00 + 20 × 9.00) / 24 = 8.50
        self._receive(20, 9.0)
        self.assertEqual(self.product.standard_price, 8.5)
        self._refresh()
        self.assertEqual(self._history_names(), {self.w1.name, self.p1.name})
        self.assertEqual(self._figures(self.manager, self.w1), (4, 40, 24, 16))
        self.assertEqual(self._figures(self.manager, self.p1), (2, 24, 12, 12))
        # today's sales leave at the new average cost
        w2 = self._sale(2, 10.0)
        p2 = self._retail_sale(1, 12.0)
        self.assertEqual(self._figures(self.manager, w2), (2, 20, 17, 3))
        self.assertEqual(self._figures(self.manager, p2), (1, 12, 8.5, 3.5))
        # what the store's figures add up to, margins included
        Report = self.env["retail.sales.report"].with_user(self.manager)
        [(revenue, cost, margin)] = Report._read_group(
            [("product_id", "=", self.product.id)],
            [],
            ["revenue:sum", "cost:sum", "margin:sum"],
        )
        self.assertEqual((revenue, round(cost, 2), round(margin, 2)), (96, 61.5, 34.5))

    def test_wholesale_return_comes_back_at_the_cost_it_left(self):
        self._receive(20, 9.0)  # average 8.50
        delivery = self.w1.picking_ids
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=delivery.id, active_model="stock.picking")
            .create({})
        )
        wizard.product_return_moves.write({"quantity": 1})
        returned = self.env["stock.picking"].browse(
            wizard.action_create_returns()["res_id"]
        )
        self._move_done(returned, 1)
        self.assertEqual(returned.move_ids.sale_line_id, self.w1.order_line)
        # it came back at 6.00, the cost it left at: (204 + 6) / 25 = 8.40 now
        self.assertEqual(self.product.standard_price, 8.4)
        self.assertEqual(self.w1.order_line.qty_delivered, 3)
        self._refresh()
        # still 4 ordered: 3 kept at 6.00 (24 - 6) and 1 to deliver again at 8.40
        self.assertEqual(self._figures(self.accountant, self.w1), (4, 40, 26.4, 13.6))
        # the order now says 3: revenue and cost of the 3 the customer kept
        self.w1.order_line.product_uom_qty = 3
        self._refresh()
        self.assertEqual(self._figures(self.accountant, self.w1), (3, 30, 18, 12))

    def test_partly_delivered_and_over_delivered_lines(self):
        self._refresh()  # today's orders are read live, past ones from the history
        # 5 ordered, 3 delivered at 6.00, 2 to deliver at the current cost
        partly = self._sale(5, 10.0, delivered=3)
        self.assertEqual(self._figures(self.manager, partly), (5, 50, 30, 20))
        # 1 left at 6.00 + 19 at 9.00: 177 / 20 = 8.85, received for this order
        # (make to order): goods in, not a sale, the line's cost is the same
        self._receive(19, 9.0, sale_line=partly.order_line)
        self.assertEqual(self.product.standard_price, 8.85)
        self.assertEqual(self._figures(self.manager, partly), (5, 50, 35.7, 14.3))
        # 1 ordered, 2 delivered at 8.85: the cost of the one ordered
        over = self._sale(1, 10.0, delivered=2)
        self.assertEqual(over.order_line.qty_delivered, 2)
        self.assertEqual(self._figures(self.manager, over), (1, 10, 8.85, 1.15))

    def test_cashiers_never_see_costs(self):
        Report = self.env["retail.sales.report"]
        for field in ("cost", "margin"):
            self.assertEqual(
                Report._fields[field].groups,
                "retail_wholesale.retail_wholesale_group_store_manager,"
                "retail_wholesale.retail_wholesale_group_accountant",
            )
        self.assertFalse(
            self.role_users["cashier"].has_groups(Report._fields["cost"].groups)
        )
