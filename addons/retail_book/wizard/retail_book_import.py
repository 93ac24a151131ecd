import base64
import csv
import datetime
import io

from odoo import _, fields, models
from odoo.exceptions import UserError

from odoo.addons.retail_wholesale.wizard.retail_file_import import (
    XLSX_ERRORS,
    _number,
    _text,
)

from ..tools import isbn as isbn_tools

# column: accepted headers (lower case)
COLUMNS = {
    "isbn": ("isbn", "书号"),
    "name": ("title", "name", "书名"),
    "cover_price": ("cover price", "定价"),
    "author": ("author", "作者"),
    "publisher": ("publisher", "出版社"),
    "edition": ("edition", "版次"),
    "publication_date": ("publication date", "出版日期"),
    "bundle_qty": ("copies per bundle", "每包本数"),
    "case_bundles": ("bundles per case", "每件包数"),
}
REQUIRED = ("isbn", "name", "cover_price")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y-%m", "%Y/%m", "%Y.%m", "%Y")


def _date(value):
    """(date, ok): (None, True) for an empty cell."""
    if value is None or not _text(value):
        return None, True
    if isinstance(value, datetime.datetime):
        return value.date(), True
    if isinstance(value, datetime.date):
        return value, True
    text = _text(value).replace("年", "-").replace("月", "-").rstrip("-日")
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date(), True
        except ValueError:
            continue
    return None, False


class RetailBookImport(models.TransientModel):
    _name = "retail.book.import"
    _inherit = "retail.file.import"
    _description = "Book List Import"

    file = fields.Binary(
        help="A CSV (UTF-8 or GB18030) or xlsx file, one book per row, with the columns "
        "ISBN, 书名, 定价 and optionally 作者, 出版社, 版次, 出版日期, 每包本数, 每件包数 "
        "(or their English names). Books are found by ISBN: known ones are updated, "
        "others created.",
    )

    def _read_table(self):
        """The rows of the file as lists of cells, first row the header."""
        self.ensure_one()
        data = base64.b64decode(self.file or b"")
        rows = self._read_xlsx(data) if data[:2] == b"PK" else self._read_csv(data)
        if rows is None:
            raise UserError(
                _(
                    "%(file)s is neither a CSV file nor an Excel workbook (.xlsx).",
                    file=self.filename or _("The file"),
                )
            )
        return rows

    def _read_xlsx(self, data):
        try:
            return [list(row) for row in self._read_xlsx_rows(data)]
        except XLSX_ERRORS:
            return None

    @staticmethod
    def _read_csv(data):
        """Rows of a CSV file in UTF-8 or GB18030 (Excel's Chinese CSV), or None."""
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" in text:
                return None
            try:
                dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            return [list(row) for row in csv.reader(io.StringIO(text), dialect)]
        return None

    def _read_rows(self):
        """[(row number, {column: value})], empty rows skipped."""
        rows = self._read_table()
        header = [_text(cell).lower() for cell in rows[0]] if rows else []
        index = {}
        for column, names in COLUMNS.items():
            for position, name in enumerate(header):
                if name in names:
                    index[column] = position
                    break
        missing = [COLUMNS[column][0] for column in REQUIRED if column not in index]
        if missing:
            raise UserError(
                _(
                    "%(file)s is not a book list: its first row lacks the columns "
                    "%(columns)s (ISBN, 书名 and 定价 are required).",
                    file=self.filename or _("The file"),
                    columns=", ".join(missing),
                )
            )
        return self._map_rows(rows, index)

    def _check_rows(self, rows):
        """(errors [(row, column, message)], [(product or None, values)])."""
        errors, books, seen = [], [], {}
        for number, values in rows:
            row_errors, isbn = self._check_isbn(values, number, seen)
            name = _text(values["name"])
            if not name:
                row_errors.append((_("Title"), _("The title is missing.")))
            price, ok = _number(values["cover_price"])
            if not ok or price is None or price < 0:
                row_errors.append(
                    (
                        _("Cover Price"),
                        _(
                            "The cover price must be a number, zero or more, not "
                            "%(value)s.",
                            value=_text(values["cover_price"]) or _("empty"),
                        ),
                    )
                )
            publication_date, ok = _date(values.get("publication_date"))
            if not ok:
                row_errors.append(
                    (
                        _("Publication Date"),
                        _(
                            "%(value)s is not a date: write it as 2024-05-01.",
                            value=_text(values["publication_date"]),
                        ),
                    )
                )
            size_errors, sizes = self._check_pack_sizes(values)
            row_errors += size_errors
            errors.extend((number, column, message) for column, message in row_errors)
            if row_errors:
                continue
            book = {
                "name": name,
                "retail_isbn": isbn,
                "retail_is_book": True,
                "retail_cover_price": price,
            }
            for column, field in (
                ("author", "retail_author"),
                ("publisher", "retail_publisher"),
                ("edition", "retail_edition"),
            ):
                if column in values and _text(values[column]):
                    book[field] = _text(values[column])
            if publication_date:
                book["retail_publication_date"] = publication_date
            if sizes["bundle_qty"] is not None:
                book["retail_bundle_qty"] = sizes["bundle_qty"]
            if sizes["case_bundles"] is not None:
                book["retail_case_bundles"] = sizes["case_bundles"]
            books.append((number, book))
        return errors, books

    def _check_isbn(self, values, number, seen):
        """([(column, message)], normalised ISBN or None) of the row ``number``;
        ``seen`` {ISBN: row} holds the rows of the ISBNs above it."""
        raw_isbn = _text(values["isbn"])
        message = self.env["product.template"]._retail_isbn_message(raw_isbn)
        if message:
            return [("ISBN", message)], None
        problems = []
        isbn = isbn_tools.normalize(raw_isbn)
        if isbn in seen:
            problems.append(
                (
                    "ISBN",
                    _(
                        "ISBN %(isbn)s is already on row %(row)s.",
                        isbn=isbn,
                        row=seen[isbn],
                    ),
                )
            )
        seen.setdefault(isbn, number)
        return problems, isbn

    def _check_pack_sizes(self, values):
        """([(column, message)], {"bundle_qty", "case_bundles": whole number or
        None}) of the row's pack sizes."""
        problems, sizes = [], {}
        for column, label in (
            ("bundle_qty", _("Copies per Bundle")),
            ("case_bundles", _("Bundles per Case")),
        ):
            size, ok = _number(values.get(column))
            if not ok or (size is not None and (size < 0 or size != int(size))):
                problems.append(
                    (
                        label,
                        _(
                            "The pack size must be a whole number, zero or more, "
                            "not %(value)s.",
                            value=_text(values[column]),
                        ),
                    )
                )
            sizes[column] = int(size or 0) if ok and size is not None else None
        if sizes["case_bundles"] and not sizes["bundle_qty"]:
            problems.append(
                (
                    _("Copies per Bundle"),
                    _("A book packed in cases needs its copies per bundle."),
                )
            )
        return problems, sizes

    def _apply(self, books):
        """Create or update the checked books; (created, updated)."""
        Template = self.env["product.template"]
        isbns = [book["retail_isbn"] for __, book in books]
        existing = {
            product.retail_isbn: product
            for product in Template.search([("retail_isbn", "in", isbns)])
        }
        # books known by their barcode only become books with that ISBN
        for product in Template.search(
            [("barcode", "in", isbns), ("retail_isbn", "=", False)]
        ):
            existing.setdefault(product.barcode, product)
        to_create = []
        updated = 0
        for __, book in books:
            product = existing.get(book["retail_isbn"])
            if product:
                if product.retail_isbn == book["retail_isbn"]:
                    book.pop("retail_isbn")
                product.write(book)
                updated += 1
            else:
                to_create.append(dict(book, is_storable=True))
        Template.create(to_create)
        return len(to_create), updated

    def action_import(self):
        self.ensure_one()
        rows = self._read_rows()
        if not rows:
            raise UserError(_("The file has no books to import."))
        errors, books = self._check_rows(rows)
        if errors:
            self._retail_report_errors(errors)
        else:
            created, updated = self._apply(books)
            self.write(
                {
                    "state": "done",
                    "report": _(
                        "%(count)s books imported: %(created)s created, %(updated)s "
                        "updated.",
                        count=len(books),
                        created=created,
                        updated=updated,
                    ),
                }
            )
        return self._retail_reopen(_("Import Books"))
