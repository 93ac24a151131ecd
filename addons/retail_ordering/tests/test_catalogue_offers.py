from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common import OrderingCommon


@tagged("post_install", "-at_install")
class TestCatalogueOffers(OrderingCommon, HttpCase):
    """The catalogue shows the dealer the flash sales and promotions their orders
    get, and none of another grade's; the phone's camera finds a product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dealer_prices = cls.grade.pricelist_id

    def _promotion(self, name, grade, **values):
        return self.env["retail.promotion"].create(
            {
                "name": name,
                "date_start": fields.Date.today() - timedelta(days=1),
                "date_end": fields.Date.today() + timedelta(days=10),
                "retail_ok": False,
                "wholesale_ok": True,
                "stack_ok": True,
                "grade_ids": [Command.set(grade.ids)],
                **values,
            }
        )

    def test_flash_sale_and_promotions_of_the_dealers_grade(self):
        now = fields.Datetime.now()
        self.env["retail.flash.sale"].create(
            {
                "name": "Dealer Test Flash",
                "product_id": self.tea.id,
                "price": 8.5,
                "date_start": now - timedelta(hours=1),
                "date_end": now + timedelta(hours=5),
                "per_customer_limit": 12,
                "total_cap": 100,
                "pricelist_ids": [Command.set(self.dealer_prices.ids)],
            }
        )
        vip = self.env["retail.customer.grade"].search(
            [("name", "=", "Dealer Test VIP")]
        )
        self._promotion(
            "Dealer Test 满100减10",
            self.grade,
            tier_ids=[Command.create({"threshold": 100.0, "discount": 10.0})],
        )
        self._promotion(
            "Dealer Test Biscuit 买十送一",
            self.grade,
            promotion_type="buy_get",
            product_ids=[Command.set(self.biscuit.ids)],
            buy_qty=10,
            free_qty=1,
        )
        self._promotion(
            "Dealer Test VIP Only",
            vip,
            tier_ids=[Command.create({"threshold": 50.0, "discount": 5.0})],
        )
        self.authenticate("dealer_a", "dealer_a")
        page = self.url_open("/my/catalog").text
        banner = page.split("o_retail_catalog_promotions")[1]
        banner = banner.split("o_retail_catalog")[0]
        self.assertIn("Dealer Test 满100减10", banner)
        self.assertIn("Dealer Test Biscuit 买十送一", banner)
        self.assertNotIn("VIP Only", page, "another grade's promotion")
        items = page.split("o_retail_catalog_item")
        tea = next(item for item in items if "Dealer Test Tea" in item)
        self.assertIn("8.50", tea, "the flash price")
        self.assertIn("o_retail_catalog_flash", tea)
        self.assertNotIn("买十送一", tea)
        biscuit = next(item for item in items[1:] if "Dealer Test Biscuit<" in item)
        self.assertIn("o_retail_catalog_promotion", biscuit)
        self.assertIn("Dealer Test Biscuit 买十送一", biscuit)
        self.assertNotIn("o_retail_catalog_flash", biscuit)
        # the dealer's order gets them when head office confirms it
        cart = self.env["sale.order"]._retail_portal_cart(self.user_a)
        cart._retail_portal_add({self.tea: 6})
        self.assertEqual(cart.order_line.price_unit, 8.5)
        # flash sale goods get no promotion (unless it says so): biscuits only
        cart.order_line.unlink()
        cart._retail_portal_add({self.biscuit: 20})
        cart._retail_portal_submit()
        cart.with_user(self.hq_sales).action_retail_portal_approve()
        rewards = cart.order_line.filtered("is_reward_line")
        self.assertEqual(
            set(rewards.reward_id.program_id.retail_promotion_id.mapped("name")),
            {"Dealer Test 满100减10", "Dealer Test Biscuit 买十送一"},
        )
        self.assertEqual(cart.amount_untaxed, 20 * 8.0 - 10.0)

    def test_no_promotion_no_banner(self):
        self.authenticate("dealer_a", "dealer_a")
        page = self.url_open("/my/catalog").text
        self.assertNotIn("o_retail_catalog_promotions", page)
        self.assertNotIn("o_retail_catalog_flash", page)

    def test_dealer_scans_a_barcode_with_the_phone(self):
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/my/catalog", "retail_ordering_scan_tour", login="dealer_a")
