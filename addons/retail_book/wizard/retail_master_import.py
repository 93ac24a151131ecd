from odoo import _, models

from odoo.addons.retail_wholesale.tools.master_import import column
from odoo.addons.retail_wholesale.wizard.retail_file_import import _number, _text

from .retail_book_import import _date

# the book columns but the ISBN, keyed as in the book list import
BOOK_KEYS = (
    "cover_price",
    "author",
    "publisher",
    "edition",
    "publication_date",
    "bundle_qty",
    "case_bundles",
)


class RetailMasterImport(models.TransientModel):
    """The book columns of the products' template: a row with an ISBN is a book,
    checked as the book list import checks its rows."""

    _inherit = "retail.master.import"

    def _retail_product_columns(self):
        return super()._retail_product_columns() + [
            column(
                "isbn",
                "ISBN",
                "图书填写，其它商品留空。ISBN-13 或 ISBN-10，成为图书的条码（条码列留空）。",
            ),
            column("cover_price", "定价", "图书的定价，即其零售价；空：取零售价。"),
            column("author", "作者", "可空。"),
            column("publisher", "出版社", "可空。"),
            column("edition", "版次", "可空，如 第2版。"),
            column("publication_date", "出版日期", "可空，如 2024-05-01。"),
            column("bundle_qty", "每包本数", "可空。1 包 = 多少本。"),
            column(
                "case_bundles", "每件包数", "可空。1 件 = 多少包，须同时填每包本数。"
            ),
        ]

    def _retail_product_values(self, number, values, vals, seen):
        problems = super()._retail_product_values(number, values, vals, seen)
        if not _text(values.get("isbn")):
            if any(_text(values.get(key)) for key in BOOK_KEYS):
                problems.append(("ISBN", _("A book needs its ISBN.")))
            return problems
        BookImport = self.env["retail.book.import"]
        isbn_problems, isbn = BookImport._check_isbn(
            values, number, seen.setdefault("isbn", {})
        )
        problems += isbn_problems
        if isbn:
            if vals.get("barcode") not in (None, isbn):
                problems.append(
                    (
                        "条码",
                        _(
                            "The barcode of a book is its ISBN %(isbn)s: leave the "
                            "barcode empty.",
                            isbn=isbn,
                        ),
                    )
                )
            vals.update(retail_isbn=isbn, barcode=isbn, retail_is_book=True)
        problems += self._retail_book_cover_price(values, vals)
        for key, field in (
            ("author", "retail_author"),
            ("publisher", "retail_publisher"),
            ("edition", "retail_edition"),
        ):
            if _text(values.get(key)):
                vals[field] = _text(values[key])
        publication_date, ok = _date(values.get("publication_date"))
        if not ok:
            problems.append(
                (
                    "出版日期",
                    _(
                        "%(value)s is not a date: write it as 2024-05-01.",
                        value=_text(values["publication_date"]),
                    ),
                )
            )
        elif publication_date:
            vals["retail_publication_date"] = publication_date
        size_problems, sizes = BookImport._check_pack_sizes(
            {key: values.get(key) for key in ("bundle_qty", "case_bundles")}
        )
        headers = {
            _("Copies per Bundle"): "每包本数",
            _("Bundles per Case"): "每件包数",
        }
        problems += [(headers.get(label, label), msg) for label, msg in size_problems]
        if sizes["bundle_qty"] is not None:
            vals["retail_bundle_qty"] = sizes["bundle_qty"]
        if sizes["case_bundles"] is not None:
            vals["retail_case_bundles"] = sizes["case_bundles"]
        return problems

    def _retail_book_cover_price(self, values, vals):
        """[(column, message)] of the cover price (定价) of a book's row, set on its
        ``vals``: the book's retail price, so a different 零售价 is refused."""
        problems = []
        price, ok = _number(values.get("cover_price"))
        if not ok or (price is not None and price < 0):
            problems.append(
                (
                    "定价",
                    _(
                        "The cover price must be a number, zero or more, not "
                        "%(value)s.",
                        value=_text(values.get("cover_price")),
                    ),
                )
            )
        elif price is not None:
            if vals.get("list_price") not in (None, price):
                problems.append(
                    (
                        "零售价",
                        _(
                            "The retail price of a book is its cover price "
                            "%(price)s: leave it empty or write the same price.",
                            price=price,
                        ),
                    )
                )
            vals["retail_cover_price"] = price
        return problems
