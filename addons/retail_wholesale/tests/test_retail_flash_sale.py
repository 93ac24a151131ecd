from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import RetailCommon
from .flash_sale_common import FlashSaleCommon


@tagged("post_install", "-at_install")
class TestRetailFlashSale(FlashSaleCommon):
    """The flash price in pricelists, the flash sale's window and its rules."""

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
