from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import isbn as isbn_tools
from ..tools import pack_qty


class ProductTemplate(models.Model):
    _inherit = "product.template"

    retail_is_book = fields.Boolean(
        string="Book",
        help="图书: the product is a book, sold at a discount off its cover price.",
    )
    retail_isbn = fields.Char(
        string="ISBN",
        index="btree_not_null",
        copy=False,
        help="ISBN-13 or ISBN-10, with or without hyphens: stored as the ISBN-13, which "
        "becomes the barcode of the book.",
    )
    retail_cover_price = fields.Monetary(
        string="Cover Price",
        currency_field="currency_id",
        help="定价: the price printed on the book. The sales price follows it; wholesale "
        "prices are a discount off it (6.5折 = 65 % of the cover price).",
    )
    retail_author = fields.Char(string="Author")
    retail_publisher = fields.Char(string="Publisher")
    retail_edition = fields.Char(string="Edition", help="版次, e.g. 第2版.")
    retail_publication_date = fields.Date(string="Publication Date")
    retail_bundle_qty = fields.Integer(
        string="Copies per Bundle",
        help="1 包 = this many 本 (copies). 0: the book is not bundled.",
    )
    retail_case_bundles = fields.Integer(
        string="Bundles per Case",
        help="1 件 = this many 包 (bundles). 0: the book is not packed in cases.",
    )
    retail_pack_structure = fields.Char(
        string="Pack Structure", compute="_compute_retail_pack_structure"
    )
    retail_accessory_ids = fields.One2many(
        comodel_name="retail.book.accessory",
        inverse_name="product_tmpl_id",
        string="Accessories",
        copy=True,
        help="配件 (e.g. 随书光盘): added to sale and purchase orders with the book, "
        "this many per copy.",
    )

    @api.depends("retail_bundle_qty", "retail_case_bundles")
    def _compute_retail_pack_structure(self):
        for product in self:
            bundle, case = pack_qty.pack_sizes(
                product.retail_bundle_qty, product.retail_case_bundles
            )
            if case:
                product.retail_pack_structure = _(
                    "1件 = %(bundles)s包 = %(copies)s本, 1包 = %(bundle)s本",
                    bundles=product.retail_case_bundles,
                    copies=case,
                    bundle=bundle,
                )
            elif bundle:
                product.retail_pack_structure = _("1包 = %(bundle)s本", bundle=bundle)
            else:
                product.retail_pack_structure = False

    @api.constrains(
        "retail_cover_price", "retail_bundle_qty", "retail_case_bundles", "retail_isbn"
    )
    def _check_retail_book(self):
        for product in self:
            if product.retail_cover_price < 0:
                raise ValidationError(
                    _(
                        "Cover price of %(product)s cannot be negative.",
                        product=product.display_name,
                    )
                )
            if product.retail_bundle_qty < 0 or product.retail_case_bundles < 0:
                raise ValidationError(
                    _(
                        "Pack sizes of %(product)s cannot be negative.",
                        product=product.display_name,
                    )
                )
            if product.retail_case_bundles and not product.retail_bundle_qty:
                raise ValidationError(
                    _(
                        "%(product)s is packed in cases of bundles: set its copies per "
                        "bundle too.",
                        product=product.display_name,
                    )
                )
            if product.retail_isbn and not isbn_tools.is_valid(product.retail_isbn):
                raise ValidationError(self._retail_isbn_message(product.retail_isbn))

    @api.model
    def _retail_isbn_message(self, value, product_name=None):
        """The translated reason why ``value`` is not an ISBN, or None."""
        try:
            isbn_tools.normalize(value)
        except isbn_tools.IsbnError as error:
            messages = {
                "empty": _("The ISBN is empty."),
                "characters": _(
                    "%(isbn)s is not an ISBN: only digits (and X as the last character "
                    "of an ISBN-10), hyphens and spaces are allowed.",
                    isbn=value,
                ),
                "length": _(
                    "%(isbn)s is not an ISBN: an ISBN has 10 or 13 digits.", isbn=value
                ),
                "prefix": _(
                    "%(isbn)s is not an ISBN: an ISBN-13 starts with 978 or 979.",
                    isbn=value,
                ),
                "checksum": _(
                    "%(isbn)s is not a valid ISBN: its check digit is wrong (mistyped "
                    "digit?).",
                    isbn=value,
                ),
            }
            message = messages[error.code]
            if product_name:
                message = _(
                    "%(product)s: %(message)s", product=product_name, message=message
                )
            return message
        return None

    @api.model
    def retail_normalize_isbn(self, value, product_name=None):
        """The ISBN-13 of ``value``; a ValidationError saying what is wrong if none."""
        message = self._retail_isbn_message(value, product_name)
        if message:
            raise ValidationError(message)
        return isbn_tools.normalize(value)

    def _retail_check_isbn_duplicates(self, isbns):
        """Refuse ISBNs ({isbn: product name}) already used by other active products."""
        if not isbns:
            return
        others = self.search(
            [("retail_isbn", "in", list(isbns)), ("id", "not in", self.ids)]
        )
        for other in others:
            raise ValidationError(
                _(
                    "ISBN %(isbn)s of %(product)s is already used by %(other)s.",
                    isbn=other.retail_isbn,
                    product=isbns[other.retail_isbn],
                    other=other.display_name,
                )
            )

    def _retail_prepare_book_vals(self, vals, name):
        if vals.get("retail_isbn"):
            vals["retail_isbn"] = self.retail_normalize_isbn(vals["retail_isbn"], name)
            vals["barcode"] = vals["retail_isbn"]
            vals.setdefault("retail_is_book", True)
        if vals.get("retail_is_book") or self.filtered("retail_is_book"):
            if "retail_cover_price" in vals:
                vals["list_price"] = vals["retail_cover_price"]
            elif "list_price" in vals:
                vals["retail_cover_price"] = vals["list_price"]
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [
            self._retail_prepare_book_vals(dict(vals), vals.get("name"))
            for vals in vals_list
        ]
        isbns = {}
        for vals in vals_list:
            isbn = vals.get("retail_isbn")
            if not isbn:
                continue
            if isbn in isbns:
                raise ValidationError(
                    _(
                        "ISBN %(isbn)s of %(product)s is already used by %(other)s.",
                        isbn=isbn,
                        product=vals.get("name"),
                        other=isbns[isbn],
                    )
                )
            isbns[isbn] = vals.get("name")
        self._retail_check_isbn_duplicates(isbns)
        return super().create(vals_list)

    def write(self, vals):
        if {"retail_isbn", "retail_cover_price", "list_price", "retail_is_book"} & set(
            vals
        ):
            vals = self._retail_prepare_book_vals(dict(vals), self[:1].display_name)
            if vals.get("retail_isbn"):
                if len(self) > 1:
                    raise ValidationError(
                        _(
                            "ISBN %(isbn)s cannot be given to %(count)s products at "
                            "once.",
                            isbn=vals["retail_isbn"],
                            count=len(self),
                        )
                    )
                self._retail_check_isbn_duplicates(
                    {vals["retail_isbn"]: self.display_name}
                )
        return super().write(vals)
