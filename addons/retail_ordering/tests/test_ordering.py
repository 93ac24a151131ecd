from datetime import timedelta
from urllib.parse import urlparse

from odoo import Command, fields
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import OrderingCommon


@tagged("post_install", "-at_install")
class TestOrdering(OrderingCommon, HttpCase):
    """A dealer orders on the portal at their grade's prices; head office approves,
    changes or rejects; other dealers reach nothing of it."""

    def _csrf(self, url="/my/cart"):
        page = self.url_open(url).text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def _post(self, url, **data):
        return self.url_open(url, data={"csrf_token": self._csrf(), **data})

    def _cart(self, user):
        return self.env["sale.order"]._retail_portal_cart(user, create=False)

    def test_catalogue_at_the_dealers_prices_and_availability(self):
        self.authenticate("dealer_a", "dealer_a")
        page = self.url_open("/my/catalog").text
        self.assertIn("Dealer Test Tea", page)
        self.assertIn("Dealer Test Biscuit", page)
        for absent in ("Dealer Test Hidden", "Dealer Test Elsewhere", "7.77"):
            self.assertNotIn(absent, page, "not offered, or another grade's price")
        tea = page.split("Dealer Test Tea")[1].split("o_retail_catalog_item")[0]
        self.assertIn("10.00", tea, "the grade's price")
        self.assertIn("9.00", tea, "the quantity break at 24")
        self.assertIn("In stock", tea)
        # as a quantity: 100 on hand less the 30 another order holds
        self.env.company.retail_portal_stock_display = "quantity"
        tea = self.url_open("/my/catalog?search=6901234567892").text.split(
            "Dealer Test Tea"
        )[1]
        self.assertIn(">70</span>", tea.replace(" ", "").replace("\n", ""))
        self.assertNotIn(
            "Dealer Test Biscuit", self.url_open("/my/catalog?search=TEA-001").text
        )
        # somebody without a dealer company has no catalogue
        self.authenticate(
            self.role_users["cashier"].login, self.role_users["cashier"].login
        )
        response = self.url_open("/my/catalog")
        self.assertTrue(urlparse(response.url).path.endswith("/my"), response.url)

    def test_quick_order_reports_what_it_did_not_understand(self):
        self.authenticate("dealer_a", "dealer_a")
        lines = "\n".join(
            [
                "6901234567892 12",  # tea by barcode
                "BIS-002\t10",  # biscuit by code, a tab
                "bis-002, 5",  # not the code (codes are exact)
                "HID-003 1",  # not offered
                "TEA-001 abc",  # not a number
                "TEA-001 -3",
                "",
                "TEA-001 6",  # the tea again: raised
            ]
            + ["BIS-002 1" for _i in range(42)]  # a 50-line paste
        )
        response = self._post("/my/cart/paste", lines=lines)
        added = response.text.split("o_retail_paste_added")[1].split("</div>")[0]
        self.assertIn("2 <span>product(s) added", added)
        cart = self._cart(self.user_a)
        self.assertEqual(
            {line.product_id: line.product_uom_qty for line in cart.order_line},
            {self.tea: 18, self.biscuit: 52},
        )
        problems = response.text.split("o_retail_paste_problems")[1].split("</ul>")[0]
        for number, why in (
            (3, "no product with this code or barcode"),
            (4, "not offered to you"),
            (5, "the quantity is not a number"),
            (6, "the quantity is not valid"),
        ):
            self.assertIn(f"Line</span> {number}", problems)
            self.assertIn(why, problems)
        self.assertEqual(problems.count("<li>"), 4)
        # bounded: 201 lines are refused, nothing added
        response = self._post("/my/cart/paste", lines="\n".join(["BIS-002 1"] * 201))
        self.assertIn("Paste at most 200 lines", response.text)
        self.assertEqual(
            self._cart(self.user_a)
            .order_line.filtered(lambda line: line.product_id == self.biscuit)
            .product_uom_qty,
            52,
        )

    def test_submit_change_accept_and_reject(self):
        self.authenticate("dealer_a", "dealer_a")
        self._post("/my/cart/add", product_id=self.tea.id, qty=4)
        # the wholesale rules' own messages
        response = self._post("/my/cart/submit")
        self.assertIn("the minimum order quantity is 6", response.text)
        cart = self._cart(self.user_a)
        line = cart.order_line
        self._post("/my/cart/update", **{f"qty_{line.id}": 30})
        self.assertEqual(line.price_unit, 9.0, "the break at 24")
        response = self._post("/my/cart/submit")
        self.assertEqual(cart.retail_portal_state, "to_approve")
        self.assertIn("o_retail_order_state", response.text)

        # head office cuts it to 12 and approves: the dealer must accept
        order = cart.with_user(self.hq_sales)
        order.order_line.product_uom_qty = 12
        order.action_retail_portal_approve()
        self.assertEqual(order.retail_portal_state, "changed")
        self.assertEqual(order.state, "draft")
        page = self.url_open(f"/my/ordering/{order.id}").text
        self.assertIn("o_retail_order_line_changed", page)
        self.url_open(
            f"/my/ordering/{order.id}/accept",
            data={"csrf_token": self._csrf(f"/my/ordering/{order.id}")},
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.retail_portal_state, "approved")
        self.assertTrue(order.picking_ids, "a delivery from head office")
        # the warehouse gives the carrier's tracking number: the dealer reads it
        order.picking_ids.with_user(
            self.role_users["keeper"]
        ).retail_tracking_ref = "SF1234567890"
        page = self.url_open(f"/my/ordering/{order.id}").text
        self.assertIn("SF1234567890", page.split("o_retail_order_deliveries")[1])
        # its 12 are held: 100 - 30 - 12 available
        self.env.company.retail_portal_stock_display = "quantity"
        tea = self.url_open("/my/catalog?search=TEA-001").text.split("Dealer Test Tea")[
            1
        ]
        self.assertIn(">58</span>", tea.replace(" ", "").replace("\n", ""))

        # a second order, rejected with a reason the dealer reads; order it again
        self._post("/my/cart/add", product_id=self.biscuit.id, qty=3)
        second = self._cart(self.user_a)
        self._post("/my/cart/submit")
        wizard = (
            self.env["retail.portal.reject"]
            .with_user(self.hq_sales)
            .create({"order_ids": second.ids, "reason": "该商品本月停止供货"})
        )
        wizard.action_reject()
        self.assertEqual(
            (second.state, second.retail_portal_state), ("cancel", "rejected")
        )
        self.assertIn(
            "该商品本月停止供货", self.url_open(f"/my/ordering/{second.id}").text
        )
        self.url_open(
            f"/my/ordering/{second.id}/reorder",
            data={"csrf_token": self._csrf(f"/my/ordering/{second.id}")},
        )
        self.assertEqual(self._cart(self.user_a).order_line.product_id, self.biscuit)
        # the head office page of its dealers
        self.assertEqual(self.dealer_a.retail_portal_to_approve_count, 0)
        # 12 at 10.00: below the break at 24 the price is the grade's base price again
        self.assertEqual(self.dealer_a.retail_portal_open_amount, 120.0)

    def test_dealers_page_shows_what_is_overdue(self):
        # an invoice of two months ago, due a month ago
        old = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.dealer_a.id,
                "invoice_date": fields.Date.today() - timedelta(days=60),
                "invoice_date_due": fields.Date.today() - timedelta(days=30),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "货款",
                            "quantity": 1,
                            "price_unit": 300.0,
                            "tax_ids": [],
                        }
                    )
                ],
            }
        )
        old.action_post()
        # as head office's salesperson reads the Dealers page
        dealers = (self.dealer_a | self.dealer_b).with_user(self.hq_sales)
        self.assertEqual(dealers.mapped("retail_overdue_amount"), [300.0, 0.0])
        self.assertEqual(dealers[0].credit, 300.0)

    @mute_logger("odoo.http")
    def test_another_dealer_reaches_nothing(self):
        self.authenticate("dealer_a", "dealer_a")
        self._post("/my/cart/add", product_id=self.tea.id, qty=6)
        cart_a = self._cart(self.user_a)
        self._post("/my/cart/submit")
        self._post("/my/cart/add", product_id=self.biscuit.id, qty=2)
        open_cart_a = self._cart(self.user_a)

        self.authenticate("dealer_b", "dealer_b")
        for url in (f"/my/ordering/{cart_a.id}", f"/my/ordering/{open_cart_a.id}"):
            response = self.url_open(url)
            self.assertTrue(urlparse(response.url).path.endswith("/my"), response.url)
        for url in (
            f"/my/ordering/{cart_a.id}/reorder",
            f"/my/ordering/{cart_a.id}/accept",
        ):
            self.url_open(url, data={"csrf_token": self._csrf()}, allow_redirects=False)
        self.assertFalse(self._cart(self.user_b), "nothing reordered into B's cart")
        # B's form naming A's cart line changes nothing
        line = open_cart_a.order_line
        self._post("/my/cart/update", **{f"qty_{line.id}": 99})
        self.assertEqual(line.product_uom_qty, 2)
        # a product not offered to B
        response = self._post("/my/cart/add", product_id=self.hidden.id, qty=1)
        self.assertIn("cannot be ordered here", response.text)
        self.assertNotIn("Dealer Test Tea", self.url_open("/my/ordering").text)
        # raw JSON-RPC: A's orders, prices and the price lists are not B's to read
        for model, ids, names in (
            ("sale.order", cart_a.ids, ["amount_total"]),
            ("sale.order.line", cart_a.order_line.ids, ["price_unit"]),
            (
                "product.pricelist.item",
                self.grade.pricelist_id.item_ids.ids,
                ["fixed_price"],
            ),
            ("product.pricelist", self.grade.pricelist_id.ids, ["name"]),
            ("res.partner", self.dealer_a.ids, ["credit"]),
        ):
            with self.subTest(model=model), self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {
                        "model": model,
                        "method": "read",
                        "args": [ids, names],
                        "kwargs": {},
                    },
                )
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "sale.order",
                    "method": "write",
                    "args": [cart_a.ids, {"retail_portal_state": "approved"}],
                    "kwargs": {},
                },
            )
        self.assertEqual(cart_a.retail_portal_state, "to_approve")

    def test_dealer_accepts_changes_and_follows_the_order_on_a_phone(self):
        self.browser_size = "390x844"
        self.touch_enabled = True
        cart = self.env["sale.order"]._retail_portal_cart(self.user_a)
        cart._retail_portal_add({self.tea: 30})
        cart._retail_portal_submit()
        order = cart.with_user(self.hq_sales)
        order.order_line.product_uom_qty = 12
        order.action_retail_portal_approve()
        self.start_tour("/my/catalog", "retail_ordering_accept_tour", login="dealer_a")
        self.assertEqual((order.state, order.retail_portal_state), ("sale", "approved"))
        # head office ships with a tracking number and invoices
        picking = order.picking_ids
        picking.with_user(
            self.role_users["keeper"]
        ).retail_tracking_ref = "SF1234567890"
        picking.move_ids.quantity = 12
        picking.move_ids.picked = True
        picking.button_validate()
        invoice = order.sudo()._create_invoices()
        invoice.action_post()
        self.start_tour("/my/catalog", "retail_ordering_follow_tour", login="dealer_a")

    def test_dealer_orders_on_a_phone(self):
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour("/my", "retail_ordering_order_tour", login="dealer_a")
        order = self.env["sale.order"].search(
            [("retail_portal_user_id", "=", self.user_a.id)]
        )
        self.assertEqual(order.retail_portal_state, "to_approve")
        self.assertEqual(
            {line.product_id: line.product_uom_qty for line in order.order_line},
            {self.tea: 6, self.biscuit: 10},
        )
