import re

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

# 快速下单: what one paste may hold
PASTE_MAX_LINES = 200
PASTE_MAX_CHARS = 20000
QTY_MAX = 1_000_000


class RetailPortalOrderMixin(models.AbstractModel):
    """The dealer's side of a portal order (a sale order): the cart, quick order,
    submission and acceptance of head office's changes. Called by the portal's
    pages with the dealer's user (sudo, after the page checked the order is
    theirs)."""

    _name = "retail.portal.order.mixin"
    _description = "Dealer's Portal Order"

    @api.model
    def _retail_portal_cart(self, user, create=True):
        """The open cart of this portal user (one per user), made when asked."""
        dealer = user.partner_id._retail_portal_dealer()
        if not dealer:
            raise UserError(self.env._("Your company does not order on the portal."))
        cart = self.sudo().search(
            [
                ("retail_portal_user_id", "=", user.id),
                ("retail_portal_state", "=", "cart"),
                ("state", "=", "draft"),
            ],
            order="id desc",
            limit=1,
        )
        if cart or not create:
            return cart
        channel = dealer.retail_ordering_channel_id
        return (
            self.sudo()
            .with_company(channel.company_id)
            .create(
                {
                    "partner_id": user.partner_id.id,
                    "company_id": channel.company_id.id,
                    "retail_channel_id": channel.id,
                    "retail_portal_state": "cart",
                    "retail_portal_user_id": user.id,
                }
            )
        )

    def _retail_portal_offered(self, products):
        """The part of ``products`` this order's dealer may order."""
        dealer = self.partner_id._retail_portal_dealer()
        if not dealer or not products:
            return products.browse()
        return products.filtered_domain(dealer._retail_portal_offer_domain())

    def _retail_portal_add(self, quantities):
        """Add {product: quantity} to this cart (a product already in it has its
        quantity raised). Products the dealer may not order are refused."""
        self.ensure_one()
        self._retail_portal_check_state("cart")
        products = self.env["product.product"].union(*quantities)
        refused = products - self._retail_portal_offered(products)
        if refused:
            raise UserError(
                self.env._(
                    "%(products)s cannot be ordered here.",
                    products=", ".join(refused.mapped("display_name")),
                )
            )
        for product, qty in quantities.items():
            self._retail_portal_check_qty(product, qty)
        lines = {line.product_id: line for line in self.order_line}
        new = []
        for product, qty in quantities.items():
            if product in lines:
                lines[product].product_uom_qty += qty
            else:
                new.append(
                    {
                        "order_id": self.id,
                        "product_id": product.id,
                        "product_uom_qty": qty,
                    }
                )
        self.env["sale.order.line"].create(new)
        return True

    def _retail_portal_check_qty(self, product, qty):
        if not 0 < qty <= QTY_MAX:
            raise UserError(
                self.env._(
                    "%(product)s: the quantity %(qty)s is not a quantity one can order.",
                    product=product.display_name,
                    qty=qty,
                )
            )

    def _retail_portal_set_quantities(self, quantities):
        """Set {line: quantity} of this cart; 0 takes the line out."""
        self.ensure_one()
        self._retail_portal_check_state("cart")
        for line, qty in quantities.items():
            if line.order_id != self:
                raise UserError(self.env._("This line is not in your cart."))
            if qty <= 0:
                line.unlink()
            else:
                self._retail_portal_check_qty(line.product_id, qty)
                line.product_uom_qty = qty
        return True

    def _retail_portal_paste(self, text):
        """快速下单: lines of "code quantity" (an internal reference or a barcode, then
        the quantity; tabs, commas or spaces between) added to this cart. Returns
        (lines added, [(line number, line, why it was not understood)])."""
        self.ensure_one()
        text = text or ""
        if len(text) > PASTE_MAX_CHARS or len(text.splitlines()) > PASTE_MAX_LINES:
            raise UserError(
                self.env._(
                    "Paste at most %(lines)s lines (%(chars)s characters) at a time.",
                    lines=PASTE_MAX_LINES,
                    chars=PASTE_MAX_CHARS,
                )
            )
        parsed, problems = [], []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line:
                continue
            parts = [part for part in re.split(r"[\s,，;；]+", line) if part]
            try:
                qty = float(parts[-1]) if len(parts) > 1 else 1.0
            except ValueError:
                problems.append(
                    (number, line, self.env._("the quantity is not a number"))
                )
                continue
            if not 0 < qty <= QTY_MAX:
                problems.append((number, line, self.env._("the quantity is not valid")))
                continue
            parsed.append((number, line, parts[0], qty))
        codes = {code for __, __, code, __ in parsed}
        found = self._retail_portal_find_codes(codes)
        quantities = {}
        for number, line, code, qty in parsed:
            product = found.get(code)
            if not product:
                problems.append(
                    (number, line, self.env._("no product with this code or barcode"))
                )
                continue
            if not self._retail_portal_offered(product):
                problems.append((number, line, self.env._("not offered to you")))
                continue
            quantities[product] = quantities.get(product, 0.0) + qty
        if quantities:
            self._retail_portal_add(quantities)
        return len(quantities), problems

    def _retail_portal_find_codes(self, codes):
        """{code: product} for internal references and barcodes (products' and their
        packagings', a packaging counting as its product), in two queries."""
        if not codes:
            return {}
        Product = self.env["product.product"].sudo().with_company(self.company_id)
        products = Product.search(
            ["|", ("default_code", "in", list(codes)), ("barcode", "in", list(codes))]
        )
        found = {}
        for product in products:
            for code in (product.barcode, product.default_code):
                if code in codes:
                    found.setdefault(code, product)
        return found

    def _retail_portal_submit(self):
        """The dealer sends the cart to head office: refused while a line breaks the
        minimum order quantity or case pack (the wholesale rules' own messages);
        prices below floor and the credit limit are head office's to decide."""
        self.ensure_one()
        self._retail_portal_check_state("cart")
        lines = self.order_line.filtered(
            lambda line: line.product_id and not line.display_type
        )
        if not lines:
            raise UserError(self.env._("Your cart is empty."))
        blocking = [
            message
            for kind, message in self._retail_rule_problems(include_credit=False)
            if kind == "quantity"
        ]
        if blocking:
            raise UserError("\n".join(blocking))
        for line in lines:
            line.retail_portal_qty_asked = line.product_uom_qty
        self.write(
            {"retail_portal_state": "to_approve", "date_order": fields.Datetime.now()}
        )
        self.message_subscribe(partner_ids=self.retail_portal_user_id.partner_id.ids)
        approver = self.user_id or self.team_id.user_id
        if approver:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._(
                    "Approve the order of %(dealer)s",
                    dealer=self.partner_id.commercial_partner_id.name,
                ),
                user_id=approver.id,
            )
        return True

    def _retail_portal_accept_changes(self):
        """The dealer accepts head office's quantities: the order is confirmed."""
        self.ensure_one()
        self._retail_portal_check_state("changed")
        self.action_confirm()
        self.retail_portal_state = "approved"
        self.message_post(
            body=self.env._(
                "%(user)s accepted the changes.", user=self.env.user.display_name
            )
        )
        return True

    def _retail_portal_reorder(self, user):
        """The lines of this order (still offered) into the user's cart."""
        self.ensure_one()
        cart = self._retail_portal_cart(user)
        quantities = {}
        for line in self.order_line.filtered("product_id"):
            if cart._retail_portal_offered(line.product_id):
                quantities[line.product_id] = quantities.get(line.product_id, 0.0) + (
                    line.product_uom_qty
                )
        if quantities:
            cart._retail_portal_add(quantities)
        return cart

    def _retail_portal_changes(self):
        """[(line, asked, now)] of the lines head office changed."""
        return [
            (line, line.retail_portal_qty_asked, line.product_uom_qty)
            for line in self.order_line.filtered("product_id")
            if float_compare(
                line.product_uom_qty,
                line.retail_portal_qty_asked,
                precision_rounding=line.product_uom.rounding,
            )
        ]
