from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.sql_db import Cursor
from odoo.tests import Form, tagged
from odoo.tools import SQL

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestRetailFlashSale(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.account_use_credit_limit = False
        currency = cls.env.company.currency_id
        cls.rice = cls.env["product.product"].create(
            {
                "name": "五常大米 5kg",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {"name": "Flash Retail", "currency_id": currency.id}
        )
        cls.other_pricelist = cls.env["product.pricelist"].create(
            {"name": "Flash Franchise", "currency_id": currency.id}
        )
        cls.shop = cls.env["res.partner"].create(
            {"name": "万家福超市", "is_company": True}
        )
        cls.shop_buyer = cls.env["res.partner"].create(
            {"name": "万家福 采购 李雷", "parent_id": cls.shop.id}
        )
        cls.other_shop = cls.env["res.partner"].create(
            {"name": "好又多便利店", "is_company": True}
        )
        cls.manager = cls.role_users["hq_admin"]
        cls.salesman = cls.role_users["store_manager"]
        cls.now = fields.Datetime.now()

    def _flash(self, **vals):
        values = {
            "name": "双十一大米秒杀",
            "product_id": self.rice.id,
            "price": 59.0,
            "date_start": self.now - timedelta(hours=1),
            "date_end": self.now + timedelta(hours=1),
            "total_cap": 100.0,
            "pricelist_ids": [Command.set(self.pricelist.ids)],
        }
        values.update(vals)
        return self.env["retail.flash.sale"].with_user(self.manager).create(values)

    def _order(self, qty, partner=None, pricelist=None, date_order=None):
        vals = {
            "partner_id": (partner or self.shop).id,
            "pricelist_id": (pricelist or self.pricelist).id,
            "order_line": [
                Command.create({"product_id": self.rice.id, "product_uom_qty": qty})
            ],
        }
        if date_order:
            vals["date_order"] = date_order
        return self.env["sale.order"].with_user(self.salesman).create(vals)

    def _rules(self, flash_sale):
        return self.env["product.pricelist.item"].search(
            [("retail_flash_sale_id", "=", flash_sale.id)], order="pricelist_id"
        )

    # ------------------------------------------------------------- pricing
    def test_flash_price_applies_inside_the_window_only(self):
        flash_sale = self._flash()
        inside = self._order(2)
        self.assertEqual(inside.order_line.price_unit, 59.0)
        self.assertEqual(inside.order_line.retail_flash_sale_id, flash_sale)
        after = self._order(2, date_order=self.now + timedelta(days=1))
        self.assertEqual(after.order_line.price_unit, 100.0)
        self.assertFalse(after.order_line.retail_flash_sale_id)
        before = self._order(2, date_order=self.now - timedelta(days=1))
        self.assertEqual(before.order_line.price_unit, 100.0)
        self.assertFalse(before.order_line.retail_flash_sale_id)

    def test_flash_price_only_on_its_pricelists(self):
        self._flash()
        order = self._order(2, pricelist=self.other_pricelist)
        self.assertEqual(order.order_line.price_unit, 100.0)
        self.assertFalse(order.order_line.retail_flash_sale_id)

    def test_flash_price_wins_over_the_other_rules_of_the_pricelist(self):
        self.pricelist.item_ids = [
            Command.create(
                {
                    "applied_on": "1_product",
                    "product_tmpl_id": self.rice.product_tmpl_id.id,
                    "compute_price": "fixed",
                    "fixed_price": 80.0,
                }
            ),
            Command.create(
                {
                    "applied_on": "3_global",
                    "compute_price": "percentage",
                    "percent_price": 50.0,
                }
            ),
        ]
        self.assertEqual(self._order(2).order_line.price_unit, 80.0)
        self._flash()
        self.assertEqual(self._order(2).order_line.price_unit, 59.0)
        later = self._order(2, date_order=self.now + timedelta(days=1))
        self.assertEqual(later.order_line.price_unit, 80.0)

    def test_pricelist_rules_follow_the_flash_sale(self):
        flash_sale = self._flash(
            pricelist_ids=[Command.set((self.pricelist | self.other_pricelist).ids)]
        )
        rules = self._rules(flash_sale)
        self.assertEqual(rules.pricelist_id, self.pricelist | self.other_pricelist)
        self.assertEqual(
            [
                (
                    r.applied_on,
                    r.product_id,
                    r.compute_price,
                    r.fixed_price,
                    r.min_quantity,
                    r.date_start,
                    r.date_end,
                )
                for r in rules
            ],
            [
                (
                    "0_product_variant",
                    self.rice,
                    "fixed",
                    59.0,
                    0.0,
                    flash_sale.date_start,
                    flash_sale.date_end,
                )
            ]
            * 2,
        )
        new_end = self.now + timedelta(hours=5)
        flash_sale.write({"price": 49.0, "date_end": new_end})
        self.assertEqual(self._rules(flash_sale), rules)
        self.assertEqual(rules.mapped("fixed_price"), [49.0, 49.0])
        self.assertEqual(rules.mapped("date_end"), [new_end, new_end])

        flash_sale.pricelist_ids = [Command.unlink(self.other_pricelist.id)]
        self.assertEqual(self._rules(flash_sale).pricelist_id, self.pricelist)
        self.assertFalse(self.other_pricelist.item_ids)

        flash_sale.active = False
        self.assertFalse(self._rules(flash_sale))
        flash_sale.active = True
        self.assertEqual(self._rules(flash_sale).pricelist_id, self.pricelist)

        flash_sale.unlink()
        self.assertFalse(self.pricelist.item_ids)

    def test_default_pricelists_are_the_active_ones_of_the_company(self):
        archived = self.env["product.pricelist"].create(
            {"name": "Old", "active": False}
        )
        other_company = self.env["res.company"].create({"name": "分公司"})
        foreign = self.env["product.pricelist"].create(
            {"name": "Branch", "company_id": other_company.id}
        )
        flash_sale = self.env["retail.flash.sale"].create(
            {
                "name": "秒杀",
                "product_id": self.rice.id,
                "price": 59.0,
                "date_start": self.now,
                "date_end": self.now + timedelta(hours=1),
                "total_cap": 10,
            }
        )
        self.assertIn(self.pricelist, flash_sale.pricelist_ids)
        self.assertIn(self.other_pricelist, flash_sale.pricelist_ids)
        self.assertNotIn(archived, flash_sale.pricelist_ids)
        self.assertNotIn(foreign, flash_sale.pricelist_ids)
        self.assertEqual(self._rules(flash_sale).pricelist_id, flash_sale.pricelist_ids)

    def test_archived_flash_sale_no_longer_prices(self):
        flash_sale = self._flash()
        flash_sale.action_archive()
        order = self._order(2)
        self.assertEqual(order.order_line.price_unit, 100.0)
        self.assertFalse(order.order_line.retail_flash_sale_id)
        self.assertEqual(flash_sale.state, "ended")

    def test_state_follows_the_window(self):
        running = self._flash()
        scheduled = self._flash(
            date_start=self.now + timedelta(days=2),
            date_end=self.now + timedelta(days=3),
        )
        ended = self._flash(
            date_start=self.now - timedelta(days=3),
            date_end=self.now - timedelta(days=2),
        )
        flash_sales = running | scheduled | ended
        self.assertEqual(flash_sales.mapped("state"), ["running", "scheduled", "ended"])
        FlashSale = self.env["retail.flash.sale"]
        for state, flash_sale in (
            ("running", running),
            ("scheduled", scheduled),
            ("ended", ended),
        ):
            self.assertEqual(
                FlashSale.search(
                    [("id", "in", flash_sales.ids), ("state", "=", state)]
                ),
                flash_sale,
            )

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

    # ---------------------------------------------------------- constraints
    def test_invalid_flash_sales_are_refused_naming_the_product(self):
        for vals, message in (
            ({"price": 0.0}, "The flash price of 五常大米 5kg must be positive."),
            (
                {"total_cap": 0.0},
                "The total quantity of 五常大米 5kg in a flash sale must be positive.",
            ),
            (
                {"date_end": self.now - timedelta(hours=2)},
                "The flash sale of 五常大米 5kg must end after it starts.",
            ),
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as error:
                self._flash(**vals)
            self.assertEqual(str(error.exception), message)

    def test_overlapping_flash_sales_of_a_product_are_refused(self):
        self._flash()
        with self.assertRaises(ValidationError) as error:
            self._flash(
                name="第二场",
                date_start=self.now + timedelta(minutes=30),
                date_end=self.now + timedelta(hours=3),
            )
        self.assertEqual(
            str(error.exception),
            "五常大米 5kg is already in the flash sale 双十一大米秒杀 during this period.",
        )
        later = self._flash(
            name="第二场",
            date_start=self.now + timedelta(hours=2),
            date_end=self.now + timedelta(hours=3),
        )
        self.assertEqual(later.state, "scheduled")

    def test_salesmen_read_flash_sales_but_do_not_manage_them(self):
        flash_sale = self._flash()
        self.assertEqual(flash_sale.with_user(self.salesman).price, 59.0)
        with self.assertRaises(AccessError):
            flash_sale.with_user(self.salesman).write({"price": 1.0})


@tagged("post_install", "-at_install")
class TestFlashSaleDefaultPricelists(RetailCommon):
    """A new flash sale is for shoppers: the trade's pricelists are left out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        currency = cls.env.company.currency_id
        Pricelist = cls.env["product.pricelist"]
        cls.retail, cls.member, cls.wholesale, cls.tier2, cls.supply = Pricelist.create(
            [
                {"name": name, "currency_id": currency.id}
                for name in ("零售价", "会员价", "批发价", "批发二级价", "门店拿货价")
            ]
        )
        # marked by hand, by the wholesale channel and by the company's store supply
        cls.tier2.retail_trade = True
        cls.env["retail.channel"].search(
            [("code", "=", "WHOLESALE"), ("company_id", "=", cls.env.company.id)]
        ).pricelist_id = cls.wholesale
        cls.env.company.retail_store_pricelist_id = cls.supply
        cls.book = cls.env["product.product"].create(
            {"name": "红楼梦", "list_price": 50.0}
        )

    def test_new_flash_sale_selects_the_shoppers_pricelists_only(self):
        now = fields.Datetime.now()
        form = Form(
            self.env["retail.flash.sale"].with_user(self.role_users["hq_admin"])
        )
        form.name = "周末秒杀"
        form.product_id = self.book
        form.price = 30.0
        form.date_start = now
        form.date_end = now + timedelta(days=3)
        form.total_cap = 100
        flash_sale = form.save()
        self.assertIn(self.retail, flash_sale.pricelist_ids)
        self.assertIn(self.member, flash_sale.pricelist_ids)
        for trade in (self.wholesale, self.tier2, self.supply):
            self.assertNotIn(trade, flash_sale.pricelist_ids)
        self.assertEqual(
            flash_sale.pricelist_item_ids.pricelist_id, flash_sale.pricelist_ids
        )
        # chosen by hand, a trade pricelist is kept
        flash_sale.pricelist_ids = [Command.link(self.wholesale.id)]
        self.assertIn(self.wholesale, flash_sale.pricelist_item_ids.pricelist_id)
