"""The web POS driven in Chromium as a cashier drives it: clicks on the till's buttons,
cards and dialogs (core POS 18 markup, the retail buttons of retail_pos_ext), typing on
the numpad and in the dialogs. The till runs in Chinese: elements are found by their
markup, data attributes and the demo chain's names, not by translated labels."""

import re

MODAL = ".modal:not(.o_inactive_modal)"


class Till:
    def __init__(self, page, server):
        self.page = page
        self.url = server["url"]

    # ------------------------------------------------------------ session
    def login(self, login):
        page = self.page
        page.goto(f"{self.url}/web/login")
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", login)
        page.click("button[type=submit]")
        page.wait_for_selector(".o_main_navbar")

    def open(self, config_id, opening_cash="0"):
        """Open the till; when its session is not opened yet, open the register with
        the opening cash counted."""
        page = self.page
        page.goto(f"{self.url}/pos/ui?config_id={config_id}")
        page.wait_for_selector(".screen-login .open-register-btn, .product-screen")
        if page.locator(".screen-login .open-register-btn").count():
            page.click(".screen-login .open-register-btn")
        if self.evaluate("() => posmodel.session.state") == "opening_control":
            page.wait_for_selector(f"{MODAL} .opening-cash-section input")
            page.fill(f"{MODAL} .opening-cash-section input", opening_cash)
            page.click(f"{MODAL} .modal-footer .btn-primary")
        page.wait_for_selector(".product-screen")
        self.wait_idle()

    def wait_idle(self):
        """No dialog open, no synchronisation running."""
        self.page.wait_for_function(
            "window.posmodel && !document.querySelector('.modal') "
            "&& !posmodel.data.network.loading"
        )

    def evaluate(self, script, arg=None):
        return self.page.evaluate(script, arg)

    # ------------------------------------------------------------ products
    def add(self, product_id, search):
        """Search the product by a word of its name and click its card."""
        page = self.page
        box = page.locator(".pos-rightheader input")
        box.fill(search)
        card = page.locator(f"article.product[data-product-id='{product_id}']")
        card.wait_for()
        card.click()
        box.fill("")

    def numpad(self, keys):
        for key in keys:
            self.page.locator(
                ".product-screen .numpad .numpad-button",
                has_text=re.compile(f"^{re.escape(key)}$"),
            ).first.click()

    def line(self, product_name):
        return self.page.locator(".product-screen .orderline", has_text=product_name)

    def order_lines(self):
        """(product id, quantity, unit price, lot names) of the till's current order."""
        return self.evaluate(
            """() => posmodel.get_order().get_orderlines().map((line) => [
                line.product_id.id,
                line.get_quantity(),
                line.get_unit_price(),
                (line.pack_lot_ids || []).map((lot) => lot.lot_name),
            ])"""
        )

    def total(self):
        return self.evaluate("() => posmodel.get_order().get_total_with_tax()")

    def pack_qty(self, text):
        """件/包/本 on the selected book line."""
        self.page.click(".control-buttons .retail-pack-qty-button")
        self._text_popup(text)

    def _text_popup(self, text):
        page = self.page
        page.wait_for_selector(f"{MODAL} textarea")
        page.fill(f"{MODAL} textarea", text)
        page.click(f"{MODAL} .modal-footer .btn-primary")
        page.wait_for_selector(f"{MODAL} textarea", state="detached")

    # ------------------------------------------------------------ held orders
    def hold(self, name):
        self.page.click(".control-buttons .retail-hold-button")
        self._text_popup(name)
        self.page.wait_for_function("posmodel.get_order().is_empty()")

    def resume(self, name):
        page = self.page
        page.click(".control-buttons .retail-held-orders-button")
        page.click(f"{MODAL} .selection-item:has-text('{name}')")
        page.wait_for_function("!posmodel.get_order().is_empty()")
        self.wait_idle()

    # ------------------------------------------------------------ customers
    def set_customer(self, search, name):
        """Find a customer by phone (or card number) on the server and pick them."""
        page = self.page
        page.click(".product-screen .set-partner")
        box = page.locator(f"{MODAL} .modal-header input")
        box.fill(search)
        page.click(f"{MODAL} .search-more-button button")
        page.click(f"{MODAL} .partner-list .partner-line:has-text('{name}')")
        page.wait_for_selector(f".product-screen .set-partner:has-text('{name}')")

    # ------------------------------------------------------------ payment
    def pay(self, method_name, reference=None):
        """Pay the whole order with one method (its transaction reference when the
        method asks for one), validate, and wait for the receipt."""
        page = self.page
        page.click(".product-screen .pay-order-button")
        page.wait_for_selector(".payment-screen")
        page.click(
            f".paymentmethods .paymentmethod:has(.payment-name:text-is('{method_name}'))"
        )
        page.click(".payment-screen .button.next.highlight")
        if reference:
            self._text_popup(reference)
        page.wait_for_selector(".receipt-screen .pos-receipt")
        self.page.wait_for_function("!posmodel.data.network.loading")

    def receipt_text(self):
        return self.page.locator(".receipt-screen .pos-receipt").inner_text()

    def current_order(self):
        """uuid and receipt number (pos_reference) of the till's current order."""
        return self.evaluate(
            "() => [posmodel.get_order().uuid, posmodel.get_order().pos_reference]"
        )

    def next_order(self):
        self.page.click(".receipt-screen .button.next.highlight[name='done']")
        self.page.wait_for_selector(".product-screen")

    # ------------------------------------------------------------ refunds
    def refund(self, pos_reference, product_name, qty):
        """Orders → Paid → the order → its line → quantity → Refund; the refund order
        is then on the product screen."""
        page = self.page
        self.menu_item("TicketScreen")
        page.click(".ticket-screen .pos-search-bar .filter")
        page.click(".ticket-screen .pos-search-bar .filter li.dropdown-item >> nth=-1")
        number = pos_reference.split(" ")[-1]
        page.click(f".ticket-screen .order-row:has-text('{number}')")
        page.click(f".ticket-screen .orderline:has-text('{product_name}')")
        for key in str(qty):
            page.locator(
                ".ticket-screen .numpad .numpad-button", has_text=re.compile(f"^{key}$")
            ).first.click()
        page.click(".ticket-screen .pay-order-button")
        page.wait_for_selector(".product-screen")

    # ------------------------------------------------------------ menu
    def menu_item(self, which):
        """The item of the till's menu (☰): ``TicketScreen`` (Orders) or
        ``ShiftHandover``."""
        page = self.page
        page.click(".pos-rightheader button:has(.fa-bars)")
        items = page.locator(".pos-burger-menu-items .dropdown-item")
        items.first.wait_for()
        labels = [label.strip() for label in items.all_inner_texts()]
        wanted = {"TicketScreen": "订单", "ShiftHandover": "交班"}[which]
        index = next(i for i, label in enumerate(labels) if label.startswith(wanted))
        items.nth(index).click()

    def handover(self, counted):
        """交班: count the cash of the shift; the summary the till shows."""
        page = self.page
        self.menu_item("ShiftHandover")
        for key in str(counted):
            page.locator(
                f"{MODAL} .numpad-button", has_text=re.compile(f"^{re.escape(key)}$")
            ).first.click()
        page.click(f"{MODAL} .modal-footer .btn-primary")
        page.wait_for_selector(".retail-handover-summary")
        summary = {
            "payments": page.locator(".retail-handover-payment").all_inner_texts(),
            "sales": page.locator(".retail-handover-sales").inner_text(),
            "refunds": page.locator(".retail-handover-refunds").inner_text(),
            "expected": page.locator(".retail-handover-cash-expected").inner_text(),
            "counted": page.locator(".retail-handover-cash-counted").inner_text(),
            "difference": page.locator(".retail-handover-cash-difference").inner_text(),
        }
        page.click(f"{MODAL} .modal-footer .btn-secondary")
        return summary
