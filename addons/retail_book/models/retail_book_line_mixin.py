from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero


def discount_label(percent):
    """65.0 → "6.5折" (the Chinese way of saying 65 % of the cover price)."""
    if not percent:
        return False
    return f"{percent / 10:.2f}".rstrip("0").rstrip(".") + "折"


class RetailBookLineMixin(models.AbstractModel):
    """码洋 / 实洋 / 折扣 and 件/包/本 entry on a document line.

    码洋 (cover amount) = quantity × cover price (定价), 实洋 (net amount) = the line's
    amount at its price (tax included where its prices include tax, as the 定价 printed
    on a book does, so that 码洋 × 折扣 is what is charged), discount rate = 实洋 / 码洋.
    The inheriting line names its quantity, unit, taxes and tax-included total fields
    in ``_retail_qty_field``, ``_retail_uom_field``, ``_retail_tax_field`` and
    ``_retail_total_field``.
    """

    _name = "retail.book.line.mixin"
    _description = "Book Line"
    _retail_qty_field = "product_uom_qty"
    _retail_uom_field = "product_uom"
    _retail_tax_field = "tax_id"
    _retail_total_field = "price_total"

    retail_cover_price = fields.Float(
        string="Cover Price",
        digits="Product Price",
        compute="_compute_retail_cover_price",
        store=True,
        readonly=False,
        precompute=True,
        copy=True,
        help="定价 of the book when the line was made, per unit of the line.",
    )
    retail_cover_amount = fields.Float(
        string="Cover Amount",
        digits="Account",
        compute="_compute_retail_book_amounts",
        store=True,
        help="码洋: quantity × cover price.",
    )
    retail_net_amount = fields.Float(
        string="Net Amount",
        digits="Account",
        compute="_compute_retail_book_amounts",
        store=True,
        help="实洋: the amount of a book line at its price, tax included where prices include tax (码洋 × 折扣).",
    )
    retail_discount_percent = fields.Float(
        string="Discount Rate (%)",
        digits=(16, 2),
        compute="_compute_retail_book_amounts",
        store=True,
        aggregator=False,
        help="实洋 / 码洋: 65 means 6.5折.",
    )
    retail_discount_label = fields.Char(
        string="Discount Rate", compute="_compute_retail_discount_label"
    )
    retail_pack_qty_text = fields.Char(
        string="Quantity (件/包/本)",
        compute="_compute_retail_pack_qty_text",
        inverse="_inverse_retail_pack_qty_text",
        help="Type the quantity in cases, bundles and copies, e.g. 3件2包5本, 3件, 2包5本 "
        "or 12; it is converted to copies.",
    )

    def _retail_product_qty(self):
        """The quantity of the line in the product's unit."""
        self.ensure_one()
        qty = self[self._retail_qty_field]
        uom = self[self._retail_uom_field]
        if uom and self.product_id and uom != self.product_id.uom_id:
            return uom._compute_quantity(qty, self.product_id.uom_id, round=False)
        return qty

    @api.depends(lambda self: ("product_id", self._retail_uom_field))
    def _compute_retail_cover_price(self):
        # the books are found among the lines' products at once: the lines of other
        # goods (most of a wholesale order's) take no price in one assignment
        book_ids = set(
            self.product_id.filtered(
                lambda product: (
                    product.product_tmpl_id.retail_is_book
                    and product.product_tmpl_id.retail_cover_price
                )
            ).ids
        )
        books = self.filtered(lambda line: line.product_id.id in book_ids)
        if others := self - books:
            others.retail_cover_price = 0.0
        for line in books:
            price = line.product_id.product_tmpl_id.retail_cover_price
            uom = line[line._retail_uom_field]
            if uom and uom != line.product_id.uom_id:
                price = line.product_id.uom_id._compute_price(price, uom)
            line.retail_cover_price = price

    @api.depends(
        lambda self: (
            "retail_cover_price",
            "price_subtotal",
            self._retail_total_field,
            self._retail_tax_field,
            self._retail_qty_field,
        )
    )
    def _compute_retail_book_amounts(self):
        # no 码洋 without a cover price (goods that are not books): those lines are set
        # at once, without reading their taxes and totals
        books = self.filtered("retail_cover_price")
        if others := self - books:
            others.update(
                {
                    "retail_cover_amount": 0.0,
                    "retail_net_amount": 0.0,
                    "retail_discount_percent": 0.0,
                }
            )
        for line in books:
            cover = line.retail_cover_price * line[line._retail_qty_field]
            taxes = line[line._retail_tax_field]
            net = (
                line[line._retail_total_field]
                if any(taxes.mapped("price_include"))
                else line.price_subtotal
            )
            line.retail_cover_amount = cover
            line.retail_net_amount = net if cover else 0.0
            line.retail_discount_percent = 100.0 * net / cover if cover else 0.0

    @api.depends("retail_discount_percent")
    def _compute_retail_discount_label(self):
        for line in self:
            line.retail_discount_label = discount_label(line.retail_discount_percent)

    @api.depends(lambda self: ("product_id", self._retail_qty_field))
    def _compute_retail_pack_qty_text(self):
        for line in self:
            if line.product_id.retail_bundle_qty:
                line.retail_pack_qty_text = line.product_id.retail_format_pack_qty(
                    line._retail_product_qty()
                )
            else:
                line.retail_pack_qty_text = False

    @api.model
    def _retail_qty_of_pack_text(self, product, text, uom):
        """The quantity in ``uom`` of ``text`` (3件2包5本, 12) typed for ``product``;
        a UserError naming both when it is not a quantity of it."""
        copies = product.retail_parse_pack_qty(text)
        if uom and uom != product.uom_id:
            return product.uom_id._compute_quantity(copies, uom, round=False)
        return copies

    @api.model
    def _retail_pack_qty_create_vals(self, vals_list):
        """``vals_list`` with each typed 件/包/本 text turned into the line's quantity.

        The inheriting line's ``create`` calls this before ``super()``: the quantity is
        then in place when the price and the amounts are computed, as if it had been
        given. (An inverse would set it after them, when the amounts computed on create
        are protected from recomputation, and leave them for one unit.) The text counts
        copies, so a line given no unit takes the product's.
        """
        qty_field, uom_field = self._retail_qty_field, self._retail_uom_field
        Product = self.env["product.product"]
        products = {
            product.id: product
            for product in Product.browse(
                {vals.get("product_id") for vals in vals_list} - {None, False}
            )
        }
        result = []
        for vals in vals_list:
            if "retail_pack_qty_text" in vals:
                vals = dict(vals)
                text = vals.pop("retail_pack_qty_text")
                product = products.get(vals.get("product_id"), Product)
                if text and product:
                    uom = self.env["uom.uom"].browse(vals.get(uom_field))
                    uom = uom or product.uom_id
                    vals[uom_field] = uom.id
                    vals[qty_field] = self._retail_qty_of_pack_text(product, text, uom)
            result.append(vals)
        return result

    def _retail_write_pack_qty_text(self, vals):
        """Write ``vals`` holding a typed 件/包/本 text, the text turned into the quantity
        of each line (the same text is more or fewer copies for different books): the
        inheriting line's ``write`` hands such values here. Every text is read before
        anything is written."""
        qty_field, uom_field = self._retail_qty_field, self._retail_uom_field
        vals = dict(vals)
        text = vals.pop("retail_pack_qty_text")
        new_product = "product_id" in vals
        product = self.env["product.product"].browse(vals.get("product_id"))
        given_uom = self.env["uom.uom"].browse(vals.get(uom_field))
        groups = defaultdict(lambda: self.browse())
        for line in self:
            line_product = product if new_product else line.product_id
            if not (text and line_product):
                groups[None] |= line
                continue
            # a new product without a unit: the line takes the product's
            uom = given_uom or (
                line_product.uom_id
                if new_product
                else line[uom_field] or line_product.uom_id
            )
            qty = self._retail_qty_of_pack_text(line_product, text, uom)
            groups[qty, uom] |= line
        for key, lines in groups.items():
            line_vals = dict(vals)
            if key:
                qty, uom = key
                line_vals[qty_field] = qty
                if new_product or uom != lines[:1][uom_field]:
                    line_vals[uom_field] = uom.id
            lines.write(line_vals)
        return True

    @api.onchange("retail_pack_qty_text")
    def _onchange_retail_pack_qty_text(self):
        for line in self:
            if line.retail_pack_qty_text and line.product_id:
                line[line._retail_qty_field] = line._retail_qty_of_pack_text(
                    line.product_id,
                    line.retail_pack_qty_text,
                    line[line._retail_uom_field],
                )

    def _inverse_retail_pack_qty_text(self):
        """Lines that take a typed quantity turn the text into it in their ``create`` and
        ``write`` (:meth:`_retail_pack_qty_create_vals`,
        :meth:`_retail_write_pack_qty_text`), so the text never reaches this inverse
        there. Other lines (a till's, priced by the till) refuse it rather than change
        their quantity under their amounts."""
        for line in self:
            if line.retail_pack_qty_text:
                raise UserError(
                    _(
                        "The quantity of %(product)s cannot be set to %(text)s on this "
                        "line: quantities in cases, bundles and copies (件/包/本) are "
                        "typed on order and invoice lines.",
                        product=line.product_id.display_name,
                        text=line.retail_pack_qty_text,
                    )
                )

    # 配件: accessory lines follow their book line

    def _retail_accessory_line_vals(self, product, quantity):
        """Values of a new accessory line of this book line."""
        raise NotImplementedError()

    def _retail_accessory_locked(self):
        """True where accessory lines can no longer be deleted (confirmed orders)."""
        return False

    def _retail_sync_accessories(self):
        """Create, update or remove the accessory lines of these book lines so that they
        hold the accessories of the book for the quantity of the line."""
        books = self.filtered(
            lambda line: not line.retail_accessory_parent_id and not line.display_type
        )
        # lines of goods without accessories and with no accessory lines (every line
        # of most orders) are left alone at once
        if not (
            books.product_id.product_tmpl_id.retail_accessory_ids
            or books.retail_accessory_line_ids
        ):
            return
        to_create, to_remove = [], self.browse()
        for line in books:
            wanted = {}
            # only books with accessories convert the line's quantity (a unit of another
            # category is core's to refuse, where and when core does)
            if line.product_id.product_tmpl_id.retail_accessory_ids:
                qty = line._retail_product_qty()
                for (
                    product,
                    accessory_qty,
                ) in line.product_id._retail_accessory_quantities(qty):
                    wanted[product] = wanted.get(product, 0.0) + accessory_qty
            for child in line.retail_accessory_line_ids:
                if child.product_id not in wanted:
                    to_remove |= child
                    continue
                qty = child.product_id.uom_id._compute_quantity(
                    wanted.pop(child.product_id), child[child._retail_uom_field]
                )
                rounding = child[child._retail_uom_field].rounding
                if float_compare(
                    qty, child[child._retail_qty_field], precision_rounding=rounding
                ):
                    child[child._retail_qty_field] = qty
            for product, accessory_qty in wanted.items():
                if not float_is_zero(
                    accessory_qty, precision_rounding=product.uom_id.rounding
                ):
                    to_create.append(
                        line._retail_accessory_line_vals(product, accessory_qty)
                    )
        locked = to_remove.filtered(lambda line: line._retail_accessory_locked())
        if locked:
            locked[self._retail_qty_field] = 0.0
        (to_remove - locked).unlink()
        if to_create:
            self.create(to_create)


class RetailBookDocumentMixin(models.AbstractModel):
    """Totals of 码洋 / 实洋 and the discount rate of an order or invoice. The
    inheriting document names its book lines in ``_retail_line_field``."""

    _name = "retail.book.document.mixin"
    _description = "Book Document"
    _retail_line_field = "order_line"

    retail_cover_amount_total = fields.Float(
        string="Total Cover Amount",
        digits="Account",
        compute="_compute_retail_book_totals",
        store=True,
        help="码洋合计: quantity × cover price of the books.",
    )
    retail_net_amount_total = fields.Float(
        string="Total Net Amount",
        digits="Account",
        compute="_compute_retail_book_totals",
        store=True,
        help="实洋合计: the amount of the books at their prices.",
    )
    retail_discount_percent = fields.Float(
        string="Discount Rate (%)",
        digits=(16, 2),
        compute="_compute_retail_book_totals",
        store=True,
        aggregator=False,
    )
    retail_discount_label = fields.Char(
        string="Discount Rate", compute="_compute_retail_discount_label"
    )

    @api.depends(
        lambda self: (
            f"{self._retail_line_field}.retail_cover_amount",
            f"{self._retail_line_field}.retail_net_amount",
        )
    )
    def _compute_retail_book_totals(self):
        for document in self:
            lines = document[document._retail_line_field]
            cover = sum(lines.mapped("retail_cover_amount"))
            net = sum(lines.mapped("retail_net_amount"))
            document.retail_cover_amount_total = cover
            document.retail_net_amount_total = net
            document.retail_discount_percent = 100.0 * net / cover if cover else 0.0

    @api.depends("retail_discount_percent")
    def _compute_retail_discount_label(self):
        for document in self:
            document.retail_discount_label = discount_label(
                document.retail_discount_percent
            )
