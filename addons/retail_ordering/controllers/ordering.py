from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

CATALOG_PAGE = 24


class RetailOrderingCatalog(CustomerPortal):
    """订货平台 pages: the catalogue at the dealer's prices, the cart with quick
    order, the dealer's orders. Each page works on the dealer's own records only
    (sudo after that check): products offered to them, their cart, their orders."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "retail_ordering_count" in counters:
            dealer = request.env.user.partner_id._retail_portal_dealer()
            values["retail_ordering_count"] = (
                request.env["sale.order"]
                .sudo()
                .search_count(self._retail_orders_domain(dealer))
                if dealer
                else 0
            )
        return values

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["retail_is_dealer"] = bool(self._retail_dealer())
        return values

    def _retail_dealer(self):
        return request.env.user.partner_id.sudo()._retail_portal_dealer()

    def _retail_orders_domain(self, dealer):
        return [
            ("partner_id", "child_of", dealer.id),
            ("retail_portal_state", "not in", (False, "cart")),
        ]

    def _retail_render(self, template, values):
        base = self._prepare_portal_layout_values()
        base.update(values, page_name="retail_ordering")
        return request.render(template, base)

    @http.route(
        ["/my/catalog", "/my/catalog/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_catalog(self, page=1, search="", category=None, **kw):
        dealer = self._retail_dealer()
        if not dealer:
            return request.redirect("/my")
        categories = request.env["product.category"].sudo()
        category_record = (
            categories.browse(int(category))
            if category and category.isdigit()
            else categories
        )
        domain = dealer._retail_portal_search_domain(
            search[:100], category_record.exists()
        )
        Product = (
            request.env["product.product"]
            .sudo()
            .with_company(dealer.retail_ordering_channel_id.company_id)
        )
        total = Product.search_count(domain)
        pager = portal_pager(
            url="/my/catalog",
            total=total,
            page=page,
            step=CATALOG_PAGE,
            url_args={"search": search, "category": category or ""},
        )
        products = Product.search(
            domain, limit=CATALOG_PAGE, offset=pager["offset"], order="name, id"
        )
        cart = request.env["sale.order"]._retail_portal_cart(
            request.env.user, create=False
        )
        programs, by_product = dealer._retail_portal_promotions(products)
        return self._retail_render(
            "retail_ordering.portal_catalog",
            {
                "dealer": dealer,
                "rows": dealer._retail_portal_rows(products, by_product),
                "programs": programs,
                "pager": pager,
                "search": search,
                "category": category_record,
                "categories": self._retail_categories(dealer),
                "cart_count": len(cart.order_line),
                "show_quantity": dealer.retail_ordering_channel_id.company_id.retail_portal_stock_display
                == "quantity",
                "message": kw.get("message"),
            },
        )

    def _retail_categories(self, dealer):
        """The categories of the products offered to the dealer, in one grouped query."""
        groups = (
            request.env["product.product"]
            .sudo()
            ._read_group(
                dealer._retail_portal_offer_domain(), ["categ_id"], ["__count"]
            )
        )
        return [category for category, __ in groups]

    @http.route(["/my/cart"], type="http", auth="user", website=True)
    def portal_cart(self, **kw):
        if not self._retail_dealer():
            return request.redirect("/my")
        cart = request.env["sale.order"]._retail_portal_cart(
            request.env.user, create=False
        )
        return self._retail_render(
            "retail_ordering.portal_cart",
            {
                "cart": cart,
                "problems": request.session.pop("retail_paste_problems", []),
                "added": kw.get("added"),
                "error": request.session.pop("retail_ordering_error", None),
            },
        )

    def _retail_error(self, error, url):
        request.session["retail_ordering_error"] = error.args[0]
        return request.redirect(url)

    def _retail_float(self, value):
        try:
            return float(value)
        except (TypeError, ValueError):
            return 0.0

    @http.route(
        ["/my/cart/add"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_cart_add(self, product_id=None, qty=1, redirect="/my/catalog", **kw):
        if not self._retail_dealer():
            return request.redirect("/my")
        if not redirect.startswith("/my/catalog"):
            redirect = "/my/catalog"
        product = (
            request.env["product.product"].sudo().browse(int(product_id or 0)).exists()
        )
        try:
            cart = request.env["sale.order"]._retail_portal_cart(request.env.user)
            cart._retail_portal_add({product: self._retail_float(qty)})
        except UserError as error:
            return self._retail_error(error, "/my/cart")
        return request.redirect(redirect)

    @http.route(
        ["/my/cart/update"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_cart_update(self, **kw):
        if not self._retail_dealer():
            return request.redirect("/my")
        cart = request.env["sale.order"]._retail_portal_cart(
            request.env.user, create=False
        )
        quantities = {
            line: self._retail_float(kw[f"qty_{line.id}"])
            for line in cart.order_line
            if f"qty_{line.id}" in kw
        }
        try:
            cart._retail_portal_set_quantities(quantities)
        except UserError as error:
            return self._retail_error(error, "/my/cart")
        return request.redirect("/my/cart")

    @http.route(
        ["/my/cart/paste"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_cart_paste(self, lines="", **kw):
        if not self._retail_dealer():
            return request.redirect("/my")
        try:
            cart = request.env["sale.order"]._retail_portal_cart(request.env.user)
            added, problems = cart._retail_portal_paste(lines)
        except UserError as error:
            return self._retail_error(error, "/my/cart")
        request.session["retail_paste_problems"] = problems
        return request.redirect(f"/my/cart?added={added}")

    @http.route(
        ["/my/cart/submit"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_cart_submit(self, **kw):
        if not self._retail_dealer():
            return request.redirect("/my")
        cart = request.env["sale.order"]._retail_portal_cart(
            request.env.user, create=False
        )
        try:
            if not cart:
                raise UserError(request.env._("Your cart is empty."))
            cart._retail_portal_submit()
        except UserError as error:
            return self._retail_error(error, "/my/cart")
        return request.redirect(f"/my/ordering/{cart.id}")

    def _retail_order(self, order_id):
        """The dealer's own portal order (sudo), or None."""
        dealer = self._retail_dealer()
        order = request.env["sale.order"].sudo().browse(order_id).exists()
        if (
            not dealer
            or not order
            or order.partner_id.commercial_partner_id != dealer
            or order.retail_portal_state in (False, "cart")
        ):
            return None
        return order

    @http.route(
        ["/my/ordering", "/my/ordering/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_ordering(self, page=1, **kw):
        dealer = self._retail_dealer()
        if not dealer:
            return request.redirect("/my")
        Order = request.env["sale.order"].sudo()
        domain = self._retail_orders_domain(dealer)
        pager = portal_pager(
            url="/my/ordering",
            total=Order.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        orders = Order.search(
            domain, order="id desc", limit=self._items_per_page, offset=pager["offset"]
        )
        return self._retail_render(
            "retail_ordering.portal_my_ordering", {"orders": orders, "pager": pager}
        )

    @http.route(["/my/ordering/<int:order_id>"], type="http", auth="user", website=True)
    def portal_ordering_page(self, order_id, **kw):
        order = self._retail_order(order_id)
        if order is None:
            return request.redirect("/my")
        return self._retail_render(
            "retail_ordering.portal_ordering_page",
            {
                "order": order,
                "changes": {
                    line: asked for line, asked, __ in order._retail_portal_changes()
                },
                "error": request.session.pop("retail_ordering_error", None),
            },
        )

    @http.route(
        ["/my/ordering/<int:order_id>/accept"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_ordering_accept(self, order_id, **kw):
        order = self._retail_order(order_id)
        if order is None:
            return request.redirect("/my")
        try:
            order._retail_portal_accept_changes()
        except UserError as error:
            return self._retail_error(error, f"/my/ordering/{order.id}")
        return request.redirect(f"/my/ordering/{order.id}")

    @http.route(
        ["/my/ordering/<int:order_id>/reorder"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_ordering_reorder(self, order_id, **kw):
        order = self._retail_order(order_id)
        if order is None:
            return request.redirect("/my")
        try:
            order._retail_portal_reorder(request.env.user)
        except UserError as error:
            return self._retail_error(error, "/my/cart")
        return request.redirect("/my/cart")
