from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.sql_db import Cursor
from odoo.tests import tagged
from odoo.tools import SQL

from .flash_sale_common import FlashSaleCommon


@tagged("post_install", "-at_install")
class TestRetailFlashSaleLimits(FlashSaleCommon):
    """The limit per customer and the total cap, enforced when orders are confirmed."""

    # ---------------------------------------------------------- enforcement
    def test_limit_per_customer_is_refused_naming_product_and_limit(self):
        flash_sale = self._flash(per_customer_limit=3)
        self._order(2).action_confirm()
        # another contact of the same company counts for the same customer
        second = self._order(2, partner=self.shop_buyer)
        with self.assertRaises(UserError) as error:
            second.action_confirm()
        self.assertEqual(
            str(error.exception),
            "This order cannot be confirmed:\n"
            "万家福超市 may buy at most 3.00 Units of 五常大米 5kg in the flash sale "
            "双十一大米秒杀: 2.00 already bought, 2.00 ordered.",
        )
        self.assertEqual(second.state, "draft")
        self.assertFalse(second.picking_ids)
        self.assertEqual(flash_sale.qty_sold, 2.0)
        # another customer has its own limit
        self._order(3, partner=self.other_shop).action_confirm()
        flash_sale.invalidate_recordset(["qty_sold", "qty_left"])
        self.assertEqual((flash_sale.qty_sold, flash_sale.qty_left), (5.0, 95.0))

    def test_total_cap_over_all_customers(self):
        flash_sale = self._flash(total_cap=5)
        self._order(3).action_confirm()
        too_many = self._order(3, partner=self.other_shop)
        with self.assertRaises(UserError) as error:
            too_many.action_confirm()
        self.assertEqual(
            str(error.exception),
            "This order cannot be confirmed:\n"
            "Only 2.00 Units of 五常大米 5kg are left in the flash sale 双十一大米秒杀 "
            "(5.00 in all): 3.00 ordered.",
        )
        self.assertEqual(too_many.state, "draft")
        self._order(2, partner=self.other_shop).action_confirm()
        flash_sale.invalidate_recordset(["qty_sold", "qty_left"])
        self.assertEqual((flash_sale.qty_sold, flash_sale.qty_left), (5.0, 0.0))

    def test_orders_confirmed_together_count_together_and_nothing_is_confirmed(self):
        flash_sale = self._flash(total_cap=5)
        orders = self._order(3) | self._order(3, partner=self.other_shop)
        with self.assertRaises(UserError) as error:
            orders.action_confirm()
        self.assertEqual(
            str(error.exception),
            "This order cannot be confirmed:\n"
            "Only 5.00 Units of 五常大米 5kg are left in the flash sale 双十一大米秒杀 "
            "(5.00 in all): 6.00 ordered.",
        )
        self.assertEqual(orders.mapped("state"), ["draft", "draft"])
        self.assertEqual(flash_sale.qty_sold, 0.0)

    def test_cancelled_orders_give_their_quantity_back(self):
        flash_sale = self._flash(total_cap=5)
        order = self._order(5)
        order.action_confirm()
        self.assertEqual(flash_sale.qty_left, 0.0)
        order.with_user(self.salesman)._action_cancel()
        flash_sale.invalidate_recordset(["qty_sold", "qty_left"])
        self.assertEqual(flash_sale.qty_left, 5.0)
        self._order(5, partner=self.other_shop).action_confirm()
        flash_sale.invalidate_recordset(["qty_sold", "qty_left"])
        self.assertEqual(flash_sale.qty_sold, 5.0)

    def test_confirmation_locks_the_flash_sale_before_counting_and_writes_it(self):
        """Two transactions confirming at once are serialized on the flash sale row.

        The test database cannot hold two transactions that see the same uncommitted
        flash sale, so this checks the SQL sequence inside the confirming transaction:
        the row lock comes before the sold quantities are read and before the order
        changes state, and the row is written so that a transaction that waited for the
        lock fails on a serialization error and is retried with fresh data.
        """
        flash_sale = self._flash(total_cap=5)
        order = self._order(5)
        queries = []
        execute = Cursor.execute

        def recording_execute(cr, query, params=None, log_exceptions=True):
            code = query.code if isinstance(query, SQL) else str(query)
            args = query.params if isinstance(query, SQL) else params
            queries.append((code, args))
            return execute(cr, query, params, log_exceptions)

        with patch.object(Cursor, "execute", recording_execute):
            order.action_confirm()
            self.env.flush_all()

        def first(predicate):
            return next(
                i for i, (code, _args) in enumerate(queries) if predicate(code.strip())
            )

        lock = first(
            lambda code: "FROM retail_flash_sale" in code and "FOR UPDATE" in code
        )
        self.assertEqual(queries[lock][1], [(flash_sale.id,)])
        count = first(
            lambda code: (
                'FROM "sale_order_line"' in code
                and "SUM" in code
                and "retail_flash_sale_id" in code
            )
        )
        state = first(
            lambda code: code.startswith('UPDATE "sale_order"') and '"state" = ' in code
        )
        touched = first(lambda code: code.startswith('UPDATE "retail_flash_sale"'))
        self.assertLess(lock, count)
        self.assertLess(count, state)
        self.assertLess(lock, touched)
        self.assertTrue(flash_sale.last_order_date)

        # the next order waits for the lock and sees the first one's quantity
        with self.assertRaisesRegex(UserError, "Only 0.00 Units"):
            self._order(1, partner=self.other_shop).action_confirm()
